import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests and manual trials. It speaks enough of
 * the API for the real openai / LangChain clients: GET /v1/models, POST /v1/chat/completions
 * (plain, streamed, tools, json_schema) and POST /v1/embeddings. Structured replies are generated
 * from the request's own JSON schema, so any schema the app sends gets a valid object back.
 * Every request body is logged raw, so tests can assert what left the app.
 *
 * Fault modes apply to POST requests, for the next `times` requests (then back to 'ok').
 *
 *   npx tsx test/servers/fake-openai.ts --port 8787 [--mode 429] [--quiet]
 */
export type FakeMode = 'ok' | '429' | '500' | 'hang' | 'refusal' | 'invalid-json' | 'injection';
export const FAKE_MODES: FakeMode[] = ['ok', '429', '500', 'hang', 'refusal', 'invalid-json', 'injection'];

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received. */
  body: string;
  json?: any;
  mode: FakeMode;
}

/** A scripted chat reply. Return undefined from a responder to get the default behaviour. */
export interface FakeReply {
  content?: string | null;
  toolCalls?: { id?: string; name: string; arguments: unknown }[];
  refusal?: string;
}

export type FakeResponder = (request: { json: any; index: number }) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeOpenAIOptions {
  port?: number;
  models?: string[];
  /** Width of the embedding vectors (unless the request asks for `dimensions`). */
  embeddingDim?: number;
  /** Value of the retry-after header (seconds) sent with 429s; default '1'. */
  retryAfter?: string;
  /** Also send retry-after-ms with 429s. */
  retryAfterMs?: number;
  /** Initial mode and how many POST requests it lasts (default: forever). */
  mode?: FakeMode;
  times?: number;
  responder?: FakeResponder;
  /** Answer float arrays whatever encoding_format says (like many compatible servers). */
  ignoreEncodingFormat?: boolean;
  /** Require `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  log?: (line: string) => void;
}

export interface FakeOpenAI {
  /** Base URL including /v1, for OPENAI_BASE_URL. */
  url: string;
  port: number;
  requests: LoggedRequest[];
  setMode(mode: FakeMode, times?: number): void;
  setResponder(responder?: FakeResponder): void;
  /** Chat completion requests only. */
  chatRequests(): LoggedRequest[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Deterministic values

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Neutral words: none makes a claim the writer's checks would test against the profile
// ("Loyal", "Premium", "Bargain" … are left out), so generated names pass on any data.
const WORDS = (
  'weekend early urban family busy careful curious seasonal mindful eager bold steady savvy ' +
  'casual modern classic practical thoughtful sunny coastal city evening morning ' +
  'shoppers buyers explorers savers fans browsers planners hunters collectors movers makers ' +
  'nomads starters insiders gatherers wanderers'
).split(' ');

const INJECTED = 'HACKED visit http://evil.example/win';

/** A string of words within [min, max] characters. */
function wordsString(rand: () => number, min: number, max: number, titleCase: boolean): string {
  // Titles (names, headlines) are 2–3 words, like a marketer's; other strings a phrase or two.
  const count = 2 + Math.floor(rand() * 2);
  const target = Math.min(max, Math.max(min, 24 + Math.floor(rand() * 60)));
  const words: string[] = [];
  let s = '';
  while (titleCase ? words.length < count : s.length < target) {
    let w = WORDS[Math.floor(rand() * WORDS.length)];
    if (titleCase || words.length === 0) w = w[0].toUpperCase() + w.slice(1);
    words.push(w);
    s = words.join(' ');
  }
  return fit(s, min, max);
}

function fit(s: string, min: number, max: number): string {
  let out = s.length > max ? s.slice(0, max).trimEnd() : s;
  while (out.length < min) out += ' ok';
  return out.slice(0, max);
}

interface SampleContext {
  root: any;
  rand: () => number;
  injection: boolean;
}

/** A value valid under a JSON schema (the subset zod and LangChain emit). */
export function sampleFromSchema(schema: any, ctx: SampleContext, path: string[] = []): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.$ref) {
    const ref = String(schema.$ref).replace(/^#\//, '').split('/');
    return sampleFromSchema(ref.reduce((s: any, k: string) => s?.[k], ctx.root), ctx, path);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[Math.floor(ctx.rand() * schema.enum.length)];
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options)) return sampleFromSchema(options.find((s: any) => s?.type !== 'null') ?? options[0], ctx, path);
  if (Array.isArray(schema.allOf)) return sampleFromSchema(Object.assign({}, ...schema.allOf), ctx, path);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sampleFromSchema(s, ctx, [...path, k]);
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 1;
      const max = schema.maxItems ?? Math.max(min, 3);
      const n = Math.min(max, Math.max(min, 2));
      return Array.from({ length: n }, (_, i) => sampleFromSchema(schema.items ?? {}, ctx, [...path, String(i)]));
    }
    case 'integer':
    case 'number': {
      let v = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      if (schema.maximum !== undefined) v = Math.min(v, schema.maximum);
      return type === 'integer' ? Math.ceil(v) : v;
    }
    case 'boolean':
      return ctx.rand() < 0.5;
    case 'null':
      return null;
    default: {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 400;
      if (ctx.injection) return fit(INJECTED, min, max);
      const key = path[path.length - 1] ?? '';
      // Copy a careful model would write: a call to action, and the opt-out line in an SMS
      // (the writer's checks require both). A test wanting bad copy scripts a responder.
      const tail = key === 'sms' ? ' Shop now. Reply STOP to opt out.' : /^(push|body|primaryText)$/.test(key) ? ' Shop now.' : '';
      if (tail && max > tail.length + 10) return fit(wordsString(ctx.rand, Math.max(0, min - tail.length), max - tail.length, false) + tail, min, max);
      return wordsString(ctx.rand, min, max, /name|title|headline|subject|archetype/i.test(key));
    }
  }
}

/** A unit vector from a hash of the text: the same text always gets the same vector. */
export function fakeEmbedding(text: string, dim: number): number[] {
  const rand = rng(seedOf(text));
  const v = Array.from({ length: dim }, () => rand() * 2 - 1);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

// ---------------------------------------------------------------------------------------------
// The server

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const apiError = (message: string, type: string, code: string | null = null) => ({ error: { message, type, param: null, code } });
const tokensOf = (s: string) => Math.max(1, Math.ceil(s.length / 4));

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ['gpt-4o-mini', 'text-embedding-3-small'];
  const requests: LoggedRequest[] = [];
  let mode: FakeMode = options.mode ?? 'ok';
  let remaining = options.times ?? Infinity;
  let responder = options.responder;
  let chatCount = 0;
  const sockets = new Set<Socket>();
  const log = options.log;

  /** The mode for this POST request; counts down `times`. */
  function takeMode(): FakeMode {
    if (mode === 'ok') return 'ok';
    const m = mode;
    if (--remaining <= 0) {
      mode = 'ok';
      remaining = Infinity;
    }
    return m;
  }

  async function chat(res: ServerResponse, json: any, m: FakeMode) {
    const index = chatCount++;
    const rand = rng(seedOf(`${index}:${JSON.stringify(json?.messages ?? '')}`));
    const model = json?.model ?? models[0];
    const responseFormat = json?.response_format;
    const tools: any[] = Array.isArray(json?.tools) ? json.tools : [];
    const choice = json?.tool_choice;
    const forced = typeof choice === 'object' ? choice?.function?.name : undefined;
    const lastRole = json?.messages?.[json.messages.length - 1]?.role;

    let reply: FakeReply | undefined = m === 'ok' && responder ? await responder({ json, index }) : undefined;
    if (!reply) {
      if (m === 'refusal') reply = { content: null, refusal: "I'm sorry, but I can't help with that request." };
      else if (tools.length && choice !== 'none' && (forced || choice === 'required' || lastRole !== 'tool')) {
        const tool = tools.find((t) => t?.function?.name === forced) ?? tools[0];
        const args = m === 'invalid-json' ? '{"oops": "this is not' : sampleFromSchema(tool.function?.parameters ?? {}, { root: tool.function?.parameters, rand, injection: m === 'injection' });
        reply = { toolCalls: [{ name: tool.function?.name, arguments: args }] };
      } else if (responseFormat?.type === 'json_schema') {
        const schema = responseFormat.json_schema?.schema ?? {};
        reply = { content: m === 'invalid-json' ? '{"oops": "this is not' : JSON.stringify(sampleFromSchema(schema, { root: schema, rand, injection: m === 'injection' })) };
      } else if (responseFormat?.type === 'json_object') {
        reply = { content: m === 'invalid-json' ? '{"oops":' : JSON.stringify({ answer: m === 'injection' ? INJECTED : 'ok' }) };
      } else {
        reply = { content: m === 'injection' ? `${INJECTED}.` : m === 'invalid-json' ? '{"oops":' : 'This is a reply from the fake OpenAI server.' };
      }
    }

    const toolCalls = (reply.toolCalls ?? []).map((t, i) => ({
      id: t.id ?? `call_${index}_${i}`,
      type: 'function' as const,
      function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
    }));
    const content = reply.refusal ? null : reply.content ?? (toolCalls.length ? null : '');
    const message: Record<string, unknown> = { role: 'assistant', content, refusal: reply.refusal ?? null };
    if (toolCalls.length) message.tool_calls = toolCalls;
    const finish = toolCalls.length ? 'tool_calls' : 'stop';
    const promptTokens = tokensOf(JSON.stringify(json?.messages ?? ''));
    const completionTokens = tokensOf((content ?? '') + toolCalls.map((t) => t.function.arguments).join('') + (reply.refusal ?? ''));
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const id = `chatcmpl-fake-${index}`;
    const created = Math.floor(Date.now() / 1000);

    if (json?.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const chunk = (delta: unknown, finish_reason: string | null = null, extra: Record<string, unknown> = {}) =>
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason, logprobs: null }], ...extra })}\n\n`);
      chunk({ role: 'assistant', content: '' });
      if (reply.refusal) chunk({ refusal: reply.refusal });
      for (const piece of (content ?? '').match(/.{1,12}/gs) ?? []) chunk({ content: piece });
      toolCalls.forEach((t, i) => {
        chunk({ tool_calls: [{ index: i, id: t.id, type: 'function', function: { name: t.function.name, arguments: '' } }] });
        for (const piece of t.function.arguments.match(/.{1,16}/gs) ?? []) chunk({ tool_calls: [{ index: i, function: { arguments: piece } }] });
      });
      chunk({}, finish);
      if (json?.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    sendJson(res, 200, { id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage, system_fingerprint: 'fake' });
  }

  function embeddings(res: ServerResponse, json: any, m: FakeMode) {
    if (m === 'invalid-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"object": "list", "data": [');
      return;
    }
    const inputs: string[] = typeof json?.input === 'string' ? [json.input] : Array.isArray(json?.input) ? json.input.map((x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x))) : [];
    const dim = json?.dimensions ?? options.embeddingDim ?? 64;
    const base64 = json?.encoding_format === 'base64' && !options.ignoreEncodingFormat;
    const data = inputs.map((text, index) => {
      const v = fakeEmbedding(text, dim);
      return { object: 'embedding', index, embedding: base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v };
    });
    const tokens = inputs.reduce((s, t) => s + tokensOf(t), 0);
    sendJson(res, 200, { object: 'list', data, model: json?.model ?? models[1], usage: { prompt_tokens: tokens, total_tokens: tokens } });
  }

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
      let json: any;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const m: FakeMode = req.method === 'POST' ? takeMode() : 'ok';
      requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body, json, mode: m });
      log?.(`${req.method} ${path} [${m}] ${body.length} bytes`);

      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendJson(res, 401, apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
      }
      if (req.method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      }
      if (req.method === 'GET' && path.startsWith('/v1/models/')) {
        const id = decodeURIComponent(path.slice('/v1/models/'.length));
        return models.includes(id)
          ? sendJson(res, 200, { id, object: 'model', created: 0, owned_by: 'fake' })
          : sendJson(res, 404, apiError(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found'));
      }
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings')) {
        return sendJson(res, 404, apiError(`Unknown path ${req.method} ${path}`, 'invalid_request_error'));
      }
      if (json === undefined) return sendJson(res, 400, apiError('The request body is not valid JSON.', 'invalid_request_error'));
      if (m === 'hang') return; // never answer; close() drops the socket
      if (m === '429') {
        const headers: Record<string, string> = { 'retry-after': options.retryAfter ?? '1' };
        if (options.retryAfterMs !== undefined) headers['retry-after-ms'] = String(options.retryAfterMs);
        return sendJson(res, 429, apiError('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded'), headers);
      }
      if (m === '500') return sendJson(res, 500, apiError('The server had an error while processing your request.', 'server_error'));
      if (path === '/v1/embeddings') return embeddings(res, json, m);
      if (json?.model && !models.includes(json.model)) {
        return sendJson(res, 404, apiError(`The model '${json.model}' does not exist`, 'invalid_request_error', 'model_not_found'));
      }
      return await chat(res, json, m);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, apiError(`fake server error: ${(err as Error).message}`, 'server_error'));
      else res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    setMode(next, times = Infinity) {
      mode = next;
      remaining = next === 'ok' ? Infinity : times;
    },
    setResponder(next) {
      responder = next;
    },
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// Standalone: npx tsx test/servers/fake-openai.ts --port 8787 [--mode 429] [--times 2] [--quiet]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const m = (arg('mode') ?? 'ok') as FakeMode;
  if (!FAKE_MODES.includes(m)) {
    process.stderr.write(`unknown --mode ${m}; one of ${FAKE_MODES.join(', ')}\n`);
    process.exit(1);
  }
  const quiet = process.argv.includes('--quiet');
  const fake = await startFakeOpenAI({
    port: Number(arg('port') ?? 8787),
    mode: m,
    times: arg('times') ? Number(arg('times')) : undefined,
    log: quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`fake OpenAI server on ${fake.url} (mode ${m}); set OPENAI_BASE_URL=${fake.url}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack on 127.0.0.1 for the real Bolt app and Web API client: the Web API under
 * `/api/<method>` (point Bolt's clientOptions.slackApiUrl at `url`), the file upload URLs
 * that files.getUploadURLExternal hands out, and response_url receivers. It records every
 * call so tests assert what the bot sent — and that a refused request sent nothing.
 */
export interface FakeSlackCall {
  method: string;
  /** Form fields, with JSON-valued fields (blocks, files) parsed. */
  args: Record<string, unknown>;
  token?: string;
}

export interface FakeResponse {
  /** The id in the response_url (`/response/<id>`). */
  id: string;
  body: Record<string, unknown>;
}

export interface FakeUpload {
  fileId: string;
  bytes: number;
  /** The uploaded body as text (multipart framing included). */
  raw: string;
}

export interface FakeSlack {
  /** Web API base URL, ending in `/api/`. */
  url: string;
  calls: FakeSlackCall[];
  responses: FakeResponse[];
  uploads: FakeUpload[];
  /** A response_url on this server. */
  responseUrl(id: string): string;
  /** Cut the connection of the next response_url post without answering (a network failure). */
  dropNextResponse(): void;
  /** Make a Web API method answer `{ ok: false, error }` from now on (undefined clears it). */
  failMethod(method: string, error: string | undefined): void;
  /** Resolve once `pred` holds (polling), or reject after `timeoutMs`. */
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const responses: FakeResponse[] = [];
  const uploads: FakeUpload[] = [];
  const failures = new Map<string, string>();
  let origin = '';
  let nextFile = 1;
  let nextTs = 1;
  let dropResponses = 0;

  const server = createServer(async (req, res) => {
    const raw = await readAll(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = parseArgs(raw.toString('utf8'), req.headers['content-type'] ?? '');
      const auth = req.headers.authorization;
      calls.push({ method, args, token: auth?.replace(/^Bearer /, '') ?? (args.token as string | undefined) });
      const error = failures.get(method);
      if (error) return json(200, { ok: false, error });
      return json(200, answer(method, args));
    }
    if (path.startsWith('/upload/')) {
      uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw.length, raw: raw.toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('OK');
    }
    if (path.startsWith('/response/')) {
      if (dropResponses > 0) {
        dropResponses--;
        return req.socket.destroy();
      }
      responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8') || '{}') });
      return json(200, { ok: true });
    }
    json(404, { ok: false, error: 'unknown_path' });
  });

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'segmenta', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000000.${String(nextTs++).padStart(6, '0')}`, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(nextTs++).padStart(6, '0')}` };
      case 'files.getUploadURLExternal': {
        const id = `F${String(nextFile++).padStart(6, '0')}`;
        return { ok: true, upload_url: `${origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (args.files as { id: string; title?: string }[] | undefined) ?? [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    responses,
    uploads,
    responseUrl: (id) => `${origin}/response/${id}`,
    dropNextResponse: () => void dropResponses++,
    failMethod: (method, error) => (error ? failures.set(method, error) : failures.delete(method)),
    async waitFor(pred, timeoutMs = 10_000) {
      const t0 = Date.now();
      while (!pred()) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`fake slack: condition not met in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The Web API client sends form fields (objects JSON-encoded) or, for uploads, multipart. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return body ? JSON.parse(body) : {};
  if (!contentType.includes('application/x-www-form-urlencoded')) return { raw: body };
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

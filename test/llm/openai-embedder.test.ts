import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { OpenAIEmbedder } from '../../src/embed/openai-embedder.js';
import { ProviderError } from '../../src/errors.js';
import { UsageMeter } from '../../src/llm/usage.js';
import { FAST_RETRY, fakeLlm, FORBIDDEN_IN_REQUESTS, PII_VALUES } from './fixtures.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ retryAfterMs: 5, embeddingDim: 48 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.setMode('ok'));

const embedder = (extra: ConstructorParameters<typeof OpenAIEmbedder>[1] = {}, url = fake.url) =>
  new OpenAIEmbedder(fakeLlm(url, { embeddingModel: 'text-embedding-3-small' }), { piiValues: PII_VALUES, retry: FAST_RETRY, ...extra });

/** A server that answers embeddings with whatever `make` returns (for broken replies). */
async function oddServer(make: (inputs: string[], call: number) => number[][]): Promise<{ url: string; server: Server }> {
  let call = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const inputs: string[] = JSON.parse(body).input;
      const data = make(inputs, call++).map((embedding, index) => ({ object: 'embedding', index, embedding }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: 'x', usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`, server };
}

describe('OpenAI-compatible text embedder', () => {
  it("asks for encoding_format 'float', batches, keeps order, and returns the server's vectors", async () => {
    const usage = new UsageMeter();
    const start = fake.requests.length;
    const texts = ['fast delivery', 'too expensive', 'the app is great', 'love the deals', 'slow support'];
    const vectors = await embedder({ batchSize: 2, usage }).embed(texts);
    const sent = fake.requests.slice(start);
    expect(sent.map((r) => r.path)).toEqual(['/v1/embeddings', '/v1/embeddings', '/v1/embeddings']);
    for (const r of sent) expect(r.json.encoding_format).toBe('float');
    expect(sent.map((r) => r.json.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(vectors).toHaveLength(5);
    expect(vectors[3]).toBeInstanceOf(Float32Array);
    expect(vectors[3][7]).toBeCloseTo(fakeEmbedding('love the deals', 48)[7], 6);
    expect(usage.snapshot().calls).toBe(3);
  });

  it('scrubs PII from every text before it is sent', async () => {
    const start = fake.requests.length;
    await embedder().embed(['Jane Doe loved it, mail jane.doe@example.com', 'call +1 (555) 123-4567 — Marcus Whitfield', 'priya raman @ 192.168.10.24, 12 Oak Street']);
    const body = fake.requests.slice(start).map((r) => r.body.toLowerCase()).join('\n');
    for (const bad of FORBIDDEN_IN_REQUESTS) expect(body).not.toContain(bad);
    expect(body).toContain('[email]');
  });

  it('sends nothing until it knows the PII values to scrub with (possibly none)', async () => {
    const llm = fakeLlm(fake.url);
    const start = fake.requests.length;
    const e = new OpenAIEmbedder(llm, { retry: FAST_RETRY });
    await expect(e.embed(['Jane Doe loved it'])).rejects.toThrow(/privacy guard blocked embeddings/);
    expect(fake.requests.length).toBe(start);
    e.setPiiValues(['Jane Doe']);
    await e.embed(['Jane Doe loved it']);
    expect(fake.requests.at(-1)!.body).not.toContain('Jane');
    await new OpenAIEmbedder(llm, { piiValues: [], retry: FAST_RETRY }).embed(['a table without PII columns']);
  });

  it('retries server errors under the shared policy, and reports what fails for good', async () => {
    const logs: string[] = [];
    fake.setMode('500', 1);
    expect(await embedder({ log: (l) => logs.push(l) }).embed(['a'])).toHaveLength(1);
    expect(logs).toEqual(['retrying embeddings after 500 (attempt 2/4, waiting 0.0 s)']);
    fake.setMode('invalid-json');
    await expect(embedder().embed(['a'])).rejects.toBeInstanceOf(ProviderError);
  });

  it('rejects zero vectors and vectors of changing width', async () => {
    const zeros = await oddServer((inputs) => inputs.map(() => [0, 0, 0]));
    const widths = await oddServer((inputs, call) => inputs.map(() => Array.from({ length: 4 + call }, () => 0.5)));
    try {
      await expect(embedder({}, zeros.url).embed(['a'])).rejects.toThrow(/all-zero vector/);
      await expect(embedder({ batchSize: 1, concurrency: 1 }, widths.url).embed(['a', 'b'])).rejects.toThrow(/width 5, expected 4/);
    } finally {
      zeros.server.close();
      widths.server.close();
    }
  });

  it('checks the requested dimensions', async () => {
    const vectors = await embedder({ dimensions: 16 }).embed(['a', 'b']);
    expect(vectors.map((v) => v.length)).toEqual([16, 16]);
  });
});

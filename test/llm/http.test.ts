import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createServer } from 'node:http';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { createGuardedFetch } from '../../src/llm/http.js';
import { createPrivacyGuard, PrivacyError } from '../../src/llm/privacy.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from '../../src/llm/retry.js';
import { toSegmentaError } from '../../src/llm/provider-errors.js';
import { CancelledError, ConfigError, ProviderError, RateLimitError, TimeoutError } from '../../src/errors.js';
import { PII_VALUES } from './fixtures.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ retryAfterMs: 10 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.setMode('ok'));

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, jitter: 0, timeoutMs: 1_000, ...over });

function clientFor(url: string, over: Partial<RetryPolicy> = {}, guard = createPrivacyGuard(PII_VALUES)) {
  const logs: string[] = [];
  let retries = 0;
  const fetch = createGuardedFetch({ label: 'test call', policy: policy(over), guard, log: (l) => logs.push(l), onRetry: () => retries++ });
  // As LangChain builds it: the client's own retries off, its timeout out of the way.
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0, timeout: 86_400_000, fetch });
  return { client, logs, retries: () => retries };
}

const chat = (client: OpenAI, content = 'hello', signal?: AbortSignal) =>
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }, { signal });

const mapped = async (p: Promise<unknown>, over: Partial<RetryPolicy> = {}) => {
  try {
    await p;
  } catch (err) {
    return toSegmentaError(err, { label: 'test call', model: 'gpt-4o-mini', baseURL: fake.url, timeoutMs: policy(over).timeoutMs, maxRetries: policy(over).maxRetries });
  }
  throw new Error('expected a failure');
};

describe('retry policy', () => {
  it('reads retry-after-ms, retry-after seconds and dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('backs off 0.5 s doubling to 8 s, with up to 25 % jitter', () => {
    const p = { ...DEFAULT_RETRY_POLICY, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5].map((r) => backoffMs(r, p))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, DEFAULT_RETRY_POLICY, () => 1)).toBe(375);
  });
});

describe('guarded fetch (the openai client over HTTP)', () => {
  it('retries 429 honouring retry-after, counts and logs each retry, then succeeds', async () => {
    const { client, logs, retries } = clientFor(fake.url);
    fake.setMode('429', 2);
    const r = await chat(client);
    expect(r.choices[0].message.content).toMatch(/fake OpenAI server/);
    expect(retries()).toBe(2);
    expect(logs).toEqual(['retrying test call after 429 (attempt 2/4, waiting 0.0 s)', 'retrying test call after 429 (attempt 3/4, waiting 0.0 s)']);
  });

  it('waits what retry-after says (seconds)', async () => {
    const slow = await startFakeOpenAI({ retryAfter: '0.3', mode: '429', times: 1 });
    try {
      const { client, logs } = clientFor(slow.url);
      const t0 = Date.now();
      await chat(client);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(logs).toEqual(['retrying test call after 429 (attempt 2/4, waiting 0.3 s)']);
    } finally {
      await slow.close();
    }
  });

  it('retries 500 with backoff; gives up after maxRetries with the right error class', async () => {
    const { client, retries } = clientFor(fake.url);
    fake.setMode('500', 1);
    await chat(client);
    expect(retries()).toBe(1);

    const second = clientFor(fake.url, { maxRetries: 2 });
    fake.setMode('500');
    const err = await mapped(chat(second.client), { maxRetries: 2 });
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.message).toMatch(/answered 500 .* after 3 attempts/);
    expect(second.retries()).toBe(2);

    fake.setMode('429');
    expect(await mapped(chat(clientFor(fake.url, { maxRetries: 1 }).client), { maxRetries: 1 })).toBeInstanceOf(RateLimitError);
  });

  it('does not wait longer than maxRetryAfterMs when a server asks for it', async () => {
    const patient = await startFakeOpenAI({ retryAfter: '120', mode: '429' });
    try {
      const { client, retries } = clientFor(patient.url, { maxRetryAfterMs: 60_000 });
      const t0 = Date.now();
      expect(await mapped(chat(client))).toBeInstanceOf(RateLimitError);
      expect(retries()).toBe(0);
      expect(Date.now() - t0).toBeLessThan(1_000);
    } finally {
      await patient.close();
    }
  });

  it('times out a hanging attempt, retries it, and reports a timeout when all attempts hang', async () => {
    // The retry must be answered within the timeout, on a loaded machine: not too tight.
    const { client, logs } = clientFor(fake.url, { timeoutMs: 600 });
    fake.setMode('hang', 1);
    await chat(client);
    expect(logs[0]).toMatch(/^retrying test call after a timeout \(0\.6 s\) \(attempt 2\/4, waiting 0\.0 s\)$/);

    fake.setMode('hang');
    const t0 = Date.now();
    const err = await mapped(chat(clientFor(fake.url, { timeoutMs: 150, maxRetries: 1 }).client), { timeoutMs: 150, maxRetries: 1 });
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toMatch(/no answer from .* within 0\.1 s, 2 attempts/);
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  it('stops at once when the user aborts: no retries, its own error', async () => {
    const { client, retries } = clientFor(fake.url, { timeoutMs: 5_000 });
    fake.setMode('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const t0 = Date.now();
    const err = await mapped(chat(client, "x", controller.signal));
    expect(err).toBeInstanceOf(CancelledError);
    expect(retries()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('retries connection errors, then says the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { client, retries } = clientFor(`http://127.0.0.1:${port}/v1`, { maxRetries: 2 });
    const err = await mapped(chat(client), { maxRetries: 2 });
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.message).toMatch(/cannot reach/);
    expect(retries()).toBe(2);
  });

  it('does not retry a 4xx other than 408/409/429, and maps 401/404 to configuration errors', async () => {
    const { client, retries } = clientFor(fake.url);
    const err = await mapped(client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/has no model "gpt-4o-mini" \(404\)\. Fix: set SEGMENTA_MODEL/);
    expect(retries()).toBe(0);

    const strict = await startFakeOpenAI({ apiKey: 'sk-right' });
    try {
      const e401 = await mapped(chat(clientFor(strict.url).client));
      expect(e401).toBeInstanceOf(ConfigError);
      expect(e401.message).toMatch(/rejected the API key \(401\)/);
    } finally {
      await strict.close();
    }
  });

  it('blocks a body with PII before it leaves: the server never sees it', async () => {
    const { client } = clientFor(fake.url);
    const before = fake.requests.length;
    const err = await mapped(chat(client, 'please email jane.doe@example.com'));
    expect(err).toBeInstanceOf(PrivacyError);
    expect(err.message).toBe('privacy guard blocked test call: the request contained an email address, a value of a PII column; nothing was sent');
    const err2 = await mapped(chat(client, 'our best customer is Marcus Whitfield'));
    expect(err2).toBeInstanceOf(PrivacyError);
    expect(fake.requests.length).toBe(before);
  });
});

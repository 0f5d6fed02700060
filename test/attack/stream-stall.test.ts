import { describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/llm/http.js';
import { patternGuard } from '../../src/llm/privacy.js';
import { DEFAULT_RETRY_POLICY } from '../../src/llm/retry.js';

/** Issue 18: a streamed chat reply that stops sending is cut after the timeout, not waited on forever. */
describe('stream stalls', () => {
  it('a stream that sends one chunk and then nothing errors with a stall timeout', async () => {
    const enc = new TextEncoder();
    const fetchImpl = (async (_url: string, init: RequestInit) =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(enc.encode('data: {"choices":[]}\n\n'));
            // …and never another byte; the abort signal is the only way out.
            init.signal?.addEventListener('abort', () => c.error(init.signal!.reason));
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      )) as unknown as typeof fetch;
    const f = createGuardedFetch({ label: 'chat', policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 0, timeoutMs: 200 }, guard: patternGuard, fetchImpl });
    const res = await f('http://127.0.0.1:1/v1/chat/completions', { method: 'POST', body: JSON.stringify({ stream: true, messages: [] }) });
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await expect(reader.read()).rejects.toThrow(/stream stalled: no data for 0.2 s/);
  });

  it('a stream that keeps sending is left alone', async () => {
    const enc = new TextEncoder();
    const fetchImpl = (async () =>
      new Response(
        new ReadableStream({
          async start(c) {
            for (let i = 0; i < 3; i++) {
              await new Promise((r) => setTimeout(r, 50));
              c.enqueue(enc.encode(`data: ${i}\n\n`));
            }
            c.close();
          },
        }),
        { status: 200 },
      )) as unknown as typeof fetch;
    const f = createGuardedFetch({ label: 'chat', policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 0, timeoutMs: 5000 }, guard: patternGuard, fetchImpl });
    const res = await f('http://x/v1/chat/completions', { method: 'POST', body: JSON.stringify({ stream: true }) });
    expect(await res.text()).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n');
  });
});

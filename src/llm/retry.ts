/**
 * The one retry policy for every LLM and embedding request, the same rules as the openai
 * client's own (retry 408/409/429/5xx and connection errors, honour retry-after-ms /
 * retry-after, else back off 0.5 s doubling to 8 s with up to 25 % jitter). We apply it in our
 * fetch wrapper (src/llm/http.ts) rather than in the client because @langchain/openai builds
 * its clients with `maxRetries: 0` (OpenAIEmbeddings gives no way to change that) and its own
 * AsyncCaller retries on different rules; here one policy covers chat and embeddings, and each
 * attempt is visible (logged, counted) with the wait it is about to take.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so 1 + maxRetries attempts at most). */
  maxRetries: number;
  /** Timeout of one attempt, until the whole (non-streamed) response is read. */
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking us to wait longer than this is not retried: the call fails at once. */
  maxRetryAfterMs: number;
  /** Share of the delay taken off at random, so concurrent callers do not retry in step. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  timeoutMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  jitter: 0.25,
};

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The wait a server asked for, in ms: `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const ra = headers.get('retry-after');
  if (!ra) return undefined;
  const seconds = Number.parseFloat(ra);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff for retry number `retry` (0 for the first retry), with jitter. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const delay = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return delay * (1 - random() * policy.jitter);
}

/** Sleep that ends early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

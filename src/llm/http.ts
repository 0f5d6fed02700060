import { PrivacyError, type PrivacyGuard } from './privacy.js';
import { backoffMs, isRetryableStatus, retryAfterMs, sleep, type RetryPolicy } from './retry.js';

/**
 * The fetch every LLM and embedding client is given (`configuration.fetch`). It is the HTTP
 * layer's single choke point: the privacy guard's last look at each body, the retry policy,
 * a timeout per attempt, and a record of what was sent and received (for the Run and for
 * reading refusals, which LangChain's chat-completions converter drops).
 */
export interface Exchange {
  label: string;
  url: string;
  status: number;
  requestBody?: string;
  /** The reply as received (undefined for streamed replies, which are passed through). */
  responseText?: string;
}

export interface GuardedFetchOptions {
  /** What the request is for, in the words of the log lines ("persona for segment 2"). */
  label: string;
  policy: RetryPolicy;
  guard: PrivacyGuard;
  log?: (line: string) => void;
  onRetry?: () => void;
  onExchange?: (exchange: Exchange) => void;
  /** The real fetch (tests may inject one). */
  fetchImpl?: typeof fetch;
}

/** One attempt ran out of time. The message says "timed out", which is how the openai client
 *  tells a timeout from other connection errors. */
export class AttemptTimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * The server could not be reached or hung up (undici says only "fetch failed"; `code` is the
 * useful part: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET). Classified here, where it arises, so
 * nothing downstream reads message text to tell a connection error from a timeout.
 */
export class ConnectionFailedError extends Error {
  readonly code?: string;
  constructor(cause: unknown) {
    const c = (cause as { cause?: { code?: string; message?: string } }).cause;
    const code = c?.code ?? (cause as { code?: string }).code;
    super(`connection failed (${code ?? c?.message ?? (cause as Error).message})`, { cause });
    this.name = 'ConnectionFailedError';
    this.code = code;
  }
}

/** A streamed reply sent nothing for a whole timeout. */
export class StreamStallError extends Error {
  constructor(ms: number) {
    super(`the stream stalled: no data for ${(ms / 1000).toFixed(1)} s (request timed out)`);
    this.name = 'TimeoutError';
  }
}

/** The same response, whose body errors (and whose request is aborted) after `ms` without a chunk. */
function withStallTimeout(res: Response, ms: number, controller: AbortController): Response {
  if (!res.body) return res;
  const reader = res.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const err = new StreamStallError(ms);
          controller.abort(err);
          reject(err);
        }, ms);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) out.close();
        else out.enqueue(value);
      } catch (err) {
        out.error(err);
        reader.cancel(err).catch(() => {});
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function createGuardedFetch(options: GuardedFetchOptions): FetchFn {
  const { label, policy, guard, log, onRetry, onExchange } = options;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;

  return async function guardedFetch(input, init = {}) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      // We cannot see inside streams or form data, so we do not send them (fail closed).
      throw new PrivacyError(label, ['a body that cannot be inspected']);
    }
    const body = init.body ?? undefined;
    if (body) guard.assertClean(body, label);
    const streamed = body ? /"stream"\s*:\s*true/.test(body) : false;
    const outer = init.signal ?? undefined;
    const attempts = policy.maxRetries + 1;

    for (let attempt = 1; ; attempt++) {
      if (outer?.aborted) throw outer.reason;
      const controller = new AbortController();
      const onOuterAbort = () => controller.abort(outer!.reason);
      outer?.addEventListener('abort', onOuterAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new AttemptTimeoutError(policy.timeoutMs)), policy.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
      };

      let why: string;
      let wait: number | undefined;
      try {
        const res = await fetchImpl(url, { ...init, signal: controller.signal });
        if (streamed && res.ok) {
          // The attempt's timeout covered the wait for headers; the stream stays cancellable by
          // the caller, and a stream that stops sending for a whole timeout is cut (chat would
          // otherwise wait forever on a stalled server).
          clearTimeout(timer);
          onExchange?.({ label, url, status: res.status, requestBody: body });
          return withStallTimeout(res, policy.timeoutMs, controller);
        }
        // Read the whole reply inside the attempt, so a server that sends headers and then
        // stalls is a timeout we can retry, not a hang.
        const text = await res.text();
        done();
        const retryable = !res.ok && isRetryableStatus(res.status) && attempt < attempts;
        const asked = retryable ? retryAfterMs(res.headers) : undefined;
        if (!retryable || (asked !== undefined && asked > policy.maxRetryAfterMs)) {
          onExchange?.({ label, url, status: res.status, requestBody: body, responseText: text });
          const headers = new Headers(res.headers);
          // The body is already decoded; these would describe the original bytes.
          headers.delete('content-encoding');
          headers.delete('content-length');
          return new Response(text, { status: res.status, statusText: res.statusText, headers });
        }
        why = String(res.status);
        wait = asked;
      } catch (err) {
        done();
        if (outer?.aborted) throw outer.reason ?? err;
        const timedOut = controller.signal.reason instanceof AttemptTimeoutError;
        const failure = timedOut ? (controller.signal.reason as AttemptTimeoutError) : new ConnectionFailedError(err);
        if (attempt >= attempts) throw failure;
        why = timedOut ? `a timeout (${seconds(policy.timeoutMs)})` : `a ${failure.message}`;
      }
      const delay = wait ?? backoffMs(attempt - 1, policy);
      log?.(`retrying ${label} after ${why} (attempt ${attempt + 1}/${attempts}, waiting ${seconds(delay)})`);
      onRetry?.();
      await sleep(delay, outer);
    }
  };
}

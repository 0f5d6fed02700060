import {
  CancelledError,
  ConfigError,
  ProviderError,
  RateLimitError,
  SegmentaError,
  TimeoutError,
} from '../errors.js';
import { AttemptTimeoutError, ConnectionFailedError } from './http.js';

/**
 * Turn whatever the openai client / LangChain threw into one of our errors, by status and
 * class found anywhere on the cause chain — never by message text. One line each,
 * saying what failed and what to do.
 */
export interface ErrorContext {
  /** What the call was for ("persona for segment 2"). */
  label: string;
  model: string;
  baseURL?: string;
  timeoutMs: number;
  maxRetries: number;
  signal?: AbortSignal;
}

function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err, i = 0; e && i < 8; i++) {
    out.push(e);
    e = typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined;
  }
  return out;
}

const prop = (e: unknown, key: string): unknown => (e && (typeof e === 'object' || typeof e === 'function') ? (e as Record<string, unknown>)[key] : undefined);

function serverMessage(e: unknown): string {
  const inner = prop(prop(e, 'error'), 'message');
  const msg = typeof inner === 'string' ? inner : String(prop(e, 'message') ?? '');
  return msg.replace(/\s+/g, ' ').slice(0, 200);
}

export function toSegmentaError(err: unknown, ctx: ErrorContext): SegmentaError {
  const errs = chain(err);
  const ours = errs.find((e): e is SegmentaError => e instanceof SegmentaError);
  if (ours) return ours;

  const where = ctx.baseURL ?? 'api.openai.com';
  // The openai client's errors keep name "Error"; their class names say what they are.
  const names = errs.flatMap((e) => [String(prop(e, 'name') ?? ''), String(prop(prop(e, 'constructor'), 'name') ?? '')]);
  if (ctx.signal?.aborted || names.some((n) => n === 'AbortError' || n === 'APIUserAbortError')) {
    return new CancelledError(`${ctx.label}: cancelled`);
  }

  const withStatus = errs.find((e) => typeof prop(e, 'status') === 'number');
  const status = withStatus ? (prop(withStatus, 'status') as number) : undefined;
  const tries = `${ctx.maxRetries + 1} attempt${ctx.maxRetries ? 's' : ''}`;
  if (status !== undefined) {
    const detail = serverMessage(withStatus);
    if (status === 429) return new RateLimitError(`${ctx.label}: ${where} is rate-limiting (429) after ${tries}${detail ? ` (${detail})` : ''}. Lower SEGMENTA_LLM_CONCURRENCY or try again later.`, { cause: err });
    if (status === 401 || status === 403) return new ConfigError(`${where} rejected the API key (${status}). Fix: set OPENAI_API_KEY to a valid key for this server, or unset it to write offline.`);
    if (status === 404) return new ConfigError(`${where} has no model "${ctx.model}" (404). Fix: set SEGMENTA_MODEL (or --model) to a model the server lists; \`segmenta doctor\` shows them.`);
    if (status === 400 && /response_format|json_schema|tool/i.test(detail)) {
      return new ProviderError(`${ctx.label}: ${where} refused the structured-output request (400: ${detail}). Try SEGMENTA_STRUCTURED_METHOD=functionCalling.`, { status, cause: err });
    }
    return new ProviderError(`${ctx.label}: ${where} answered ${status}${detail ? ` (${detail})` : ''} after ${tries}`, { status, cause: err });
  }

  // Our fetch (http.ts) throws these two classes where the failure arises; the openai client
  // keeps them on the cause chain, and its own connection classes say the same by name.
  if (errs.some((e) => e instanceof AttemptTimeoutError) || names.some((n) => n === 'TimeoutError' || n === 'APIConnectionTimeoutError')) {
    return new TimeoutError(`${ctx.label}: no answer from ${where} within ${(ctx.timeoutMs / 1000).toFixed(1)} s, ${tries}. Raise SEGMENTA_LLM_TIMEOUT_MS or check the server.`, { cause: err });
  }
  if (errs.some((e) => e instanceof ConnectionFailedError) || names.some((n) => n === 'APIConnectionError')) {
    return new ProviderError(`${ctx.label}: cannot reach ${where} (${tries}). Check OPENAI_BASE_URL and that the server is running.`, { cause: err });
  }
  return new ProviderError(`${ctx.label}: the LLM call failed (${serverMessage(err) || 'unknown error'})`, { cause: err });
}

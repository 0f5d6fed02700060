import { isSegmentaError } from '../errors.js';

/**
 * An error as one line of plain words for a conversation (REPL, agent tool results, Slack):
 * our own errors already say what is wrong and what to do; anything else is named as a bug.
 */
export function errorText(err: unknown): string {
  if (isSegmentaError(err)) return err.message.split('\n')[0];
  const msg = err instanceof Error ? err.message : String(err);
  return `something went wrong inside segmenta (${msg.split('\n')[0]}). This is a bug; rerun with SEGMENTA_DEBUG=1 for details.`;
}

/** True when the error is the user's cancellation (Ctrl-C) rather than a failure. */
export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  if (isSegmentaError(err)) return err.code === 'cancelled';
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'APIUserAbortError');
}

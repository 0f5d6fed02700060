import { CancelledError } from '../errors.js';

/**
 * A point where a long job may stop. Stages are CPU-bound between their awaits, so a Ctrl-C
 * (or a Slack time-out) is only seen once the event loop runs: this yields to it first, then
 * throws CancelledError if the user's signal fired. Cheap (one setImmediate), so stages call
 * it between steps — never per row.
 */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  if (!signal) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}

/** The synchronous half of `checkpoint`, for loops that cannot await. */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const why = signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'timed out' : 'cancelled';
    throw new CancelledError(why);
  }
}

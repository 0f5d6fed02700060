import type { OpContext } from './operation.js';

/** The Run a command means when it names none: the session's current one, else the latest. */
export function currentRunRef(ctx: OpContext): string | undefined {
  return ctx.session?.runId;
}

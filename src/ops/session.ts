import { resolveRunRef } from './resolve.js';
import type { RunFile } from '../model/run.js';
import type { OpContext } from './operation.js';

/**
 * The Run a command means: the one it names (id, prefix, `latest` or a path; see resolve.ts), else the session's current one (REPL, Slack
 * channel), else the latest in the workspace.
 */
export function openRun(ctx: OpContext, ref?: string): { dir: string; run: RunFile } {
  return resolveRunRef(ctx.config.workspace, ref ?? ctx.session?.runId);
}

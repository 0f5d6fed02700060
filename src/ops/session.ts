import { resolveRunRef } from './resolve.js';
import { describedTexts, resolveSegment } from './segments.js';
import type { RunFile } from '../model/run.js';
import type { OpContext } from './operation.js';

/**
 * The Run a command means: the one it names (id, prefix, `latest` or a path; see resolve.ts), else the session's current one (REPL, Slack
 * channel), else the latest in the workspace.
 */
export function openRun(ctx: OpContext, ref?: string): { dir: string; run: RunFile } {
  return resolveRunRef(ctx.config.workspace, ref ?? ctx.session?.runId);
}

/**
 * A described segment of the Run a command means, named the usual way: what copy, persona and
 * quotes start from. Small segments are refused with a clear line (never described or quoted).
 */
export function openDescribedSegment(ctx: OpContext, runRef: string | undefined, segmentRef: string | number) {
  const { dir, run } = openRun(ctx, runRef);
  const seg = resolveSegment(run, segmentRef);
  return { dir, run, seg, texts: describedTexts(run, seg) };
}

/**
 * The Run, with the words segmenta writes itself (briefs, the report) in the language asked
 * for (--lang); the texts stay as they were written.
 */
export function openRunInLanguage(ctx: OpContext, ref?: string): { dir: string; run: RunFile } {
  const { dir, run } = openRun(ctx, ref);
  return { dir, run: ctx.config.lang ? { ...run, config: { ...run.config, lang: ctx.config.lang } } : run };
}

import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import type { RefreshResult } from '../../ops/refresh.js';
import { runCli } from '../output.js';
import type { GlobalOptions } from '../context.js';

/** The --json of a refresh: `segment`'s keys (DESIGN.md), ids and names after matching, plus what it came from. */
export function refreshJson(r: RefreshResult) {
  return {
    runId: r.runId,
    runDir: r.runDir,
    k: r.k,
    segments: r.segments.map(({ id, name, size, was, texts }) => ({ id, name, size, ...(was !== undefined ? { was } : {}), texts })),
    since: r.since,
    events: r.events,
  };
}

/** `segment FILE --since RUN` and `refresh [FILE]` are the same operation. */
export function runRefresh(input: { file?: string; since?: string; k?: string; seed?: string }, opts: GlobalOptions): Promise<void> {
  return runCli(async () => (await import('../../ops/refresh.js')).refreshOp, input, opts, refreshJson);
}

export function registerRefresh(program: Command): void {
  program
    .command('refresh')
    .description(OP_DESCRIPTIONS.refresh)
    .argument('[file]', "the new snapshot (default: the file of the Run being refreshed)")
    .option('--since <run>', 'the Run to refresh (default: the latest)')
    .option('--k <n>', 'number of segments (default: chosen again, or the earlier Run\'s if it was given)')
    .option('--seed <s>', 'random seed', '42')
    .action(async (file: string | undefined, o, cmd: Command) => runRefresh({ file, since: o.since, k: o.k, seed: o.seed }, cmd.optsWithGlobals()));
}

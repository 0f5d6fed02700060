import type { Command } from 'commander';
import { segmentOp } from '../../ops/segment.js';
import { runCli, splitList } from '../output.js';
import { runRefresh } from './refresh.js';
import { handleError } from '../handle-error.js';
import { UsageError } from '../../errors.js';

export function registerSegment(program: Command): void {
  program
    .command('segment')
    .description(segmentOp.description)
    .argument('<file>', 'customer file or event log: .csv, .tsv, .jsonl or .parquet')
    .option('--k <n>', 'number of segments (default: chosen by silhouette over 2–12)')
    .option('--seed <s>', 'random seed', '42')
    .option('--id <column>', 'the customer id column')
    .option('--ignore <columns>', 'comma-separated columns to leave out')
    .option('--text <columns>', 'comma-separated columns to treat as free text')
    .option('--since <run>', "refresh that Run with this file: its segments keep their ids, names and texts (see `segmenta refresh`)")
    .action(async (file: string, o, cmd: Command) => {
      if (o.since && (o.id || o.ignore || o.text)) {
        handleError(new UsageError(`--since refreshes Run ${o.since} with its own id column and column choices; drop --id, --ignore and --text (or make a new Run without --since)`), cmd.optsWithGlobals().json);
      }
      if (o.since) return runRefresh({ file, since: o.since, k: o.k, seed: o.seed }, cmd.optsWithGlobals());
      await runCli(
        segmentOp,
        { file, k: o.k, seed: o.seed, idColumn: o.id, ignore: splitList(o.ignore), text: splitList(o.text) },
        cmd.optsWithGlobals(),
        // The --json contract scripts rely on (DESIGN.md): keep these keys stable.
        (r) => ({ runId: r.runId, runDir: r.runDir, k: r.k, segments: r.segments.map(({ id, name, size }) => ({ id, name, size })) }),
      );
    });
}

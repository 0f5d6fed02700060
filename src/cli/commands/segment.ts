import type { Command } from 'commander';
import { segmentOp } from '../../ops/segment.js';
import { runCli, splitList } from '../output.js';
import { SEGMENT_STEPS } from '../progress.js';

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
    .action(async (file: string, o, cmd: Command) => {
      await runCli(
        segmentOp,
        { file, k: o.k, seed: o.seed, idColumn: o.id, ignore: splitList(o.ignore), text: splitList(o.text) },
        cmd.optsWithGlobals(),
        // The --json contract scripts rely on (DESIGN.md): keep these keys stable.
        (r) => ({ runId: r.runId, runDir: r.runDir, k: r.k, segments: r.segments.map(({ id, name, size }) => ({ id, name, size })) }),
        SEGMENT_STEPS,
      );
    });
}

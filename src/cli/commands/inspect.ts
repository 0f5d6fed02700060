import type { Command } from 'commander';
import { inspectOp } from '../../ops/inspect-data.js';
import { runCli, splitList } from '../output.js';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description(inspectOp.description)
    .argument('<file>', 'customer file or event log: .csv, .tsv, .jsonl or .parquet')
    .option('--id <column>', 'the customer id column')
    .option('--ignore <columns>', 'comma-separated columns to leave out')
    .option('--text <columns>', 'comma-separated columns to treat as free text')
    .action(async (file: string, o, cmd: Command) =>
      runCli(inspectOp, { file, idColumn: o.id, ignore: splitList(o.ignore), text: splitList(o.text) }, cmd.optsWithGlobals()),
    );
}

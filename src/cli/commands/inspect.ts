import type { Command } from 'commander';
import { inspectOp } from '../../ops/inspect-data.js';
import { loadFlags, runCli } from '../output.js';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description(inspectOp.description)
    .argument('<file>', 'customer file or event log: .csv, .tsv, .jsonl or .parquet')
    .option('--id <column>', 'the customer id column')
    .option('--ignore <columns>', 'comma-separated columns to leave out')
    .option('--text <columns>', 'comma-separated columns to treat as free text')
    .option('--order-id <column>', 'order or invoice id column of an order-line log')
    .option('--time <column>', 'event or order time column')
    .option('--amount <column>', 'amount column (money per event or line)')
    .option('--quantity <column>', 'quantity column of an order-line log')
    .option('--price <column>', 'unit price column (amount = quantity × price)')
    .option('--category <column>', 'category column whose mix becomes features')
    .option('--join <file>', 'join another file (orders, order items, payments, products); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (file: string, o, cmd: Command) =>
      runCli(inspectOp, { file, ...loadFlags(o) }, cmd.optsWithGlobals()),
    );
}

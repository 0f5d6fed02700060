import type { Command } from 'commander';
import { historyOp } from '../../ops/history.js';
import { runCli } from '../output.js';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(historyOp.description)
    .argument('[customer]', 'a customer id, as in the id column')
    .option('--out <file>', 'write every customer × Run as CSV instead')
    .action(async (customer: string | undefined, o, cmd: Command) => runCli(historyOp, { customer, out: o.out }, cmd.optsWithGlobals()));
}

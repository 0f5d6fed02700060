import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(OP_DESCRIPTIONS.history)
    .argument('[customer]', 'a customer id, as in the id column')
    .option('--out <file>', 'write every customer × Run as CSV instead')
    .action(async (customer: string | undefined, o, cmd: Command) => runCli(async () => (await import('../../ops/history.js')).historyOp, { customer, out: o.out }, cmd.optsWithGlobals()));
}

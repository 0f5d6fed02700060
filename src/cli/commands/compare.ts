import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(OP_DESCRIPTIONS.compare)
    .argument('<a>', 'first segment: number or a word of its name')
    .argument('<b>', 'second segment')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (a: string, b: string, o, cmd: Command) => runCli(async () => (await import('../../ops/compare.js')).compareOp, { a, b, run: o.run }, cmd.optsWithGlobals()));
}

import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(OP_DESCRIPTIONS.diff)
    .argument('[runA]', 'the earlier Run (default: the one the later Run refreshed, else the Run before it)')
    .argument('[runB]', 'the later Run (default: the latest)')
    .action(async (from: string | undefined, to: string | undefined, _o, cmd: Command) => runCli(async () => (await import('../../ops/diff.js')).diffOp, { from, to }, cmd.optsWithGlobals()));
}

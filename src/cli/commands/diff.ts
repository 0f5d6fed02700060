import type { Command } from 'commander';
import { diffOp } from '../../ops/diff.js';
import { runCli } from '../output.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(diffOp.description)
    .argument('[runA]', 'the earlier Run (default: the one the later Run refreshed, else the Run before it)')
    .argument('[runB]', 'the later Run (default: the latest)')
    .action(async (from: string | undefined, to: string | undefined, _o, cmd: Command) => runCli(diffOp, { from, to }, cmd.optsWithGlobals()));
}

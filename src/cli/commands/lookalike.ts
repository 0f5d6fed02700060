import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerLookalike(program: Command): void {
  program
    .command('lookalike')
    .description(OP_DESCRIPTIONS.lookalike)
    .option('--segment <n>', 'segment number or a word of its name')
    .option('--seed <file>', 'a customer file (same columns as the Run) to find lookalikes of')
    .option('--top <k>', 'how many lookalikes', '50')
    .option('--out <file>', 'also write "<id column>,segment,distance" CSV here')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (o, cmd: Command) =>
      runCli(async () => (await import('../../ops/lookalike.js')).lookalikeOp, { segment: o.segment, seed: o.seed, top: o.top, out: o.out, run: o.run }, cmd.optsWithGlobals()),
    );
}

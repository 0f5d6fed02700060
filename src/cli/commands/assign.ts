import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerAssign(program: Command): void {
  program
    .command('assign')
    .description(OP_DESCRIPTIONS.assign)
    .argument('<file>', 'new customers, with the same columns as the file the Run was made from')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--out <file>', 'write "<id column>,segment" CSV here (default: stdout)')
    .action(async (file: string, o, cmd: Command) =>
      runCli(async () => (await import('../../ops/assign.js')).assignOp, { file, run: o.run, out: o.out }, cmd.optsWithGlobals(), (r) => ({
        runId: r.runId,
        customers: r.customers,
        counts: r.counts,
        ...(r.out ? { out: r.out } : { assignments: r.csv }),
      })),
    );
}

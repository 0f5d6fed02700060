import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description(OP_DESCRIPTIONS.listRuns)
    .action(async (_o, cmd: Command) => runCli(async () => (await import('../../ops/list-runs.js')).listRunsOp, {}, cmd.optsWithGlobals()));
}

import type { Command } from 'commander';
import { listRunsOp } from '../../ops/list-runs.js';
import { runCli } from '../output.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description(listRunsOp.description)
    .action(async (_o, cmd: Command) => runCli(listRunsOp, {}, cmd.optsWithGlobals()));
}

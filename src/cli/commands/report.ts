import type { Command } from 'commander';
import { reportOp } from '../../ops/report.js';
import { runCli } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(reportOp.description)
    .argument('[run]', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (run: string | undefined, _o, cmd: Command) => runCli(reportOp, { run }, cmd.optsWithGlobals()));
}

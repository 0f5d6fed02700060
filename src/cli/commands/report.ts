import type { Command } from 'commander';
import { reportOp } from '../../ops/report.js';
import { runCli } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(reportOp.description)
    .argument('[run]', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .action(async (run: string | undefined, _o, cmd: Command) => runCli(reportOp, { run }, cmd.optsWithGlobals()));
}

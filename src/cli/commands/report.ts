import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(OP_DESCRIPTIONS.report)
    .argument('[run]', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .action(async (run: string | undefined, _o, cmd: Command) => runCli(async () => (await import('../../ops/report.js')).reportOp, { run }, cmd.optsWithGlobals()));
}

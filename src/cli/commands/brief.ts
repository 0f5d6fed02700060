import type { Command } from 'commander';
import { briefOp } from '../../ops/brief.js';
import { runCli } from '../output.js';

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description(briefOp.description)
    .argument('[segment]', 'segment number or a word of its name (default: all)')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .option('--run <run>', 'Run id or prefix (default: the latest)')
    .action(async (segment: string | undefined, o, cmd: Command) => runCli(briefOp, { segment, run: o.run }, cmd.optsWithGlobals()));
}

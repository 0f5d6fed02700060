import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description(OP_DESCRIPTIONS.brief)
    // Variadic so that `brief most valuable` reads as one segment, quoted or not.
    .argument('[segment...]', 'segment number, a word of its name, biggest, most valuable… (default: all)')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (words: string[], o, cmd: Command) =>
      runCli(async () => (await import('../../ops/brief.js')).briefOp, { segment: words.length ? words.join(' ') : undefined, run: o.run }, cmd.optsWithGlobals()),
    );
}

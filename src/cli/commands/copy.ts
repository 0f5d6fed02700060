import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerCopy(program: Command): void {
  program
    .command('copy')
    .description(OP_DESCRIPTIONS.copy)
    .argument('<segment>', 'segment number or a word of its name')
    .argument('[channel]', 'email, sms, push or ad (default: all)')
    .option('--tone <tone>', 'tone for fresh copy, e.g. playful')
    .option('--offer <offer>', 'offer for fresh copy, e.g. "20% off this weekend"')
    .option('--language <language>', 'language for fresh copy, e.g. French')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (segment: string, channel: string | undefined, o, cmd: Command) =>
      runCli(async () => (await import('../../ops/copy.js')).copyOp, { segment, channel, tone: o.tone, offer: o.offer, language: o.language, run: o.run }, cmd.optsWithGlobals()),
    );
}

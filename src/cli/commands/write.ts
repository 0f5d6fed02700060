import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerWrite(program: Command): void {
  program
    .command('write')
    .description(OP_DESCRIPTIONS.writeTexts)
    .argument('[run]', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .option('--resume', 'continue an interrupted write without repeating finished segments')
    .action(async (run: string | undefined, o: { resume?: boolean }, cmd: Command) =>
      runCli(async () => (await import('../../ops/write-texts.js')).writeTextsOp, { run, resume: Boolean(o.resume) }, cmd.optsWithGlobals()),
    );
}

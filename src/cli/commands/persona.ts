import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerPersona(program: Command): void {
  program
    .command('persona')
    .description(OP_DESCRIPTIONS.persona)
    .argument('<segment...>', 'segment number, a word of its name, biggest, most valuable…')
    .option('--rewrite', 'write it afresh with the configured LLM and save it')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (words: string[], o, cmd: Command) => runCli(async () => (await import('../../ops/persona.js')).personaOp, { segment: words.join(' '), rewrite: o.rewrite, run: o.run }, cmd.optsWithGlobals()));
}

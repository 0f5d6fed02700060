import type { Command } from 'commander';
import { personaOp } from '../../ops/persona.js';
import { runCli } from '../output.js';

export function registerPersona(program: Command): void {
  program
    .command('persona')
    .description(personaOp.description)
    .argument('<segment>', 'segment number or a word of its name')
    .option('--rewrite', 'write it afresh with the configured LLM and save it')
    .option('--run <run>', 'Run id or prefix (default: the latest)')
    .action(async (segment: string, o, cmd: Command) => runCli(personaOp, { segment, rewrite: o.rewrite, run: o.run }, cmd.optsWithGlobals()));
}

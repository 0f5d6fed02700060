import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { loadFlags, runCli, withLoadFlags } from '../output.js';

export function registerInspect(program: Command): void {
  const command = program
    .command('inspect')
    .description(OP_DESCRIPTIONS.inspect)
    .argument('<file>', 'customer file or event log: .csv, .tsv, .jsonl or .parquet');
  withLoadFlags(command)
    .action(async (file: string, o, cmd: Command) =>
      runCli(async () => (await import('../../ops/inspect-data.js')).inspectOp, { file, ...loadFlags(o) }, cmd.optsWithGlobals()),
    );
}

import type { Command } from 'commander';
import { inspectOp } from '../../ops/inspect-data.js';
import { loadFlags, runCli, withLoadFlags } from '../output.js';

export function registerInspect(program: Command): void {
  const command = program
    .command('inspect')
    .description(inspectOp.description)
    .argument('<file>', 'customer file or event log: .csv, .tsv, .jsonl or .parquet');
  withLoadFlags(command)
    .action(async (file: string, o, cmd: Command) =>
      runCli(inspectOp, { file, ...loadFlags(o) }, cmd.optsWithGlobals()),
    );
}

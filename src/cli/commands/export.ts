import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(OP_DESCRIPTIONS.exportAudience)
    .option('--segment <n>', 'segment number or a word of its name (default: every exportable segment)')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <dir>', "folder for the audience files (default: the Run folder's exports/)")
    .option('--file <file>', 'the data file to read emails from, if it moved since the Run was made')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--audience <kind>', 'a predictive audience instead of segments (after `segmenta predict`): top-value, at-risk-value or ready-to-buy')
    .action(async (o, cmd: Command) =>
      runCli(async () => (await import('../../ops/export-audience.js')).exportAudienceOp, { segment: o.segment, format: o.format, out: o.out, file: o.file, run: o.run, audience: o.audience }, cmd.optsWithGlobals()),
    );
}

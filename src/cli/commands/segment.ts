import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { loadFlags, runCli, withLoadFlags } from '../output.js';
import { runRefresh } from './refresh.js';
import { handleError } from '../handle-error.js';
import { UsageError } from '../../errors.js';
import { SEGMENT_STEPS } from '../progress.js';

// loadFlags keys → the flags a user typed, for the --since error.
const FLAG: Record<string, string> = { idColumn: '--id', ignore: '--ignore', text: '--text', orderId: '--order-id', time: '--time', amount: '--amount', quantity: '--quantity', price: '--price', category: '--category', join: '--join' };

export function registerSegment(program: Command): void {
  const command = program
    .command('segment')
    .description(OP_DESCRIPTIONS.segment)
    .argument('[file]', 'customer file or event log: .csv, .tsv, .jsonl or .parquet (or --source)');
  withLoadFlags(command)
    .option('--k <n>', 'number of segments (default: chosen by silhouette over 2–12)')
    .option('--seed <s>', 'random seed', '42')
    .option('--lang <code>', "language of the texts: en or zh (default: $SEGMENTA_LANG, else the language of the data's text)")
    .option('--labels <file>', 'plain-language feature labels: JSON {"column": "label"} or CSV column,label[,unit]')
    .option('--brand <name>', 'brand name the copy signs with (default: $SEGMENTA_BRAND)')
    .option('--source <url>', 'a SQL engine instead of a file: postgres://USER@HOST:PORT/DB (or PG* variables), bigquery://PROJECT/DATASET or duckdb://FILE.db')
    .option('--table <name>', 'with --source: the customer table (schema.table)')
    .option('--query <file.sql>', 'with --source: a SQL file whose rows are the customers')
    .option('--engine-kmeans', 'with --source bigquery://…: refine the centroids with BigQuery ML k-means (warm start from ours)')
    .option('--since <run>', "refresh that Run with this file: its segments keep their ids, names and texts (see `segmenta refresh`)")
    .action(async (fileArg: string | undefined, o, cmd: Command) => {
      if (!fileArg === !o.source) handleError(new UsageError(fileArg ? `give a file or --source, not both (got ${fileArg} and --source)` : 'give a customer file, or --source URL with --table or --query'), cmd.optsWithGlobals().json);
      const file = (fileArg ?? o.source) as string;
      if (o.source && o.since) handleError(new UsageError('--since refreshes from a file; it does not take --source yet'), cmd.optsWithGlobals().json);
      const given = Object.entries(loadFlags(o)).filter(([, v]) => v !== undefined);
      if (o.since && given.length) {
        handleError(new UsageError(`--since refreshes Run ${o.since} with its own column choices; drop ${given.map(([key]) => FLAG[key] ?? key).join(', ')} (or make a new Run without --since)`), cmd.optsWithGlobals().json);
      }
      if (o.since) return runRefresh({ file, since: o.since, k: o.k, seed: o.seed }, cmd.optsWithGlobals());
      await runCli(
        async () => (await import('../../ops/segment.js')).segmentOp,
        { file, table: o.table, query: o.query, engineKmeans: o.engineKmeans, k: o.k, seed: o.seed, ...loadFlags(o), labels: o.labels, brand: o.brand },
        cmd.optsWithGlobals(),
        // The --json contract scripts rely on (DESIGN.md): keep these keys stable.
        (r) => ({ runId: r.runId, runDir: r.runDir, k: r.k, segments: r.segments.map(({ id, name, size }) => ({ id, name, size })) }),
        SEGMENT_STEPS,
      );
    });
}

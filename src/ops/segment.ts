import { z } from 'zod';
import { LoadInput, loadOptions } from './load-input.js';
import { defineOperation } from './operation.js';
import { readFileSync } from 'node:fs';
import { makeRun } from '../pipeline/make-run.js';
import { makeWarehouseRun } from '../pipeline/warehouse-run.js';
import { isWarehouseUrl } from '../warehouse/open.js';
import { UsageError } from '../errors.js';
import { formatCount, formatShare } from '../util/format.js';
import { displayWidth, type Language } from '../util/script.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import { schemaText } from './schema-text.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { runWriterSummary } from '../brief/writer-label.js';

/** Pad to a display width: a Chinese name takes two columns a character. */
const padWidth = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

export const SegmentInput = z.object({
  file: z.string().min(1).describe('Path to a customer file or event log (CSV, TSV, JSONL or Parquet), or a SQL engine: postgres://USER@HOST:PORT/DB, bigquery://PROJECT/DATASET or duckdb://FILE.db'),
  table: z.string().optional().describe('With a SQL engine: the customer table (schema.table)'),
  query: z.string().optional().describe('With a SQL engine: a .sql file whose rows are the customers'),
  engineKmeans: z.boolean().optional().describe('With BigQuery: refine the centroids with BigQuery ML k-means, warm-started from ours'),
  k: z.coerce.number().int().min(2).max(50).optional().describe('Number of segments; chosen automatically when omitted'),
  seed: z.coerce.number().int().min(0).default(42).describe('Random seed (same seed, same segments)'),
  ...LoadInput,
  labels: z.string().optional().describe('A file of plain-language feature labels (JSON or CSV column,label[,unit])'),
  brand: z.string().max(30).optional().describe('Brand name the copy signs with'),
});

export interface SegmentResult {
  runId: string;
  runDir: string;
  k: number;
  customers: number;
  writer: string;
  schema: string;
  segments: { id: number; name: string; size: number; share: number; small: boolean }[];
  /** How k was chosen: the silhouette and stability of every k tried (empty when k was given). */
  kScores: { k: number; silhouette: number; stability?: number }[];
  /** The minimum segment size used and why. */
  minimum: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
  /** Columns left out of the segmentation for carrying no structure. */
  leftOut: string[];
}

/**
 * The three commands to try after a segmentation, naming things the way the resolver does
 * (ops/resolve.ts). Each is also a request the chat understands as it is (the REPL drops
 * "segmenta "), so the same hint serves both.
 */
export function nextSteps(r: Pick<SegmentResult, 'segments'>): string[] {
  const described = r.segments.filter((s) => !s.small);
  const steps = ['show biggest', 'brief "most valuable"'];
  steps.push(described.length >= 2 ? `compare ${described[0].id} ${described[1].id}` : 'chat');
  return steps;
}

function readQueryFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--query ${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}); give a .sql file whose SELECT returns one row per customer`);
  }
}

export const segmentOp = defineOperation({
  name: 'segment',
  description: OP_DESCRIPTIONS.segment,
  input: SegmentInput,
  async run(input, ctx) {
    if (!isWarehouseUrl(input.file) && input.engineKmeans) throw new UsageError('--engine-kmeans goes with --source bigquery://PROJECT/DATASET, not a file');
    if (!isWarehouseUrl(input.file) && (input.table || input.query)) throw new UsageError('--table and --query go with a SQL source (--source postgres://…, bigquery://… or duckdb://…), not a file');
    const common = { k: input.k, seed: input.seed, ...loadOptions(input), config: ctx.config, log: ctx.log, onProgress: ctx.progress, signal: ctx.signal, labels: input.labels, brand: input.brand };
    const made = isWarehouseUrl(input.file)
      ? await makeWarehouseRun({ ...common, warehouse: { url: input.file, table: input.table, query: input.query ? readQueryFile(input.query) : undefined, engineKmeans: input.engineKmeans } })
      : await makeRun({ file: input.file, ...common });
    if (ctx.session) {
      ctx.session.runId = made.runId;
      ctx.session.file = input.file;
    }
    const lang = answerLanguage(ctx, made.run);
    const w = RENDER_WORDS[lang];
    const m = made.run.config;
    const why = m.minSegmentSizeWhy ?? `minimum segment size ${m.minSegmentSize}`;
    return {
      runId: made.runId,
      runDir: made.runDir,
      k: made.run.metrics.k,
      customers: made.run.metrics.customers,
      writer: runWriterSummary(made.run, lang),
      schema: schemaText(made.run.schema, lang),
      segments: made.run.segments.map((s) => ({ id: s.id, name: s.texts?.name ?? w.list.small, size: s.size, share: s.share, small: s.small })),
      kScores: made.run.metrics.kScores.map(({ k, silhouette, stability }) => ({ k, silhouette, ...(stability !== undefined ? { stability } : {}) })),
      minimum: w.made.minimum({ why, value: m.minSegmentSize, configured: ctx.config.minSegmentSize, setByUser: ctx.config.minSegmentSizeSet === true, customers: formatCount(made.run.metrics.customers, lang) }),
      leftOut: made.run.embedding.structure?.features.filter((f) => !f.kept).map((f) => f.name) ?? [],
      lang,
    };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].made;
    const lines = [
      w.title(r.runId, formatCount(r.customers, lang), r.k, r.writer),
      '',
      ...r.segments.map((s) => `  ${String(s.id).padStart(2)}  ${padWidth(s.name, 30)} ${formatCount(s.size, lang).padStart(8)}  ${formatShare(s.share, lang).padStart(6)}${s.small ? w.small : ''}`),
      '',
      ...(r.kScores.length > 0 ? [w.kScores(r.kScores.map((s) => `${s.k}: ${s.silhouette.toFixed(2)}${s.stability !== undefined ? `/${s.stability.toFixed(2)}` : ''}`).join('  '))] : []),
      r.minimum,
      ...(r.leftOut.length > 0 ? [w.leftOut(r.leftOut)] : []),
      '',
      // The roles segmenta inferred, as `inspect` shows them: what was used, how, and what was left out.
      r.schema.trimEnd(),
      '',
      w.saved(r.runDir, `${r.runDir}/briefs/index.md`),
      '',
      w.next,
      ...nextSteps(r).map((c) => `  segmenta ${c}`),
    ];
    return lines.join('\n');
  },
  summarize(r) {
    return `Made Run ${r.runId} with ${r.k} segments: ${r.segments.map((s) => `${s.id} "${s.name}" (${s.size})`).join('; ')}.`;
  },
});

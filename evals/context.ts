import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../src/config.js';
import type { CustomerTable } from '../src/model/data.js';
import { loadCustomers } from '../src/data/load.js';
import { applyEmbedding } from '../src/embed/apply.js';
import type { EmbeddingModel, Vectors } from '../src/model/vectors.js';
import { UsageError } from '../src/errors.js';
import { readAssignments } from '../src/vectors/assignments.js';
import { loadVectors } from '../src/vectors/load.js';
import { takeRows } from '../src/cluster/assign.js';
import { textEmbedderFor } from '../src/embed/create-text-embedder.js';
import type { RunFile } from '../src/model/run.js';
import { hasTableFile, readTableFile } from '../src/run/table-file.js';
import type { ProgressHook } from '../src/util/progress.js';

/**
 * Everything the suites read about one Run: run.json, the customer table (the one the Run
 * stored, or, for a Run made before tables were kept, re-read from its source file with the
 * Run's options), the Run's segment of every table row (from
 * assignments.csv: the truth the judge is scored against), and the Run's vectors (the saved
 * vectors file, or the saved embedding model applied again — never refitted).
 */
export interface EvalContext {
  dir: string;
  run: RunFile;
  table: CustomerTable;
  /** 0-based segment of each table row (segment id − 1). */
  labels: Int32Array;
  vectors: Vectors;
  config: Config;
  log: (line: string) => void;
  notes: string[];
}

export async function loadEvalContext(dir: string, run: RunFile, config: Config, log: (line: string) => void, file?: string, progress?: ProgressHook): Promise<EvalContext> {
  const stored = file === undefined && !needsFileValues(run, config) ? readStoredTable(dir, run) : null;
  if (stored) {
    log(`read the Run's stored table (${stored.table.ids.length.toLocaleString('en-US')} customers) and vectors`);
    return { dir, run, table: stored.table, labels: stored.labels, vectors: await vectorsFor(dir, run, stored.table, config, identity(stored.labels.length)), config, log, notes: [] };
  }
  const source = resolve(file ?? run.config.file);
  if (!existsSync(source)) {
    throw new UsageError(`the Run's customer file ${source} is gone; the evals re-read it. Point to it with --file FILE.`);
  }
  const why = file !== undefined || needsFileValues(run, config) ? '' : hasTableFile(dir) ? " (the Run's stored table is of an older form, kept before its text was scrubbed)" : ' (the Run has no stored table: made before it was kept)';
  log(`reading ${source} again${why}`);
  const table = await loadCustomers(source, {
    idColumn: run.config.idColumn,
    ignore: run.config.ignore,
    text: run.config.text,
    events: run.schema?.kind === 'events' ? true : undefined,
    progress,
  });
  const { labels, rowOf } = labelsFor(dir, table, run);
  const vectors = await vectorsFor(dir, run, table, config, rowOf);
  return { dir, run, table, labels, vectors, config, log, notes: [] };
}

/**
 * The stored table holds only digests of the PII values (src/run/pii-hashes.ts): a Run whose
 * names an LLM wrote is re-named by the LLM writer, which sends the values' list along, so it
 * reads the file.
 */
function needsFileValues(run: RunFile, config: Config): boolean {
  return run.config?.writer === 'llm' && !!config.llm;
}

/** The table the Run stored (src/run/table-file.ts), in assignments.csv's row order, or null. */
function readStoredTable(dir: string, run: RunFile): { table: CustomerTable; labels: Int32Array } | null {
  if (!hasTableFile(dir)) return null;
  const a = readAssignments(dir);
  const table = readTableFile(dir, a.ids);
  if (!table) return null;
  if (run.metrics && run.metrics.customers !== table.ids.length) return null;
  // As a re-read names it: the Run's file, resolved.
  table.schema = { ...table.schema, source: resolve(run.config.file) };
  return { table, labels: Int32Array.from(a.segments, (s) => s - 1) };
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Each table row's segment, matched by customer id: a file that changed since the Run is caught here. */
function labelsFor(dir: string, table: CustomerTable, run: RunFile): { labels: Int32Array; rowOf: Int32Array } {
  const a = readAssignments(dir);
  const byId = new Map<string, number>();
  a.ids.forEach((id, i) => byId.set(id, i));
  const labels = new Int32Array(table.ids.length);
  // rowOf[i]: the row of assignments.csv (and of the saved vectors) that holds table row i.
  const rowOf = new Int32Array(table.ids.length);
  let missing = 0;
  table.ids.forEach((id, i) => {
    const r = byId.get(id);
    if (r === undefined) missing++;
    rowOf[i] = r ?? -1;
    labels[i] = r === undefined ? -1 : a.segments[r] - 1;
  });
  if (missing > 0 || a.ids.length !== table.ids.length) {
    throw new UsageError(
      `${run.config.file} no longer matches Run ${run.id}: ${missing} of its ${table.ids.length} customers are not in assignments.csv (which has ${a.ids.length}). Evaluate the Run against the file it was made from (--file FILE), or make a new Run.`,
    );
  }
  return { labels, rowOf };
}

async function vectorsFor(dir: string, run: RunFile, table: CustomerTable, config: Config, rowOf: Int32Array): Promise<Vectors> {
  const n = table.ids.length;
  if (run.index && existsSync(join(dir, run.index.files.vectors))) {
    // Shared memory for the bootstrap's worker threads (suites/stability-pool.ts).
    const v = loadVectors(dir, run, { shared: true });
    if (v.n === n) return rowOf.every((r, i) => r === i) ? v : takeRows(v, rowOf);
  }
  const path = join(dir, 'embedding.json');
  if (!existsSync(path)) throw new UsageError(`Run ${run.id} has neither its vectors nor embedding.json; make the Run again with \`segmenta segment FILE\`.`);
  const model = JSON.parse(readFileSync(path, 'utf8')) as EmbeddingModel;
  // Only a Run whose text block came from an embeddings server needs that server again.
  return applyEmbedding(model, table, await textEmbedderFor(model, config));
}

import type { DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { translateDuckDbError } from './duckdb-errors.js';
import { formatFromPath } from './formats.js';
import { openSource, SOURCE_TABLE, type Source } from './ingest.js';
import { joinTables, type LoadedTable } from './join.js';
import { readRow } from './columnar.js';
import { assertColumnCount, precheckFile } from './precheck.js';
import { throwIfCancelled } from '../util/cancel.js';
import type { ProgressHook } from '../util/progress.js';

/**
 * Open a data file in a private, in-memory DuckDB for the length of `work`: the byte-level
 * checks, the strict read into a table, and the translation of any DuckDB error into a
 * one-line InputError (file, row, column, what, fix). Every reader of user files goes
 * through here, so they all see the same rows, ids and errors. A cancelled `signal` interrupts
 * the running query (DuckDB stops within its next vector of rows) and throws CancelledError.
 */
export async function withSource<T>(file: string, work: (conn: DuckDBConnection, source: Source) => Promise<T>, signal?: AbortSignal, joinFiles: string[] = [], progress?: ProgressHook): Promise<T> {
  throwIfCancelled(signal);
  const format = formatFromPath(file);
  const head = await precheckFile(file, format);
  // Spill to the OS temp folder if a very large file outgrows memory (DuckDB's default is ./.tmp).
  // Loaded here, not at module load: the native DuckDB binding costs ~0.5 s of CLI start-up.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: join(tmpdir(), 'segmenta-duckdb') });
  let conn: DuckDBConnection | undefined;
  let columns: string[] | undefined;
  const interrupt = () => conn?.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    conn = await instance.connect();
    let source = await watchRead(conn, progress, file, () => openSource(conn!, file, format, head));
    if (joinFiles.length > 0) source = await openJoined(conn, source, joinFiles, progress);
    columns = source.columns.map((c) => c.name);
    // CSV headers were counted before DuckDB read anything; JSON and Parquet are counted here.
    assertColumnCount(file, columns.length);
    const out = await work(conn, source);
    throwIfCancelled(signal);
    return out;
  } catch (err) {
    throwIfCancelled(signal);
    throw translateDuckDbError(err, { file, format: format.format, columns });
  } finally {
    signal?.removeEventListener('abort', interrupt);
    conn?.closeSync();
    instance.closeSync();
  }
}

/** Each further file read the same strict way (its own errors name it), then all flattened into one table (join.ts). */
async function openJoined(conn: DuckDBConnection, main: Source, files: string[], progress?: ProgressHook): Promise<Source> {
  const count = async (t: string) => Number((await readRow(conn, `SELECT CAST(count(*) AS DOUBLE) AS n FROM ${t}`)).n ?? 0);
  await conn.run(`ALTER TABLE ${SOURCE_TABLE} RENAME TO seg_t0`);
  const tables: LoadedTable[] = [{ file: main.file, table: 'seg_t0', columns: main.columns, rows: await count('seg_t0') }];
  for (const [i, f] of files.entries()) {
    const fmt = formatFromPath(f);
    const head = await precheckFile(f, fmt);
    let s: Source;
    try {
      s = await watchRead(conn, progress, f, () => openSource(conn, f, fmt, head));
    } catch (err) {
      throw translateDuckDbError(err, { file: f, format: fmt.format });
    }
    const table = `seg_t${i + 1}`;
    await conn.run(`ALTER TABLE ${SOURCE_TABLE} RENAME TO ${table}`);
    tables.push({ file: f, table, columns: s.columns, rows: await count(table) });
  }
  const j = await joinTables(conn, tables);
  return { ...main, columns: j.columns, joined: j.joined, joinWarnings: j.warnings };
}

/** How often the read's progress is asked for: a bar moving 5 times a second is smooth enough. */
const POLL_MS = 200;

/**
 * Report how much of `file` DuckDB has read while `read` runs, as a percentage (DuckDB's own
 * query progress, which it tracks only with enable_progress_bar on; its printing stays off).
 * The percentage is of the file's bytes, not rows: DuckDB does not know the row count of a
 * CSV before it has read it. Without a hook nothing is switched on.
 */
async function watchRead<T>(conn: DuckDBConnection, progress: ProgressHook | undefined, file: string, read: () => Promise<T>): Promise<T> {
  if (!progress) return read();
  await conn.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const unit = `% of ${basename(file)} read`;
  let best = 0;
  progress({ stage: 'ingest', done: 0, total: 100, unit });
  const timer = setInterval(() => {
    const pct = conn.progress.percentage;
    // -1 while no query runs; a later statement of the same read starts again at 0.
    if (pct > best) progress({ stage: 'ingest', done: (best = Math.min(100, Math.floor(pct))), total: 100, unit });
  }, POLL_MS);
  try {
    const out = await read();
    progress({ stage: 'ingest', done: 100, total: 100, unit });
    return out;
  } finally {
    clearInterval(timer);
  }
}

import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';

/**
 * Column-at-a-time reads of query results into typed arrays. Row objects would allocate one
 * object per row and one property per cell; at a million customers that is most of the load
 * time. Queries must cast what they return: numbers to DOUBLE, everything else to VARCHAR.
 */
export type ColumnKind = 'f64' | 'str' | 'codes';

export type ReadColumn =
  | { kind: 'f64'; values: Float64Array }
  | { kind: 'str'; values: (string | null)[] }
  /** Dictionary-encoded strings: code -1 is NULL; levels in order of first appearance. */
  | { kind: 'codes'; codes: Int32Array; levels: string[] };

export interface ReadResult {
  rows: number;
  columns: ReadColumn[];
}

export interface ReadOptions {
  /**
   * Index of a DOUBLE column holding each result row's 0-based place in the output (e.g.
   * `CAST(rowid AS DOUBLE)`), with `rows` the output length: rows are put in place as they
   * arrive, so the query needs no ORDER BY (a sort of every selected column; see load.ts).
   */
  at?: number;
  rows?: number;
}

/** Run a query and read every column as the given kind: 'f64' (NULL → NaN), 'str', or 'codes'. */
export async function readColumns(conn: DuckDBConnection, sql: string, kinds: ColumnKind[], options: ReadOptions = {}): Promise<ReadResult> {
  // Loaded here, not at module load (start-up time; a connection means it is loaded already).
  const { DuckDBTypeId } = await import('@duckdb/node-api');
  // The node-api's own bindings (same version, its dependency): raw vector memory, for readDoubles.
  const raw = ((await import('@duckdb/node-bindings')) as { default: Bindings }).default;
  // Streamed chunk by chunk: each is copied out and released, so the whole result never sits
  // in DuckDB's memory beside the typed arrays (a materialized result of 1M customers × 16
  // columns is ~200 MB of the peak).
  const result = await conn.stream(sql);
  if (result.columnCount !== kinds.length) {
    throw new Error(`readColumns: query returns ${result.columnCount} columns, ${kinds.length} kinds given`);
  }
  kinds.forEach((kind, c) => {
    // A DECIMAL or BIGINT would come back as an object or bigint and read as NaN: a query bug, caught here.
    const type = result.columnTypeId(c);
    if (kind === 'f64' ? type !== DuckDBTypeId.DOUBLE : type !== DuckDBTypeId.VARCHAR) {
      throw new Error(`readColumns: column ${c} (${result.columnName(c)}) is ${result.columnType(c).toString()}; cast it to ${kind === 'f64' ? 'DOUBLE' : 'VARCHAR'} in SQL`);
    }
  });
  const placed = options.at !== undefined;
  if (placed && (options.rows === undefined || kinds[options.at!] !== 'f64')) throw new Error('readColumns: `at` needs `rows` and a DOUBLE column');
  const cols = new Columns(kinds, options.rows ?? 1024);
  let offset = 0;
  const at = new Float64Array(placed ? 2048 : 0);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    if (!placed) cols.reserve(offset + n);
    let where: Float64Array | undefined;
    if (placed) {
      where = at.length >= n ? at.subarray(0, n) : new Float64Array(n);
      readDoubles(raw, chunk, options.at!, n, where, 0);
    }
    cols.readChunk(raw, chunk, offset, where);
    offset += n;
  }
  const rows = placed ? options.rows! : offset;
  if (placed && offset !== rows) throw new Error(`readColumns: ${offset} rows read, ${rows} expected`);
  return { rows, columns: cols.finish(rows) };
}

type Bindings = typeof import('@duckdb/node-bindings');

/**
 * A DOUBLE vector's values straight from DuckDB's memory, NULL → NaN. The node-api's
 * `getItem` tests validity with BigInt arithmetic per value; at 1M customers × 12 number
 * columns that was ~1 s of the load. One `set` per chunk, then the NULL bits.
 */
function readDoubles(raw: Bindings, chunk: DuckDBDataChunk, c: number, n: number, out: Float64Array, offset: number, where?: Float64Array): void {
  const vector = raw.data_chunk_get_vector(chunk.chunk, c);
  const bytes = raw.vector_get_data(vector, n * 8);
  const items = new Float64Array(bytes.buffer, bytes.byteOffset, n);
  const valid = raw.vector_get_validity(vector, Math.ceil(n / 64) * 8);
  if (where) {
    for (let r = 0; r < n; r++) out[where[r]] = valid && !(valid[r >> 3] & (1 << (r & 7))) ? NaN : items[r];
    return;
  }
  out.set(items, offset);
  if (valid) for (let r = 0; r < n; r++) if (!(valid[r >> 3] & (1 << (r & 7)))) out[offset + r] = NaN;
}

/** The output columns, growing while rows stream in (unless their count is known). */
class Columns {
  private f64: (Float64Array | undefined)[];
  private str: ((string | null)[] | undefined)[];
  private codes: (Int32Array | undefined)[];
  private levels: string[][];
  private dicts: Map<string, number>[];
  private size: number;

  constructor(private readonly kinds: ColumnKind[], capacity: number) {
    this.size = capacity;
    this.f64 = kinds.map((k) => (k === 'f64' ? new Float64Array(capacity) : undefined));
    this.str = kinds.map((k) => (k === 'str' ? new Array<string | null>(capacity) : undefined));
    this.codes = kinds.map((k) => (k === 'codes' ? new Int32Array(capacity) : undefined));
    this.levels = kinds.map(() => []);
    this.dicts = kinds.map(() => new Map());
  }

  reserve(rows: number): void {
    if (rows <= this.size) return;
    const size = Math.max(rows, this.size * 2);
    this.f64 = this.f64.map((a) => (a ? grow(new Float64Array(size), a) : a));
    this.codes = this.codes.map((a) => (a ? grow(new Int32Array(size), a) : a));
    this.size = size;
  }

  readChunk(raw: Bindings, chunk: DuckDBDataChunk, offset: number, where?: Float64Array): void {
    const n = chunk.rowCount;
    for (let c = 0; c < this.kinds.length; c++) {
      const f = this.f64[c];
      if (f) {
        readDoubles(raw, chunk, c, n, f, offset, where);
        continue;
      }
      const vector = chunk.getColumnVector(c);
      const s = this.str[c];
      if (s) {
        for (let r = 0; r < n; r++) {
          const v = vector.getItem(r);
          s[where ? where[r] : offset + r] = v === null ? null : String(v);
        }
        continue;
      }
      const out = this.codes[c]!;
      const dict = this.dicts[c];
      const levels = this.levels[c];
      for (let r = 0; r < n; r++) {
        const v = vector.getItem(r);
        const i = where ? where[r] : offset + r;
        if (v === null) {
          out[i] = -1;
          continue;
        }
        const text = String(v);
        let code = dict.get(text);
        if (code === undefined) {
          code = levels.length;
          levels.push(text);
          dict.set(text, code);
        }
        out[i] = code;
      }
    }
  }

  finish(rows: number): ReadColumn[] {
    return this.kinds.map((kind, c) => {
      if (kind === 'f64') return { kind, values: this.f64[c]!.length === rows ? this.f64[c]! : this.f64[c]!.slice(0, rows) };
      if (kind === 'str') {
        const s = this.str[c]!;
        if (s.length > rows) s.length = rows;
        return { kind, values: s };
      }
      return { kind, codes: this.codes[c]!.length === rows ? this.codes[c]! : this.codes[c]!.slice(0, rows), levels: this.levels[c] };
    });
  }
}

function grow<T extends Float64Array | Int32Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

/** One row of scalar results as plain numbers/strings (for small summary queries). */
export async function readRow(conn: DuckDBConnection, sql: string): Promise<Record<string, number | string | null>> {
  const result = await conn.run(sql);
  const names = result.columnNames();
  const chunk = result.chunkCount > 0 ? result.getChunk(0) : undefined;
  const out: Record<string, number | string | null> = {};
  names.forEach((name, i) => {
    const v = chunk && chunk.rowCount > 0 ? chunk.getColumnVector(i).getItem(0) : null;
    out[name] = v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'bigint' ? Number(v) : String(v);
  });
  return out;
}

/**
 * Dictionary-encode a text expression in DuckDB: an ENUM type of its distinct values, and the
 * SQL that reads each row's code as DOUBLE (NULL → NaN). Reading codes instead of strings
 * avoids decoding and hashing one JS string per row (the bulk of load time at 1M rows).
 * Levels are in sorted order; the cleaner reorders them by frequency.
 */
export async function enumCodes(
  conn: DuckDBConnection,
  relation: string,
  valueSql: string,
  typeName: string,
): Promise<{ levels: string[]; codeSql: string }> {
  const res = await readColumns(conn, `SELECT DISTINCT v FROM (SELECT ${valueSql} AS v FROM ${relation}) WHERE v IS NOT NULL ORDER BY v`, ['str']);
  const levels = (res.columns[0] as { values: (string | null)[] }).values.filter((v): v is string => v !== null);
  if (levels.length === 0) return { levels, codeSql: 'CAST(NULL AS DOUBLE)' };
  const literals = levels.map((l) => `'${l.replace(/'/g, "''")}'`).join(', ');
  await conn.run(`CREATE TYPE ${typeName} AS ENUM (${literals})`);
  return { levels, codeSql: `CAST(enum_code(CAST(${valueSql} AS ${typeName})) AS DOUBLE)` };
}

/** Codes read as f64 (NaN = missing) → Int32Array with -1 for missing. */
export function toCodes(values: Float64Array): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]) ? -1 : values[i];
  return out;
}

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

/** Run a query and read every column as the given kind: 'f64' (NULL → NaN), 'str', or 'codes'. */
export async function readColumns(conn: DuckDBConnection, sql: string, kinds: ColumnKind[]): Promise<ReadResult> {
  // Loaded here, not at module load (start-up time; a connection means it is loaded already).
  const { DuckDBTypeId } = await import('@duckdb/node-api');
  const result = await conn.run(sql);
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
  const rows = result.rowCount;
  const dicts: Map<string, number>[] = kinds.map(() => new Map());
  const columns: ReadColumn[] = kinds.map((kind) =>
    kind === 'f64'
      ? { kind, values: new Float64Array(rows) }
      : kind === 'str'
        ? { kind, values: new Array<string | null>(rows) }
        : { kind, codes: new Int32Array(rows), levels: [] },
  );
  let offset = 0;
  for (let ci = 0; ci < result.chunkCount; ci++) {
    const chunk = result.getChunk(ci);
    readChunk(chunk, columns, dicts, offset);
    offset += chunk.rowCount;
  }
  return { rows, columns };
}

function readChunk(chunk: DuckDBDataChunk, columns: ReadColumn[], dicts: Map<string, number>[], offset: number): void {
  const n = chunk.rowCount;
  for (let c = 0; c < columns.length; c++) {
    const vector = chunk.getColumnVector(c);
    const col = columns[c];
    if (col.kind === 'f64') {
      const out = col.values;
      for (let r = 0; r < n; r++) {
        const v = vector.getItem(r);
        out[offset + r] = typeof v === 'number' ? v : NaN;
      }
    } else if (col.kind === 'str') {
      const out = col.values;
      for (let r = 0; r < n; r++) {
        const v = vector.getItem(r);
        out[offset + r] = v === null ? null : String(v);
      }
    } else {
      const dict = dicts[c];
      const out = col.codes;
      for (let r = 0; r < n; r++) {
        const v = vector.getItem(r);
        if (v === null) {
          out[offset + r] = -1;
          continue;
        }
        const s = String(v);
        let code = dict.get(s);
        if (code === undefined) {
          code = col.levels.length;
          col.levels.push(s);
          dict.set(s, code);
        }
        out[offset + r] = code;
      }
    }
  }
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

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import { duckdb } from './dialect.js';
import { ledger, type Engine, type EngineColumn, type Row } from './engine.js';
import { duckdbError, WarehouseError } from './errors.js';

const NUMBER = new Set<number>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);
const DATE = new Set<number>([DuckDBTypeId.DATE, DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_TZ]);
const STRING = new Set<number>([DuckDBTypeId.VARCHAR, DuckDBTypeId.ENUM]);

/** duckdb:///abs/path.db or duckdb://relative/path.db → the file's path. */
export function parseDuckDbUrl(url: string): string {
  const path = url.replace(/^duckdb:\/\//i, '');
  if (!path) throw new WarehouseError(`"${url}" names no database file; write duckdb://PATH/TO/FILE.db`);
  return resolve(path);
}

/**
 * A DuckDB database file as a SQL engine (`--source duckdb://file.db`): the same warehouse plan
 * as PostgreSQL and BigQuery, run in-process by @duckdb/node-api. A file that does not exist is
 * an error, not a new empty database (DuckDB would create one). segmenta's tables are written
 * into the file, as they are into a warehouse.
 */
export async function openDuckDb(url: string): Promise<Engine> {
  const path = parseDuckDbUrl(url);
  const display = `duckdb://${path}`;
  if (!existsSync(path)) throw new WarehouseError(`cannot open ${display}: no such file; give the path of an existing DuckDB database (customer files are read directly: give the file)`);
  if (statSync(path).isDirectory()) throw new WarehouseError(`cannot open ${display}: it is a folder; give the path of a DuckDB database file`);
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(path);
    conn = await instance.connect();
  } catch (err) {
    throw duckdbError(err, display);
  }
  const book = ledger();
  let closed = false;
  return {
    dialect: duckdb,
    display,
    qualify: (table) => table,
    fetched: book.fetched,
    statements: book.statements,
    seconds: book.seconds,
    async describe(relation) {
      const sql = `SELECT * FROM ${relation} LIMIT 0`;
      try {
        const reader = await book.timed('describe', () => conn.runAndReadAll(sql));
        book.record('describe', sql, reader.currentRowCount);
        const types = reader.columnTypes();
        return reader.columnNames().map((name, i): EngineColumn => {
          const id = types[i].typeId;
          return {
            name,
            type: types[i].toString().toLowerCase(),
            kind: NUMBER.has(id) ? 'number' : DATE.has(id) ? 'date' : id === DuckDBTypeId.BOOLEAN ? 'boolean' : STRING.has(id) ? 'string' : 'other',
          };
        });
      } catch (err) {
        throw duckdbError(err, display, relation);
      }
    },
    async query(sql, purpose) {
      try {
        const reader = await book.timed(purpose, () => conn.runAndReadAll(sql));
        // BIGINT comes back as bigint: the session reads every aggregate with Number().
        const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as Row[];
        book.record(purpose, sql, rows.length);
        return rows;
      } catch (err) {
        throw duckdbError(err, display);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      conn.closeSync();
      instance.closeSync();
    },
  };
}

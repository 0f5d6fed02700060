import pg from 'pg';
import { postgres } from './dialect.js';
import { ledger, type Engine, type EngineColumn, type Row } from './engine.js';
import { postgresError } from './errors.js';

// Type OIDs of pg_type (stable since PostgreSQL 7): the kinds the plan needs to tell apart.
const NUMBER = new Set([20, 21, 23, 26, 700, 701, 1700]);
const DATE = new Set([1082, 1114, 1184]);
const BOOL = 16;
const STRING = new Set([25, 1042, 1043, 18, 19]);

/** The URL as shown and recorded: user, host, port, database; never the password. */
export function postgresDisplay(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || process.env.PGHOST || 'localhost';
    const port = u.port || process.env.PGPORT || '5432';
    const db = u.pathname.replace(/^\//, '') || process.env.PGDATABASE || u.username || process.env.PGUSER || '';
    return `postgres://${host}:${port}/${db}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * PostgreSQL (and what speaks its protocol: Citus, AlloyDB, Redshift-style engines) through
 * node-postgres. Credentials follow libpq's conventions, which pg reads itself: the connection
 * string, else PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (and ~/.pgpass is not read).
 */
export async function openPostgres(url: string): Promise<Engine> {
  const display = postgresDisplay(url);
  // `postgres://` alone means "all from PG* variables": pg treats an empty string as no URL.
  const connectionString = /^postgres(ql)?:\/\/\/?$/.test(url) ? undefined : url;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a dropped connection surfaces on the next query
  try {
    await client.connect();
  } catch (err) {
    throw postgresError(err, display);
  }
  const book = ledger();
  let closed = false;
  return {
    dialect: postgres,
    display,
    qualify: (table) => table,
    fetched: book.fetched,
    statements: book.statements,
    seconds: book.seconds,
    async describe(relation) {
      const sql = `SELECT * FROM ${relation} LIMIT 0`;
      try {
        const res = await book.timed('describe', () => client.query(sql));
        book.record('describe', sql, res.rows.length);
        return res.fields.map((f): EngineColumn => ({
          name: f.name,
          type: String(f.dataTypeID),
          kind: NUMBER.has(f.dataTypeID) ? 'number' : DATE.has(f.dataTypeID) ? 'date' : f.dataTypeID === BOOL ? 'boolean' : STRING.has(f.dataTypeID) ? 'string' : 'other',
        }));
      } catch (err) {
        throw postgresError(err, display, relation);
      }
    },
    async query(sql, purpose) {
      try {
        const res = await book.timed(purpose, () => client.query(sql));
        const rows = (res.rows ?? []) as Row[];
        book.record(purpose, sql, rows.length);
        return rows;
      } catch (err) {
        throw postgresError(err, display);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
    },
  };
}

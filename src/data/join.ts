import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { readRow } from './columnar.js';
import { sqlIdent } from './formats.js';
import { SOURCE_TABLE, type SourceColumn } from './ingest.js';

/**
 * Several files → one table, in DuckDB: a normalised export (customers, orders, order items,
 * payments, products) is flattened from its most detailed table (the one with most rows, e.g.
 * order items) by lookups — each other table joined on a column of the same name whose values
 * are unique in that table (orders on order_id, products on product_id, customers on
 * customer_id). The result is an order-line log with the customer's attributes on each line,
 * which the log machinery then aggregates per order and customer. A table that is not unique
 * on any shared column (several payments per order) would multiply lines, so it is left out
 * and the user told.
 */
export interface LoadedTable {
  file: string;
  table: string;
  columns: SourceColumn[];
  rows: number;
}

export interface JoinResult {
  columns: SourceColumn[];
  joined: { file: string; on: string; rows: number }[];
  warnings: string[];
}

export async function joinTables(conn: DuckDBConnection, tables: LoadedTable[]): Promise<JoinResult> {
  const key = (s: string) => s.trim().toLowerCase();
  const unique = async (t: LoadedTable, col: string) => {
    const q = sqlIdent(col);
    const r = await readRow(conn, `SELECT CAST(count(DISTINCT ${q}) AS DOUBLE) AS d, CAST(count(${q}) AS DOUBLE) AS n FROM ${t.table}`);
    return Number(r.n) > 0 && Number(r.d) === Number(r.n);
  };
  const fact = tables.reduce((a, b) => (b.rows > a.rows ? b : a));
  const used = new Set<LoadedTable>([fact]);
  const have = new Map(fact.columns.map((c) => [key(c.name), c]));
  const select = fact.columns.map((c) => `f.${sqlIdent(c.name)}`);
  const joins: string[] = [];
  const joined: JoinResult['joined'] = [{ file: fact.file, on: '(the most detailed table)', rows: fact.rows }];
  for (let progress = true; progress; ) {
    progress = false;
    for (const t of tables) {
      if (used.has(t)) continue;
      let on: { mine: SourceColumn; theirs: SourceColumn } | undefined;
      for (const c of t.columns) {
        const mine = have.get(key(c.name));
        if (mine && (await unique(t, c.name))) {
          on = { mine, theirs: c };
          break;
        }
      }
      if (!on) continue;
      const alias = `j${joins.length}`;
      joins.push(`LEFT JOIN ${t.table} ${alias} ON CAST(${alias}.${sqlIdent(on.theirs.name)} AS VARCHAR) = CAST(${sourceOf(on.mine, fact, select)} AS VARCHAR)`);
      for (const c of t.columns) {
        if (have.has(key(c.name))) continue;
        have.set(key(c.name), c);
        select.push(`${alias}.${sqlIdent(c.name)}`);
      }
      joined.push({ file: t.file, on: on.theirs.name, rows: t.rows });
      used.add(t);
      progress = true;
    }
  }
  const warnings = tables
    .filter((t) => !used.has(t))
    .map((t) => `${t.file}: not joined — no column it shares with the other files has one row per value in it (several rows per key would multiply the lines); load it on its own or name the key with --id`);
  if (used.size === 1) {
    throw new InputError({ file: tables.find((t) => t !== fact)?.file ?? fact.file }, 'shares no key column with the other files (a column of the same name, unique in one of them)', 'Name the key columns the same in both files (e.g. customer_id), or load the files one at a time');
  }
  await conn.run(`CREATE OR REPLACE TABLE ${SOURCE_TABLE} AS SELECT ${select.join(', ')} FROM ${fact.table} f ${joins.join(' ')} ORDER BY f.rowid`);
  for (const t of tables) await conn.run(`DROP TABLE IF EXISTS ${t.table}`);
  const columns = [...have.values()];
  return { columns, joined, warnings };
}

/** The SQL for a column already in the flat select list (from the fact table or a joined one). */
function sourceOf(col: SourceColumn, fact: LoadedTable, select: string[]): string {
  const q = sqlIdent(col.name);
  return select.find((s) => s.endsWith(`.${q}`)) ?? `f.${q}`;
}

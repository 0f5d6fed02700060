/**
 * The SQL that differs between engines, in one place: quoting, casts, hashing, dates, float32
 * rounding, money sums. Everything else the warehouse plan writes is the common SQL all three
 * accept. In the data stage because the order-line plan (order-lines.ts) is compiled with it
 * for files (DuckDB) and for the engines (src/warehouse/order-plan.ts) alike.
 *
 * Hand-written rather than a query builder: knex and kysely build PostgreSQL (and DuckDB through
 * community drivers) but neither ships a BigQuery dialect, and what differs here is not the
 * shape of a SELECT but the meaning of expressions — the same MD5 hash sample, epoch seconds of
 * a date, IEEE float32 rounding so the engine's distances match our Float32 vectors — which no
 * builder abstracts. The output is checked by node-sql-parser's BigQuery and PostgreSQL grammars
 * in test/warehouse/ (golden files under test/fixtures/warehouse/).
 */
export type EngineName = 'duckdb' | 'postgres' | 'bigquery';

export interface Dialect {
  readonly name: EngineName;
  /** A column or alias name, quoted. */
  ident(name: string): string;
  /** A table reference (BigQuery: `project.dataset.table` in one pair of backticks). */
  table(ref: string): string;
  /** A string literal. */
  str(value: string): string;
  text(expr: string): string;
  float(expr: string): string;
  /** Rounded to IEEE float32, as our vectors are; identity where the engine has no float32 (BigQuery). */
  f32(expr: string): string;
  /** 0 … 2³²−1 from the first 8 hex digits of MD5 of the text: the same number on every engine. */
  hash32(textExpr: string): string;
  /** Seconds since 1970-01-01 UTC of a date or timestamp, as a float. */
  epoch(expr: string): string;
  /** Lower-case hex SHA-256 of a text. */
  sha256(textExpr: string): string;
  /** True when the text matches a regular expression (POSIX/RE2 subset). */
  matches(textExpr: string, pattern: string): string;
  /** ORDER BY key for ids: byte order on every engine, so the sample comes back in one order. */
  idOrder(expr: string): string;
  /** Sum of money (floats): DuckDB's compensated fsum; the others' SUM (their totals are rounded by round9, which absorbs the order of addition). */
  sumMoney(expr: string): string;
  /** Rounded to 9 decimals, -0 as 0: a fully refunded order nets to exactly 0, not to the ±1e-14 residue of float addition. */
  round9(expr: string): string;
  /** The distinct values of a group joined by sep, in byte order. */
  stringAgg(expr: string, sep: string): string;
  types: { text: string; int: string; float: string; timestamp: string };
  now: string;
  /**
   * Appended to a subquery the planner must not inline. PostgreSQL pulls subqueries up into their
   * parent, which copies every feature expression into each of the k × dim distance terms
   * (measured: 18 s for 3,000 customers); OFFSET 0 is its documented optimisation fence.
   */
  fence: string;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const singleQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  table: (ref) => ref.split('.').map(doubleQuoted).join('.'),
  str: singleQuoted,
  text: (e) => `CAST(${e} AS TEXT)`,
  float: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  f32: (e) => `CAST(${e} AS REAL)`,
  hash32: (e) => `CAST(CAST(('x' || substr(md5(${e}), 1, 8)) AS BIT(32)) AS BIGINT)`,
  epoch: (e) => `CAST(EXTRACT(EPOCH FROM CAST(${e} AS TIMESTAMP)) AS DOUBLE PRECISION)`,
  sha256: (e) => `encode(sha256(convert_to(${e}, 'UTF8')), 'hex')`,
  matches: (e, p) => `(${e} ~ ${singleQuoted(p)})`,
  idOrder: (e) => `${e} COLLATE "C"`,
  sumMoney: (e) => `SUM(${e})`,
  // round(double precision, int) does not exist: numeric rounds exactly, half away from zero, as DuckDB's round does.
  round9: (e) => `CAST(ROUND(CAST(${e} AS NUMERIC), 9) AS DOUBLE PRECISION)`,
  stringAgg: (e, sep) => `string_agg(${e}, ${singleQuoted(sep)} ORDER BY ${e} COLLATE "C")`,
  types: { text: 'TEXT', int: 'INTEGER', float: 'DOUBLE PRECISION', timestamp: 'TIMESTAMP' },
  now: 'CURRENT_TIMESTAMP',
  fence: ' OFFSET 0',
};

export const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  table: (ref) => ref.split('.').map(doubleQuoted).join('.'),
  str: singleQuoted,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  float: (e) => `CAST(${e} AS DOUBLE)`,
  f32: (e) => `CAST(${e} AS FLOAT)`,
  hash32: (e) => `CAST(('0x' || substr(md5(${e}), 1, 8)) AS BIGINT)`,
  epoch: (e) => `CAST(epoch(CAST(${e} AS TIMESTAMP)) AS DOUBLE)`,
  sha256: (e) => `sha256(${e})`,
  matches: (e, p) => `regexp_matches(${e}, ${singleQuoted(p)})`,
  idOrder: (e) => e,
  sumMoney: (e) => `fsum(${e})`,
  round9: (e) => `(round(${e}, 9) + 0.0)`,
  stringAgg: (e, sep) => `string_agg(${e}, ${singleQuoted(sep)} ORDER BY ${e})`,
  types: { text: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE', timestamp: 'TIMESTAMP' },
  now: 'CURRENT_TIMESTAMP',
  fence: ' OFFSET 0',
};

export const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  table: (ref) => `\`${ref.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  // BigQuery string literals escape with backslashes, not by doubling quotes.
  str: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`,
  text: (e) => `CAST(${e} AS STRING)`,
  float: (e) => `CAST(${e} AS FLOAT64)`,
  // BigQuery has no FLOAT32: distances are computed in float64 (near-ties may resolve differently).
  f32: (e) => e,
  hash32: (e) => `CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(${e})), 1, 8)) AS INT64)`,
  epoch: (e) => `CAST(UNIX_MICROS(CAST(${e} AS TIMESTAMP)) AS FLOAT64) / 1000000`,
  sha256: (e) => `TO_HEX(SHA256(${e}))`,
  matches: (e, p) => `REGEXP_CONTAINS(${e}, ${bigquery.str(p)})`,
  idOrder: (e) => e,
  sumMoney: (e) => `SUM(${e})`,
  round9: (e) => `(ROUND(${e}, 9) + 0.0)`,
  stringAgg: (e, sep) => `STRING_AGG(${e}, ${bigquery.str(sep)} ORDER BY ${e})`,
  types: { text: 'STRING', int: 'INT64', float: 'FLOAT64', timestamp: 'TIMESTAMP' },
  now: 'CURRENT_TIMESTAMP()',
  fence: '',
};

export const DIALECTS: Record<EngineName, Dialect> = { postgres, duckdb, bigquery };

import type { DuckDBConnection } from '@duckdb/node-api';
import { readColumns, readRow, type ColumnKind } from './columnar.js';
import { duckdb, type Dialect } from './dialect.js';
import { FAVOURITE_COLUMN, MAX_CATEGORY_SHARES, shareColumnNames } from './events.js';

/**
 * Order-line log → one row per customer, in SQL, per order first: an export of invoice lines
 * (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country)
 * has many lines per order, so counting lines as purchases or averaging unit prices as "order
 * value" is wrong by an order of magnitude. Lines are summed into orders (amount = quantity ×
 * price unless the file has a line amount), cancellations and returns are netted out of spend
 * and counted on their own, and only then are orders aggregated per customer.
 *
 * ONE definition for files and warehouses: the statements below are compiled per dialect
 * (dialect.ts). The file path runs them in DuckDB over the file; src/warehouse/order-plan.ts
 * compiles the very same functions for PostgreSQL, BigQuery or a DuckDB database, with its own
 * per-line expressions (OrderLineSql) read from the engine's typed columns. Only the reading of
 * a line differs; the grain, the order totals and every feature cannot drift apart.
 */

/**
 * SQL expressions over the source relation for the order-line columns. id, order, timestamp,
 * cancelled, category, text and the attributes may only read the `keys` columns: they are
 * computed once per group of lines sharing those raw values (see GRAIN_TABLE), not per line.
 */
export interface OrderLineSql {
  /** The source columns the per-order expressions read (quoted identifiers, e.g. "InvoiceNo"), the customer id's first. */
  keys: string[];
  id: string;
  order: string;
  timestamp: string;
  quantity?: string;
  price?: string;
  /** A line amount column, when the file has one (else quantity × price). */
  amount?: string;
  /** Boolean: the line is a cancellation or return by its order id or status (negative quantities and amounts always are). */
  cancelled?: string;
  category?: string;
  /** Product description: what each customer bought becomes their text. */
  text?: string;
  /** Customer attributes repeated on every line (country): each customer's most frequent value. */
  attributes: { name: string; sql: string }[];
  /** Longest text kept per customer. */
  textCap: number;
}

export interface OrderFeatures {
  ids: string[];
  numeric: { name: string; values: Float64Array }[];
  categorical: { name: string; codes: Int32Array; levels: string[] }[];
  text?: { name: string; values: (string | null)[] };
  categories: string[];
  asOf: string;
  /** Lines with a customer id; of those, lines without a readable time (skipped). */
  lines: number;
  skipped: number;
  orders: number;
  cancelledOrders: number;
}

/**
 * The lines grouped by everything a feature is cut on (customer, order, time read or not,
 * cancelled, category, product, attributes), with their line count and sums: one pass over
 * the 10M-line source instead of copying every typed line into a table and scanning it three
 * times. An order-line export has several lines per order with the same customer, country and
 * flags, so this holds about one row per order: 1.5M rows for 10M lines (bench/order-lines.ts).
 * Every feature is a sum, count, min or max of lines, so it is the same computed from here.
 */
const GRAIN_TABLE = 'seg_order_grain';
export const TEXT_FEATURE = 'products_bought';

/** Names of the numeric features, in query order. */
export function orderFeatureNames(opts: { quantity: boolean; categories: string[] }): string[] {
  return [
    'recency_days',
    'frequency',
    'monetary',
    'avg_order_value',
    ...(opts.quantity ? ['units_per_order'] : []),
    'cancelled_orders',
    'return_rate',
    'tenure_days',
    'active_days',
    ...shareColumnNames(opts.categories),
  ];
}

export async function aggregateOrderLines(conn: DuckDBConnection, relation: string, cols: OrderLineSql, options: { dropSource?: boolean } = {}): Promise<OrderFeatures> {
  const d = duckdb;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${GRAIN_TABLE} AS ${orderGrainSql(d, relation, cols)}`);
  if (options.dropSource) await conn.run(`DROP TABLE IF EXISTS ${relation}`);
  try {
    const summary = await readRow(conn, orderSummarySql(d, GRAIN_TABLE));
    const categories = cols.category ? await topCategories(conn) : [];
    const asOf = String(summary.last_time ?? '');
    const names = orderFeatureNames({ quantity: !!cols.quantity, categories });
    const sql = orderFeatureSql(d, GRAIN_TABLE, {
      quantity: !!cols.quantity, categories, asOf: Number(summary.as_of), attributes: cols.attributes.map((_, i) => `attr_${i}`), text: !!cols.text, textCap: cols.textCap, id: 'customer_id', ordered: true,
    });
    const kinds: ColumnKind[] = ['str', ...names.map(() => 'f64' as const), ...(cols.category ? (['codes'] as const) : []), ...cols.attributes.map(() => 'codes' as const), ...(cols.text ? (['str'] as const) : [])];
    const res = await readColumns(conn, sql, kinds);
    const idCol = res.columns[0];
    const ids = idCol.kind === 'str' ? idCol.values.map((v) => v ?? '') : [];
    const numeric = names.map((name, i) => {
      const c = res.columns[i + 1];
      return { name, values: c.kind === 'f64' ? c.values : new Float64Array(res.rows) };
    });
    let at = names.length + 1;
    const categorical: OrderFeatures['categorical'] = [];
    const codesAt = (name: string) => {
      const c = res.columns[at++];
      if (c.kind === 'codes') categorical.push({ name, codes: c.codes, levels: c.levels });
    };
    if (cols.category) codesAt(FAVOURITE_COLUMN);
    for (const a of cols.attributes) codesAt(a.name);
    const t = cols.text ? res.columns[at] : undefined;
    return {
      ids,
      numeric,
      categorical,
      text: t && t.kind === 'str' ? { name: TEXT_FEATURE, values: t.values } : undefined,
      categories,
      asOf,
      lines: Number(summary.lines ?? 0),
      skipped: Number(summary.lines ?? 0) - Number(summary.timed ?? 0),
      orders: Number(summary.orders ?? 0),
      cancelledOrders: Number(summary.cancelled_orders ?? 0),
    };
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${GRAIN_TABLE}`);
  }
}

async function topCategories(conn: DuckDBConnection): Promise<string[]> {
  const res = await readColumns(conn, orderCategoriesSql(duckdb, GRAIN_TABLE), ['str']);
  const col = res.columns[0];
  return col.kind === 'str' ? col.values.filter((v): v is string => v !== null) : [];
}

/**
 * The grain (see GRAIN_TABLE): customer_id, order_id, cancelled, category, product, a0…, timed,
 * ts, n lines, amount, abs_amount, qty. Two groupings in one statement. Inner: the lines grouped
 * by their raw key values (customer, order, time, country… as written) plus the line's own sign,
 * with the per-line numbers summed; only the numbers are read per line. Outer: the text, date
 * and cancellation expressions on those ~1 row per order, grouped again (" 123" and "123" are
 * one customer). Computing trim, strptime and the C-prefix regex per line took 6.3 s of CPU of
 * the grain's on 10M lines. No GROUP BY ALL (PostgreSQL lacks it): the keys are named.
 */
export function orderGrainSql(d: Dialect, relation: string, cols: OrderLineSql): string {
  const f = (e: string | undefined) => d.float(e ?? 'NULL');
  const value = cols.amount ?? (cols.quantity && cols.price ? `(${cols.quantity}) * (${cols.price})` : (cols.price ?? 'NULL'));
  // coalesce(a OR b, false) OR coalesce(c, false) = coalesce(a OR b OR c, false): the line's sign per line, the order's flag per group.
  const lineNegative = [cols.quantity ? `(${cols.quantity}) < 0` : undefined, `(${value}) < 0`].filter(Boolean).join(' OR ');
  const negative = cols.cancelled ? `line_negative OR COALESCE(${cols.cancelled}, FALSE)` : 'line_negative';
  const attrs = cols.attributes.map((a, i) => `${d.text(a.sql)} AS a${i}`);
  const keys = [
    `${d.text(cols.id)} AS customer_id`,
    `${d.text(cols.order)} AS order_id`,
    `(${negative}) AS cancelled`,
    `${d.text(cols.category ?? 'NULL')} AS category`,
    `${d.text(cols.text ?? 'NULL')} AS product`,
    ...attrs,
  ];
  const groupKeys = ['customer_id', 'order_id', 'cancelled', 'category', 'product', ...cols.attributes.map((_, i) => `a${i}`), 'timed'];
  const rawKeys = [...new Set(cols.keys)];
  const perLine = `SELECT ${rawKeys.join(', ')}, COALESCE(${lineNegative}, FALSE) AS line_negative, ${f(cols.quantity)} AS qty, ${f(value)} AS raw_amount FROM ${relation} WHERE ${rawKeys[0]} IS NOT NULL`;
  const raw =
    `SELECT ${rawKeys.join(', ')}, line_negative, ${d.float('COUNT(*)')} AS n, ${d.sumMoney('raw_amount')} AS amount, ${d.sumMoney('ABS(raw_amount)')} AS abs_amount, SUM(qty) AS qty ` +
    `FROM (${perLine}) l GROUP BY ${rawKeys.join(', ')}, line_negative`;
  const typed = `SELECT ${keys.join(', ')}, CAST(${cols.timestamp} AS ${d.types.timestamp}) AS ts, n, amount, abs_amount, qty FROM (${raw}) r`;
  return (
    `SELECT ${groupKeys.join(', ')}, MIN(ts) AS ts, SUM(n) AS n, ${d.sumMoney('amount')} AS amount, ${d.sumMoney('abs_amount')} AS abs_amount, SUM(qty) AS qty ` +
    `FROM (SELECT *, ts IS NOT NULL AS timed FROM (${typed}) m) t WHERE customer_id IS NOT NULL GROUP BY ${groupKeys.join(', ')}`
  );
}

/** One row over the grain: lines with a customer id, of those with a time, the latest time (epoch seconds and as text), orders and cancelled orders. */
export function orderSummarySql(d: Dialect, grain: string): string {
  return (
    `SELECT ${d.float('SUM(n)')} AS lines, ${d.float('SUM(CASE WHEN timed THEN n ELSE 0 END)')} AS timed, ${d.epoch('MAX(ts)')} AS as_of, ${d.text('MAX(ts)')} AS last_time, ` +
    `${d.float('COUNT(DISTINCT CASE WHEN timed AND NOT cancelled THEN order_id END)')} AS orders, ` +
    `${d.float('COUNT(DISTINCT CASE WHEN timed AND cancelled THEN order_id END)')} AS cancelled_orders FROM ${grain} g`
  );
}

/** The categories with most bought lines (ties in byte order), at most MAX_CATEGORY_SHARES. */
export function orderCategoriesSql(d: Dialect, grain: string): string {
  return `SELECT category FROM ${grain} g WHERE category IS NOT NULL AND timed AND NOT cancelled GROUP BY category ORDER BY SUM(n) DESC, ${d.idOrder('category')} LIMIT ${MAX_CATEGORY_SHARES}`;
}

export interface OrderFeatureOptions {
  quantity: boolean;
  categories: string[];
  /** The latest line's time, epoch seconds: days are (asOf − time) / 86,400. */
  asOf: number;
  /** Output names of the customer attributes (a0, a1… in the grain). */
  attributes: string[];
  text: boolean;
  textCap: number;
  /** Output name of the customer id. */
  id: string;
  /** ORDER BY the id (the file path reads the rows in id order; a table in the engine needs none). */
  ordered?: boolean;
}

/**
 * The per-customer query over the grain: id, orderFeatureNames (shares after active_days), the
 * favourite category, the attributes, the products bought. An order is cancelled when all its
 * lines are; a line's value counts negative when it is a cancellation or return, so spend is
 * net. Counts of lines are sums of n. The common SQL of the three engines: no FILTER, date_diff,
 * bool_and or EXCLUDE.
 */
export function orderFeatureSql(d: Dialect, grain: string, opts: OrderFeatureOptions): string {
  const asOf = d.float(Number.isFinite(opts.asOf) ? String(opts.asOf) : '0');
  const days = (ts: string) => d.float(`(${asOf} - ${d.epoch(ts)}) / ${d.float('86400')}`);
  const when = (cond: string, x: string) => `CASE WHEN ${cond} THEN ${x} END`;
  const count = (cond: string) => d.float(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const shareNames = shareColumnNames(opts.categories);
  const lines = (cond: string) => d.float(`SUM(CASE WHEN ${cond} THEN n ELSE 0 END)`);
  const shares = opts.categories.map((c, i) => `${lines(`NOT cancelled AND category = ${d.str(c)}`)} / NULLIF(${lines('NOT cancelled')}, 0) AS ${d.ident(shareNames[i])}`);
  const mode = (col: string, alias: string) => `
${alias} AS (
  SELECT customer_id, v FROM (
    SELECT customer_id, ${col} AS v, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY SUM(n) DESC, ${d.idOrder(col)}) AS rk
    FROM ln WHERE ${col} IS NOT NULL GROUP BY customer_id, ${col}
  ) r WHERE rk = 1
)`;
  const modes = [...(opts.categories.length ? [mode('category', 'fav')] : []), ...opts.attributes.map((_, i) => mode(`a${i}`, `attr${i}`))];
  const names = orderFeatureNames({ quantity: opts.quantity, categories: [] });
  const select = [
    `o.customer_id AS ${d.ident(opts.id)}`,
    ...names.map((n) => `o.${d.ident(n)}`),
    ...(opts.categories.length ? [...shareNames.map((n) => `sh.${d.ident(n)}`), `fav.v AS ${d.ident(FAVOURITE_COLUMN)}`] : []),
    ...opts.attributes.map((a, i) => `attr${i}.v AS ${d.ident(a)}`),
    ...(opts.text ? [`SUBSTR(tx.products, 1, ${opts.textCap}) AS ${d.ident(TEXT_FEATURE)}`] : []),
  ];
  const joins = [
    ...(opts.categories.length ? ['LEFT JOIN sh ON sh.customer_id = o.customer_id', 'LEFT JOIN fav ON fav.customer_id = o.customer_id'] : []),
    ...opts.attributes.map((_, i) => `LEFT JOIN attr${i} ON attr${i}.customer_id = o.customer_id`),
    ...(opts.text ? ['LEFT JOIN tx ON tx.customer_id = o.customer_id'] : []),
  ];
  // Shares and the text come from lines, everything else from orders.
  const sharesCte = opts.categories.length ? `,\nsh AS (SELECT customer_id, ${shares.join(', ')} FROM ln GROUP BY customer_id)` : '';
  const textCte = opts.text
    ? `,\ntx AS (SELECT customer_id, ${d.stringAgg('product', ' · ')} AS products FROM (SELECT DISTINCT customer_id, product FROM ln WHERE product IS NOT NULL AND NOT cancelled) u GROUP BY customer_id)`
    : '';
  // Money is summed with compensation where the engine has it (fsum) and rounded to 1e-9 per order and per customer
  // (round9): a fully refunded order nets to 0, not to the ±3e-14 residue of float addition, which decided whether
  // spend counted as non-negative (log1p in clean.ts) and varied with the order the engine added the lines in.
  // The average order value is that sum over the count, not avg(), for the same reason.
  const rate = `COALESCE(${d.sumMoney('returned')}, 0) / NULLIF(${d.sumMoney('bought')}, 0)`;
  return `WITH ln AS (SELECT * FROM ${grain} g WHERE timed),
ord AS (
  SELECT customer_id, order_id, MIN(ts) AS ts,
    ${d.round9(d.sumMoney('CASE WHEN cancelled THEN -abs_amount ELSE amount END'))} AS total,
    ${d.sumMoney(when('NOT cancelled', 'amount'))} AS bought,
    ${d.sumMoney(when('cancelled', 'abs_amount'))} AS returned,
    SUM(${when('NOT cancelled', 'qty')}) AS units,
    MIN(CASE WHEN cancelled THEN 1 ELSE 0 END) = 1 AS cancelled
  FROM ln GROUP BY customer_id, order_id
),
o AS (
  SELECT customer_id,
    ${days(`COALESCE(MAX(${when('NOT cancelled', 'ts')}), MAX(ts))`)} AS recency_days,
    ${count('NOT cancelled')} AS frequency,
    ${d.float(`COALESCE(${d.round9(d.sumMoney('total'))}, 0)`)} AS monetary,
    ${d.float(`${d.sumMoney(when('NOT cancelled', 'total'))} / NULLIF(${count('NOT cancelled')}, 0)`)} AS avg_order_value,
    ${opts.quantity ? `${d.float(`AVG(${when('NOT cancelled', 'units')})`)} AS units_per_order,` : ''}
    ${count('cancelled')} AS cancelled_orders,
    ${d.float(`CASE WHEN ${rate} IS NULL THEN 1 ELSE LEAST(1, ${rate}) END`)} AS return_rate,
    ${days('MIN(ts)')} AS tenure_days,
    ${d.float(`COUNT(DISTINCT ${when('NOT cancelled', 'CAST(ts AS DATE)')})`)} AS active_days
  FROM ord GROUP BY customer_id
)${sharesCte}${modes.length ? `,${modes.join(',')}` : ''}${textCte}
SELECT ${select.join(', ')}
FROM o ${joins.join(' ')}${opts.ordered ? `\nORDER BY ${d.idOrder('o.customer_id')}` : ''}`;
}

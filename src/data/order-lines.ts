import type { DuckDBConnection } from '@duckdb/node-api';
import { readColumns, readRow, type ColumnKind } from './columnar.js';
import { FAVOURITE_COLUMN, MAX_CATEGORY_SHARES, shareColumnNames } from './events.js';
import { sqlIdent, sqlString } from './formats.js';

/**
 * Order-line log → one row per customer, in SQL, per order first: an export of invoice lines
 * (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country)
 * has many lines per order, so counting lines as purchases or averaging unit prices as "order
 * value" is wrong by an order of magnitude. Lines are summed into orders (amount = quantity ×
 * price unless the file has a line amount), cancellations and returns are netted out of spend
 * and counted on their own, and only then are orders aggregated per customer.
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
  const value = cols.amount ?? (cols.quantity && cols.price ? `(${cols.quantity}) * (${cols.price})` : (cols.price ?? 'NULL'));
  // coalesce(a OR b, false) OR coalesce(c, false) = coalesce(a OR b OR c, false): the line's sign per line, the order's flag per group.
  const lineNegative = [cols.quantity ? `(${cols.quantity}) < 0` : undefined, `(${value}) < 0`].filter(Boolean).join(' OR ');
  const negative = cols.cancelled ? `line_negative OR coalesce(${cols.cancelled}, false)` : 'line_negative';
  const attrs = cols.attributes.map((a, i) => `CAST(${a.sql} AS VARCHAR) AS a${i}`);
  const keys = [
    `CAST(${cols.id} AS VARCHAR) AS customer_id`,
    `CAST(${cols.order} AS VARCHAR) AS order_id`,
    `${negative} AS cancelled`,
    `CAST(${cols.category ?? 'NULL'} AS VARCHAR) AS category`,
    `CAST(${cols.text ?? 'NULL'} AS VARCHAR) AS product`,
    ...attrs,
  ];
  // Two groupings in one statement. Inner: the lines grouped by their raw key values (customer,
  // order, time, country… as written) plus the line's own sign, with the per-line numbers summed;
  // only the numbers are read per line. Outer: the text, date and cancellation expressions on
  // those ~1 row per order, grouped again (" 123" and "123" are one customer). Computing trim,
  // strptime and the C-prefix regex per line took 6.3 s of CPU of the grain's on 10M lines.
  const rawKeys = [...new Set(cols.keys)];
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${GRAIN_TABLE} AS SELECT customer_id, order_id, cancelled, category, product, ${cols.attributes.map((_, i) => `a${i}, `).join('')}` +
      `ts IS NOT NULL AS timed, min(ts) AS ts, sum(n) AS n, fsum(amount) AS amount, fsum(abs_amount) AS abs_amount, sum(qty) AS qty ` +
      `FROM (SELECT ${keys.join(', ')}, CAST(${cols.timestamp} AS TIMESTAMP) AS ts, n, amount, abs_amount, qty FROM (` +
      `SELECT ${rawKeys.join(', ')}, line_negative, CAST(count(*) AS DOUBLE) AS n, fsum(raw_amount) AS amount, fsum(abs(raw_amount)) AS abs_amount, sum(qty) AS qty ` +
      `FROM (SELECT ${rawKeys.join(', ')}, coalesce(${lineNegative}, false) AS line_negative, CAST(${cols.quantity ?? 'NULL'} AS DOUBLE) AS qty, CAST(${value} AS DOUBLE) AS raw_amount FROM ${relation} WHERE ${rawKeys[0]} IS NOT NULL) ` +
      `GROUP BY ALL)) WHERE customer_id IS NOT NULL GROUP BY ALL`,
  );
  if (options.dropSource) await conn.run(`DROP TABLE IF EXISTS ${relation}`);
  try {
    const summary = await readRow(
      conn,
      `SELECT CAST(sum(n) AS DOUBLE) AS lines, CAST(sum(n) FILTER (WHERE timed) AS DOUBLE) AS timed, CAST(max(ts) AS VARCHAR) AS as_of, ` +
        `CAST(count(DISTINCT order_id) FILTER (WHERE timed AND NOT cancelled) AS DOUBLE) AS orders, ` +
        `CAST(count(DISTINCT order_id) FILTER (WHERE timed AND cancelled) AS DOUBLE) AS cancelled_orders FROM ${GRAIN_TABLE}`,
    );
    const categories = cols.category ? await topCategories(conn) : [];
    const asOf = String(summary.as_of ?? '');
    const names = orderFeatureNames({ quantity: !!cols.quantity, categories });
    const sql = orderFeatureSql(GRAIN_TABLE, { quantity: !!cols.quantity, categories, asOf, attributes: cols.attributes.length, text: !!cols.text, textCap: cols.textCap });
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
  const res = await readColumns(
    conn,
    `SELECT category FROM ${GRAIN_TABLE} WHERE category IS NOT NULL AND timed AND NOT cancelled GROUP BY category ORDER BY sum(n) DESC, category LIMIT ${MAX_CATEGORY_SHARES}`,
    ['str'],
  );
  const col = res.columns[0];
  return col.kind === 'str' ? col.values.filter((v): v is string => v !== null) : [];
}

/**
 * The per-customer query over the grain table (customer_id, order_id, cancelled, category,
 * product, a0…, timed, ts, n lines, amount, abs_amount, qty). An order is cancelled when all
 * its lines are; a line's value counts negative when it is a cancellation or return, so spend
 * is net. Counts of lines are sums of n.
 */
export function orderFeatureSql(
  lines: string,
  opts: { quantity: boolean; categories: string[]; asOf: string; attributes: number; text: boolean; textCap: number },
): string {
  const asOf = `TIMESTAMP ${sqlString(opts.asOf)}`;
  const days = (ts: string) => `CAST(date_diff('second', ${ts}, ${asOf}) AS DOUBLE) / 86400`;
  const shareNames = shareColumnNames(opts.categories);
  const shares = opts.categories.map(
    (c, i) => `CAST(coalesce(sum(n) FILTER (WHERE NOT cancelled AND category = ${sqlString(c)}), 0) AS DOUBLE) / nullif(sum(n) FILTER (WHERE NOT cancelled), 0) AS ${sqlIdent(shareNames[i])}`,
  );
  const attrIdx = Array.from({ length: opts.attributes }, (_, i) => i);
  const mode = (col: string, alias: string) => `
${alias} AS (
  SELECT customer_id, v FROM (
    SELECT customer_id, ${col} AS v, row_number() OVER (PARTITION BY customer_id ORDER BY sum(n) DESC, ${col}) AS rk
    FROM ln WHERE ${col} IS NOT NULL GROUP BY customer_id, ${col}
  ) r WHERE rk = 1
)`;
  const modes = [...(opts.categories.length ? [mode('category', 'fav')] : []), ...attrIdx.map((i) => mode(`a${i}`, `attr${i}`))];
  const select = [
    'o.*',
    ...(opts.categories.length ? ['sh.* EXCLUDE (customer_id)', `fav.v AS ${FAVOURITE_COLUMN}`] : []),
    ...attrIdx.map((i) => `attr${i}.v AS "attr_${i}"`),
    ...(opts.text ? [`left(tx.products, ${opts.textCap}) AS products`] : []),
  ];
  const joins = [
    ...(opts.categories.length ? ['LEFT JOIN sh ON sh.customer_id = o.customer_id', 'LEFT JOIN fav ON fav.customer_id = o.customer_id'] : []),
    ...attrIdx.map((i) => `LEFT JOIN attr${i} ON attr${i}.customer_id = o.customer_id`),
    ...(opts.text ? ['LEFT JOIN tx ON tx.customer_id = o.customer_id'] : []),
  ];
  // Shares and the text come from lines, everything else from orders.
  const sharesCte = opts.categories.length ? `,\nsh AS (SELECT customer_id, ${shares.join(', ')} FROM ln GROUP BY customer_id)` : '';
  const textCte = opts.text
    ? `,\ntx AS (SELECT customer_id, string_agg(product, ' · ' ORDER BY product) AS products FROM (SELECT DISTINCT customer_id, product FROM ln WHERE product IS NOT NULL AND NOT cancelled) GROUP BY customer_id)`
    : '';
  // Money is summed with compensation (fsum) and order totals rounded to 1e-9 (+ 0.0 turns -0 into 0): a fully
  // refunded order nets to 0, not to the ±3e-14 residue of float addition, which decided whether spend counted as
  // non-negative (log1p in clean.ts) and varied with the order DuckDB's threads added the lines in.
  return `WITH ln AS (SELECT * FROM ${lines} WHERE timed),
orders AS (
  SELECT customer_id, order_id, min(ts) AS ts,
    round(fsum(CASE WHEN cancelled THEN -abs_amount ELSE amount END), 9) + 0.0 AS total,
    fsum(amount) FILTER (WHERE NOT cancelled) AS bought,
    fsum(abs_amount) FILTER (WHERE cancelled) AS returned,
    sum(qty) FILTER (WHERE NOT cancelled) AS units,
    bool_and(cancelled) AS cancelled
  FROM ln GROUP BY customer_id, order_id
),
o AS (
  SELECT customer_id,
    ${days('coalesce(max(ts) FILTER (WHERE NOT cancelled), max(ts))')} AS recency_days,
    CAST(count(*) FILTER (WHERE NOT cancelled) AS DOUBLE) AS frequency,
    CAST(coalesce(fsum(total), 0) AS DOUBLE) AS monetary,
    CAST(avg(total) FILTER (WHERE NOT cancelled) AS DOUBLE) AS avg_order_value,
    ${opts.quantity ? 'CAST(avg(units) FILTER (WHERE NOT cancelled) AS DOUBLE) AS units_per_order,' : ''}
    CAST(count(*) FILTER (WHERE cancelled) AS DOUBLE) AS cancelled_orders,
    CAST(least(1, coalesce(fsum(returned), 0) / nullif(fsum(bought), 0)) AS DOUBLE) AS return_rate,
    ${days('min(ts)')} AS tenure_days,
    CAST(count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE NOT cancelled) AS DOUBLE) AS active_days
  FROM orders GROUP BY customer_id
)${sharesCte}${modes.length ? `,${modes.join(',')}` : ''}${textCte}
SELECT ${select.join(', ')}
FROM o ${joins.join(' ')}
ORDER BY o.customer_id`;
}

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

/** SQL expressions over the source relation for the order-line columns. */
export interface OrderLineSql {
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

const LINES_TABLE = 'seg_lines';
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
  const negative = [cols.quantity ? `(${cols.quantity}) < 0` : undefined, `(${value}) < 0`, cols.cancelled].filter(Boolean).join(' OR ');
  const attrs = cols.attributes.map((a, i) => `CAST(${a.sql} AS VARCHAR) AS a${i}`);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${LINES_TABLE} AS SELECT ` +
      [
        `CAST(${cols.id} AS VARCHAR) AS customer_id`,
        `CAST(${cols.order} AS VARCHAR) AS order_id`,
        `CAST(${cols.timestamp} AS TIMESTAMP) AS ts`,
        `CAST(${cols.quantity ?? 'NULL'} AS DOUBLE) AS qty`,
        `CAST(${value} AS DOUBLE) AS raw_amount`,
        `coalesce(${negative}, false) AS cancelled`,
        `CAST(${cols.category ?? 'NULL'} AS VARCHAR) AS category`,
        `CAST(${cols.text ?? 'NULL'} AS VARCHAR) AS product`,
        ...attrs,
      ].join(', ') +
      ` FROM ${relation} WHERE (${cols.id}) IS NOT NULL`,
  );
  if (options.dropSource) await conn.run(`DROP TABLE IF EXISTS ${relation}`);
  try {
    const summary = await readRow(
      conn,
      `SELECT CAST(count(*) AS DOUBLE) AS lines, CAST(count(ts) AS DOUBLE) AS timed, CAST(max(ts) AS VARCHAR) AS as_of, ` +
        `CAST(count(DISTINCT order_id) FILTER (WHERE ts IS NOT NULL AND NOT cancelled) AS DOUBLE) AS orders, ` +
        `CAST(count(DISTINCT order_id) FILTER (WHERE ts IS NOT NULL AND cancelled) AS DOUBLE) AS cancelled_orders FROM ${LINES_TABLE}`,
    );
    const categories = cols.category ? await topCategories(conn) : [];
    const asOf = String(summary.as_of ?? '');
    const names = orderFeatureNames({ quantity: !!cols.quantity, categories });
    const sql = orderFeatureSql(LINES_TABLE, { quantity: !!cols.quantity, categories, asOf, attributes: cols.attributes.length, text: !!cols.text, textCap: cols.textCap });
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
    await conn.run(`DROP TABLE IF EXISTS ${LINES_TABLE}`);
  }
}

async function topCategories(conn: DuckDBConnection): Promise<string[]> {
  const res = await readColumns(
    conn,
    `SELECT category FROM ${LINES_TABLE} WHERE category IS NOT NULL AND ts IS NOT NULL AND NOT cancelled GROUP BY category ORDER BY count(*) DESC, category LIMIT ${MAX_CATEGORY_SHARES}`,
    ['str'],
  );
  const col = res.columns[0];
  return col.kind === 'str' ? col.values.filter((v): v is string => v !== null) : [];
}

/**
 * The per-customer query over the lines table (customer_id, order_id, ts, qty, raw_amount,
 * cancelled, category, product, a0…). An order is cancelled when all its lines are; a line's
 * value counts negative when it is a cancellation or return, so spend is net.
 */
export function orderFeatureSql(
  lines: string,
  opts: { quantity: boolean; categories: string[]; asOf: string; attributes: number; text: boolean; textCap: number },
): string {
  const asOf = `TIMESTAMP ${sqlString(opts.asOf)}`;
  const days = (ts: string) => `CAST(date_diff('second', ${ts}, ${asOf}) AS DOUBLE) / 86400`;
  const shareNames = shareColumnNames(opts.categories);
  const shares = opts.categories.map(
    (c, i) => `CAST(count(*) FILTER (WHERE NOT cancelled AND category = ${sqlString(c)}) AS DOUBLE) / nullif(count(*) FILTER (WHERE NOT cancelled), 0) AS ${sqlIdent(shareNames[i])}`,
  );
  const attrIdx = Array.from({ length: opts.attributes }, (_, i) => i);
  const mode = (col: string, alias: string) => `
${alias} AS (
  SELECT customer_id, v FROM (
    SELECT customer_id, ${col} AS v, row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, ${col}) AS rk
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
  return `WITH ln AS (SELECT * FROM ${lines} WHERE ts IS NOT NULL),
orders AS (
  SELECT customer_id, order_id, min(ts) AS ts,
    sum(CASE WHEN cancelled THEN -abs(raw_amount) ELSE raw_amount END) AS total,
    sum(raw_amount) FILTER (WHERE NOT cancelled) AS bought,
    sum(abs(raw_amount)) FILTER (WHERE cancelled) AS returned,
    sum(qty) FILTER (WHERE NOT cancelled) AS units,
    bool_and(cancelled) AS cancelled
  FROM ln GROUP BY customer_id, order_id
),
o AS (
  SELECT customer_id,
    ${days('coalesce(max(ts) FILTER (WHERE NOT cancelled), max(ts))')} AS recency_days,
    CAST(count(*) FILTER (WHERE NOT cancelled) AS DOUBLE) AS frequency,
    CAST(coalesce(sum(total), 0) AS DOUBLE) AS monetary,
    CAST(avg(total) FILTER (WHERE NOT cancelled) AS DOUBLE) AS avg_order_value,
    ${opts.quantity ? 'CAST(avg(units) FILTER (WHERE NOT cancelled) AS DOUBLE) AS units_per_order,' : ''}
    CAST(count(*) FILTER (WHERE cancelled) AS DOUBLE) AS cancelled_orders,
    CAST(least(1, coalesce(sum(returned), 0) / nullif(sum(bought), 0)) AS DOUBLE) AS return_rate,
    ${days('min(ts)')} AS tenure_days,
    CAST(count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE NOT cancelled) AS DOUBLE) AS active_days
  FROM orders GROUP BY customer_id
)${sharesCte}${modes.length ? `,${modes.join(',')}` : ''}${textCte}
SELECT ${select.join(', ')}
FROM o ${joins.join(' ')}
ORDER BY o.customer_id`;
}

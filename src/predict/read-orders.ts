import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { readColumns, readRow } from '../data/columnar.js';
import { sqlString } from '../data/formats.js';
import { inferSchema } from '../data/infer-schema.js';
import { pickLogPlans } from '../data/log-roles.js';
import { numberSql, textSql, timestampSql } from '../data/value-sql.js';
import { withSource } from '../data/with-source.js';

/**
 * An event or order-line log → per-customer order histories, in DuckDB. The file is read by
 * the data stage's own reader and column mapping (withSource, inferSchema, eventColumnPlans),
 * so predict sees the same rows, ids and errors as `segmenta segment`.
 *
 * An order is the lines of one customer at one time: lines of an order-line export share the
 * order's timestamp, and their amounts add up to the order's value. A group whose net amount
 * is ≤ 0 is a cancellation or refund: not a purchase, but it counts against the customer's
 * spend (a fully cancelled order nets to 0 and so disappears).
 */
export interface Histories {
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  orders: Float64Array;
  /** Net spend per order (NaN without an amount column). */
  meanValue: Float64Array;
  /** Orders and net spend after the cutoff (zeros when the cutoff is the end of the log). */
  holdoutOrders: Float64Array;
  holdoutSpend: Float64Array;
}

export interface OrderLog {
  file: string;
  idColumn: string;
  timeColumn: string;
  amountColumn?: string;
  /** First and last event, ISO. */
  start: string;
  end: string;
  /** Days from the first to the last event. */
  spanDays: number;
  lines: number;
  orders: number;
  refunds: number;
  warnings: string[];
}

const ORDERS = 'seg_orders';

export async function withOrderLog<T>(
  file: string,
  options: { idColumn?: string },
  work: (log: OrderLog, summarise: (cutoffDays: number) => Promise<Histories>) => Promise<T>,
): Promise<T> {
  return withSource(file, async (conn, source) => {
    const inference = await inferSchema(conn, source, { idColumn: options.idColumn, events: true });
    if (inference.rows === 0) throw new InputError({ file, row: 1 }, 'the file has a header row but no data rows', 'Export the event log again with one row per event or order line');
    const idPlan = inference.columns.find((p) => p.role === 'id')!;
    const roles = pickLogPlans(file, inference);
    const tsPlan = roles.time;
    // The line's money as the data stage reads it: the amount column, else quantity × price, else price.
    const amountPlan = roles.amount ?? roles.price;
    const amount = roles.amount ? numberSql(roles.amount) : roles.quantity && roles.price ? `(${numberSql(roles.quantity)}) * (${numberSql(roles.price)})` : roles.price ? numberSql(roles.price) : 'NULL';
    await conn.run(
      `CREATE TEMP TABLE ${ORDERS} AS SELECT customer_id, ts, CAST(sum(amount) AS DOUBLE) AS value, count(*) AS lines FROM (` +
        `SELECT CAST(${textSql(idPlan)} AS VARCHAR) AS customer_id, CAST(${timestampSql(tsPlan)} AS TIMESTAMP) AS ts, CAST(${amount} AS DOUBLE) AS amount FROM ${source.relation}` +
        `) WHERE customer_id IS NOT NULL AND ts IS NOT NULL GROUP BY customer_id, ts`,
    );
    await conn.run(`DROP TABLE IF EXISTS ${source.relation}`);
    const s = await readRow(
      conn,
      `SELECT CAST(min(ts) AS VARCHAR) AS start, CAST(max(ts) AS VARCHAR) AS "end", CAST(sum(lines) AS DOUBLE) AS lines, ` +
        `CAST(count(*) FILTER (WHERE value IS NULL OR value > 0) AS DOUBLE) AS orders, CAST(count(*) FILTER (WHERE value <= 0) AS DOUBLE) AS refunds, ` +
        `CAST(date_diff('second', min(ts), max(ts)) AS DOUBLE) / 86400 AS span FROM ${ORDERS}`,
    );
    const lines = Number(s.lines ?? 0);
    if (!lines) {
      throw new InputError({ file, column: tsPlan.name }, 'no event has both a customer id and a readable time', 'Check the id and time columns (pass --id COLUMN if the id was not found)');
    }
    const warnings = [...inference.warnings];
    const skipped = inference.rows - lines;
    if (skipped > 0) warnings.push(`${file}: ${skipped} event${skipped === 1 ? '' : 's'} without a customer id or a readable time; skipped`);
    if (!amountPlan) warnings.push(`${file}: no amount column found (looked for names like amount, revenue, price); spend and lifetime value are left out`);
    const log: OrderLog = {
      file,
      idColumn: idPlan.name,
      timeColumn: tsPlan.name,
      amountColumn: amountPlan?.name,
      start: String(s.start),
      end: String(s.end),
      spanDays: Number(s.span),
      lines,
      orders: Number(s.orders),
      refunds: Number(s.refunds),
      warnings,
    };
    return work(log, (cutoffDays) => summarise(conn, log, cutoffDays));
  });
}

/** Histories of every customer with an order on or before `cutoffDays` after the first event. */
async function summarise(conn: DuckDBConnection, log: OrderLog, cutoffDays: number): Promise<Histories> {
  const cutoff = `(TIMESTAMP ${sqlString(log.start)} + to_microseconds(CAST(${Math.round(cutoffDays * 86400e6)} AS BIGINT)))`;
  const days = (from: string, to: string) => `CAST(date_diff('second', ${from}, ${to}) AS DOUBLE) / 86400`;
  const isBuy = '(value IS NULL OR value > 0)';
  const sql = `WITH calib AS (SELECT * FROM ${ORDERS} WHERE ts <= ${cutoff}),
buys AS (SELECT customer_id, min(ts) AS first, max(ts) AS last, count(*) AS n, sum(value) AS gross FROM calib WHERE ${isBuy} GROUP BY customer_id),
refunds AS (SELECT customer_id, sum(value) AS refund FROM calib WHERE value <= 0 GROUP BY customer_id),
hold AS (SELECT customer_id, count(*) FILTER (WHERE ${isBuy}) AS n, sum(value) AS spend FROM ${ORDERS} WHERE ts > ${cutoff} GROUP BY customer_id)
SELECT b.customer_id,
  CAST(b.n - 1 AS DOUBLE), ${days('b.first', 'b.last')}, ${days('b.first', cutoff)}, CAST(b.n AS DOUBLE),
  CAST((b.gross + coalesce(r.refund, 0)) / b.n AS DOUBLE),
  CAST(coalesce(h.n, 0) AS DOUBLE), CAST(coalesce(h.spend, 0) AS DOUBLE)
FROM buys b LEFT JOIN refunds r ON r.customer_id = b.customer_id LEFT JOIN hold h ON h.customer_id = b.customer_id
ORDER BY b.customer_id`;
  const res = await readColumns(conn, sql, ['str', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64', 'f64']);
  const [id, x, tx, T, orders, meanValue, holdoutOrders, holdoutSpend] = res.columns;
  const f = (c: (typeof res.columns)[number]) => (c.kind === 'f64' ? c.values : new Float64Array(res.rows));
  return {
    ids: id.kind === 'str' ? id.values.map((v) => v ?? '') : [],
    x: f(x),
    tx: f(tx),
    T: f(T),
    orders: f(orders),
    meanValue: f(meanValue),
    holdoutOrders: f(holdoutOrders),
    holdoutSpend: f(holdoutSpend),
  };
}

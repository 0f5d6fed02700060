/**
 * The order-line half of the feature plan: a table of order lines (several lines per order, an
 * order id beside the customer and the time) aggregated in the engine per order and then per
 * customer — the features src/data/order-lines.ts computes for a file (recency, orders, net
 * spend, order value, units per order, cancelled orders, return rate, tenure, active days,
 * category shares, favourite category, customer attributes, the products bought as text) —
 * compiled per dialect in the common SQL (event-plan.ts is the pattern): no `FILTER`, no
 * `date_diff`, no `bool_and`, no `EXCLUDE`, which PostgreSQL or BigQuery lack.
 *
 * A new module rather than a change to order-lines.ts: that file is DuckDB SQL for files (and
 * being tuned for speed); this one restates its definitions, feature for feature, in SQL all
 * three engines accept. The equality is tested: a fixture's order lines in PostgreSQL give the
 * Run the same lines give as a file (test/warehouse/postgres.test.ts).
 *
 * What leaves the engine: one row for the cancellation rule, one summary row, at most
 * MAX_CATEGORY_SHARES category names; the per-customer rows are written into segmenta_features.
 */
import { MAX_CATEGORY_SHARES, shareColumnNames, FAVOURITE_COLUMN } from '../data/events.js';
import { TEXT_CAP } from '../data/infer-schema.js';
import { orderFeatureNames, TEXT_FEATURE } from '../data/order-lines.js';
import type { Dialect } from './dialect.js';

export { orderFeatureNames, TEXT_FEATURE };

/** Engine columns of an order-line table, by role. */
export interface OrderColumns {
  id: string;
  order: string;
  time: string;
  quantity?: string;
  price?: string;
  /** A line amount (else quantity × price, else price). */
  amount?: string;
  category?: string;
  /** Product description → each customer's products_bought text. */
  text?: string;
  /** Customer attributes repeated on every line (country): each customer's most frequent value. */
  attributes: string[];
}

/** How cancellations are marked besides negative lines: order ids "C" + digits, and status columns saying so. */
export interface CancelRule {
  cPrefix: boolean;
  status: string[];
}

/** The file path's status values that mean cancelled or returned (log-roles.ts CANCEL_VALUES), as a contains-match on the lower-cased value. */
const CANCEL_WORDS = 'cancel|return|refund|storn|retour|void|annul|devol|r(ü|ue)ckgabe|gutschrift|credit';
/** The product text per line is cut at 500 characters, as load-orders.ts does. */
const PRODUCT_CAP = 500;

const num = (d: Dialect, x: number) => d.float(Number.isFinite(x) ? String(x) : '0');
const trimmed = (d: Dialect, c: string) => `NULLIF(TRIM(${d.text(d.ident(c))}), '')`;

/** One row: order ids "C" + digits, plain-digit ids, and per candidate status column the lines that say cancelled. */
export function cancelRuleSql(d: Dialect, relation: string, order: string, status: string[]): string {
  const o = trimmed(d, order);
  const count = (cond: string) => d.float(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const parts = [
    `${count(d.matches(o, '^[Cc][0-9]+$'))} AS c_prefix`,
    `${count(d.matches(o, '^[0-9]+$'))} AS digits`,
    ...status.map((s, i) => `${count(d.matches(`LOWER(${trimmed(d, s)})`, CANCEL_WORDS))} AS s${i}`),
  ];
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

/** The lines as load-orders.ts reads them: trimmed ids, the line value, the cancellation flag; rows without a customer id left out. */
function linesSql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule): string {
  const f = (c: string | undefined) => (c ? d.float(d.ident(c)) : d.float('NULL'));
  const value = oc.amount ? f(oc.amount) : oc.quantity && oc.price ? `(${f(oc.quantity)}) * (${f(oc.price)})` : f(oc.price);
  const marks = [
    ...(oc.quantity ? [`${f(oc.quantity)} < 0`] : []),
    `(${value}) < 0`,
    ...(rule.cPrefix ? [d.matches(trimmed(d, oc.order), '^[Cc][0-9]+$')] : []),
    ...rule.status.map((s) => `COALESCE(${d.matches(`LOWER(${trimmed(d, s)})`, CANCEL_WORDS)}, FALSE)`),
  ];
  const cols = [
    `${trimmed(d, oc.id)} AS customer_id`,
    `${trimmed(d, oc.order)} AS order_id`,
    `CAST(${d.ident(oc.time)} AS ${d.types.timestamp}) AS ts`,
    `${f(oc.quantity)} AS qty`,
    `${value} AS raw_amount`,
    `COALESCE(${marks.join(' OR ')}, FALSE) AS cancelled`,
    `${oc.category ? trimmed(d, oc.category) : d.text('NULL')} AS category`,
    `${oc.text ? `SUBSTR(${trimmed(d, oc.text)}, 1, ${PRODUCT_CAP})` : d.text('NULL')} AS product`,
    ...oc.attributes.map((a, i) => `${trimmed(d, a)} AS a${i}`),
  ];
  return `SELECT * FROM (SELECT ${cols.join(', ')} FROM ${relation}) l WHERE customer_id IS NOT NULL`;
}

/** One row: lines with a customer id, of those with a time, the latest time (epoch seconds), orders and cancelled orders. */
export function orderSummarySql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule): string {
  return (
    `SELECT ${d.float('COUNT(*)')} AS lines, ${d.float('COUNT(ts)')} AS timed, ${d.epoch('MAX(ts)')} AS as_of, ` +
    `${d.float('COUNT(DISTINCT CASE WHEN ts IS NOT NULL AND NOT cancelled THEN order_id END)')} AS orders, ` +
    `${d.float('COUNT(DISTINCT CASE WHEN ts IS NOT NULL AND cancelled THEN order_id END)')} AS cancelled_orders FROM (${linesSql(d, relation, oc, rule)}) l`
  );
}

/** The most frequent categories of bought lines (ties in byte order), at most MAX_CATEGORY_SHARES. */
export function orderCategoriesSql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule): string {
  return `SELECT category FROM (${linesSql(d, relation, oc, rule)}) l WHERE category IS NOT NULL AND ts IS NOT NULL AND NOT cancelled GROUP BY category ORDER BY COUNT(*) DESC, ${d.idOrder('category')} LIMIT ${MAX_CATEGORY_SHARES}`;
}

/** The names orderFeaturesSql returns after the id, in order. */
export function orderFeatureColumns(oc: OrderColumns, categories: string[]): string[] {
  return [
    ...orderFeatureNames({ quantity: !!oc.quantity, categories: oc.category ? categories : [] }),
    ...(oc.category && categories.length ? [FAVOURITE_COLUMN] : []),
    ...oc.attributes,
    ...(oc.text ? [TEXT_FEATURE] : []),
  ];
}

/**
 * One row per customer, named as the file path names them (the id keeps its column's name).
 * An order is cancelled when all its lines are; a cancelled line's value counts negative, so
 * spend is net; days are (asOf − time) / 86,400 with asOf the latest line as a literal.
 */
export function orderFeaturesSql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule, categories: string[], asOf: number): string {
  const days = (ts: string) => `(${num(d, asOf)} - ${d.epoch(ts)}) / ${num(d, 86400)}`;
  const when = (cond: string, x: string) => `CASE WHEN ${cond} THEN ${x} END`;
  const count = (cond: string) => d.float(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const ln = `(SELECT * FROM (${linesSql(d, relation, oc, rule)}) l0 WHERE ts IS NOT NULL)`;
  const orders =
    `SELECT customer_id, order_id, MIN(ts) AS ts, SUM(CASE WHEN cancelled THEN -ABS(raw_amount) ELSE raw_amount END) AS total, ` +
    `SUM(${when('NOT cancelled', 'raw_amount')}) AS bought, SUM(${when('cancelled', 'ABS(raw_amount)')}) AS returned, SUM(${when('NOT cancelled', 'qty')}) AS units, ` +
    // bool_and(cancelled), which BigQuery spells LOGICAL_AND: the smallest of 1/0 flags.
    `MIN(CASE WHEN cancelled THEN 1 ELSE 0 END) = 1 AS cancelled FROM ${ln} ln GROUP BY customer_id, order_id`;
  // DuckDB's and PostgreSQL's least(1, NULL) is 1 (BigQuery's is NULL): a customer who bought nothing net has return rate 1 on the file path.
  const rate = `COALESCE(SUM(returned), 0) / NULLIF(SUM(bought), 0)`;
  const features = [
    `${d.float(days(`COALESCE(MAX(${when('NOT cancelled', 'ts')}), MAX(ts))`))} AS recency_days`,
    `${count('NOT cancelled')} AS frequency`,
    `${d.float('COALESCE(SUM(total), 0)')} AS monetary`,
    `${d.float(`AVG(${when('NOT cancelled', 'total')})`)} AS avg_order_value`,
    ...(oc.quantity ? [`${d.float(`AVG(${when('NOT cancelled', 'units')})`)} AS units_per_order`] : []),
    `${count('cancelled')} AS cancelled_orders`,
    `${d.float(`CASE WHEN ${rate} IS NULL THEN 1 ELSE LEAST(1, ${rate}) END`)} AS return_rate`,
    `${d.float(days('MIN(ts)'))} AS tenure_days`,
    `${d.float(`COUNT(DISTINCT ${when('NOT cancelled', 'CAST(ts AS DATE)')})`)} AS active_days`,
  ];
  const perCustomer = `SELECT customer_id, ${features.join(', ')} FROM (${orders}) o GROUP BY customer_id`;
  const cats = oc.category ? categories : [];
  const shareNames = shareColumnNames(cats);
  const mode = (col: string, alias: string) =>
    `LEFT JOIN (SELECT customer_id, v FROM (SELECT customer_id, ${col} AS v, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY COUNT(*) DESC, ${d.idOrder(col)}) AS rk ` +
    `FROM ${ln} ln WHERE ${col} IS NOT NULL GROUP BY customer_id, ${col}) r WHERE rk = 1) ${alias} ON ${alias}.customer_id = p.customer_id`;
  const select = [`p.customer_id AS ${d.ident(oc.id)}`, ...orderFeatureNames({ quantity: !!oc.quantity, categories: [] }).map((n) => `p.${d.ident(n)}`)];
  const joins: string[] = [];
  if (cats.length) {
    const notCancelled = count('NOT cancelled');
    const shares = cats.map((c, i) => `${count(`NOT cancelled AND category = ${d.str(c)}`)} / NULLIF(${notCancelled}, 0) AS ${d.ident(shareNames[i])}`);
    joins.push(`LEFT JOIN (SELECT customer_id, ${shares.join(', ')} FROM ${ln} ln GROUP BY customer_id) sh ON sh.customer_id = p.customer_id`);
    // Shares go where the file path puts them: after active_days.
    select.push(...shareNames.map((n) => `sh.${d.ident(n)}`));
    joins.push(mode('category', 'fav'));
    select.push(`fav.v AS ${d.ident(FAVOURITE_COLUMN)}`);
  }
  oc.attributes.forEach((a, i) => {
    joins.push(mode(`a${i}`, `attr${i}`));
    select.push(`attr${i}.v AS ${d.ident(a)}`);
  });
  if (oc.text) {
    const agg = d.name === 'postgres' ? `string_agg(product, ' · ' ORDER BY product COLLATE "C")` : d.name === 'bigquery' ? `STRING_AGG(product, ' · ' ORDER BY product)` : `string_agg(product, ' · ' ORDER BY product)`;
    joins.push(`LEFT JOIN (SELECT customer_id, ${agg} AS products FROM (SELECT DISTINCT customer_id, product FROM ${ln} ln WHERE product IS NOT NULL AND NOT cancelled) u GROUP BY customer_id) tx ON tx.customer_id = p.customer_id`);
    select.push(`SUBSTR(tx.products, 1, ${TEXT_CAP}) AS ${d.ident(TEXT_FEATURE)}`);
  }
  return `SELECT ${select.join(', ')} FROM (${perCustomer}) p ${joins.join(' ')}`.trim();
}

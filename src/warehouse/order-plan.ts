/**
 * The order-line half of the feature plan: a table of order lines (several lines per order, an
 * order id beside the customer and the time) aggregated in the engine per order and then per
 * customer — the features src/data/order-lines.ts computes for a file (recency, orders, net
 * spend, order value, units per order, cancelled orders, return rate, tenure, active days,
 * category shares, favourite category, customer attributes, the products bought as text) —
 * compiled per dialect.
 *
 * The grain, the order totals and every feature are order-lines.ts's own statements (one
 * definition, compiled here for the engine's dialect); this module only says how a line is read
 * from the engine's typed columns (trimmed ids, the line value, the cancellation marks) — what
 * load-orders.ts says for a file. The equality is tested: on DuckDB feature by feature
 * (test/warehouse/order-plan.test.ts), and a fixture's order lines in PostgreSQL give the Run
 * the same lines give as a file (test/warehouse/postgres.test.ts).
 *
 * What leaves the engine: one row for the cancellation rule, one summary row, at most
 * MAX_CATEGORY_SHARES category names; the per-customer rows are written into segmenta_features.
 */
import { FAVOURITE_COLUMN } from '../data/events.js';
import { TEXT_CAP } from '../data/infer-schema.js';
import { orderCategoriesSql as grainCategoriesSql, orderFeatureNames, orderFeatureSql, orderGrainSql, orderSummarySql as grainSummarySql, TEXT_FEATURE, type OrderLineSql } from '../data/order-lines.js';
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

/**
 * The lines as load-orders.ts reads them, as order-lines.ts's per-line expressions: trimmed ids
 * (blank = none), the line value, the cancellation marks, over the raw columns they read.
 */
export function orderLineSql(d: Dialect, oc: OrderColumns, rule: CancelRule): OrderLineSql {
  const f = (c: string | undefined) => (c ? d.float(d.ident(c)) : undefined);
  const marks = [...(rule.cPrefix ? [d.matches(trimmed(d, oc.order), '^[Cc][0-9]+$')] : []), ...rule.status.map((s) => `COALESCE(${d.matches(`LOWER(${trimmed(d, s)})`, CANCEL_WORDS)}, FALSE)`)];
  return {
    // The customer id's first: rows without one are left out before any grouping.
    keys: [oc.id, oc.order, oc.time, oc.category, oc.text, ...oc.attributes, ...rule.status].filter((c): c is string => !!c).map((c) => d.ident(c)),
    id: trimmed(d, oc.id),
    order: trimmed(d, oc.order),
    timestamp: d.ident(oc.time),
    ...(oc.quantity ? { quantity: f(oc.quantity) } : {}),
    ...(oc.price ? { price: f(oc.price) } : {}),
    ...(oc.amount ? { amount: f(oc.amount) } : {}),
    ...(marks.length ? { cancelled: marks.join(' OR ') } : {}),
    ...(oc.category ? { category: trimmed(d, oc.category) } : {}),
    ...(oc.text ? { text: `SUBSTR(${trimmed(d, oc.text)}, 1, ${PRODUCT_CAP})` } : {}),
    attributes: oc.attributes.map((a) => ({ name: a, sql: trimmed(d, a) })),
    textCap: TEXT_CAP,
  };
}

/** The grain of order-lines.ts over the engine's table, as a subquery. */
const grain = (d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule) => `(${orderGrainSql(d, relation, orderLineSql(d, oc, rule))})`;

/** One row: lines with a customer id, of those with a time, the latest time (epoch seconds), orders and cancelled orders. */
export function orderSummarySql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule): string {
  return grainSummarySql(d, grain(d, relation, oc, rule));
}

/** The most frequent categories of bought lines (ties in byte order), at most MAX_CATEGORY_SHARES. */
export function orderCategoriesSql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule): string {
  return grainCategoriesSql(d, grain(d, relation, oc, rule));
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

/** One row per customer, named as the file path names them (the id keeps its column's name; attributes theirs). */
export function orderFeaturesSql(d: Dialect, relation: string, oc: OrderColumns, rule: CancelRule, categories: string[], asOf: number): string {
  return orderFeatureSql(d, grain(d, relation, oc, rule), {
    quantity: !!oc.quantity, categories: oc.category ? categories : [], asOf, attributes: oc.attributes, text: !!oc.text, textCap: TEXT_CAP, id: oc.id,
  });
}

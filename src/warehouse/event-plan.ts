/**
 * The event-log half of the feature plan: a table of events (one row per purchase, visit or
 * order) aggregated in the engine into one row per customer — the very features the file path
 * computes (src/data/events.ts: recency, frequency, monetary, average order value, tenure,
 * active days, category shares, favourite category) — compiled per dialect. The common SQL
 * only: no `count(*) FILTER`, no `date_diff`, no `EXCLUDE`, which PostgreSQL or BigQuery lack.
 *
 * What leaves the engine: one summary row and at most MAX_CATEGORY_SHARES category names. The
 * per-customer rows are written into a table in the engine (segmenta_features), and the
 * customer-table plan (plan.ts) runs over that table as over any customer table.
 */
import { FAVOURITE_COLUMN, MAX_CATEGORY_SHARES, eventFeatureNames, shareColumnNames } from '../data/events.js';
import type { Dialect } from './dialect.js';

export { FAVOURITE_COLUMN, MAX_CATEGORY_SHARES };

/** Engine columns of an event table, by role. */
export interface EventColumns {
  id: string;
  time: string;
  amount?: string;
  category?: string;
}

/** The per-customer feature table segmenta writes in the engine (dropped when the session closes). */
export const FEATURES_TABLE = 'segmenta_features';

const num = (d: Dialect, x: number) => d.float(Number.isFinite(x) ? String(x) : '0');

/**
 * The events as the data stage reads them: id trimmed (blank = no id), the time as a timestamp,
 * the amount as a float, the category trimmed (blank = none). Rows without an id are left out,
 * as the file path skips them.
 */
function eventsSql(d: Dialect, relation: string, ev: EventColumns): string {
  const trimmed = (c: string) => `NULLIF(TRIM(${d.text(d.ident(c))}), '')`;
  const cols = [
    `${trimmed(ev.id)} AS customer_id`,
    `CAST(${d.ident(ev.time)} AS ${d.types.timestamp}) AS ts`,
    `${ev.amount ? d.float(d.ident(ev.amount)) : `${d.float('NULL')}`} AS amount`,
    `${ev.category ? trimmed(ev.category) : d.text('NULL')} AS category`,
  ];
  return `SELECT * FROM (SELECT ${cols.join(', ')} FROM ${relation}) e WHERE customer_id IS NOT NULL`;
}

/** One row: events with an id, of those with a time, and the latest time (epoch seconds): recency and tenure are measured back from it. */
export function eventSummarySql(d: Dialect, relation: string, ev: EventColumns): string {
  return `SELECT ${d.float('COUNT(*)')} AS events, ${d.float('COUNT(ts)')} AS timed, ${d.epoch('MAX(ts)')} AS as_of FROM (${eventsSql(d, relation, ev)}) ev`;
}

/** The most frequent categories (ties in byte order), at most MAX_CATEGORY_SHARES rows. */
export function eventCategoriesSql(d: Dialect, relation: string, ev: EventColumns): string {
  return `SELECT category FROM (${eventsSql(d, relation, ev)}) ev WHERE category IS NOT NULL AND ts IS NOT NULL GROUP BY category ORDER BY COUNT(*) DESC, ${d.idOrder('category')} LIMIT ${MAX_CATEGORY_SHARES}`;
}

/** The feature names eventFeaturesSql returns after the id, in order (the file path's names). */
export function eventFeatureColumns(ev: EventColumns, categories: string[]): string[] {
  return [...eventFeatureNames({ amount: !!ev.amount, categories: ev.category ? categories : undefined }), ...(ev.category ? [FAVOURITE_COLUMN] : [])];
}

/**
 * One row per customer, named as the file path names them; the id keeps its column's name.
 * Days are (asOf − time) / 86,400 with asOf the latest event as a literal, so the events are
 * scanned once for the features and once for the favourite category.
 */
export function eventFeaturesSql(d: Dialect, relation: string, ev: EventColumns, categories: string[], asOf: number): string {
  const days = (ts: string) => `(${num(d, asOf)} - ${d.epoch(ts)}) / ${num(d, 86400)}`;
  const shareNames = shareColumnNames(ev.category ? categories : []);
  const features = [
    `${days('MAX(ts)')} AS recency_days`,
    `${d.float('COUNT(*)')} AS frequency`,
    ...(ev.amount ? [`${d.float('COALESCE(SUM(amount), 0)')} AS monetary`, `${d.float('AVG(amount)')} AS avg_order_value`] : []),
    `${days('MIN(ts)')} AS tenure_days`,
    `${d.float(`COUNT(DISTINCT CAST(ts AS DATE))`)} AS active_days`,
    ...(ev.category ? categories : []).map((c, i) => `${d.float(`SUM(CASE WHEN category = ${d.str(c)} THEN 1 ELSE 0 END)`)} / ${d.float('COUNT(*)')} AS ${d.ident(shareNames[i])}`),
  ];
  const events = `(SELECT * FROM (${eventsSql(d, relation, ev)}) e0 WHERE ts IS NOT NULL)`;
  const perCustomer = `SELECT customer_id, ${features.join(', ')} FROM ${events} ev GROUP BY customer_id`;
  const names = eventFeatureColumns(ev, categories).filter((n) => n !== FAVOURITE_COLUMN);
  const select = [`p.customer_id AS ${d.ident(ev.id)}`, ...names.map((n) => `p.${d.ident(n)}`)];
  if (!ev.category) return `SELECT ${select.join(', ')} FROM (${perCustomer}) p`;
  const favourite =
    `SELECT customer_id, category FROM (SELECT customer_id, category, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY COUNT(*) DESC, ${d.idOrder('category')}) AS rk ` +
    `FROM ${events} ev WHERE category IS NOT NULL GROUP BY customer_id, category) ranked WHERE rk = 1`;
  return `SELECT ${[...select, `f.category AS ${d.ident(FAVOURITE_COLUMN)}`].join(', ')} FROM (${perCustomer}) p LEFT JOIN (${favourite}) f ON f.customer_id = p.customer_id`;
}

/** The feature rows written into a table of the engine: a temporary table where the engine has one for this connection. */
export function materializeSql(d: Dialect, table: string, select: string): string {
  if (d.name === 'bigquery') return `CREATE OR REPLACE TABLE ${d.table(table)} AS ${select}`;
  return `CREATE TEMP TABLE ${d.table(table)} AS ${select}`;
}

/**
 * BigQuery's feature table is dropped when the session closes (CREATE OR REPLACE covers a
 * leftover). No DROP before a temporary table: on PostgreSQL it would drop a real table of the
 * same name in the search path.
 */
export function dropSql(d: Dialect, table: string): string {
  return `DROP TABLE ${d.table(table)}`;
}

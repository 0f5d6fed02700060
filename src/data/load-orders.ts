import type { DuckDBConnection } from '@duckdb/node-api';
import { addCategorical, addNumeric, derivedPlan, startLog, toColumnSchema } from './assembly.js';
import { cleanText } from './clean.js';
import { readRow } from './columnar.js';
import { FAVOURITE_COLUMN } from './events.js';
import { sqlIdent, sqlString } from './formats.js';
import { TEXT_CAP, type ColumnPlan, type Inference } from './infer-schema.js';
import type { Source } from './ingest.js';
import { CANCEL_VALUES, derivedUnit } from './log-roles.js';
import { aggregateOrderLines, TEXT_FEATURE } from './order-lines.js';
import type { CustomerTable, DataSchema, LogMapping } from '../model/data.js';
import { numberSql, textSql, timestampSql } from './value-sql.js';

/**
 * An order-line log (an id, an order id, a time and money per line) → one row per customer:
 * the mapping is chosen and described, cancellations are recognised, the SQL in
 * order-lines.ts aggregates, and the features are cleaned like any column.
 */
export async function fromOrderLines(conn: DuckDBConnection, source: Source, inference: Inference): Promise<CustomerTable> {
  const { file } = source;
  const plans = inference.columns;
  const { out, idPlan, roles, piiValues } = await startLog(conn, source, inference);
  const order = roles.order!;
  const cancel = await cancellationRule(conn, source, order, roles.status);
  const f = await aggregateOrderLines(
    conn,
    source.relation,
    {
      // The columns the per-order expressions below read (their raw values are grouped first).
      keys: [idPlan, order, roles.time, roles.category, roles.text, ...roles.attributes, ...(cancel?.columns ?? []).map((c) => plans.find((p) => p.name === c))]
        .filter((p): p is ColumnPlan => !!p)
        .map((p) => sqlIdent(p.name)),
      id: textSql(idPlan),
      order: textSql(order),
      timestamp: timestampSql(roles.time),
      quantity: roles.quantity ? numberSql(roles.quantity) : undefined,
      price: roles.price ? numberSql(roles.price) : undefined,
      amount: roles.amount ? numberSql(roles.amount) : undefined,
      cancelled: cancel?.sql,
      category: roles.category ? textSql(roles.category) : undefined,
      text: roles.text ? textSql(roles.text, 500) : undefined,
      attributes: roles.attributes.map((a) => ({ name: a.name, sql: textSql(a) })),
      textCap: TEXT_CAP,
    },
    { dropSource: true },
  );
  if (idPlan.piiKind) for (const id of f.ids) piiValues.add(id);

  const amountText = roles.amount ? roles.amount.name : roles.quantity && roles.price ? `${roles.quantity.name} × ${roles.price.name}` : roles.price?.name;
  idPlan.reason = `${idPlan.overridden ? 'given by --id' : 'the customer'}; order lines aggregated per order, then per customer`;
  roles.time.reason = `order time → recency_days, tenure_days, active_days (as of ${f.asOf})`;
  order.reason = `order id → frequency (distinct orders), avg_order_value (order totals), cancelled_orders`;
  if (roles.quantity) roles.quantity.reason = `quantity${roles.amount ? '' : ' × price = line amount'}; → units_per_order`;
  if (roles.price) roles.price.reason = roles.amount ? 'unit price (the line amount column is used instead)' : 'unit price × quantity = line amount';
  if (roles.amount) roles.amount.reason = 'line amount → monetary (net of cancellations), avg_order_value';
  if (roles.category) roles.category.reason = `→ share of lines in the top ${f.categories.length} categories, ${FAVOURITE_COLUMN}`;
  for (const a of roles.attributes) a.reason = "customer attribute: each customer's most frequent value; shown per segment, not segmented on";
  if (roles.text) roles.text.reason = `what each customer bought → text "${TEXT_FEATURE}"`;
  for (const s of roles.status) {
    if (!cancel?.columns.includes(s.name)) continue;
    s.role = 'ignored';
    s.reason = 'marks cancellations and returns';
  }
  const used = new Set<ColumnPlan>([idPlan, order, roles.time, ...[roles.quantity, roles.price, roles.amount, roles.category, roles.text].filter((p): p is ColumnPlan => !!p), ...roles.attributes]);
  for (const p of plans) {
    if (used.has(p) || p.role === 'pii' || p.dropped || (cancel?.columns.includes(p.name) ?? false)) continue;
    if (p.role !== 'ignored' || !p.overridden) {
      p.reason = p.role === 'code' ? `${p.reason.replace(/ \(.*$/, '')}: an identifier, not aggregated` : 'line-level column; not aggregated';
      p.role = p.role === 'code' ? 'code' : 'ignored';
    }
  }

  const noId = inference.rows - f.lines;
  if (noId > 0) {
    out.quality.warnings.push(`${file}, column "${idPlan.name}": ${noId.toLocaleString('en-US')} of ${inference.rows.toLocaleString('en-US')} lines (${pct(noId / inference.rows)}) have no ${idPlan.name}; left out (they belong to no known customer)`);
  }
  if (f.skipped > 0) out.quality.warnings.push(`${file}, column "${roles.time.name}": ${f.skipped} line${f.skipped === 1 ? ' has' : 's have'} no readable time; skipped`);
  if (!amountText) out.quality.warnings.push(`${file}: no amount or price column found (looked for names like amount, total, price); spend features are 0 — pass --amount or --price`);

  for (const c of f.numeric) addNumeric(out, derivedPlan(c.name), c.name, c.values, file, derivedUnit(c.name));
  for (const c of f.categorical) {
    addCategorical(out, derivedPlan(c.name, 'categorical'), c.name, c.codes, c.levels, file);
    const added = out.categorical.find((x) => x.name === c.name);
    if (added && c.name !== FAVOURITE_COLUMN) added.describeOnly = true;
  }
  if (f.text) {
    const r = cleanText(f.text.name, f.text.values, TEXT_CAP);
    out.text.push(r.column);
    if (r.missing) out.quality.missing.push({ column: f.text.name, ...r.missing });
  }

  out.quality.customers = f.ids.length;
  const mapping: LogMapping = {
    customer: idPlan.name,
    order: order.name,
    time: roles.time.name,
    ...(amountText ? { amount: amountText } : {}),
    ...(roles.quantity ? { quantity: roles.quantity.name } : {}),
    ...(roles.price ? { price: roles.price.name } : {}),
    ...(roles.category ? { category: roles.category.name } : {}),
    ...(roles.text ? { text: roles.text.name } : {}),
    ...(roles.attributes.length ? { attributes: roles.attributes.map((a) => a.name) } : {}),
    cancellations: [cancel?.description, `negative ${roles.quantity?.name ?? amountText ?? 'amounts'}`].filter(Boolean).join('; '),
  };
  const schema: DataSchema = {
    source: file,
    format: source.format,
    kind: 'orders',
    idColumn: idPlan.name,
    columns: plans.map(toColumnSchema),
    derived: [...out.numeric.map((c) => c.name), ...out.categorical.map((c) => c.name), ...out.text.map((c) => c.name)],
    mapping,
    rowsRead: inference.rows,
  };
  out.quality.warnings.push(
    `${file}: ${f.orders.toLocaleString('en-US')} orders and ${f.cancelledOrders.toLocaleString('en-US')} cancelled or returned orders from ${f.lines.toLocaleString('en-US')} lines; cancellations are netted out of spend`,
  );
  return { schema, quality: out.quality, ids: f.ids, numeric: out.numeric, categorical: out.categorical, text: out.text, piiValues };
}

/**
 * How this export marks cancellations, besides negative quantities or amounts: order ids with
 * a "C" prefix where most ids are plain numbers (the Online Retail convention), or a status
 * column with values like cancelled / returned / refund / storniert.
 */
async function cancellationRule(conn: DuckDBConnection, source: Source, order: ColumnPlan, status: ColumnPlan[]): Promise<{ sql: string; description: string; columns: string[] } | undefined> {
  const o = textSql(order);
  const parts = [
    `CAST(count(*) FILTER (WHERE regexp_full_match(${o}, '[Cc]\\d+')) AS DOUBLE) AS c_prefix`,
    `CAST(count(*) FILTER (WHERE regexp_full_match(${o}, '\\d+')) AS DOUBLE) AS digits`,
    ...status.map((s, i) => `CAST(count(*) FILTER (WHERE regexp_full_match(${textSql(s)}, ${sqlString(CANCEL_VALUES)})) AS DOUBLE) AS s${i}`),
  ];
  const row = await readRow(conn, `SELECT ${parts.join(', ')} FROM ${source.relation}`);
  const sql: string[] = [];
  const desc: string[] = [];
  const columns: string[] = [];
  const cPrefix = Number(row.c_prefix ?? 0);
  if (cPrefix > 0 && Number(row.digits ?? 0) > cPrefix) {
    sql.push(`regexp_full_match(${o}, '[Cc]\\d+')`);
    desc.push(`${order.name} starting with C`);
  }
  status.forEach((s, i) => {
    if (Number(row[`s${i}`] ?? 0) > 0) {
      sql.push(`coalesce(regexp_full_match(${textSql(s)}, ${sqlString(CANCEL_VALUES)}), false)`);
      desc.push(`${s.name} saying cancelled/returned`);
      columns.push(s.name);
    }
  });
  if (sql.length === 0) return undefined;
  return { sql: sql.join(' OR '), description: desc.join('; '), columns };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
}

import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { cleanCategorical, cleanNumeric, cleanText, fmtNum, pickRows } from './clean.js';
import { enumCodes, readColumns, toCodes, type ColumnKind } from './columnar.js';
import { aggregateEvents, FAVOURITE_COLUMN } from './events.js';
import { inferSchema, TEXT_CAP, type ColumnPlan, type Inference } from './infer-schema.js';
import type { Source } from './ingest.js';
import { withSource } from './with-source.js';
import type { CategoricalColumn, ColumnSchema, CustomerTable, DataQuality, DataSchema, LoadOptions, NumericColumn, TextColumn } from '../model/data.js';
import { numberSql, textSql, timestampSql } from './value-sql.js';

/**
 * The data stage's entry point: a file in, a cleaned one-row-per-customer table out. Every
 * problem with the file becomes an InputError (one line: file, row, column, what, fix); the
 * DuckDB instance lives only for the duration of the call.
 */
export async function loadCustomers(file: string, options: LoadOptions = {}): Promise<CustomerTable> {
  return withSource(file, async (conn, source) => {
    const inference = await inferSchema(conn, source, options);
    if (inference.rows === 0) {
      throw new InputError({ file, row: 1 }, 'the file has a header row but no data rows', 'Export the data again with one row per customer (or per event) under the header');
    }
    const table = inference.events ? await fromEvents(conn, source, inference) : await fromCustomerRows(conn, source, inference);
    assertUsable(table, file);
    return table;
  }, options.signal);
}

/** The pipeline calls this once k is known: fewer customers than segments is the user's input problem. */
export function assertEnoughCustomers(table: CustomerTable, k: number, file: string = table.schema.source): void {
  const n = table.ids.length;
  if (n < k) {
    throw new InputError(
      { file },
      `the file has ${n} customer${n === 1 ? '' : 's'}, fewer than the ${k} segments asked for`,
      n >= 2 ? `Use --k ${Math.max(2, Math.floor(n / 2))} or lower, or a file with more customers` : 'Use a file with more customers',
    );
  }
}

function assertUsable(table: CustomerTable, file: string): void {
  const n = table.ids.length;
  if (n < 2) {
    throw new InputError(
      { file },
      `only ${n} customer${n === 1 ? '' : 's'} after reading ${table.quality.rowsRead} row${table.quality.rowsRead === 1 ? '' : 's'}; segmenting needs at least 2 (in practice a few hundred)`,
      'Pass the full customer export (one row per customer), or an event log with many customers',
    );
  }
  if (table.numeric.length + table.categorical.length + table.text.length === 0) {
    const all = table.schema.columns.map((c) => `${c.name}: ${c.role}`);
    const roles = all.length > 8 ? `${all.slice(0, 8).join(', ')}, …` : all.join(', ');
    throw new InputError(
      { file },
      `no column can be used to describe customers (${roles})`,
      'Add columns such as numbers, categories, dates or text, or remove them from --ignore',
    );
  }
}

interface Assembly {
  numeric: NumericColumn[];
  categorical: CategoricalColumn[];
  text: TextColumn[];
  quality: DataQuality;
}

function emptyQuality(rowsRead: number, warnings: string[]): DataQuality {
  return { rowsRead, customers: 0, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [...warnings] };
}

function addNumeric(out: Assembly, plan: ColumnPlan, name: string, values: Float64Array, file: string): void {
  const r = cleanNumeric(name, values, plan.role === 'boolean' ? 'boolean' : 'numeric');
  if (r.dropped) return dropColumn(out, plan, r.dropped, file);
  out.numeric.push(r.column!);
  if (r.missing) out.quality.missing.push({ column: name, ...r.missing });
  if (r.clipped) out.quality.clipped.push({ column: name, ...r.clipped });
  if (r.column!.transform === 'log1p') out.quality.logTransformed.push(name);
}

function addCategorical(out: Assembly, plan: ColumnPlan, name: string, codes: Int32Array, levels: string[], file: string): void {
  const r = cleanCategorical(name, codes, levels);
  if (r.dropped) return dropColumn(out, plan, r.dropped, file);
  out.categorical.push(r.column!);
  if (r.missing) out.quality.missing.push({ column: name, ...r.missing });
  if (plan.reason.endsWith(' levels')) plan.reason = `${r.column!.levels.length - (r.missing ? 1 : 0)} levels${r.missing ? ' + (missing)' : ''}`;
}

function dropColumn(out: Assembly, plan: ColumnPlan, why: string, file: string): void {
  plan.role = 'ignored';
  plan.reason = `${why} (dropped)`;
  plan.dropped = why;
  out.quality.droppedColumns.push({ column: plan.name, reason: why });
  out.quality.warnings.push(`${file}, column "${plan.name}": ${why}; the column was dropped`);
}

/** One row per customer: read every used column in one scan, drop rows without an id, keep the first row of each id. */
async function fromCustomerRows(conn: DuckDBConnection, source: Source, inference: Inference): Promise<CustomerTable> {
  const { file } = source;
  const plans = inference.columns;
  const out: Assembly = { numeric: [], categorical: [], text: [], quality: emptyQuality(inference.rows, inference.warnings) };
  for (const p of plans) if (p.dropped) out.quality.droppedColumns.push({ column: p.name, reason: p.dropped });

  const idPlan = plans.find((p) => p.role === 'id');
  const select: string[] = [];
  const kinds: ColumnKind[] = [];
  const slot = new Map<ColumnPlan, number>();
  const add = (plan: ColumnPlan, sql: string, kind: ColumnKind) => {
    slot.set(plan, select.length);
    select.push(sql);
    kinds.push(kind);
  };
  const levels = new Map<ColumnPlan, string[]>();
  for (const [i, p] of plans.entries()) {
    if (p.role === 'id') add(p, textSql(p), 'str');
    else if (p.role === 'numeric' || p.role === 'boolean') add(p, numberSql(p), 'f64');
    else if (p.role === 'datetime') add(p, `CAST(epoch(${timestampSql(p)}) AS DOUBLE)`, 'f64');
    else if (p.role === 'categorical') {
      const e = await enumCodes(conn, source.relation, textSql(p), `seg_enum_${i}`);
      levels.set(p, e.levels);
      add(p, e.codeSql, 'f64');
    } else if (p.role === 'text') add(p, textSql(p, TEXT_CAP + 1), 'str');
  }
  if (select.length === 0) select.push('1'), kinds.push('f64');
  // ORDER BY rowid: file order, every time. Without it DuckDB (1.5, 2 threads, preserve_insertion_order
  // on) returned this many-expression projection of 1M rows with its 122,880-row groups in a
  // different order from run to run (bench/: customer order, the fit sample and so the segments
  // changed between runs of the same file and seed). Measured cost: 0.88 → 1.42 s at 1M rows.
  const res = await readColumns(conn, `SELECT ${select.join(', ')} FROM ${source.relation} ORDER BY rowid`, kinds);
  const col = (p: ColumnPlan) => res.columns[slot.get(p)!];

  // Ids: rows without one are skipped, repeated ones keep their first row.
  let ids: string[];
  let keep: Int32Array | undefined;
  if (idPlan) {
    const raw = (col(idPlan) as { values: (string | null)[] }).values;
    const seen = new Set<string>();
    const kept: number[] = [];
    let missing = 0;
    let firstMissing = -1;
    let dups = 0;
    let firstDup = -1;
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      if (v === null) {
        if (missing++ === 0) firstMissing = i;
      } else if (seen.has(v)) {
        if (dups++ === 0) firstDup = i;
      } else {
        seen.add(v);
        kept.push(i);
      }
    }
    ids = kept.map((i) => raw[i]!);
    if (kept.length < raw.length) keep = Int32Array.from(kept);
    out.quality.duplicateIds = dups;
    idPlan.reason = `${idPlan.overridden ? 'given by --id' : 'named like an id'}, ${dups ? `${dups} repeated (first row kept)` : 'unique'}`;
    if (missing) {
      out.quality.warnings.push(`${file}, row ${firstMissing + 1}, column "${idPlan.name}": ${missing} row${missing === 1 ? ' has' : 's have'} no ${idPlan.name}; skipped`);
    }
    if (dups) {
      out.quality.warnings.push(`${file}, row ${firstDup + 1}, column "${idPlan.name}": ${dups} repeated id${dups === 1 ? '' : 's'}; the first row of each id was kept`);
    }
  } else {
    ids = Array.from({ length: res.rows }, (_, i) => String(i + 1));
    out.quality.warnings.push(`${file}: no customer id column found (looked for names like customer_id, user_id, id); rows are numbered from 1 instead. Pass --id COLUMN to name it`);
  }

  // Dates become "days before the latest date in the file", one reference for every date column.
  const dateCols = plans.filter((p) => p.role === 'datetime').map((p) => ({ plan: p, epochs: pickRows((col(p) as { values: Float64Array }).values, keep) }));
  let asOf = -Infinity;
  for (const d of dateCols) for (const v of d.epochs) if (v > asOf) asOf = v;

  const piiValues = new Set<string>();
  if (idPlan?.piiKind) for (const id of ids) piiValues.add(id);
  for (const p of plans) {
    const c = slot.has(p) ? col(p) : undefined;
    if (!c) continue;
    if (p.role === 'numeric' || p.role === 'boolean') addNumeric(out, p, p.name, pickRows((c as { values: Float64Array }).values, keep), file);
    else if (p.role === 'datetime') {
      const epochs = dateCols.find((d) => d.plan === p)!.epochs;
      const days = new Float64Array(epochs.length);
      for (let i = 0; i < epochs.length; i++) days[i] = (asOf - epochs[i]) / 86400;
      p.reason = `dates → ${p.name}_days_ago (days before ${isoDate(asOf)})`;
      addNumeric(out, p, `${p.name}_days_ago`, days, file);
    } else if (p.role === 'categorical') {
      addCategorical(out, p, p.name, toCodes(pickRows((c as { values: Float64Array }).values, keep)), levels.get(p)!, file);
    } else if (p.role === 'text') {
      const r = cleanText(p.name, pickRows((c as { values: (string | null)[] }).values, keep), TEXT_CAP);
      out.text.push(r.column);
      if (r.missing) out.quality.missing.push({ column: p.name, ...r.missing });
      if (r.truncated) {
        const row = (keep ? keep[r.truncated.first] : r.truncated.first) + 1;
        out.quality.warnings.push(
          `${file}, row ${row}, column "${p.name}": ${r.truncated.count} text cell${r.truncated.count === 1 ? ' is' : 's are'} longer than ${TEXT_CAP.toLocaleString('en-US')} characters; cut to that length`,
        );
      }
    }
  }
  await collectPii(conn, source, plans, piiValues);

  out.quality.customers = ids.length;
  const schema: DataSchema = {
    source: file,
    format: source.format,
    kind: 'customers',
    idColumn: idPlan?.name ?? 'row',
    columns: plans.map(toColumnSchema),
    rowsRead: inference.rows,
  };
  return { schema, quality: out.quality, ids, numeric: out.numeric, categorical: out.categorical, text: out.text, piiValues };
}

const TIME_HINT = /time|date|_at$|^ts$|when|day/i;
const AMOUNT_HINT = /amount|revenue|spend|price|total|value|sales|gmv|paid|cost|net|gross/i;
const CATEGORY_HINT = /categor|department|genre|product_?type|class|segment|type/i;

/** An event log: aggregate in SQL to one row per customer, then clean the features like any column. */
async function fromEvents(conn: DuckDBConnection, source: Source, inference: Inference): Promise<CustomerTable> {
  const { file } = source;
  const plans = inference.columns;
  const out: Assembly = { numeric: [], categorical: [], text: [], quality: emptyQuality(inference.rows, inference.warnings) };
  for (const p of plans) if (p.dropped) out.quality.droppedColumns.push({ column: p.name, reason: p.dropped });

  const idPlan = plans.find((p) => p.role === 'id')!;
  const pick = (role: ColumnPlan['role'], hint: RegExp) => {
    const all = plans.filter((p) => p.role === role);
    return all.find((p) => hint.test(p.name)) ?? (role === 'numeric' ? (all.length === 1 ? all[0] : undefined) : all[0]);
  };
  const tsPlan = pick('datetime', TIME_HINT)!;
  const amountPlan = pick('numeric', AMOUNT_HINT);
  const catPlan = pick('categorical', CATEGORY_HINT);

  // PII first: the loaded table is dropped once the events are copied out of it.
  const piiValues = new Set<string>();
  await collectPii(conn, source, plans, piiValues);
  const features = await aggregateEvents(
    conn,
    source.relation,
    {
      id: textSql(idPlan),
      timestamp: timestampSql(tsPlan),
      amount: amountPlan ? numberSql(amountPlan) : undefined,
      category: catPlan ? textSql(catPlan) : undefined,
    },
    { dropSource: true },
  );
  if (idPlan.piiKind) for (const id of features.ids) piiValues.add(id);

  idPlan.reason = `${idPlan.overridden ? 'given by --id' : 'named like an id'}; repeats: events aggregated per customer`;
  tsPlan.reason = `event time → recency_days, tenure_days, active_days (as of ${features.asOf})`;
  if (amountPlan) amountPlan.reason = 'order amount → monetary, avg_order_value';
  if (catPlan) catPlan.reason = `→ share of events in the top ${features.categories.length} categories, ${FAVOURITE_COLUMN}`;
  for (const p of plans) {
    if (p === idPlan || p === tsPlan || p === amountPlan || p === catPlan || p.role === 'pii' || p.dropped) continue;
    if (p.role !== 'ignored' || !p.overridden) {
      p.role = 'ignored';
      p.reason = 'event-level column; not aggregated';
    }
  }
  if (!amountPlan) {
    out.quality.warnings.push(`${file}: no amount column found (looked for names like amount, revenue, price); monetary features left out`);
  }
  const noId = inference.rows - features.events;
  if (noId > 0) out.quality.warnings.push(`${file}, column "${idPlan.name}": ${noId} event${noId === 1 ? ' has' : 's have'} no ${idPlan.name}; skipped`);
  if (features.skipped > 0) {
    out.quality.warnings.push(`${file}, column "${tsPlan.name}": ${features.skipped} event${features.skipped === 1 ? ' has' : 's have'} no readable time; skipped`);
  }

  const featurePlan = (name: string): ColumnPlan => ({ name, sourceType: 'DOUBLE', typeClass: 'number', role: 'numeric', reason: 'derived' });
  for (const f of features.numeric) addNumeric(out, featurePlan(f.name), f.name, f.values, file);
  if (features.favourite) {
    const fav = features.favourite;
    addCategorical(out, { ...featurePlan(fav.name), role: 'categorical' }, fav.name, fav.codes, fav.levels, file);
  }

  out.quality.customers = features.ids.length;
  const derived = [...out.numeric.map((c) => c.name), ...out.categorical.map((c) => c.name)];
  const schema: DataSchema = {
    source: file,
    format: source.format,
    kind: 'events',
    idColumn: idPlan.name,
    columns: plans.map(toColumnSchema),
    derived,
    rowsRead: inference.rows,
  };
  return { schema, quality: out.quality, ids: features.ids, numeric: out.numeric, categorical: out.categorical, text: out.text, piiValues };
}

/** Distinct values of every PII column (DISTINCT in SQL: repeated names are decoded once). */
async function collectPii(conn: DuckDBConnection, source: Source, plans: ColumnPlan[], into: Set<string>): Promise<void> {
  const piiPlans = plans.filter((p) => p.role === 'pii');
  if (piiPlans.length === 0) return;
  const union = piiPlans.map((p) => `SELECT ${textSql(p, 1000)} AS v FROM ${source.relation}`).join(' UNION ALL ');
  // One string of all distinct values joined by U+0001 (removed from the values: never part of
  // a name, email, phone or address), split in JS. Measured at 1M customers, 2.9M distinct
  // values (bench/): reading them as 2.9M result cells took 7.3–8.5 s (one native call and
  // one decode per cell), the joined string 3.3–5.5 s; filling the Set costs 2.4–4.2 s more.
  const res = await readColumns(conn, `SELECT CAST(string_agg(replace(v, chr(1), ''), chr(1)) AS VARCHAR) FROM (SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL)`, ['str']);
  const c = res.columns[0];
  const joined = c.kind === 'str' ? c.values[0] : null;
  if (joined) for (const v of joined.split('\u0001')) if (v) into.add(v);
}

function toColumnSchema(p: ColumnPlan): ColumnSchema {
  const c: ColumnSchema = { name: p.name, sourceType: p.sourceType, role: p.role, reason: p.reason };
  if (p.piiKind) c.piiKind = p.piiKind;
  if (p.overridden) c.overridden = true;
  return c;
}

function isoDate(epochSeconds: number): string {
  return Number.isFinite(epochSeconds) ? new Date(epochSeconds * 1000).toISOString().slice(0, 10) : 'unknown';
}

/**
 * A compact table of the inferred schema for the CLI: each column, its role and why.
 * Plain text, fixed-width, no colour: it goes to stderr and into logs.
 */
export function describeSchema(schema: DataSchema): string {
  const rows = schema.columns.map((c) => [
    c.name,
    c.role === 'pii' ? `pii (${c.piiKind ?? 'other'})` : c.role === 'id' && c.piiKind ? `id, pii (${c.piiKind})` : c.role,
    `${c.reason}${c.overridden && !/--/.test(c.reason) ? ' (flag)' : ''}`,
  ]);
  const header = ['column', 'role', 'why'];
  const width = [0, 1].map((i) => Math.min(32, Math.max(header[i].length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => `  ${clip(r[0], width[0]).padEnd(width[0])}  ${clip(r[1], width[1]).padEnd(width[1])}  ${r[2]}`.trimEnd();
  const what = schema.kind === 'events' ? `event log, ${fmtNum(schema.rowsRead)} events aggregated per customer` : `${fmtNum(schema.rowsRead)} rows, one per customer`;
  const lines = [`${schema.source} (${schema.format}): ${what}; id column: ${schema.idColumn}`, line(header), ...rows.map(line)];
  if (schema.derived?.length) lines.push(`  derived per customer: ${schema.derived.join(', ')}`);
  return lines.join('\n');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}


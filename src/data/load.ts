import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { cleanCategorical, cleanNumeric, cleanText, fmtNum, pickRows } from './clean.js';
import { enumCodes, readColumns, readRow, toCodes, type ColumnKind } from './columnar.js';
import { aggregateEvents, FAVOURITE_COLUMN } from './events.js';
import { inferSchema, TEXT_CAP, type ColumnPlan, type Inference } from './infer-schema.js';
import type { Source } from './ingest.js';
import { withSource } from './with-source.js';
import { addCategorical, addNumeric, collectPii, derivedPlan, newAssembly, startLog, toColumnSchema } from './assembly.js';
import type { CustomerTable, DataSchema, LoadOptions, LogMapping } from '../model/data.js';
import { columnUnit, derivedUnit } from './log-roles.js';
import { fromOrderLines } from './load-orders.js';
import { numberSql, textSql, timestampSql } from './value-sql.js';
import { stripControls } from '../util/control-chars.js';
import { PiiValueSet } from '../util/pii-values.js';

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
    // The row count is known once the file is read; what follows (cleaning, aggregating) has no count of its own.
    options.progress?.({ stage: 'ingest', done: inference.rows, unit: 'rows read; cleaning them' });
    const table = inference.orders
      ? await fromOrderLines(conn, source, inference)
      : inference.events
        ? await fromEvents(conn, source, inference)
        : await fromCustomerRows(conn, source, inference);
    if (source.joined) {
      table.schema.joined = source.joined;
      table.quality.warnings.push(...(source.joinWarnings ?? []));
    }
    assertUsable(table, file);
    return table;
  }, options.signal, options.join ?? [], options.progress);
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

/** One row per customer: read every used column in one scan, drop rows without an id, keep the first row of each id. */
async function fromCustomerRows(conn: DuckDBConnection, source: Source, inference: Inference): Promise<CustomerTable> {
  const { file } = source;
  const plans = inference.columns;
  const out = newAssembly(inference);

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
    } else if (p.role === 'text') {
      // Texts that repeat a lot (canned reviews, survey choices) are read as codes, like a
      // category, and each row shares its level's string: bench/'s 1M customers have ~60k
      // distinct reviews, and decoding 1M strings (one native call each) cost ~0.6 CPU s and
      // ~100 MB of separate copies. Mostly-distinct text is read as strings.
      const sql = textSql(p, TEXT_CAP + 1);
      if ((p.distinctShare ?? 1) <= TEXT_CODES_SHARE && (p.distinctShare ?? 1) * inference.rows <= TEXT_CODES_MAX) {
        const e = await enumCodes(conn, source.relation, sql, `seg_enum_${i}`);
        levels.set(p, e.levels);
        add(p, e.codeSql, 'f64');
      } else add(p, sql, 'str');
    }
  }
  // File order, every time: each row carries its rowid and is put in place as it is read (the
  // rowid column also keeps the row count when no column is kept).
  // Without it DuckDB (1.5, 2 threads, preserve_insertion_order on) returned this many-expression
  // projection of 1M rows with its 122,880-row groups in a different order from run to run
  // (bench/: customer order, the fit sample and so the segments changed between runs of the
  // same file and seed). ORDER BY rowid did the same with a sort of every selected column:
  // 0.88 → 1.42 s at 1M rows, and the sorted copy on top of the peak memory.
  const at = select.length;
  select.push('CAST(rowid AS DOUBLE)'), kinds.push('f64');
  // PII values first: the aggregation's working memory is freed before the columns arrive (the
  // other way round, 1M customers peaked ~520 MB higher with both held at once).
  const piiValues = new PiiValueSet();
  await collectPii(conn, source, plans, piiValues);
  const idsUnique = idPlan ? await allPresentAndUnique(conn, source.relation, textSql(idPlan), inference.rows, idPlan.distinctShare) : false;
  const res = await readColumns(conn, `SELECT ${select.join(', ')} FROM ${source.relation}`, kinds, { at, rows: inference.rows });
  const col = (p: ColumnPlan) => res.columns[slot.get(p)!];

  // Ids: rows without one are skipped, repeated ones keep their first row.
  let ids: string[];
  let keep: Int32Array | undefined;
  if (idPlan && idsUnique) {
    // Every row has its own id (checked in SQL above): every row is kept, as the loop below would.
    ids = (col(idPlan) as { values: string[] }).values;
    idPlan.reason = `${idPlan.overridden ? 'given by --id' : 'named like an id'}, unique`;
  } else if (idPlan) {
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

  if (idPlan?.piiKind) for (const id of ids) piiValues.add(id);
  for (const p of plans) {
    const c = slot.has(p) ? col(p) : undefined;
    if (!c) continue;
    if (p.role === 'numeric' || p.role === 'boolean') addNumeric(out, p, p.name, pickRows((c as { values: Float64Array }).values, keep), file, columnUnit(p));
    else if (p.role === 'datetime') {
      const epochs = dateCols.find((d) => d.plan === p)!.epochs;
      const days = new Float64Array(epochs.length);
      for (let i = 0; i < epochs.length; i++) days[i] = (asOf - epochs[i]) / 86400;
      const fmt = p.parse === 'dmy_dot' ? 'dd.mm.yyyy ' : p.parse === 'dmy' ? 'dd/mm/yyyy ' : p.parse === 'mdy' ? 'mm/dd/yyyy ' : '';
      p.reason = `${fmt}dates → ${p.name}_days_ago (days before ${isoDate(asOf)})`;
      addNumeric(out, p, `${p.name}_days_ago`, days, file, 'days');
    } else if (p.role === 'categorical') {
      addCategorical(out, p, p.name, toCodes(pickRows((c as { values: Float64Array }).values, keep)), levels.get(p)!.map(stripControls), file);
    } else if (p.role === 'text') {
      const values = levels.has(p) ? fromCodes((c as { values: Float64Array }).values, levels.get(p)!) : (c as { values: (string | null)[] }).values;
      const r = cleanText(p.name, pickRows(values, keep), TEXT_CAP);
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


/** An event log: aggregate in SQL to one row per customer, then clean the features like any column. */
async function fromEvents(conn: DuckDBConnection, source: Source, inference: Inference): Promise<CustomerTable> {
  const { file } = source;
  const plans = inference.columns;
  const { out, idPlan, roles, piiValues } = await startLog(conn, source, inference);
  const tsPlan = roles.time;
  const amountPlan = roles.amount;
  const catPlan = roles.category;
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

  for (const f of features.numeric) addNumeric(out, derivedPlan(f.name), f.name, f.values, file, derivedUnit(f.name));
  if (features.favourite) {
    const fav = features.favourite;
    addCategorical(out, derivedPlan(fav.name, 'categorical'), fav.name, fav.codes, fav.levels, file);
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
    mapping: {
      customer: idPlan.name,
      time: tsPlan.name,
      ...(amountPlan ? { amount: amountPlan.name } : {}),
      ...(catPlan ? { category: catPlan.name } : {}),
    },
    rowsRead: inference.rows,
  };
  return { schema, quality: out.quality, ids: features.ids, numeric: out.numeric, categorical: out.categorical, text: out.text, piiValues };
}

/**
 * Whether every row has an id and no two the same, counted by DuckDB (its threads, no JS
 * string per row): then the JS pass that keeps the first row of each id has nothing to do. At
 * 1M customers that pass's Set of 1M ids was ~1 s of fromCustomerRows' self time (cpu-prof,
 * load ~3.6); see the commit for the SQL count. Asked only when the estimate says the ids are
 * (nearly) all distinct: otherwise the answer is no and the pass runs anyway.
 */
async function allPresentAndUnique(conn: DuckDBConnection, relation: string, idSql: string, rows: number, distinctShare: number | undefined): Promise<boolean> {
  if (rows === 0 || distinctShare === undefined || distinctShare < 0.9) return false;
  const r = await readRow(conn, `SELECT CAST(count(x) AS DOUBLE) AS present, CAST(count(DISTINCT x) AS DOUBLE) AS distinct FROM (SELECT ${idSql} AS x FROM ${relation})`);
  return r.present === rows && r.distinct === rows;
}

/** A text column is read as codes when its distinct values are at most this share of the rows… */
const TEXT_CODES_SHARE = 0.25;
/** …and at most this many (the ENUM type's literals are one SQL statement). */
const TEXT_CODES_MAX = 200_000;

/** Codes (NaN = missing) → each row's level, the strings shared between rows. */
function fromCodes(codes: Float64Array, levels: string[]): (string | null)[] {
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = Number.isNaN(codes[i]) ? null : levels[codes[i]];
  return out;
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
  const what =
    schema.kind === 'orders'
      ? `order-line log, ${fmtNum(schema.rowsRead)} lines aggregated per order, then per customer`
      : schema.kind === 'events'
        ? `event log, ${fmtNum(schema.rowsRead)} events aggregated per customer`
        : `${fmtNum(schema.rowsRead)} rows, one per customer`;
  const lines = [`${schema.source} (${schema.format}): ${what}; id column: ${schema.idColumn}`];
  for (const j of schema.joined ?? []) lines.push(`  joined: ${j.file} on ${j.on} (${fmtNum(j.rows)} rows)`);
  if (schema.mapping) lines.push(`  mapping: ${describeMapping(schema.mapping)}`);
  lines.push(line(header), ...rows.map(line));
  if (schema.derived?.length) lines.push(`  derived per customer: ${schema.derived.join(', ')}`);
  const out = schema.columns.filter((c) => c.role === 'ignored' || (c.role === 'code' && !c.reason.includes('→')));
  if (out.length) lines.push(`  left out: ${out.map((c) => `${c.name} (${c.reason})`).join('; ')}`);
  return lines.join('\n');
}

/** "customer = CustomerID, order = InvoiceNo, amount = Quantity × UnitPrice, cancellations: InvoiceNo starting with C". */
export function describeMapping(m: LogMapping): string {
  const parts = [`customer = ${m.customer}`];
  if (m.order) parts.push(`order = ${m.order}`);
  parts.push(`time = ${m.time}`);
  if (m.amount) parts.push(`amount = ${m.amount}`);
  if (m.category) parts.push(`category = ${m.category}`);
  if (m.text) parts.push(`text = ${m.text}`);
  if (m.attributes?.length) parts.push(`per-customer attributes = ${m.attributes.join(', ')}`);
  if (m.cancellations) parts.push(`cancellations: ${m.cancellations}`);
  return parts.join(', ');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}


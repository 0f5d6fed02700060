import type { DuckDBConnection } from '@duckdb/node-api';
import { cleanCategorical, cleanNumeric } from './clean.js';
import { readColumns } from './columnar.js';
import type { ColumnPlan, Inference } from './infer-schema.js';
import { pickLogPlans, type LogPlans } from './log-roles.js';
import type { Source } from './ingest.js';
import type { CategoricalColumn, ColumnSchema, DataQuality, NumericColumn, NumericUnit, TextColumn } from '../model/data.js';
import { textSql } from './value-sql.js';
import { sqlIdent } from './formats.js';
import { PiiValueSet, WORD_SOURCE_SQL } from '../util/pii-values.js';

/** The columns of a CustomerTable as they are assembled, cleaned one at a time, with the quality record. */
export interface Assembly {
  numeric: NumericColumn[];
  categorical: CategoricalColumn[];
  text: TextColumn[];
  quality: DataQuality;
}

export function emptyQuality(rowsRead: number, warnings: string[]): DataQuality {
  return { rowsRead, customers: 0, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [...warnings] };
}

/** An empty assembly whose quality record already lists the columns inference dropped, with why. */
export function newAssembly(inference: Inference): Assembly {
  const out: Assembly = { numeric: [], categorical: [], text: [], quality: emptyQuality(inference.rows, inference.warnings) };
  for (const p of inference.columns) if (p.dropped) out.quality.droppedColumns.push({ column: p.name, reason: p.dropped });
  return out;
}

export interface LogStart {
  out: Assembly;
  idPlan: ColumnPlan;
  roles: LogPlans;
  piiValues: PiiValueSet;
}

/**
 * What every log shape (events, order lines) does before its aggregation: the assembly, the
 * customer id, the roles of the other columns, and the PII values — collected first, because
 * the aggregation drops the loaded table once it has copied the lines out.
 */
export async function startLog(conn: DuckDBConnection, source: Source, inference: Inference): Promise<LogStart> {
  const out = newAssembly(inference);
  const idPlan = inference.columns.find((p) => p.role === 'id')!;
  const roles = pickLogPlans(source.file, inference);
  const piiValues = new PiiValueSet();
  await collectPii(conn, source, inference.columns, piiValues);
  return { out, idPlan, roles, piiValues };
}

/** The plan of a feature the aggregation derived (recency_days, share_of_…, favourite_category). */
export function derivedPlan(name: string, role: ColumnPlan['role'] = 'numeric'): ColumnPlan {
  return { name, sourceType: 'DOUBLE', typeClass: 'number', role, reason: 'derived' };
}

export function addNumeric(out: Assembly, plan: ColumnPlan, name: string, values: Float64Array, file: string, unit: NumericUnit): void {
  const r = cleanNumeric(name, values, plan.role === 'boolean' ? 'boolean' : 'numeric');
  if (r.dropped) return dropColumn(out, plan, r.dropped, file);
  r.column!.unit = unit;
  out.numeric.push(r.column!);
  if (r.missing) out.quality.missing.push({ column: name, ...r.missing });
  if (r.clipped) out.quality.clipped.push({ column: name, ...r.clipped });
  if (r.column!.transform === 'log1p') out.quality.logTransformed.push(name);
}

export function addCategorical(out: Assembly, plan: ColumnPlan, name: string, codes: Int32Array, levels: string[], file: string): void {
  const r = cleanCategorical(name, codes, levels);
  if (r.dropped) return dropColumn(out, plan, r.dropped, file);
  out.categorical.push(r.column!);
  if (r.missing) out.quality.missing.push({ column: name, ...r.missing });
  if (plan.reason.endsWith(' levels')) plan.reason = `${r.column!.levels.length - (r.missing ? 1 : 0)} levels${r.missing ? ' + (missing)' : ''}`;
}

export function dropColumn(out: Assembly, plan: ColumnPlan, why: string, file: string): void {
  plan.role = 'ignored';
  plan.reason = `${why} (dropped)`;
  plan.dropped = why;
  out.quality.droppedColumns.push({ column: plan.name, reason: why });
  out.quality.warnings.push(`${file}, column "${plan.name}": ${why}; the column was dropped`);
}

/**
 * Distinct values of every PII column. DISTINCT runs in SQL where it saves something (repeated
 * names, an event log's emails on every event): a column whose values are mostly distinct
 * (an email or a phone per customer) is joined as it is, because a repeated value only costs
 * its length (PiiValueSet reads each one once; the matcher skips values it knows). Measured at
 * 1M customers (email, phone, address ~1M distinct each, name ~2k): DISTINCT over all 4M values
 * raised the peak RSS by ~520 MB (its hash table of 2.9M strings) and took ~0.7 CPU s.
 */
export async function collectPii(conn: DuckDBConnection, source: Source, plans: ColumnPlan[], into: PiiValueSet): Promise<void> {
  const piiPlans = plans.filter((p) => p.role === 'pii');
  if (piiPlans.length === 0) return;
  // replace() (like trim and left in textSql) copies every string it is given, so it runs only
  // on the values that hold a U+0001.
  const cleaned = (p: ColumnPlan, from: string) =>
    `SELECT CASE WHEN contains(x, chr(1)) THEN replace(x, chr(1), '') ELSE x END AS v FROM (SELECT ${textSql(p, 1000)} AS x FROM ${from})`;
  // A column that repeats its values has them made distinct before they are trimmed and cut: a log
  // repeats them on every line (10M order lines, 36 descriptions: 5.9 s of CPU → 3.2 s,
  // bench/order-lines.ts). A mostly-distinct column (emails, phones) skips DISTINCT altogether.
  const union = piiPlans
    .map((p) =>
      (p.distinctShare ?? 0) >= MOSTLY_DISTINCT
        ? cleaned(p, source.relation)
        : `SELECT DISTINCT v FROM (${cleaned(p, `(SELECT DISTINCT ${sqlIdent(p.name)} FROM ${source.relation})`)})`,
    )
    .join(' UNION ALL ');
  // Two strings of values joined by U+0001 (removed from the values: never part of a name,
  // email, phone or address): those the PII matcher reads words from, and the rest, which stay
  // unsplit until asked for (util/pii-values.ts). Measured at 1M customers, 2.9M distinct
  // values (bench/): reading them as 2.9M result cells took 7.3–8.5 s (one native call and one
  // decode per cell), the joined string 3.3–5.5 s, and filling a Set 2.4–4.2 s more. The
  // word-source test (a regular expression) runs once per value, as a column both aggregates read.
  const res = await readColumns(
    conn,
    `SELECT CAST(string_agg(v, chr(1)) FILTER (WHERE w) AS VARCHAR), CAST(string_agg(v, chr(1)) FILTER (WHERE NOT w) AS VARCHAR) ` +
      `FROM (SELECT v, ${WORD_SOURCE_SQL('v')} AS w FROM (${union}) WHERE v IS NOT NULL)`,
    ['str', 'str'],
  );
  const [words, rest] = res.columns.map((c) => (c.kind === 'str' ? c.values[0] : null));
  into.addJoined(words, true);
  into.addJoined(rest, false);
}

/** Above this distinct share a PII column is joined without DISTINCT (see collectPii). */
const MOSTLY_DISTINCT = 0.5;

export function toColumnSchema(p: ColumnPlan): ColumnSchema {
  const c: ColumnSchema = { name: p.name, sourceType: p.sourceType, role: p.role, reason: p.reason };
  if (p.piiKind) c.piiKind = p.piiKind;
  if (p.overridden) c.overridden = true;
  return c;
}


/**
 * The warehouse plan: every statement segmenta sends to a SQL engine, compiled for one dialect.
 * Pure functions of the plan and the fitted model, so the tests compare them with golden files
 * and parse them with a BigQuery grammar without an engine.
 *
 * What leaves the engine: one row of column statistics, the hash sample (PII columns never
 * selected; free text is, for the text model's fit), the latest date of the sample, and
 * per-segment counts and sums. Everyone's text coordinates are computed in the engine (text-plan.ts).
 * Everything per customer stays: the assignments table and the audience memberships are
 * written by INSERT … SELECT inside the engine.
 */
import type { Dialect } from './dialect.js';
import type { EngineColumn } from './engine.js';
import type { EmbeddingModel } from '../model/vectors.js';

/** Tables segmenta creates beside the data (reverse-ETL tools read them). */
export const ASSIGNMENTS_TABLE = 'segmenta_assignments';
export const AUDIENCES_TABLE = 'segmenta_audiences';
export const MEMBERSHIPS_TABLE = 'segmenta_memberships';

/** The data stage's missing markers (src/data/ingest.ts) compared in the engine, lower-cased. */
const MISSING_MARKERS = ['', 'na', 'n/a', 'null', 'nan', '#n/a', '-', '?'];
const YES = ['yes', 'y', 'true', 't', '1'];
const NO = ['no', 'n', 'false', 'f', '0'];
export const MISSING_LEVEL = '(missing)';
/** Same-shaped default as the file path's k-means fit sample (src/cluster/cluster.ts). */
export const DEFAULT_SAMPLE = 50_000;

export interface PlanInput {
  dialect: Dialect;
  /** FROM clause: a quoted table, or `(query) AS segmenta_q`. */
  relation: string;
  id: string;
  columns: EngineColumn[];
}

const list = (d: Dialect, values: string[]) => values.map((v) => d.str(v)).join(', ');
/** A number as a typed literal: exact (shortest round-trip digits) and never re-typed by the engine. */
const num = (d: Dialect, x: number) => d.float(Number.isFinite(x) ? String(x) : '0');
const col = (d: Dialect, name: string) => d.ident(name);
const idText = (p: PlanInput) => p.dialect.text(col(p.dialect, p.id));

/** One row: customers, distinct ids, and per string column its fill, mean length and PII-looking share. */
export function statisticsSql(p: PlanInput): string {
  const d = p.dialect;
  const parts = [`${d.float('COUNT(*)')} AS n`, `${d.float(`COUNT(DISTINCT ${col(d, p.id)})`)} AS ids`];
  p.columns.forEach((c, i) => {
    if (c.kind !== 'string') return;
    const v = d.text(col(d, c.name));
    parts.push(`${d.float(`COUNT(${col(d, c.name)})`)} AS nn${i}`);
    parts.push(`${d.float(`AVG(LENGTH(${v}))`)} AS len${i}`);
    parts.push(`${d.float(`COUNT(DISTINCT ${v})`)} AS nd${i}`);
    // Regular expressions kept to the subset POSIX (PostgreSQL), RE2 (BigQuery) and DuckDB share.
    parts.push(`${d.float(`SUM(CASE WHEN ${d.matches(v, '^[^@ ]+@[^@ ]+\\.[A-Za-z]+$')} THEN 1 ELSE 0 END)`)} AS em${i}`);
    parts.push(`${d.float(`SUM(CASE WHEN ${d.matches(v, '^[+(]?[0-9][0-9 ().-]{6,}[0-9]$')} THEN 1 ELSE 0 END)`)} AS ph${i}`);
  });
  return `SELECT ${parts.join(', ')} FROM ${p.relation}`;
}

/** The rows of the hash sample: the m customers with the smallest MD5 of their id (ties by id). */
function sampleRows(p: PlanInput, m: number, select: string): string {
  const d = p.dialect;
  return `SELECT ${select} FROM (SELECT *, ${d.hash32(idText(p))} AS segmenta_h FROM ${p.relation} WHERE ${col(d, p.id)} IS NOT NULL) s ORDER BY segmenta_h, ${d.idOrder(idText(p))} LIMIT ${m}`;
}

/**
 * The sample as text, in id order: read by the data stage like a file, so the sample goes through
 * the very inference and cleaning a file does. When the table has at most m customers the sample
 * is all of them.
 */
export function sampleSql(p: PlanInput, fetch: string[], m: number, hashId = false): string {
  const d = p.dialect;
  // An id that is itself PII (an email as the key) leaves the engine only as its SHA-256.
  const select = fetch.map((name) => `${hashId && name === p.id ? d.sha256(idText(p)) : d.text(col(d, name))} AS ${col(d, name)}`).join(', ');
  return `SELECT * FROM (${sampleRows(p, m, select)}) t ORDER BY ${d.idOrder(col(d, p.id))}`;
}

/** Latest date of each date column over the sample: the data stage's "days before" reference. */
export function asOfSql(p: PlanInput, dates: string[], m: number): string {
  const d = p.dialect;
  const select = dates.map((name, i) => `${d.epoch(col(d, name))} AS e${i}`).join(', ');
  return `SELECT ${dates.map((_, i) => `MAX(e${i}) AS e${i}`).join(', ')} FROM (${sampleRows(p, m, select)}) t`;
}

/** How one feature of the model reads its column in the engine: natural units as read, and cleaned. */
export interface FeatureSource {
  /** The feature's name in the model (a date column's is `<col>_days_ago`). */
  name: string;
  column: string;
  kind: 'number' | 'boolean' | 'date';
  /** The column's type in the engine (a yes/no column may be a string). */
  engineKind: EngineColumn['kind'];
  /** What cleaning filled a missing value with, and the fences it clipped to (natural units). */
  fill: number;
  clip?: { low: number; high: number };
}

export interface CategorySource {
  name: string;
  column: string;
}

/** The value as read, in natural units (NULL when missing): what profiles average. */
export function rawSql(d: Dialect, f: FeatureSource, asOf: number): string {
  const c = col(d, f.column);
  if (f.kind === 'date') return `(${num(d, asOf)} - ${d.epoch(c)}) / ${num(d, 86400)}`;
  if (f.kind === 'boolean') {
    if (f.engineKind === 'boolean') return `CASE WHEN ${c} THEN ${num(d, 1)} WHEN NOT ${c} THEN ${num(d, 0)} END`;
    const v = `LOWER(TRIM(${d.text(c)}))`;
    return `CASE WHEN ${v} IN (${list(d, YES)}) THEN ${num(d, 1)} WHEN ${v} IN (${list(d, NO)}) THEN ${num(d, 0)} END`;
  }
  return d.float(c);
}

/** A categorical level as the data stage reads it: trimmed text, missing markers → "(missing)". */
export function levelSql(d: Dialect, column: string): string {
  const v = `TRIM(${d.text(col(d, column))})`;
  return `CASE WHEN ${col(d, column)} IS NULL OR LOWER(${v}) IN (${list(d, MISSING_MARKERS)}) THEN ${d.str(MISSING_LEVEL)} ELSE ${v} END`;
}

/**
 * The customer's vector, one expression per dimension, exactly as src/embed/ computes it:
 * cleaned (filled, clipped), transformed, robust-scaled, clipped to the fences, rounded to
 * float32, times the block and feature weight, rounded to float32 again.
 */
export function vectorSql(d: Dialect, model: EmbeddingModel, features: FeatureSource[], categories: CategorySource[], asOf: number): string[] {
  const out: string[] = [];
  for (const block of model.blocks) {
    const weight = (c: number) => block.weight * (block.featureWeights?.[c] ?? 1);
    if (block.kind === 'numeric') {
      model.numeric.forEach((p, c) => {
        const f = features.find((x) => x.name === p.name);
        if (!f) throw new Error(`warehouse plan: no source for numeric feature ${p.name} (internal)`);
        let x = `COALESCE(${rawSql(d, f, asOf)}, ${num(d, f.fill)})`;
        if (f.clip) x = `LEAST(GREATEST(${x}, ${num(d, f.clip.low)}), ${num(d, f.clip.high)})`;
        const t = p.transform === 'log1p' ? `LN(${num(d, 1)} + GREATEST(${x}, ${num(d, 0)}))` : x;
        const z = `LEAST(GREATEST((${t} - ${num(d, p.center)}) / ${num(d, p.scale)}, ${num(d, p.low)}), ${num(d, p.high)})`;
        out.push(weight(c) === 0 ? num(d, 0) : d.f32(`${d.float(d.f32(z))} * ${num(d, weight(c))}`));
      });
    } else if (block.kind === 'categorical') {
      let c = 0;
      for (const p of model.categorical) {
        const src = categories.find((x) => x.name === p.name);
        if (!src) throw new Error(`warehouse plan: no source for categorical feature ${p.name} (internal)`);
        const level = levelSql(d, src.column);
        const kept = p.levels.filter((l) => l !== p.pooled);
        for (const l of p.levels) {
          const hit = l === p.pooled ? `${level} NOT IN (${list(d, kept)})` : `${level} = ${d.str(l)}`;
          out.push(weight(c) === 0 ? num(d, 0) : `CASE WHEN ${hit} THEN ${d.f32(num(d, weight(c)))} ELSE ${num(d, 0)} END`);
          c++;
        }
      }
    } else {
      // Text: the unit coordinates computed in the engine (text-plan.ts, joined as segmenta_text), the fill where a customer has no vocabulary term.
      const fill = model.text?.fill ?? [];
      for (let c = 0; c < block.width; c++) {
        const x = `COALESCE(segmenta_text.segmenta_t${c}, ${num(d, fill[c] ?? 0)})`;
        out.push(weight(c) === 0 ? num(d, 0) : d.f32(`${d.float(d.f32(x))} * ${num(d, weight(c))}`));
      }
    }
  }
  return out;
}

/** CREATE TABLE IF NOT EXISTS for segmenta's tables. */
export function createTablesSql(d: Dialect, qualify: (t: string) => string): string[] {
  const t = d.types;
  return [
    `CREATE TABLE IF NOT EXISTS ${d.table(qualify(ASSIGNMENTS_TABLE))} (run_id ${t.text}, customer_id ${t.text}, segment ${t.int})`,
    `CREATE TABLE IF NOT EXISTS ${d.table(qualify(AUDIENCES_TABLE))} (run_id ${t.text}, audience_id ${t.text}, segment ${t.int}, name ${t.text}, size ${t.int}, created_at ${t.timestamp})`,
    `CREATE TABLE IF NOT EXISTS ${d.table(qualify(MEMBERSHIPS_TABLE))} (run_id ${t.text}, audience_id ${t.text}, customer_id ${t.text}, customer_id_sha256 ${t.text}, email_sha256 ${t.text})`,
  ];
}

/**
 * Everyone assigned in the engine: the nearest of the k centroids (squared Euclidean distance,
 * first centroid on a tie, as src/cluster/assign.ts), segment ids 1..k as in the Run.
 */
export function assignSql(p: PlanInput, vector: string[], centroids: Float32Array, k: number, runId: string, qualify: (t: string) => string): string {
  const d = p.dialect;
  const dim = vector.length;
  const fs = vector.map((e, i) => `${e} AS f${i}`).join(', ');
  const ds = Array.from({ length: k }, (_, j) => {
    const terms = Array.from({ length: dim }, (_, i) => `(f${i} - ${num(d, centroids[j * dim + i])}) * (f${i} - ${num(d, centroids[j * dim + i])})`);
    return `${terms.join(' + ')} AS d${j}`;
  }).join(', ');
  const dList = Array.from({ length: k }, (_, j) => `d${j}`).join(', ');
  const nearest = k === 1 ? '1' : `CASE ${Array.from({ length: k }, (_, j) => `WHEN d${j} = m THEN ${j + 1}`).join(' ')} END`;
  const least = k === 1 ? 'd0' : `LEAST(${dList})`;
  return (
    `INSERT INTO ${d.table(qualify(ASSIGNMENTS_TABLE))} (run_id, customer_id, segment) ` +
    `SELECT ${d.str(runId)}, customer_id, ${nearest} FROM (` +
    `SELECT customer_id, ${dList}, ${least} AS m FROM (` +
    `SELECT customer_id, ${ds} FROM (` +
    `SELECT ${idText(p)} AS customer_id, ${fs} FROM ${p.relation} WHERE ${col(d, p.id)} IS NOT NULL${d.fence}` +
    `) v${d.fence}) dist) near`
  );
}

export function deleteRunSql(d: Dialect, table: string, runId: string, qualify: (t: string) => string): string {
  return `DELETE FROM ${d.table(qualify(table))} WHERE run_id = ${d.str(runId)}`;
}

/**
 * segmenta_assignments joined to the customers: the customers' expressions are computed in a
 * subquery of their own, so a column named like one of ours (customer_id, segment) is never ambiguous.
 */
function joined(p: PlanInput, runId: string, qualify: (t: string) => string, inner: string[], outer: string): string {
  const d = p.dialect;
  const from = `(SELECT ${[`${idText(p)} AS segmenta_id`, ...inner].join(', ')} FROM ${p.relation} WHERE ${col(d, p.id)} IS NOT NULL) r`;
  return `${outer} FROM ${from} JOIN ${d.table(qualify(ASSIGNMENTS_TABLE))} a ON a.customer_id = r.segmenta_id AND a.run_id = ${d.str(runId)}`;
}

/** Per segment: size, and for each numeric feature the sum and count of its values as read. */
export function profileNumericSql(p: PlanInput, features: FeatureSource[], asOf: number, runId: string, qualify: (t: string) => string): string {
  const d = p.dialect;
  const parts = [`a.segment AS segment`, `${d.float('COUNT(*)')} AS n`];
  features.forEach((_, i) => parts.push(`${d.float(`SUM(r.x${i})`)} AS s${i}`, `${d.float(`COUNT(r.x${i})`)} AS c${i}`));
  const inner = features.map((f, i) => `${rawSql(d, f, asOf)} AS x${i}`);
  return `${joined(p, runId, qualify, inner, `SELECT ${parts.join(', ')}`)} GROUP BY a.segment ORDER BY a.segment`;
}

/** Per segment and level of one categorical column: the count. */
export function profileCategorySql(p: PlanInput, c: CategorySource, runId: string, qualify: (t: string) => string): string {
  const d = p.dialect;
  return `${joined(p, runId, qualify, [`${levelSql(d, c.column)} AS lv`], `SELECT a.segment AS segment, r.lv AS level, ${d.float('COUNT(*)')} AS n`)} GROUP BY a.segment, r.lv ORDER BY a.segment, r.lv`;
}

export interface AudienceRow {
  audienceId: string;
  segment: number;
  name: string;
  size: number;
}

/** Audiences (one row per exported segment) and memberships with hashed identifiers, written in the engine. */
export function writeBackSql(p: PlanInput, runId: string, audiences: AudienceRow[], email: string | undefined, qualify: (t: string) => string): string[] {
  const d = p.dialect;
  if (audiences.length === 0) return [];
  const values = audiences.map((a) => `(${d.str(runId)}, ${d.str(a.audienceId)}, ${a.segment}, ${d.str(a.name)}, ${a.size}, ${d.now})`).join(', ');
  const emailHash = email ? `CASE WHEN ${col(d, email)} IS NULL THEN NULL ELSE ${d.sha256(`LOWER(TRIM(${d.text(col(d, email))}))`)} END` : 'NULL';
  const segments = audiences.map((a) => a.segment).join(', ');
  const audienceOf = `CASE ${audiences.map((a) => `WHEN a.segment = ${a.segment} THEN ${d.str(a.audienceId)}`).join(' ')} END`;
  return [
    `INSERT INTO ${d.table(qualify(AUDIENCES_TABLE))} (run_id, audience_id, segment, name, size, created_at) VALUES ${values}`,
    `INSERT INTO ${d.table(qualify(MEMBERSHIPS_TABLE))} (run_id, audience_id, customer_id, customer_id_sha256, email_sha256) ` +
      joined(p, runId, qualify, [`${emailHash} AS segmenta_email`], `SELECT ${d.str(runId)}, ${audienceOf}, a.customer_id, ${d.sha256('a.customer_id')}, r.segmenta_email`) +
      ` WHERE a.segment IN (${segments})`,
  ];
}

import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, UsageError } from '../errors.js';
import { readColumns, readRow } from './columnar.js';
import { sqlIdent } from './formats.js';
import type { Source, SourceColumn } from './ingest.js';
import { LIMITS } from './precheck.js';
import { looksLikeInstruction } from '../llm/injection.js';
import { PII_PATTERNS, piiDoubt, piiKindFromName, piiKindOfValue } from '../util/pii.js';
import type { ColumnRole, LoadOptions, NumericUnit, PiiKind } from '../model/data.js';
import { CURRENCY_RE, numberFormatSql, NUMBER_EU_RE, NUMBER_US_RE } from './number-formats.js';
import { needsSegmentation, words } from '../util/tokenize.js';
import { displayWidth } from '../util/script.js';

/**
 * Schema inference in two cheap passes over the loaded table: an evenly spaced sample of the
 * text columns (type detection and PII value patterns, in JS), then one full pass that counts,
 * estimates distinct values and confirms each candidate type on every row with DuckDB's own
 * casts (so a bad cell on the last row is still found).
 * Decisions are plain code over those numbers, each with a short reason the user is shown.
 */

/** How a planned column's values are parsed from the source. */
export type ParseAs = 'typed' | 'number' | 'number_us' | 'number_eu' | 'yesno' | 'iso' | 'mdy' | 'dmy' | 'dmy_dot';

export interface ColumnPlan {
  name: string;
  sourceType: string;
  typeClass: SourceColumn['typeClass'];
  role: ColumnRole;
  reason: string;
  piiKind?: PiiKind;
  overridden?: boolean;
  parse?: ParseAs;
  /** Dates: the index in strptimeFormats(parse) most of the sample is written in, tried first (dateSql). */
  dateFormat?: number;
  /** Numbers written with a % sign (read as 0..1), or currency symbols: the unit shown. */
  unit?: NumericUnit;
  /** Set when the column is dropped (all empty, constant): recorded in the data-quality summary. */
  dropped?: string;
  /** Approximate distinct values ÷ non-empty values (HyperLogLog, over every row): how much DISTINCT would save. */
  distinctShare?: number;
}

/** Type detection counts, on the sample. */
export interface SampleStats {
  nonNull: number;
  numbers: number;
  /** Numbers with thousands separators, currency symbols or % that read only one way: 1,234.50 vs 1.234,50. */
  usNumbers: number;
  euNumbers: number;
  /** Formatted numbers that read both ways ("$12", "1,234"). */
  eitherNumbers: number;
  percent: number;
  currency: number;
  iso: number;
  mdy: number;
  dmy: number;
  dmyDot: number;
  yesNo: number;
  avgLength: number;
  spaces: number;
}

export interface ColumnStats {
  /** Over every row. */
  nonNull: number;
  /** Over every row, approximate (HyperLogLog): used for thresholds, never for uniqueness. */
  distinct: number;
  constant: boolean;
  /** Typed numbers equal to 0 or 1. */
  zeroOne: number;
  sample: SampleStats;
  /** The text column's candidate parse (from the sample) and how many of all values it reads. */
  candidate?: ParseAs;
  parsed?: number;
  /** A date candidate's most common format in the sample (ColumnPlan.dateFormat). */
  dateFormat?: number;
}

export interface Inference {
  rows: number;
  columns: ColumnPlan[];
  /** Undefined when no column can be the id: rows are then numbered. */
  idColumn?: string;
  /** True when the id repeats and a date column exists: an event log. */
  events: boolean;
  /** An event log with an order id column: order lines, aggregated per order, then per customer. */
  orders: boolean;
  warnings: string[];
  overrides: Overrides;
}

/** Longest text cell kept; longer ones are cut (with a warning), so one 1 MB cell cannot swamp a profile. */
export const TEXT_CAP = 10_000;
export const MAX_CATEGORY_LEVELS = 50;
/** Rows (evenly spaced through the file) used for type detection and PII value patterns. */
const SAMPLE_ROWS = 5000;
/** Share of a sample that must parse as numbers (or dates) for the column to be numeric (a date). */
const TYPE_SHARE = 0.8;
/** The id repeats on at least 20% of rows (distinct < 80% of rows) before a file with dates counts as an event log. */
const EVENT_REPEAT_SHARE = 0.8;

export async function inferSchema(conn: DuckDBConnection, source: Source, options: LoadOptions = {}): Promise<Inference> {
  const { file, columns } = source;
  const overrides = resolveOverrides(file, columns, options);
  const { rows, stats, sample } = await columnStats(conn, source);
  const warnings: string[] = [];

  const idColumn = overrides.id ?? chooseIdColumn(columns, stats);
  const plans: ColumnPlan[] = [];
  for (const col of columns) {
    const st = stats.get(col.name)!;
    if (col.name === idColumn) {
      plans.push({
        ...base(col),
        role: 'id',
        reason: overrides.id ? 'given by --id' : 'named like an id',
        overridden: overrides.id ? true : undefined,
        // Whether the load can skip its duplicate-id pass (load.ts allPresentAndUnique).
        distinctShare: st.nonNull > 0 ? Math.min(1, st.distinct / st.nonNull) : undefined,
        // An id that is itself PII (an email used as the key) is still the id, but its values must be scrubbed.
        piiKind: piiKindFromName(col.name) ?? (col.typeClass === 'string' ? piiBySample(sample.get(col.name) ?? [])?.kind : undefined),
      });
      continue;
    }
    const plan = decideRole(col, st, sample.get(col.name) ?? [], overrides);
    if (st.nonNull > 0) plan.distinctShare = Math.min(1, st.distinct / st.nonNull);
    if ((plan.role === 'numeric' || plan.role === 'datetime') && plan.parse !== 'typed' && (st.parsed ?? 0) < st.nonNull) {
      await throwBadCell(conn, source, col.name, st, plan.role === 'numeric' ? 'number' : 'date');
    }
    if (plan.dropped) warnings.push(`${file}, column "${col.name}": ${plan.dropped}; the column was dropped`);
    plans.push(plan);
  }

  const hasDates = plans.some((p) => p.role === 'datetime');
  // "Whatever the id column is called": with no id-like name, a log's customer is the one
  // column of short, repeated codes (every customer has several events) next to a timestamp.
  let id = idColumn;
  if (!id && hasDates && options.events !== false) {
    const repeated = plans.filter((p) => {
      const st = stats.get(p.name)!;
      const smp = sample.get(p.name) ?? [];
      return (
        (p.role === 'categorical' || (p.role === 'ignored' && !p.overridden && !p.dropped)) &&
        st.distinct > MAX_CATEGORY_LEVELS &&
        st.distinct < 0.5 * st.nonNull &&
        st.nonNull >= 0.9 * rows &&
        smp.every((v) => !/\s/.test(v.trim()) && v.length <= 64)
      );
    });
    if (repeated.length === 1) {
      const p = repeated[0];
      p.role = 'id';
      p.reason = 'short codes repeated across rows, beside a timestamp: the customer of an event log';
      id = p.name;
      warnings.push(`${file}, column "${p.name}": no column is named like a customer id; "${p.name}" repeats like one in an event log and is used as the customer id (pass --id COLUMN to choose another)`);
    }
  }
  const keys = plans.filter((p) => p.role === 'code');
  if (!id && keys.length > 0) {
    // A table of orders or payments: segmenting it would make each payment a "customer".
    const shown = keys.slice(0, 3).map((k) => `"${k.name}"`).join(', ');
    throw new InputError(
      { file },
      `no customer column: this table is keyed by ${shown}, not by customer, so its rows are not customers`,
      'Pass --id COLUMN to name the customer column, or join it to a table that has one with --join FILE',
    );
  }

  const idStats = id ? stats.get(id) : undefined;
  // A few repeated ids are an export glitch (deduplicated later); an event log repeats them a lot.
  const idRepeats = !!idStats && idStats.distinct < EVENT_REPEAT_SHARE * idStats.nonNull;
  if (options.events === true && !hasDates) {
    throw new InputError({ file }, 'an event log needs a date or timestamp column, and none was found', 'Add a column with the event time (e.g. 2024-03-01 or 2024-03-01T12:00:00), or load the file as one row per customer');
  }
  if (options.events === true && !id) {
    throw new InputError({ file }, 'an event log needs a customer id column, and none was found', 'Pass the id column with --id COLUMN');
  }
  const logFlag = Object.keys(overrides.log).length > 0;
  if (logFlag) assertLogFlags(file, plans, overrides, hasDates);
  const events = options.events === true || (options.events !== false && ((idRepeats && hasDates) || (logFlag && !!id && hasDates)));
  const orders = events && (!!overrides.log.orderId || plans.some((p) => p.role === 'code' && /order id/.test(p.reason)));
  return { rows, columns: plans, idColumn: id, events, orders, warnings, overrides };
}

/** A log-role flag naming a column of the wrong kind is the user's error, said before anything is aggregated. */
function assertLogFlags(file: string, plans: ColumnPlan[], overrides: Overrides, hasDates: boolean): void {
  const want: Partial<Record<LogRole, [ColumnRole[], string]>> = {
    time: [['datetime'], 'dates or times'],
    amount: [['numeric'], 'numbers'],
    quantity: [['numeric'], 'numbers'],
    price: [['numeric'], 'numbers'],
  };
  for (const role of Object.keys(overrides.log) as LogRole[]) {
    const name = overrides.log[role]!;
    const w = want[role];
    const p = plans.find((q) => q.name === name);
    if (w && p && !w[0].includes(p.role)) {
      throw new InputError({ file, column: name }, `given by ${LOG_FLAGS[role]}, but its values are not ${w[1]} (read as ${p.role}: ${p.reason})`, `Name a column of ${w[1]} with ${LOG_FLAGS[role]}`);
    }
  }
  if (!hasDates) {
    throw new InputError({ file }, `${Object.keys(overrides.log).map((r) => LOG_FLAGS[r as LogRole]).join(', ')} describe an event or order-line log, which needs a date or time column, and none was found`, 'Pass --time COLUMN, or leave these flags out for a file with one row per customer');
  }
}

function base(col: SourceColumn): Pick<ColumnPlan, 'name' | 'sourceType' | 'typeClass'> {
  return { name: col.name, sourceType: col.sourceType, typeClass: col.typeClass };
}

export interface Overrides {
  id?: string;
  ignore: Set<string>;
  text: Set<string>;
  /** Log roles named by flags (--order-id, --time, --amount, --quantity, --price, --category). */
  log: Partial<Record<LogRole, string>>;
}

export type LogRole = 'orderId' | 'time' | 'amount' | 'quantity' | 'price' | 'category';
const LOG_FLAGS: Record<LogRole, string> = { orderId: '--order-id', time: '--time', amount: '--amount', quantity: '--quantity', price: '--price', category: '--category' };

/** Map --id/--ignore/--text names to the file's columns (exact, then case-insensitive). */
function resolveOverrides(file: string, columns: SourceColumn[], options: LoadOptions): Overrides {
  const names = columns.map((c) => c.name);
  const find = (flag: string, name: string): string => {
    const exact = names.find((n) => n === name) ?? names.find((n) => n.toLowerCase() === name.trim().toLowerCase());
    if (exact) return exact;
    const shown = names.length > 30 ? `${names.slice(0, 30).join(', ')}, … (${names.length - 30} more)` : names.join(', ');
    throw new InputError({ file, column: name }, `there is no such column (given by ${flag})`, `Columns in this file: ${shown}`);
  };
  const id = options.idColumn !== undefined ? find('--id', options.idColumn) : undefined;
  const ignore = new Set((options.ignore ?? []).filter((s) => s.trim()).map((n) => find('--ignore', n)));
  const text = new Set((options.text ?? []).filter((s) => s.trim()).map((n) => find('--text', n)));
  for (const n of text) if (ignore.has(n)) throw new UsageError(`column "${n}" is given to both --ignore and --text; pick one`);
  if (id && (ignore.has(id) || text.has(id))) throw new UsageError(`column "${id}" is the --id column and cannot also be given to --ignore or --text`);
  const log: Overrides['log'] = {};
  for (const role of Object.keys(LOG_FLAGS) as LogRole[]) {
    const given = options[role];
    if (given === undefined || !given.trim()) continue;
    const name = find(LOG_FLAGS[role], given);
    if (name === id || ignore.has(name)) throw new UsageError(`column "${name}" is given to ${LOG_FLAGS[role]} and also to ${name === id ? '--id' : '--ignore'}; pick one`);
    log[role] = name;
  }
  return { id, ignore, text, log };
}

// Names that say "this is the customer": ranked, most specific first.
const ID_STRONG = /^(customer|cust|client|user|member|account|contact|shopper|buyer|person|subscriber|patient|player)[-_ ]?(id|key|no|num|number|code|ref)$/i;
const ID_PLAIN = /^(id|uid|uuid|key)$/i;
// The customer named in one word, in the languages exports come in (an event log's `user`, a German `Kunde`).
const ID_BARE = /^(customer|cust|client|user|username|member|account|shopper|buyer|subscriber|player|kunde|kundin|kunden[-_ ]?(nr|nummer|id)|kundennummer|kdnr|cliente|n[°º]?[-_ ]?client|utilisateur|usuario|utente|nutzer|benutzer|klant|klantnummer|kund|kundnummer|asiakas)$/i;
const ID_WEAK = /(^|[-_ ])id$|[a-z]Id$/;
const ID_NOT_CUSTOMER = /order|transaction|txn|event|product|session|item|sku|invoice|line|payment|visit|campaign|store|shop|category|device|request/i;

export function chooseIdColumn(columns: SourceColumn[], stats: Map<string, ColumnStats>): string | undefined {
  const usable = columns.filter((c) => (c.typeClass === 'string' || c.typeClass === 'number') && (stats.get(c.name)?.nonNull ?? 0) > 0);
  for (const test of [ID_STRONG, ID_BARE, ID_PLAIN]) {
    const hit = usable.find((c) => test.test(c.name.trim()));
    if (hit) return hit.name;
  }
  return usable.find((c) => ID_WEAK.test(c.name.trim()) && !ID_NOT_CUSTOMER.test(c.name))?.name;
}

/** The role of one non-id column from its statistics and a sample of its values. */
export function decideRole(col: SourceColumn, st: ColumnStats, sample: string[], overrides: Overrides): ColumnPlan {
  const b = base(col);
  if (overrides.ignore.has(col.name)) return { ...b, role: 'ignored', reason: 'given by --ignore', overridden: true };
  if (overrides.text.has(col.name)) return { ...b, role: 'text', reason: 'given by --text', overridden: true };
  if (st.nonNull === 0) return { ...b, role: 'ignored', reason: 'all values empty (dropped)', dropped: 'all values are empty' };
  if (col.typeClass === 'other') return { ...b, role: 'ignored', reason: `${col.sourceType} values are not used` };

  // A column name or category values that read like instructions to a model are left out (and
  // reported): they would reach prompts and texts as labels. Free text is handled downstream.
  if (looksLikeInstruction(col.name)) return { ...b, role: 'ignored', reason: 'the column name reads like an instruction to a model (left out)', dropped: 'its name reads like an instruction to a model' };
  const nameKind = piiKindFromName(col.name);
  if (nameKind) return { ...b, role: 'pii', piiKind: nameKind, reason: `name says ${piiLabel(nameKind)}; never a feature` };
  if (col.typeClass === 'string') {
    const valueKind = piiBySample(sample);
    if (valueKind) return { ...b, role: 'pii', piiKind: valueKind.kind, reason: `values look like ${piiLabel(valueKind.kind)} (${valueKind.share}% of a sample); never a feature` };
    // Unclear (maybe person names): left out as PII — its values are scrubbed too — and reported.
    const doubt = piiDoubt(col.name, sample);
    if (doubt) return { ...b, role: 'pii', piiKind: 'name', reason: `${doubt}; left out as PII (--text to use it)`, dropped: `${doubt}, so it is treated as PII` };
  }
  if (st.constant) return { ...b, role: 'ignored', reason: 'one value only (dropped)', dropped: 'every value is the same' };
  const logRole = (Object.keys(overrides.log) as LogRole[]).find((r) => overrides.log[r] === col.name);
  if (logRole === 'orderId') return { ...b, role: 'code', reason: 'order id (given by --order-id)', overridden: true };
  const code = codeKind(col, st, sample);
  if (code && !logRole) return { ...b, role: 'code', reason: `${code} (an identifier, not a number or a feature)` };

  switch (col.typeClass) {
    case 'boolean':
      return { ...b, role: 'boolean', parse: 'typed', reason: 'true/false' };
    case 'date':
      return { ...b, role: 'datetime', parse: 'typed', reason: `dates → ${col.name}_days_ago` };
    case 'number':
      if (st.zeroOne === st.nonNull) return { ...b, role: 'boolean', parse: 'typed', reason: '0/1 values' };
      return { ...b, role: 'numeric', parse: 'typed', reason: `numbers, ~${fmtInt(st.distinct)} distinct` };
    default:
      break;
  }

  // Text cells: booleans, numbers and dates written as text (a few bad cells included: the
  // caller reports those), then free text and categories.
  const s = st.sample;
  if (st.candidate === 'yesno' && st.parsed === st.nonNull) return { ...b, role: 'boolean', parse: 'yesno', reason: 'yes/no values' };
  if (st.candidate === 'number') return { ...b, role: 'numeric', parse: 'number', reason: `numbers, ~${fmtInt(st.distinct)} distinct` };
  if (st.candidate === 'number_us' || st.candidate === 'number_eu') {
    const percent = s.percent >= 0.5 * s.nonNull;
    const money = s.currency >= 0.5 * s.nonNull;
    const how = [st.candidate === 'number_eu' ? 'decimal comma' : undefined, percent ? '% → 0..1' : undefined, money ? 'currency sign' : undefined].filter(Boolean).join(', ');
    return {
      ...b,
      role: 'numeric',
      parse: st.candidate,
      ...(percent ? { unit: 'rate' as const } : money ? { unit: 'money' as const } : {}),
      reason: `numbers${how ? ` (${how})` : ''}, ~${fmtInt(st.distinct)} distinct`,
    };
  }
  if (st.candidate === 'iso' || st.candidate === 'mdy' || st.candidate === 'dmy' || st.candidate === 'dmy_dot') {
    const fmt = st.candidate === 'mdy' ? ', mm/dd/yyyy' : st.candidate === 'dmy' ? ', dd/mm/yyyy' : st.candidate === 'dmy_dot' ? ', dd.mm.yyyy' : '';
    return { ...b, role: 'datetime', parse: st.candidate, dateFormat: st.dateFormat, reason: `dates${fmt} → ${col.name}_days_ago` };
  }
  // Free text: mostly several words, and varied (a handful of repeated sentences is a category).
  if (s.spaces >= 0.5 * s.nonNull && s.avgLength >= 15 && st.distinct >= Math.min(MAX_CATEGORY_LEVELS, 0.5 * st.nonNull)) {
    return { ...b, role: 'text', reason: `free text, ~${fmtInt(st.distinct)} distinct, ~${Math.round(s.avgLength)} chars` };
  }
  const categorical = s.avgLength <= 100 && (st.distinct <= MAX_CATEGORY_LEVELS || (st.distinct <= 0.05 * st.nonNull && st.distinct <= 1000));
  if (categorical && sample.some((v) => looksLikeInstruction(v))) {
    return { ...b, role: 'ignored', reason: 'some values read like instructions to a model (left out)', dropped: 'some of its values read like instructions to a model' };
  }
  if (categorical) return { ...b, role: 'categorical', reason: `${fmtInt(st.distinct)} levels` };
  return {
    ...b,
    role: 'ignored',
    reason: `~${fmtInt(st.distinct)} distinct short values (codes?): too many for a category; --category or --text to use it`,
  };
}

// Identifier-like codes: order and invoice numbers, product codes. Mostly digits, so without
// this they read as "numbers with a few bad cells" (C536379, 85123A) or as meaningless amounts.
export const ORDER_NAME = /^(order|invoice|inv|transaction|txn|receipt|ticket|basket|cart|bestellung|bestell|auftrag|rechnung|beleg|commande|facture|pedido|factura|ordine|fattura)[-_ ]?(id|no|nr|num|number|nummer|numero|número|ref|code|key)?$/i;
export const PRODUCT_NAME = /^(stock|product|prod|item|article|artikel|sku|ean|upc|gtin|barcode|art|material|produit|producto|prodotto)[-_ ]?(id|no|nr|num|number|nummer|code|ref|key)?$/i;
export const OTHER_KEY_NAME = /^(payment|shipment|delivery|line|order[-_ ]?line|order[-_ ]?item|session|visit|event|request|review|ticket|invoice[-_ ]?line)[-_ ]?(id|no|nr|num|number|key|ref)$/i;
const CODE_VALUE = /^[A-Za-z]{0,4}[-_]?\d{2,}[A-Za-z]{0,4}$|^[0-9a-fA-F]{8,}(-[0-9a-fA-F]{4,})*$|^[A-Za-z0-9]{2,}[-_][A-Za-z0-9-_]+$/;

/** Which kind of identifier a column holds, if its name and values both say so. */
export function codeKind(col: SourceColumn, st: ColumnStats, sample: string[]): 'order id' | 'product code' | 'key' | undefined {
  const name = col.name.trim();
  const kind = ORDER_NAME.test(name) ? 'order id' : PRODUCT_NAME.test(name) ? 'product code' : OTHER_KEY_NAME.test(name) ? 'key' : undefined;
  if (!kind) return undefined;
  if (col.typeClass === 'number') return st.distinct > MAX_CATEGORY_LEVELS ? kind : undefined;
  if (col.typeClass !== 'string') return undefined;
  const values = sample.filter((v) => v.trim() !== '');
  if (values.length === 0) return undefined;
  const codes = values.filter((v) => CODE_VALUE.test(v.trim())).length;
  return codes >= 0.8 * values.length ? kind : undefined;
}

/** The parse a text column's sample supports, if any: yes/no, numbers (plain or formatted), or one date format. */
export function candidateParse(s: SampleStats): ParseAs | undefined {
  if (s.nonNull === 0) return undefined;
  if (s.yesNo === s.nonNull) return 'yesno';
  if (s.numbers >= TYPE_SHARE * s.nonNull) return 'number';
  // Formatted numbers: read the way the unambiguous values say (352,88 → decimal comma).
  if (s.numbers + s.usNumbers + s.euNumbers + s.eitherNumbers >= TYPE_SHARE * s.nonNull) {
    if (s.euNumbers > 0 && s.usNumbers === 0) return 'number_eu';
    if (s.usNumbers > 0 && s.euNumbers === 0) return 'number_us';
    if (s.usNumbers === 0 && s.euNumbers === 0) return 'number_us';
    return s.euNumbers > s.usNumbers ? 'number_eu' : 'number_us';
  }
  const best = (['iso', 'mdy', 'dmy', 'dmyDot'] as const).reduce((a, k) => (s[k] > s[a] ? k : a), 'iso' as 'iso' | 'mdy' | 'dmy' | 'dmyDot');
  if (s[best] < TYPE_SHARE * s.nonNull) return undefined;
  return best === 'dmyDot' ? 'dmy_dot' : best;
}

/** Share of sampled values that match one PII kind, when it is a clear majority. */
export function piiBySample(sample: string[]): { kind: PiiKind; share: number } | undefined {
  const values = sample.filter((v) => v.trim() !== '');
  if (values.length === 0) return undefined;
  const counts = new Map<PiiKind, number>();
  // Each distinct value is judged once: a sample repeats most of its values (ages, categories,
  // canned reviews), and the PII patterns cost ~10 µs a value (piiBySample was ~1 s of a 1M
  // customer ingest's cpu-prof: 16 columns × 5,000 values).
  const judged = new Map<string, PiiKind | null>();
  for (const v of values) {
    let kind = judged.get(v);
    if (kind === undefined) judged.set(v, (kind = piiKindOfValue(v) ?? (ADDRESS_START.test(v) ? 'address' : null)));
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  let best: PiiKind | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  if (!best || n < 0.5 * values.length) return undefined;
  // Two capitalised words are also cities and product names: a name column is mostly distinct.
  if (best === 'name' && new Set(values).size < 0.5 * values.length) return undefined;
  return { kind: best, share: Math.round((100 * n) / values.length) };
}

/** "12 Maple Street, Springfield": an address followed by a town, which the whole-value pattern misses. */
const ADDRESS_START = new RegExp(`^${PII_PATTERNS.address.source}`);

function piiLabel(kind: PiiKind): string {
  return kind === 'email' ? 'emails' : kind === 'phone' ? 'phone numbers' : kind === 'name' ? 'person names' : kind === 'address' ? 'street addresses' : kind === 'ip' ? 'IP addresses' : 'personal data';
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A boolean SQL expression: does this (non-null) text value read as `parse`? */
function parsesSql(q: string, parse: ParseAs, dateFormat?: number): string {
  switch (parse) {
    case 'number':
      return `coalesce(isfinite(TRY_CAST(${q} AS DOUBLE)), false)`;
    case 'number_us':
    case 'number_eu':
      return `coalesce(isfinite(${numberFormatSql(q, parse)}), false)`;
    case 'iso':
    case 'mdy':
    case 'dmy':
    case 'dmy_dot':
      return `${dateSql(q, parse, dateFormat)} IS NOT NULL`;
    case 'yesno':
      return `lower(${q}) IN ('yes', 'no', 'y', 'n', 'true', 'false', 't', 'f', '0', '1')`;
    default:
      return 'true';
  }
}

// Detection runs in JS on the sample: patterns that DuckDB's casts accept (the full pass then
// confirms every row with the cast itself). Failing TRY_CASTs in SQL measured ~1 s per 100k rows.
const NUMBER_RE = /^\s*[+-]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const ISO_RE = /^\s*\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?';
const SLASH_DATE_RE = new RegExp(`^\\s*(\\d{1,2})/(\\d{1,2})/\\d{4}${TIME}\\s*$`);
const DOT_DATE_RE = new RegExp(`^\\s*(\\d{1,2})\\.(\\d{1,2})\\.\\d{4}${TIME}\\s*$`);
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'true', 'false', 't', 'f', '0', '1']);

/**
 * The SQL that reads a text cell as a TIMESTAMP in one of the date formats (with or without a time).
 *
 * The value gets one trailing space (DuckDB's strptime skips trailing spaces, so what parses
 * is unchanged) because DuckDB's StrpTimeFormat::Parse (1.5.6, and main as of 2026-12) compares
 * a format's literal with the next byte without checking the value's length: "30.11.2011 23:59"
 * tried against "… %H:%M:%S" reads the byte after "59". That byte is usually garbage that fails
 * the match, but when the value is the last one in a string heap that ends a mapped page the
 * read faults: the intermittent SIGSEGV (exit 139, nothing printed) of test/e2e/order-lines
 * (two core dumps, both here, both at the byte after a 15/16-char date ending on a page
 * boundary). With the space, every literal the parser can reach is compared with a byte of the
 * value. test/data/strptime-bounds.test.ts checks that on every format and shape of value.
 */
export function dateSql(q: string, parse: 'iso' | 'mdy' | 'dmy' | 'dmy_dot', first = 0): string {
  if (parse === 'iso') return `TRY_CAST(${q} AS TIMESTAMP)`;
  // The file's own format first: a value matches at most one of the formats, so the order
  // changes only the cost. Each failed format costs a full try: on 10M "12/1/2010 8:26" dates,
  // seconds-first took 7.7 s of CPU, minutes-first 2.0 s (bench/order-lines.ts, DuckDB 1.5).
  const formats = strptimeFormats(parse);
  const ordered = [formats[first] ?? formats[0], ...formats.filter((_, i) => i !== (formats[first] ? first : 0))];
  return `try_strptime(${strptimeValueSql(q)}, [${ordered.map((f) => `'${f}'`).join(', ')}])`;
}

/** Which of strptimeFormats' four shapes most sample values have (ties → the earlier): by colons and a "T". */
export function commonDateFormat(sample: readonly string[]): number {
  const counts = [0, 0, 0, 0];
  for (const v of sample) {
    const t = v.trim();
    const colons = t.split(':').length - 1;
    counts[/\dT\d/.test(t) ? 2 : colons >= 2 ? 0 : colons === 1 ? 1 : 3]++;
  }
  return counts.indexOf(Math.max(...counts));
}

/** The text strptime is given: trimmed, plus the one space that keeps DuckDB's parser inside it (above). */
export function strptimeValueSql(q: string): string {
  return `trim(${q}) || ' '`;
}

/** The formats a day-month-year column is tried in, first match wins: with seconds, minutes, ISO-style T, date only. */
export function strptimeFormats(parse: 'mdy' | 'dmy' | 'dmy_dot'): string[] {
  const d = parse === 'mdy' ? '%m/%d/%Y' : parse === 'dmy' ? '%d/%m/%Y' : '%d.%m.%Y';
  return [`${d} %H:%M:%S`, `${d} %H:%M`, `${d}T%H:%M:%S`, d];
}

export function sampleStats(values: readonly string[]): SampleStats {
  const s: SampleStats = { nonNull: values.length, numbers: 0, usNumbers: 0, euNumbers: 0, eitherNumbers: 0, percent: 0, currency: 0, iso: 0, mdy: 0, dmy: 0, dmyDot: 0, yesNo: 0, avgLength: 0, spaces: 0 };
  let length = 0;
  for (const v of values) {
    // Chinese or Japanese text has no spaces and twice the meaning per character: a value holds
    // "several words" when the tokenizer finds them, and its length counts display columns.
    const spaceless = needsSegmentation(v);
    length += spaceless ? displayWidth(v) : v.length;
    if (v.includes(' ') || (spaceless && words(v).length >= 3)) s.spaces++;
    if (YES_NO.has(v.trim().toLowerCase())) s.yesNo++;
    if (NUMBER_RE.test(v)) s.numbers++;
    else if (ISO_RE.test(v)) s.iso++;
    else if (DOT_DATE_RE.test(v)) {
      const m = DOT_DATE_RE.exec(v)!;
      if (Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1 && Number(m[1]) <= 31) s.dmyDot++;
    } else {
      const m = SLASH_DATE_RE.exec(v);
      if (m) {
        const [a, b] = [Number(m[1]), Number(m[2])];
        if (a >= 1 && a <= 12 && b >= 1 && b <= 31) s.mdy++;
        if (b >= 1 && b <= 12 && a >= 1 && a <= 31) s.dmy++;
      } else {
        const us = NUMBER_US_RE.test(v);
        const eu = NUMBER_EU_RE.test(v);
        if (us && eu) s.eitherNumbers++;
        else if (us) s.usNumbers++;
        else if (eu) s.euNumbers++;
        if ((us || eu) && v.includes('%')) s.percent++;
        if ((us || eu) && CURRENCY_RE.test(v)) s.currency++;
      }
    }
  }
  s.avgLength = values.length ? length / values.length : 0;
  return s;
}

async function columnStats(
  conn: DuckDBConnection,
  source: Source,
): Promise<{ rows: number; stats: Map<string, ColumnStats>; sample: Map<string, string[]> }> {
  const { relation, columns } = source;
  const rows = Number((await readRow(conn, `SELECT CAST(count(*) AS DOUBLE) AS n FROM ${relation}`)).n ?? 0);

  // Pass 1: an evenly spaced sample of the text columns, for type detection and PII patterns.
  const step = Math.max(1, Math.ceil(rows / SAMPLE_ROWS));
  const strings = columns.filter((c) => c.typeClass === 'string');
  const sample = new Map<string, string[]>();
  if (strings.length > 0) {
    const res = await readColumns(
      conn,
      `SELECT ${strings.map((c) => `left(${sqlIdent(c.name)}, 200)`).join(', ')} FROM ${relation} WHERE rowid % ${step} = 0 LIMIT ${SAMPLE_ROWS}`,
      strings.map(() => 'str'),
    );
    strings.forEach((c, i) => {
      const col = res.columns[i];
      if (col.kind === 'str') sample.set(c.name, col.values.filter((v): v is string => v !== null));
    });
  }

  // Pass 2: every row: counts, distinct estimates, constancy, and each text column's candidate type confirmed.
  const parts: string[] = ['1 AS "_"'];
  const candidates = new Map<string, { stats: SampleStats; parse?: ParseAs; dateFormat?: number }>();
  columns.forEach((col, i) => {
    const q = sqlIdent(col.name);
    parts.push(`CAST(count(${q}) AS DOUBLE) AS "s${i}_nonNull"`);
    if (col.typeClass === 'other') return;
    parts.push(`CAST(approx_count_distinct(${q}) AS DOUBLE) AS "s${i}_distinct"`);
    parts.push(`CAST(coalesce(min(${q}) = max(${q}), false) AS VARCHAR) AS "s${i}_constant"`);
    if (col.typeClass === 'number') parts.push(`CAST(count(*) FILTER (WHERE ${q} IN (0, 1)) AS DOUBLE) AS "s${i}_zeroOne"`);
    if (col.typeClass === 'string') {
      // Longest cell in bytes, for the cell-size cap (free in this scan: strlen is a byte count).
      parts.push(`CAST(coalesce(max(strlen(${q})), 0) AS DOUBLE) AS "s${i}_maxBytes"`);
      const stats = sampleStats(sample.get(col.name) ?? []);
      const parse = candidateParse(stats);
      const dateFormat = parse === 'mdy' || parse === 'dmy' || parse === 'dmy_dot' ? commonDateFormat(sample.get(col.name) ?? []) : undefined;
      candidates.set(col.name, { stats, parse, dateFormat });
      if (parse) parts.push(`CAST(count(*) FILTER (WHERE ${parsesSql(q, parse, dateFormat)}) AS DOUBLE) AS "s${i}_parsed"`);
    }
  });
  const row = await readRow(conn, `SELECT ${parts.join(', ')} FROM ${relation}`);
  for (const [i, col] of columns.entries()) {
    if (Number(row[`s${i}_maxBytes`] ?? 0) > LIMITS.maxCellBytes) await throwHugeCell(conn, source, col.name);
  }
  const stats = new Map<string, ColumnStats>();
  columns.forEach((col, i) => {
    const get = (key: string) => Number(row[`s${i}_${key}`] ?? 0);
    const cand = candidates.get(col.name);
    stats.set(col.name, {
      nonNull: get('nonNull'),
      distinct: get('distinct'),
      constant: row[`s${i}_constant`] === 'true',
      zeroOne: get('zeroOne'),
      sample: cand?.stats ?? sampleStats([]),
      candidate: cand?.parse,
      dateFormat: cand?.dateFormat,
      parsed: cand?.parse ? get('parsed') : undefined,
    });
  });
  return { rows, stats, sample };
}

/** A cell past LIMITS.maxCellBytes: one line naming its row and column (the first such cell). */
async function throwHugeCell(conn: DuckDBConnection, source: Source, column: string): Promise<never> {
  const q = sqlIdent(column);
  const hit = await readRow(conn, `SELECT CAST(rowid AS DOUBLE) AS r, CAST(strlen(${q}) AS DOUBLE) AS n FROM ${source.relation} WHERE strlen(${q}) > ${LIMITS.maxCellBytes} ORDER BY rowid LIMIT 1`);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new InputError(
    { file: source.file, row: typeof hit.r === 'number' ? hit.r + 1 : undefined, column },
    `this cell holds ${mb(Number(hit.n))} of text; segmenta reads cells of at most ${mb(LIMITS.maxCellBytes)}`,
    'Shorten or blank the cell (only the first 10,000 characters of a text cell are used anyway)',
  );
}

/**
 * Text in a numeric (or date) column is an error naming the first bad cell, not a silent NaN:
 * a value we cannot read is more often a broken export than a missing value, and the fix is
 * the user's to choose (blank the cell, or --ignore/--text the column).
 */
async function throwBadCell(conn: DuckDBConnection, source: Source, column: string, st: ColumnStats, kind: 'number' | 'date'): Promise<never> {
  const q = sqlIdent(column);
  const good = st.parsed ?? 0;
  const bad = st.nonNull - good;
  const hit = await readRow(
    conn,
    `SELECT CAST(rowid AS DOUBLE) AS r, CAST(left(${q}, 40) AS VARCHAR) AS v FROM ${source.relation} ` +
      `WHERE ${q} IS NOT NULL AND NOT (${parsesSql(q, st.candidate ?? 'number', st.dateFormat)}) ORDER BY rowid LIMIT 1`,
  );
  const row = typeof hit.r === 'number' ? hit.r + 1 : undefined;
  throw new InputError(
    { file: source.file, row, column },
    `"${hit.v ?? '?'}" is not a ${kind}, but ${fmtInt(good)} of the ${fmtInt(st.nonNull)} values in this column are (${fmtInt(bad)} such cell${bad === 1 ? '' : 's'})`,
    kind === 'number'
      ? `Fix or blank ${bad === 1 ? 'that cell' : 'those cells'} (blank cells are filled in), or pass --ignore ${column} to leave the column out${/[A-Za-z]\d|\d[A-Za-z]/.test(String(hit.v ?? '')) ? ` (if it holds codes or order numbers: --order-id ${column})` : ''}`
      : `Fix or blank ${bad === 1 ? 'that cell' : 'those cells'} (blank cells are filled in), write the dates one way (2024-03-01, 01.03.2024 or 03/01/2024), or pass --ignore ${column}`,
  );
}

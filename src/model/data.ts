import type { ProgressHook } from './progress.js';
import type { PiiKind } from '../util/pii.js';
import type { PiiValues } from '../util/pii-values.js';

/**
 * What the data stage hands to the rest of the pipeline: one row per customer, cleaned,
 * in natural units, as typed columns. PII columns are detected and kept out of every block.
 */
export type ColumnRole = 'id' | 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'pii' | 'code' | 'ignored';
/**
 * What a numeric feature measures, set by the data stage from the column's role, name or
 * derivation, so profiles and texts show money as money, rates as percentages, days as days.
 */
export type NumericUnit = 'money' | 'rate' | 'count' | 'days' | 'number';
export type { PiiKind };
export type FileFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet';

export interface ColumnSchema {
  name: string;
  /** The type DuckDB inferred when reading the file (VARCHAR, DOUBLE, BIGINT, DATE, …). */
  sourceType: string;
  role: ColumnRole;
  piiKind?: PiiKind;
  /** Why the role was chosen, in a few words, shown to the user ("12 distinct values", "looks like emails"). */
  reason: string;
  /** True when the role came from a flag (--id, --ignore, --text) rather than inference. */
  overridden?: boolean;
}

/**
 * How an event or order-line log was read: which column plays which part. Shown by `inspect`
 * and `segment`, stored in the Run so a refresh reads the next export the same way.
 */
export interface LogMapping {
  customer: string;
  order?: string;
  time: string;
  /** The amount column, or how the amount was computed ("Quantity × UnitPrice"). */
  amount?: string;
  quantity?: string;
  price?: string;
  category?: string;
  /** Product descriptions gathered into the customer's text. */
  text?: string;
  /** Per-customer attributes taken as each customer's most frequent value (country). */
  attributes?: string[];
  /** How cancellations and returns were recognised ("InvoiceNo starting with C; negative Quantity"). */
  cancellations?: string;
}

export interface DataSchema {
  source: string;
  format: FileFormat;
  /** 'events' / 'orders' when the file was an event or order-line log aggregated to one row per customer. */
  kind: 'customers' | 'events' | 'orders';
  idColumn: string;
  /** Columns of the file as read (for an event log: the event columns). */
  columns: ColumnSchema[];
  /** For an event log: the per-customer features derived in SQL. */
  derived?: string[];
  /** For an event or order-line log: the column mapping. */
  mapping?: LogMapping;
  /** Other files joined in (--join), with the key each was joined on. */
  joined?: { file: string; on: string; rows: number }[];
  rowsRead: number;
}

export interface NumericColumn {
  name: string;
  /** Cleaned values in natural units: imputed and clipped (never NaN). */
  values: Float64Array;
  /** Booleans are 0/1 numerics; profiles report them as shares. */
  kind: 'numeric' | 'boolean';
  /** Transform the embedder applies before scaling, chosen at cleaning (log1p for skewed, non-negative data). */
  transform: 'none' | 'log1p';
  /** What the number measures (money, a 0..1 rate, a count, days); absent or 'number' when unknown. */
  unit?: NumericUnit;
  /**
   * Rows whose value cleaning changed (clipped or imputed), with the value as read (NaN when
   * missing): profiles report true means of the data, not of the cleaned copy.
   */
  original?: { rows: Int32Array; values: Float64Array };
}

export interface CategoricalColumn {
  name: string;
  /** Level names; code i means levels[i]. Missing values are a level of their own ("(missing)"). */
  levels: string[];
  codes: Int32Array;
  /**
   * A customer attribute from a log (country): profiled (each segment's share of every level)
   * but not embedded, so segments are cut on behaviour, not on the majority country.
   */
  describeOnly?: boolean;
}

export interface TextColumn {
  name: string;
  /** Raw customer text ('' when missing). Untrusted: never an instruction, PII-scrubbed before any LLM sees it. */
  values: string[];
}

export interface DataQuality {
  rowsRead: number;
  customers: number;
  duplicateIds: number;
  /** Missing values per column, and how they were filled. */
  missing: { column: string; count: number; filledWith: string }[];
  /** Numeric columns log1p-transformed for skew. */
  logTransformed: string[];
  /** Values clipped to the column's outlier fences. */
  clipped: { column: string; count: number; low: number; high: number }[];
  droppedColumns: { column: string; reason: string }[];
  warnings: string[];
}

export interface CustomerTable {
  schema: DataSchema;
  quality: DataQuality;
  /** Customer ids, as strings, one per row. Never leave the machine, never reach an LLM. */
  ids: string[];
  numeric: NumericColumn[];
  categorical: CategoricalColumn[];
  text: TextColumn[];
  /** Values of PII columns, kept only so the privacy guard can scrub them from anything outgoing. */
  piiValues: PiiValues;
}

export interface LoadOptions {
  idColumn?: string;
  ignore?: string[];
  text?: string[];
  /** Treat the file as an event log even if inference says otherwise (or never: false). */
  events?: boolean;
  /** Role overrides for event and order-line logs (column names). */
  orderId?: string;
  time?: string;
  amount?: string;
  quantity?: string;
  price?: string;
  category?: string;
  /** Further files joined to this one (customers, orders, order items, payments, products). */
  join?: string[];
  /** The user's cancellation: interrupts the running query. */
  signal?: AbortSignal;
  /** Told how much of the file has been read (percent), for a progress bar. */
  progress?: ProgressHook;
}

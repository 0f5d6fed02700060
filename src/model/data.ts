import type { PiiKind } from '../util/pii.js';

/**
 * What the data stage hands to the rest of the pipeline: one row per customer, cleaned,
 * in natural units, as typed columns. PII columns are detected and kept out of every block.
 */
export type ColumnRole = 'id' | 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'pii' | 'ignored';
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

export interface DataSchema {
  source: string;
  format: FileFormat;
  /** 'events' when the file was an event log aggregated to one row per customer. */
  kind: 'customers' | 'events';
  idColumn: string;
  /** Columns of the file as read (for an event log: the event columns). */
  columns: ColumnSchema[];
  /** For an event log: the per-customer features derived in SQL. */
  derived?: string[];
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
}

export interface CategoricalColumn {
  name: string;
  /** Level names; code i means levels[i]. Missing values are a level of their own ("(missing)"). */
  levels: string[];
  codes: Int32Array;
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
  piiValues: Set<string>;
}

export interface LoadOptions {
  idColumn?: string;
  ignore?: string[];
  text?: string[];
  /** Treat the file as an event log even if inference says otherwise (or never: false). */
  events?: boolean;
  /** The user's cancellation: interrupts the running query. */
  signal?: AbortSignal;
}

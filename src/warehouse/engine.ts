import type { Dialect } from './dialect.js';

/** A column of a table or query as the engine reports it. */
export interface EngineColumn {
  name: string;
  /** The engine's own type name, lower-cased (integer, double precision, text, date, float64, string, …). */
  type: string;
  kind: 'number' | 'string' | 'date' | 'boolean' | 'other';
}

export type Row = Record<string, unknown>;

/**
 * One connection to a SQL engine. Every statement goes through `query`, which counts the rows
 * that came back (the proof that only samples and aggregates leave the engine) and keeps the SQL
 * for the Run's record.
 */
export interface Engine {
  readonly dialect: Dialect;
  /** Where the data lives, without secrets: postgres://host:port/db, bigquery://project/dataset. */
  readonly display: string;
  /** Dataset or schema new tables are created in (BigQuery needs one: `project.dataset`). */
  qualify(table: string): string;
  describe(relation: string): Promise<EngineColumn[]>;
  query(sql: string, purpose: string): Promise<Row[]>;
  /** Rows fetched so far, per purpose. */
  readonly fetched: Record<string, number>;
  /** Every statement run, in order, with its purpose. */
  readonly statements: { purpose: string; sql: string }[];
  /** Seconds spent waiting for the engine, per purpose (the bench splits engine and segmenta time). */
  readonly seconds: Record<string, number>;
  close(): Promise<void>;
}

/** Bookkeeping shared by the engines: count rows per purpose, keep the SQL. */
export function ledger() {
  const fetched: Record<string, number> = {};
  const statements: { purpose: string; sql: string }[] = [];
  const seconds: Record<string, number> = {};
  return {
    fetched,
    statements,
    seconds,
    /** Time one call to the engine under its purpose. */
    async timed<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        seconds[purpose] = (seconds[purpose] ?? 0) + (performance.now() - t0) / 1000;
      }
    },
    record(purpose: string, sql: string, rows: number) {
      statements.push({ purpose, sql });
      fetched[purpose] = (fetched[purpose] ?? 0) + rows;
    },
  };
}

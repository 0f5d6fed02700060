/** What a Run made in warehouse mode records about the engine (run.json `warehouse`). */
export interface WarehouseRecord {
  engine: 'duckdb' | 'postgres' | 'bigquery';
  /** The engine without secrets: postgres://host:port/db, bigquery://project/dataset. */
  source: string;
  /** The FROM clause the customers were read with. */
  relation: string;
  customers: number;
  /** Customers fetched as the hash sample (k chosen and centroids fitted on them). */
  sample: number;
  /** Tables segmenta wrote in the engine. */
  tables: { assignments: string; audiences?: string; memberships?: string; model?: string };
  /** Columns never selected from the engine, with why. */
  keptInEngine: { column: string; reason: string }[];
  /** Rows that came back from the engine, per purpose (statistics, sample, profile, …). */
  rowsFetched: Record<string, number>;
  /** Seconds waiting for the engine, per purpose. */
  engineSeconds: Record<string, number>;
  /** Every statement sent, in order. */
  statements: { purpose: string; sql: string }[];
}

import type { BigQueryOptions } from '@google-cloud/bigquery';
import { openBigQuery } from './bigquery-engine.js';
import type { Engine } from './engine.js';
import { WarehouseError } from './errors.js';
import { openPostgres } from './postgres-engine.js';
import { openDuckDb } from './duckdb-engine.js';

/** True when a `segment` argument names a SQL engine rather than a file. */
export function isWarehouseUrl(s: string): boolean {
  return /^(postgres|postgresql|bigquery|duckdb):\/\//i.test(s);
}

export interface OpenOptions {
  /** BigQuery client options (apiEndpoint, authClient): for tests and private endpoints. */
  bigquery?: Partial<BigQueryOptions>;
}

export async function openEngine(url: string, options: OpenOptions = {}): Promise<Engine> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  if (/^bigquery:\/\//i.test(url)) return openBigQuery(url, options.bigquery);
  if (/^duckdb:\/\//i.test(url)) return openDuckDb(url);
  throw new WarehouseError(`"${url.replace(/\/\/[^@/]*@/, '//…@')}" is not a source segmenta knows; use postgres://USER@HOST:PORT/DB, bigquery://PROJECT/DATASET or duckdb://FILE.db`);
}

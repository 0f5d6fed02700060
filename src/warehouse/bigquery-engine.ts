import { BigQuery, type BigQueryOptions } from '@google-cloud/bigquery';
import { bigquery } from './dialect.js';
import { ledger, type Engine, type EngineColumn, type Row } from './engine.js';
import { bigqueryError, WarehouseError } from './errors.js';

/** bigquery://PROJECT/DATASET → its parts. */
export function parseBigQueryUrl(url: string): { project: string; dataset: string } {
  const m = /^bigquery:\/\/([^/?#]+)\/([A-Za-z0-9_]+)\/?$/.exec(url);
  if (!m) throw new WarehouseError(`"${url}" is not a BigQuery source; write bigquery://PROJECT/DATASET (the dataset the tables are in and segmenta's tables go)`);
  return { project: m[1], dataset: m[2] };
}

const KIND: Record<string, EngineColumn['kind']> = {
  INTEGER: 'number', INT64: 'number', FLOAT: 'number', FLOAT64: 'number', NUMERIC: 'number', BIGNUMERIC: 'number',
  STRING: 'string', DATE: 'date', DATETIME: 'date', TIMESTAMP: 'date', BOOLEAN: 'boolean', BOOL: 'boolean',
};

/**
 * BigQuery through @google-cloud/bigquery. Credentials are Google's application-default
 * credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, or the
 * metadata server), which the client finds itself. `client` lets a caller point it elsewhere
 * (the tests: a loopback server via apiEndpoint and a fixed token).
 */
export async function openBigQuery(url: string, client: Partial<BigQueryOptions> = {}): Promise<Engine> {
  const { project, dataset } = parseBigQueryUrl(url);
  const display = `bigquery://${project}/${dataset}`;
  const bq = new BigQuery({ projectId: project, ...client });
  const book = ledger();
  async function run(sql: string): Promise<{ rows: Row[]; fields: { name: string; type: string }[] }> {
    const [job] = await bq.createQueryJob({ query: sql, useLegacySql: false, defaultDataset: { projectId: project, datasetId: dataset } });
    const [rows, , response] = await job.getQueryResults({ autoPaginate: true });
    const fields = ((response as { schema?: { fields?: { name: string; type: string }[] } } | undefined)?.schema?.fields ?? []).map((f) => ({ name: f.name, type: f.type }));
    return { rows: rows as Row[], fields };
  }
  return {
    dialect: bigquery,
    display,
    qualify: (table) => (table.includes('.') ? table : `${project}.${dataset}.${table}`),
    fetched: book.fetched,
    statements: book.statements,
    seconds: book.seconds,
    async describe(relation) {
      const sql = `SELECT * FROM ${relation} LIMIT 0`;
      try {
        const { rows, fields } = await book.timed('describe', () => run(sql));
        book.record('describe', sql, rows.length);
        return fields.map((f) => ({ name: f.name, type: f.type.toLowerCase(), kind: KIND[f.type.toUpperCase()] ?? 'other' }));
      } catch (err) {
        throw bigqueryError(err, display, relation);
      }
    },
    async query(sql, purpose) {
      try {
        const { rows } = await book.timed(purpose, () => run(sql));
        book.record(purpose, sql, rows.length);
        // Query results hold BigQuery wrapper objects for DATE/TIMESTAMP/NUMERIC; the plan casts to STRING or FLOAT64.
        return rows;
      } catch (err) {
        throw bigqueryError(err, display);
      }
    },
    async close() {},
  };
}

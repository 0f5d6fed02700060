import { BigQuery } from '@google-cloud/bigquery';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeRun } from '../../src/pipeline/make-run.js';
import { makeWarehouseRun } from '../../src/pipeline/warehouse-run.js';
import { tempDir } from '../e2e/cli.js';

/**
 * The real BigQuery, only when SEGMENTA_BIGQUERY_PROJECT is set (and Google application-default
 * credentials are available); skipped otherwise — CI has no Google account. The dataset is
 * SEGMENTA_BIGQUERY_DATASET (default segmenta_test); the customers table is (re)loaded from
 * examples/customers.csv.
 */
const PROJECT = process.env.SEGMENTA_BIGQUERY_PROJECT;
const DATASET = process.env.SEGMENTA_BIGQUERY_DATASET ?? 'segmenta_test';
const CSV = resolve(import.meta.dirname, '../../examples/customers.csv');

describe.skipIf(!PROJECT)('segment --source bigquery://… (live)', () => {
  it('gives the segments of the file Run', async () => {
    const bq = new BigQuery({ projectId: PROJECT });
    const [exists] = await bq.dataset(DATASET).exists();
    if (!exists) await bq.createDataset(DATASET);
    await bq.dataset(DATASET).table('customers').load(CSV, { sourceFormat: 'CSV', skipLeadingRows: 1, autodetect: true, writeDisposition: 'WRITE_TRUNCATE' });
    const config = loadConfig({ workspace: tempDir('segmenta-bq-') }, {});
    // The review text included: BigQuery tokenises it in the engine (REGEXP_EXTRACT_ALL, text-plan.ts).
    const file = await makeRun({ file: CSV, seed: 42, config, log: () => {} });
    const wh = await makeWarehouseRun({ seed: 42, config, log: () => {}, warehouse: { url: `bigquery://${PROJECT}/${DATASET}`, table: 'customers' } });
    expect(wh.run.warehouse?.engine).toBe('bigquery');
    expect(wh.run.warehouse?.rowsFetched.sample).toBe(3000);
    expect(wh.run.segments.map((s) => s.size)).toEqual(file.run.segments.map((s) => s.size));
  }, 600_000);
});

import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBigQuery } from '../../src/warehouse/bigquery-engine.js';
import { WarehouseSession } from '../../src/warehouse/session.js';
import { refineWithBigQueryMl } from '../../src/warehouse/bqml.js';
import { segmenta, tempDir } from '../e2e/cli.js';
import { startFakeBigQuery, type FakeAnswer } from '../servers/fake-bigquery.js';

let fake: Awaited<ReturnType<typeof startFakeBigQuery>>;

function answer(sql: string): FakeAnswer {
  if (sql.startsWith('CREATE OR REPLACE MODEL')) return {};
  // BigQuery numbers the trained centroids itself: here in the reverse of our order, moved a little.
  if (sql.includes('ML.CENTROIDS')) {
    const rows: unknown[][] = [];
    [[0.52, -0.48], [0.11, 0.19], [-0.3, 0.02]].forEach((c, j) => c.forEach((v, i) => rows.push([j + 1, `f${i}`, v])));
    return { fields: [{ name: 'centroid_id', type: 'INTEGER' }, { name: 'feature', type: 'STRING' }, { name: 'numerical_value', type: 'FLOAT' }], rows };
  }
  if (sql.includes('`proj.shop.missing`')) return { error: { code: 404, reason: 'notFound', message: 'Not found: Table proj:shop.missing was not found in location US' } };
  if (sql.includes('`proj.shop.secret`')) return { error: { code: 403, reason: 'accessDenied', message: 'Access Denied: Table proj:shop.secret: User does not have permission to query table' } };
  if (/LIMIT 0$/.test(sql)) return { fields: [{ name: 'customer_id', type: 'STRING' }, { name: 'email', type: 'STRING' }, { name: 'spend', type: 'FLOAT' }] };
  if (sql.startsWith('SELECT CAST(COUNT(*)')) return { fields: [{ name: 'n', type: 'FLOAT' }, { name: 'ids', type: 'FLOAT' }], rows: [[3, 3]] };
  return { fields: [{ name: 'x', type: 'INTEGER' }], rows: [[1], [2]] };
}

beforeAll(async () => {
  fake = await startFakeBigQuery(answer);
});
afterAll(() => fake?.close());

// A fixed token: the loopback server takes any; Google's default credentials are never looked up.
function client() {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return { apiEndpoint: fake.url, authClient: auth as never };
}

describe('BigQuery through @google-cloud/bigquery (loopback server)', () => {
  it('sends each statement as a standard-SQL query job in the URL\'s project and dataset, and counts the rows', async () => {
    const engine = await openBigQuery('bigquery://proj/shop', client());
    const columns = await engine.describe('`proj.shop.customers`');
    expect(columns).toEqual([
      { name: 'customer_id', type: 'string', kind: 'string' },
      { name: 'email', type: 'string', kind: 'string' },
      { name: 'spend', type: 'float', kind: 'number' },
    ]);
    const rows = await engine.query('SELECT 1 AS x', 'probe');
    expect(rows.map((r) => r.x)).toEqual([1, 2]);
    expect(engine.fetched).toEqual({ describe: 0, probe: 2 });
    const jobs = fake.requests.filter((r) => r.method === 'POST');
    expect(jobs.map((j) => j.path)).toEqual(['/bigquery/v2/projects/proj/jobs', '/bigquery/v2/projects/proj/jobs']);
    expect(jobs[1].json.configuration.query).toMatchObject({ query: 'SELECT 1 AS x', useLegacySql: false, defaultDataset: { projectId: 'proj', datasetId: 'shop' } });
    expect(jobs[1].headers.authorization).toBe('Bearer test-token');
  });

  it('runs the warehouse session\'s first statements: describe, then the statistics aggregate (no rows of customers)', async () => {
    fake.requests.length = 0;
    const session = await WarehouseSession.open({ url: 'bigquery://proj/shop', table: 'customers', open: { bigquery: client() } });
    // The session stops at the sample (the fake has no rows for it); what it sent before is what we check.
    await session.load().catch(() => {});
    const sqls = fake.requests.filter((r) => r.method === 'POST').map((r) => r.json.configuration.query.query as string);
    expect(sqls[0]).toBe('SELECT * FROM `proj.shop.customers` LIMIT 0');
    expect(sqls[1]).toMatch(/^SELECT CAST\(COUNT\(\*\) AS FLOAT64\) AS n, .* FROM `proj\.shop\.customers`$/);
    expect(sqls[2]).toMatch(/^SELECT \* FROM \(SELECT CAST\(`customer_id` AS STRING\) AS `customer_id`, CAST\(`spend` AS STRING\) AS `spend` FROM/);
    expect(sqls[2]).not.toContain('`email`'); // PII by name: never selected
  });

  it('says in one line when the table is missing or access is denied', async () => {
    const engine = await openBigQuery('bigquery://proj/shop', client());
    await expect(engine.describe('`proj.shop.missing`')).rejects.toThrow(/^bigquery:\/\/proj\/shop: no such table `proj\.shop\.missing` \(Not found: Table proj:shop\.missing was not found in location US\); check --table/);
    await expect(engine.describe('`proj.shop.secret`')).rejects.toThrow(/^bigquery:\/\/proj\/shop: permission denied `proj\.shop\.secret` \(Access Denied: .*\); the account needs BigQuery Data Viewer/);
  });

  it('--engine-kmeans: trains a BigQuery ML k-means model from our centroids and brings back only its centroids, in our order', async () => {
    fake.requests.length = 0;
    const engine = await openBigQuery('bigquery://proj/shop', client());
    const ours = new Float32Array([-0.3, 0, 0.1, 0.2, 0.5, -0.5]);
    const p = { dialect: engine.dialect, relation: '`proj.shop.customers`', id: 'customer_id', columns: [] };
    const refined = await refineWithBigQueryMl(engine, p, ['CAST(`age` AS FLOAT64)', 'CAST(`spend` AS FLOAT64)'], ours, 3, 'proj.shop.segmenta_kmeans_r1');
    expect(Array.from(refined, (x) => Number(x.toFixed(2)))).toEqual([-0.3, 0.02, 0.11, 0.19, 0.52, -0.48]);
    const sqls = fake.requests.filter((r) => r.method === 'POST').map((r) => r.json.configuration.query.query as string);
    expect(sqls[0]).toMatch(/^CREATE OR REPLACE MODEL `proj\.shop\.segmenta_kmeans_r1` OPTIONS\(model_type='kmeans', num_clusters=3, kmeans_init_method='CUSTOM', kmeans_init_col='segmenta_init'/);
    expect(sqls[0]).toContain("CAST(0.5 AS FLOAT64) AS f0, CAST(-0.5 AS FLOAT64) AS f1, TRUE AS segmenta_init");
    expect(sqls[1]).toBe('SELECT centroid_id, feature, numerical_value FROM ML.CENTROIDS(MODEL `proj.shop.segmenta_kmeans_r1`) ORDER BY centroid_id, feature');
    expect(engine.fetched).toEqual({ 'engine k-means': 6 }); // k × dim numbers, never a customer
  });

  it('--engine-kmeans without BigQuery is one line', () => {
    const ws = tempDir('segmenta-bq-');
    const r = segmenta(['segment', '--source', 'postgres://u@127.0.0.1:1/db', '--table', 't', '--engine-kmeans', '--workspace', ws]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('segmenta: --engine-kmeans refines with BigQuery ML: it needs --source bigquery://PROJECT/DATASET');
  }, 60_000);
});

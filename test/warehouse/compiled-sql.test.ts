import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS, type EngineName } from '../../src/warehouse/dialect.js';
import * as plan from '../../src/warehouse/plan.js';
import * as events from '../../src/warehouse/event-plan.js';
import * as bqml from '../../src/warehouse/bqml.js';
import type { EmbeddingModel } from '../../src/model/vectors.js';

/**
 * Every statement of the warehouse plan, compiled per dialect and compared with golden files
 * (test/fixtures/warehouse/<engine>.sql; SEGMENTA_UPDATE_GOLDEN=1 rewrites them). The BigQuery
 * statements are parsed by node-sql-parser's BigQuery grammar; the PostgreSQL ones run on a real
 * server in postgres.test.ts (the parser's PostgreSQL grammar lacks ORDER BY … COLLATE).
 */
const GOLDEN = resolve(import.meta.dirname, '../fixtures/warehouse');
const { Parser } = NodeSqlParser as unknown as { Parser: new () => { astify(sql: string, opt: { database: string }): unknown } };

// A model with every kind of feature the plan compiles: plain, log1p, yes/no, a date, a categorical with a pooled level, a feature weighted 0.
const MODEL: EmbeddingModel = {
  version: 1,
  dim: 8,
  blocks: [
    { name: 'numeric', kind: 'numeric', offset: 0, width: 4, weight: 0.61, features: ['age', 'total_spend', 'newsletter', 'signup_date_days_ago'], featureWeights: [1, 1, 0, 1] },
    { name: 'categorical', kind: 'categorical', offset: 4, width: 4, weight: 0.5, features: [] },
  ],
  numeric: [
    { name: 'age', transform: 'none', center: 41, scale: 19.5, low: -4.1, high: 4.6 },
    { name: 'total_spend', transform: 'log1p', center: 6.2, scale: 1.35, low: -5, high: 4.5 },
    { name: 'newsletter', transform: 'none', center: 0.4, scale: 1, low: -0.4, high: 0.6 },
    { name: 'signup_date_days_ago', transform: 'none', center: 700, scale: 610, low: -4, high: 4.2 },
  ],
  categorical: [{ name: 'channel', levels: ['app', 'email', "O'Reilly \\ store", '(other)'], pooled: '(other)' }],
};
const FEATURES: plan.FeatureSource[] = [
  { name: 'age', column: 'age', kind: 'number', engineKind: 'number', fill: 41 },
  { name: 'total_spend', column: 'total_spend', kind: 'number', engineKind: 'number', fill: 480.5, clip: { low: 3.1, high: 19000 } },
  { name: 'newsletter', column: 'newsletter', kind: 'boolean', engineKind: 'string', fill: 0 },
  { name: 'signup_date_days_ago', column: 'signup_date', kind: 'date', engineKind: 'date', fill: 700 },
];
const CATEGORIES: plan.CategorySource[] = [{ name: 'channel', column: 'channel' }];
const CENTROIDS = new Float32Array([0.1, -0.2, 0, 0.3, 0.5, 0, 0, 0, -0.4, 0.6, 0, -0.1, 0, 0.5, 0, 0, 0.2, 0.1, 0, 0.9, 0, 0, 0.5, 0]);

function compile(engine: EngineName): { purpose: string; sql: string }[] {
  const d = DIALECTS[engine];
  const qualify = (t: string) => (engine === 'bigquery' ? `proj.shop.${t}` : t);
  const p: plan.PlanInput = {
    dialect: d,
    relation: d.table(qualify('customers')),
    id: 'customer_id',
    columns: ['customer_id', 'email', 'age', 'total_spend', 'newsletter', 'signup_date', 'channel', 'review'].map((name) => ({
      name,
      type: 'x',
      kind: ['age', 'total_spend'].includes(name) ? 'number' : name === 'signup_date' ? 'date' : 'string',
    })),
  };
  const asOf = 1750204800;
  const run = '20261202-010101-abcd';
  const vector = plan.vectorSql(d, MODEL, FEATURES, CATEGORIES, asOf);
  return [
    { purpose: 'statistics', sql: plan.statisticsSql(p) },
    { purpose: 'sample', sql: plan.sampleSql(p, ['customer_id', 'age', 'total_spend', 'newsletter', 'signup_date', 'channel'], 50_000) },
    { purpose: 'sample latest date', sql: plan.asOfSql(p, ['signup_date'], 50_000) },
    ...plan.createTablesSql(d, qualify).map((sql) => ({ purpose: 'create tables', sql })),
    { purpose: 'assign', sql: plan.deleteRunSql(d, plan.ASSIGNMENTS_TABLE, run, qualify) },
    { purpose: 'assign', sql: plan.assignSql(p, vector, CENTROIDS, 3, run, qualify) },
    { purpose: 'profile', sql: plan.profileNumericSql(p, FEATURES, asOf, run, qualify) },
    { purpose: 'profile', sql: plan.profileCategorySql(p, CATEGORIES[0], run, qualify) },
    ...plan.writeBackSql(p, run, [{ audienceId: `${run}-1`, segment: 1, name: "Kids' \"Fans\"", size: 120 }, { audienceId: `${run}-2`, segment: 2, name: 'Lapsed', size: 80 }], 'email', qualify).map((sql) => ({ purpose: 'write back', sql })),
  ];
}

/** The event-table statements: summary, top categories, the per-customer features written into segmenta_features. */
function compileEvents(engine: EngineName): { purpose: string; sql: string }[] {
  const d = DIALECTS[engine];
  const qualify = (t: string) => (engine === 'bigquery' ? `proj.shop.${t}` : t);
  const relation = d.table(qualify('events'));
  const ev: events.EventColumns = { id: 'customer_id', time: 'event_time', amount: 'amount', category: 'category' };
  const table = qualify(events.FEATURES_TABLE);
  return [
    { purpose: 'event summary', sql: events.eventSummarySql(d, relation, ev) },
    { purpose: 'event categories', sql: events.eventCategoriesSql(d, relation, ev) },
    { purpose: 'aggregate events', sql: events.materializeSql(d, table, events.eventFeaturesSql(d, relation, ev, ['books', "kids' toys"], 1704844800)) },
    { purpose: 'aggregate events', sql: events.materializeSql(d, table, events.eventFeaturesSql(d, relation, { id: 'customer_id', time: 'event_time' }, [], 1704844800)) },
    ...(engine === 'bigquery' ? [{ purpose: 'clean up', sql: events.dropSql(d, table) }] : []),
  ];
}

const render = (statements: { purpose: string; sql: string }[]) => statements.map((s) => `-- ${s.purpose}\n${s.sql};\n`).join('\n');

describe('compiled warehouse SQL', () => {
  for (const engine of ['bigquery', 'postgres', 'duckdb'] as const) {
    it(`${engine}: every statement matches its golden file`, () => {
      const file = join(GOLDEN, `${engine}.sql`);
      const text = render(compile(engine));
      if (process.env.SEGMENTA_UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  for (const engine of ['bigquery', 'postgres', 'duckdb'] as const) {
    it(`${engine}: every event-table statement matches its golden file`, () => {
      const file = join(GOLDEN, `${engine}-events.sql`);
      const text = render(compileEvents(engine));
      if (process.env.SEGMENTA_UPDATE_GOLDEN === '1') writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('every BigQuery event-table statement parses with a BigQuery grammar, and uses nothing BigQuery lacks', () => {
    const parser = new Parser();
    for (const s of compileEvents('bigquery')) {
      expect(() => parser.astify(s.sql, { database: 'bigquery' }), `${s.purpose}: ${s.sql.slice(0, 120)}`).not.toThrow();
      expect(s.sql).not.toMatch(/FILTER \(|date_diff|EXCLUDE|::/i);
    }
  });

  it('duckdb: the event features the engine computes are the file path\'s (src/data/events.ts) on a hand-made log', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`CREATE TABLE events (customer_id VARCHAR, event_time TIMESTAMP, amount DOUBLE, category VARCHAR)`);
    await conn.run(`INSERT INTO events VALUES ('a', '2024-01-01', 10, 'books'), ('a', '2024-01-05', 20, 'books'), ('a', '2024-01-05 12:00:00', 30, 'toys'), ('b', '2024-01-08', 5, 'toys'), ('b', '2024-01-10', 7, NULL), (' ', '2024-01-02', 1, 'books'), ('c', NULL, 50, 'books')`);
    const ev: events.EventColumns = { id: 'customer_id', time: 'event_time', amount: 'amount', category: 'category' };
    const summary = (await (await conn.runAndReadAll(events.eventSummarySql(DIALECTS.duckdb, 'events', ev))).getRowObjectsJS())[0];
    expect(summary).toEqual({ events: 6, timed: 5, as_of: Date.UTC(2024, 0, 10) / 1000 });
    const top = (await (await conn.runAndReadAll(events.eventCategoriesSql(DIALECTS.duckdb, 'events', ev))).getRowObjectsJS()).map((r) => r.category);
    expect(top).toEqual(['books', 'toys']);
    const rows = (await (await conn.runAndReadAll(events.eventFeaturesSql(DIALECTS.duckdb, 'events', ev, ['books', 'toys'], Number(summary.as_of)) + ' ORDER BY 1')).getRowObjectsJS()) as Record<string, unknown>[];
    expect(rows).toEqual([
      { customer_id: 'a', recency_days: 4.5, frequency: 3, monetary: 60, avg_order_value: 20, tenure_days: 9, active_days: 2, share_books: 2 / 3, share_toys: 1 / 3, favourite_category: 'books' },
      { customer_id: 'b', recency_days: 0, frequency: 2, monetary: 12, avg_order_value: 6, tenure_days: 2, active_days: 2, share_books: 0, share_toys: 1 / 2, favourite_category: 'toys' },
    ]);
    conn.closeSync?.();
  });

  it('bigquery --engine-kmeans: CREATE MODEL warm-started from our centroids matches its golden file; its training query parses', () => {
    const d = DIALECTS.bigquery;
    const p: plan.PlanInput = { dialect: d, relation: d.table('proj.shop.customers'), id: 'customer_id', columns: [] };
    const vector = plan.vectorSql(d, MODEL, FEATURES, CATEGORIES, 1750204800);
    const model = `proj.shop.${bqml.kmeansModelName('20261202-010101-abcd')}`;
    const statements = [
      { purpose: 'engine k-means', sql: bqml.createKmeansModelSql(p, vector, CENTROIDS, 3, model) },
      { purpose: 'engine k-means', sql: bqml.kmeansCentroidsSql(d, model) },
    ];
    const file = join(GOLDEN, 'bigquery-kmeans.sql');
    if (process.env.SEGMENTA_UPDATE_GOLDEN === '1') writeFileSync(file, render(statements));
    expect(render(statements)).toBe(readFileSync(file, 'utf8'));
    const create = statements[0].sql;
    expect(create).toMatch(/^CREATE OR REPLACE MODEL `proj\.shop\.segmenta_kmeans_20261202_010101_abcd` OPTIONS\(model_type='kmeans', num_clusters=3, kmeans_init_method='CUSTOM', kmeans_init_col='segmenta_init', standardize_features=FALSE, distance_type='EUCLIDEAN'\) AS SELECT /);
    // k initial centroids, each our centroid row as literals, marked TRUE.
    expect(create.match(/TRUE AS segmenta_init/g)?.length).toBe(3);
    expect(create).toContain(`${d.float(String(CENTROIDS[8]))} AS f0, ${d.float(String(CENTROIDS[9]))} AS f1`); // the second centroid, at float32 precision
    // node-sql-parser has no CREATE MODEL: the training query (everything after AS) is what it checks.
    const parser = new Parser();
    expect(() => parser.astify(bqml.kmeansTrainingSql(p, vector, CENTROIDS, 3), { database: 'bigquery' })).not.toThrow();
  });

  it('every BigQuery statement parses with a BigQuery grammar', () => {
    const parser = new Parser();
    const statements = compile('bigquery');
    expect(statements.length).toBe(12);
    for (const s of statements) {
      expect(() => parser.astify(s.sql, { database: 'bigquery' }), `${s.purpose}: ${s.sql.slice(0, 120)}`).not.toThrow();
    }
  });

  it('the grammar rejects what BigQuery rejects (so the check above can fail)', () => {
    const parser = new Parser();
    const broken = compile('bigquery').find((s) => s.purpose === 'assign' && s.sql.startsWith('INSERT'))!.sql.replace(/\) near$/, ' near');
    expect(() => parser.astify(broken, { database: 'bigquery' })).toThrow();
    expect(() => parser.astify("SELECT 'a'::text", { database: 'bigquery' })).toThrow();
  });

  it('BigQuery literals escape with backslashes, identifiers with backticks', () => {
    const sql = compile('bigquery').find((s) => s.purpose === 'write back')!.sql;
    expect(sql).toContain("'Kids\\' \"Fans\"'");
    expect(compile('bigquery')[0].sql).toContain('FROM `proj.shop.customers`');
  });

  it('duckdb: every statement runs on DuckDB, and the hash sample number is MD5 of the id as everywhere', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`CREATE TABLE customers (customer_id VARCHAR, email VARCHAR, age INTEGER, total_spend DOUBLE, newsletter VARCHAR, signup_date DATE, channel VARCHAR, review VARCHAR)`);
    await conn.run(`INSERT INTO customers VALUES ('C1', 'a@x.com', 30, 100.5, 'yes', DATE '2025-01-02', 'app', 'fine'), ('C2', NULL, NULL, 5000, 'no', DATE '2024-03-04', NULL, ''), ('C3', 'c@y.org', 61, NULL, NULL, NULL, 'kiosk', NULL)`);
    for (const s of compile('duckdb')) await conn.run(s.sql);
    const assigned = (await (await conn.runAndReadAll('SELECT customer_id, segment FROM segmenta_assignments ORDER BY customer_id')).getRowObjectsJS()) as { customer_id: string; segment: number }[];
    expect(assigned.map((r) => r.customer_id)).toEqual(['C1', 'C2', 'C3']);
    for (const r of assigned) expect([1, 2, 3]).toContain(Number(r.segment));
    const members = (await (await conn.runAndReadAll('SELECT customer_id, customer_id_sha256, email_sha256 FROM segmenta_memberships ORDER BY customer_id')).getRowObjectsJS()) as Record<string, string | null>[];
    const sha = (x: string) => createHash('sha256').update(x).digest('hex');
    for (const m of members) {
      expect(m.customer_id_sha256).toBe(sha(m.customer_id!));
      if (m.customer_id === 'C1') expect(m.email_sha256).toBe(sha('a@x.com'));
      if (m.customer_id === 'C2') expect(m.email_sha256).toBeNull();
    }
    const h = await (await conn.runAndReadAll(`SELECT ${DIALECTS.duckdb.hash32("'C00001'")} AS h`)).getRowObjectsJS();
    expect(Number(h[0].h)).toBe(parseInt(createHash('md5').update('C00001').digest('hex').slice(0, 8), 16));
    conn.closeSync?.();
  });
});

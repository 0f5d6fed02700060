import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { postgres as postgresDialect } from '../../src/warehouse/dialect.js';
import { makeWarehouseRun } from '../../src/pipeline/warehouse-run.js';
import { startPostgres, type PgServer } from '../servers/postgres.js';
import { EVENTS_DDL, loadCustomersCsv, psql } from '../servers/pg-load.js';
import { writePlantedEvents } from '../fixtures/planted-events.js';
import { expectSameRun, fileLabels } from './same-run.js';
import { segmenta, tempDir } from '../e2e/cli.js';
import { fitTfidf } from '../../src/embed/tfidf.js';
import { projectText } from '../../src/embed/text-block.js';
import { TERMS_TABLE, termsTableSql, textCoordinatesSql } from '../../src/warehouse/text-plan.js';
import { DOCS, fitted } from './text-docs.js';
import { generateOrderLines, writeOrderLines } from '../fixtures/order-lines.js';
import { generateRetail, writeRetailSync } from '../fixtures/online-retail.js';
import type { EmbeddingModel } from '../../src/model/vectors.js';

const CSV = resolve(import.meta.dirname, '../../examples/customers.csv');
const PII = ['name', 'email', 'phone', 'street_address'];

let pg: PgServer;
let fileRun: MadeRun;
let whRun: MadeRun;
const log = () => {};

function rows(url: string, sql: string): string[][] {
  return psql(url, `\\pset format unaligned\n\\pset tuples_only on\n\\pset fieldsep ','\n${sql};\n`).trim().split('\n').filter(Boolean).map((l) => l.split(','));
}

beforeAll(async () => {
  pg = await startPostgres();
  loadCustomersCsv(pg.url, CSV);
  const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
  // The same data as a file, the review text included: the engine computes everyone's text coordinates (text-plan.ts).
  fileRun = await makeRun({ file: CSV, seed: 42, config, log });
  whRun = await makeWarehouseRun({ seed: 42, config, log, warehouse: { url: pg.url, table: 'customers' } });
}, 180_000);

afterAll(() => pg?.stop());

describe('segment --source postgres://…', () => {
  it('equals the Run made from the same data as a file: same segments (ARI 1), profile numbers to 1e-9', () => {
    const engine = new Map(rows(pg.url, `SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${whRun.runId}'`).map(([id, s]) => [id, Number(s)]));
    expect(engine.size).toBe(3000);
    expectSameRun(fileRun, whRun, engine);
    // With the text block on both sides: the same vocabulary and basis, and the engine computed everyone's text coordinates.
    const model = (run: MadeRun) => JSON.parse(readFileSync(join(run.runDir, 'embedding.json'), 'utf8')) as EmbeddingModel;
    const [fm, wm] = [model(fileRun), model(whRun)];
    expect(wm.blocks.map((b) => b.kind)).toEqual(['numeric', 'categorical', 'text']);
    expect(wm.text!.width).toBeGreaterThan(1);
    expect(wm.text!.vocabulary).toEqual(fm.text!.vocabulary);
    expect(wm.text!.components).toEqual(fm.text!.components);
    expect(wm.blocks.find((b) => b.kind === 'text')!.weight).toBeGreaterThan(0);
    const assign = whRun.run.warehouse!.statements.find((s) => s.purpose === 'assign' && s.sql.startsWith('INSERT'))!.sql;
    expect(assign).toContain('LEFT JOIN (SELECT segmenta_tid');
    expect(assign).toContain('regexp_split_to_table');
  });

  it('uploads only PII-free vocabulary terms: no piece of an email or phone of the reviews is a term', () => {
    const wm = JSON.parse(readFileSync(join(whRun.runDir, 'embedding.json'), 'utf8')) as EmbeddingModel;
    const vocabulary = wm.text!.vocabulary!;
    // 147 reviews hold an email or a phone ("Call me on +1 555-478-8283"); unfiltered, "555" and "example" would be terms.
    const reviews = rows(pg.url, "SELECT review FROM customers WHERE review ~ '@|555-'").map((r) => r.join(','));
    expect(reviews.length).toBeGreaterThan(100);
    const unfiltered = fitTfidf(rows(pg.url, 'SELECT review FROM customers').map((r) => r.join(','))).vocabulary;
    expect(unfiltered).toEqual(expect.arrayContaining(['555', 'example']));
    const piiWords = new Set(reviews.flatMap((r) => [...r.matchAll(/[\w.+-]+@[\w.-]+|\+?\d[\d -]{6,}\d/g)].flatMap((m) => m[0].toLowerCase().split(/[^a-z0-9]+/))).filter((w) => w.length > 1));
    expect(piiWords.size).toBeGreaterThan(50);
    for (const term of vocabulary) for (const w of term.split(' ')) expect(piiWords.has(w), `vocabulary term "${term}"`).toBe(false);
    // The upload is that vocabulary: the recorded INSERT starts with its first terms.
    const upload = whRun.run.warehouse!.statements.filter((s) => s.purpose === 'upload text terms');
    expect(upload[0].sql).toMatch(/^CREATE TEMP TABLE "segmenta_text_terms" \(term TEXT, idf DOUBLE PRECISION, c0 DOUBLE PRECISION/);
    expect(upload[1].sql.startsWith(`INSERT INTO "segmenta_text_terms" (term, idf, c0`)).toBe(true);
    expect(upload[1].sql).toContain(`VALUES ('${vocabulary[0]}', `);
    expect(upload.length).toBe(1 + Math.ceil(vocabulary.length / 250));
  });

  it('fetched only the sample and aggregates, and never a PII or free-text column', () => {
    const wh = whRun.run.warehouse!;
    expect(wh.engine).toBe('postgres');
    expect(wh.customers).toBe(3000);
    // 3,000 customers is under the 50,000 sample: the sample is everyone (that is what makes the Runs equal).
    expect(wh.rowsFetched.sample).toBe(3000);
    const k = whRun.run.metrics.k;
    const levels = 8 + 7; // favourite_category, preferred_channel (+ missing)
    const { sample, ...aggregates } = wh.rowsFetched;
    const aggregateRows = Object.values(aggregates).reduce((s, n) => s + n, 0);
    // + 2 rows of text checks (no unsegmented script anywhere; ICU present); the text coordinates stay in the engine.
    expect(aggregateRows).toBeLessThanOrEqual(2 + 2 + k + k * levels);
    expect(wh.rowsFetched['text check']).toBe(2);
    expect(wh.keptInEngine.map((c) => c.column).sort()).toEqual([...PII].sort());
    // The review text is in the sample (its model is fitted there) and segmented on.
    expect(whRun.run.quality.droppedColumns.find((c) => c.column === 'review')).toBeUndefined();
    expect(whRun.run.schema.columns.find((c) => c.name === 'review')).toMatchObject({ role: 'text' });
    const sampleSql = wh.statements.find((s) => s.purpose === 'sample')!.sql;
    expect(sampleSql).toContain('"review"');
    for (const c of PII) expect(sampleSql).not.toContain(`"${c}"`);
    // Nothing in the Run folder holds an email address of the table.
    const emails = rows(pg.url, 'SELECT email FROM customers LIMIT 50').map((r) => r[0]);
    for (const f of readdirSync(whRun.runDir, { recursive: true }) as string[]) {
      if (!/\.(json|csv|md)$/.test(f)) continue;
      const text = readFileSync(join(whRun.runDir, f), 'utf8');
      for (const e of emails) expect(text.includes(e), `${f} holds ${e}`).toBe(false);
    }
  });

  it('writes audiences back: one per exported segment, members with SHA-256 of the id and the normalised email', () => {
    const wh = whRun.run.warehouse!;
    expect(wh.tables).toEqual({ assignments: 'segmenta_assignments', audiences: 'segmenta_audiences', memberships: 'segmenta_memberships' });
    const audiences = rows(pg.url, `SELECT segment, size, name FROM segmenta_audiences WHERE run_id = '${whRun.runId}' ORDER BY segment`);
    const exported = whRun.run.segments.filter((s) => !s.small);
    expect(audiences.map((a) => Number(a[0]))).toEqual(exported.map((s) => s.id));
    expect(audiences.map((a) => Number(a[1]))).toEqual(exported.map((s) => s.size));
    const members = rows(pg.url, `SELECT m.customer_id, m.customer_id_sha256, m.email_sha256, c.email FROM segmenta_memberships m JOIN customers c USING (customer_id) WHERE m.run_id = '${whRun.runId}' ORDER BY m.customer_id LIMIT 20`);
    expect(members.length).toBe(20);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    for (const [id, idHash, emailHash, email] of members) {
      expect(idHash).toBe(sha(id));
      expect(emailHash).toBe(sha(email.trim().toLowerCase()));
    }
    const count = Number(rows(pg.url, `SELECT count(*) FROM segmenta_memberships WHERE run_id = '${whRun.runId}'`)[0][0]);
    expect(count).toBe(exported.reduce((s, x) => s + x.size, 0));
    // The Run records the SQL it ran, and the SQL holds no credentials.
    expect(wh.statements.map((s) => s.purpose)).toEqual(expect.arrayContaining(['statistics', 'sample', 'assign', 'profile', 'write back']));
  });

  it('with a sample smaller than the table: only the sample comes back, the engine assigns and profiles everyone', async () => {
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const run = await makeWarehouseRun({ seed: 42, k: whRun.run.metrics.k, config, log, warehouse: { url: pg.url, table: 'customers', sampleSize: 1000 } });
    const wh = run.run.warehouse!;
    expect(wh.rowsFetched.sample).toBe(1000);
    expect(run.run.segments.reduce((s, x) => s + x.size, 0)).toBe(3000);
    const engine = new Map(rows(pg.url, `SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${run.runId}'`).map(([id, s]) => [id, Number(s)]));
    expect(engine.size).toBe(3000);
    const labels = fileLabels(fileRun);
    const ids = [...labels.keys()];
    // Centroids fitted on a third of the customers find the same planted segments.
    expect(adjustedRandIndex(ids.map((id) => labels.get(id)!), ids.map((id) => engine.get(id)!))).toBeGreaterThan(0.9);
    // The hash sample is the same customers every time, chosen by id alone.
    // The hash is MD5 of the id on every engine (DuckDB and BigQuery compile the same number).
    const h = rows(pg.url, `SELECT ${postgresDialect.hash32("'C00001'")}`);
    expect(Number(h[0][0])).toBe(parseInt(createHash('md5').update('C00001').digest('hex').slice(0, 8), 16));
    const again = rows(pg.url, wh.statements.find((s) => s.purpose === 'sample')!.sql.replace(/^/, 'SELECT count(DISTINCT customer_id) FROM (') + ') again');
    expect(Number(again[0][0])).toBe(1000);
  }, 120_000);

  it('says in one line when it cannot connect, the table is missing or permission is denied', () => {
    const ws = tempDir('segmenta-wh-');
    psql(pg.url, "CREATE ROLE stranger LOGIN; CREATE TABLE secret (customer_id TEXT, spend DOUBLE PRECISION); REVOKE ALL ON secret FROM PUBLIC");
    const cases: [string[], RegExp][] = [
      [['--source', 'postgres://postgres@127.0.0.1:1/postgres', '--table', 'customers'], /^cannot connect to postgres:\/\/127\.0\.0\.1:1\/postgres \(ECONNREFUSED\); check the host and port/],
      [['--source', pg.url, '--table', 'no_such'], /^postgres:\/\/127\.0\.0\.1:\d+\/postgres: no such table "no_such" \(relation "no_such" does not exist\); check --table/],
      [['--source', pg.url.replace('postgres@', 'stranger@'), '--table', 'secret'], /^postgres:\/\/127\.0\.0\.1:\d+\/postgres: permission denied "secret" \(permission denied for table secret\); grant the user SELECT/],
    ];
    for (const [args, line] of cases) {
      const r = segmenta(['segment', ...args, '--workspace', ws]);
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stderr.trim().split('\n').filter((l) => !/^\s*[\d.]+s\s/.test(l));
      expect(lines.length, r.stderr).toBe(1);
      expect(lines[0].replace(/^segmenta:\s*/, '')).toMatch(line);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(readdirSync(join(ws)).filter((f) => f === 'runs').flatMap(() => readdirSync(join(ws, 'runs'))).filter((f) => !f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

describe('text coordinates in PostgreSQL (ICU collation)', () => {
  it('are projectText\'s, customer by customer: accents, apostrophes, digits, two columns, blanks', async () => {
    const { model, columns } = await fitted();
    const d = postgresDialect;
    const q = (s: string | null) => (s === null ? 'NULL' : d.str(s));
    const coordinates = textCoordinatesSql(d, 'textdocs', 'customer_id', model, TERMS_TABLE, { collation: 'und-x-icu' });
    const script = [
      'CREATE TABLE textdocs (customer_id TEXT, review TEXT, note TEXT)',
      `INSERT INTO textdocs VALUES ${DOCS.map(([id, a, b]) => `(${q(id)}, ${q(a)}, ${q(b)})`).join(', ')}`,
      ...termsTableSql(d, TERMS_TABLE, model),
      `${coordinates} ORDER BY segmenta_tid COLLATE "C"`,
    ].join(';\n');
    const got = rows(pg.url, script);
    const { data, empty } = await projectText(model, columns, DOCS.length);
    const expected = DOCS.map(([id], i) => ({ id, i })).filter(({ i }) => !empty[i]).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(got.map((r) => r[0])).toEqual(expected.map((e) => e.id));
    for (const [j, { i }] of expected.entries()) {
      for (let c = 0; c < model.width; c++) expect(Math.fround(Number(got[j][c + 1]))).toBe(data[i * model.width + c]);
    }
  });
});

describe('text the engine cannot cut into words', () => {
  it('is left out of the Run with its reason (Chinese needs Intl.Segmenter), and the Run goes on', async () => {
    // One Chinese review among 3,000, outside or inside the 300-customer sample: the engine-wide check finds it either way.
    psql(pg.url, "CREATE TABLE zh_reviews AS SELECT customer_id, age, orders_12m, total_spend, preferred_channel, CASE WHEN customer_id = 'C02999' THEN '物流很快，包装很好' ELSE review END AS review FROM customers");
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const run = await makeWarehouseRun({ seed: 42, k: 3, config, log, warehouse: { url: pg.url, table: 'zh_reviews', sampleSize: 300 } });
    const review = run.run.quality.droppedColumns.find((c) => c.column === 'review');
    expect(review?.reason).toMatch(/^free text in Chinese, Japanese, Korean, Thai, Lao, Khmer or Myanmar script: left out in warehouse mode \(cutting it into words needs Intl\.Segmenter, which SQL lacks\)/);
    const model = JSON.parse(readFileSync(join(run.runDir, 'embedding.json'), 'utf8')) as EmbeddingModel;
    expect(model.text).toBeUndefined();
    expect(run.run.segments.reduce((s, x) => s + x.size, 0)).toBe(3000);
  }, 120_000);
});

describe('segment --source postgres://… --table order_lines (aggregated per order, then per customer, in the engine)', () => {
  it('equals the Run of the same order lines as a file: cancellations, net spend, units, shares, and only aggregates came back', async () => {
    const dir = tempDir('segmenta-wh-ol-');
    const csv = join(dir, 'order_lines.csv');
    const log = generateOrderLines({ customers: 1500, seed: 21 });
    writeOrderLines(csv, log);
    psql(pg.url, `CREATE TABLE order_lines (order_id TEXT, customer_id TEXT, ordered_at TIMESTAMP, category TEXT, quantity DOUBLE PRECISION, amount DOUBLE PRECISION);\n\\copy order_lines FROM '${csv}' WITH (FORMAT csv, HEADER true)\n`);
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const file = await makeRun({ file: csv, seed: 42, config, log: () => {} });
    const wh = await makeWarehouseRun({ seed: 42, config, log: () => {}, warehouse: { url: pg.url, table: 'order_lines' } });
    expect(file.run.schema.kind).toBe('orders');
    expect(wh.run.schema.kind).toBe('orders');
    expect(wh.run.schema.derived).toEqual(file.run.schema.derived);
    expect(wh.run.schema.derived).toEqual(expect.arrayContaining(['recency_days', 'frequency', 'monetary', 'avg_order_value', 'units_per_order', 'return_rate', 'tenure_days', 'active_days', 'share_shoes', 'favourite_category']));
    expect(wh.run.schema.mapping).toEqual(file.run.schema.mapping);
    const engine = new Map(rows(pg.url, `SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${wh.runId}'`).map(([id, s]) => [id, Number(s)]));
    expectSameRun(file, wh, engine);
    // Cancellations and returns are there to be netted out (the check above could pass with none); cancelled_orders, mostly 0, is dropped by cleaning on both paths.
    expect(log.cancelled + log.refunds).toBeGreaterThan(100);
    const returns = wh.run.segments.flatMap((s) => s.profile.numeric.filter((f) => f.feature === 'return_rate').map((f) => f.overallMean));
    expect(returns[0]).toBeGreaterThan(0.005);
    const w = wh.run.warehouse!;
    const { sample, ...aggregates } = w.rowsFetched;
    expect(sample).toBe(file.run.metrics.customers);
    // Rule, summary, ≤ 8 categories, statistics of lines and features, then per-segment profiles: never a line.
    const k = wh.run.metrics.k;
    expect(Object.values(aggregates).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4 + 8 + k + k * 9);
    expect(w.statements.find((s) => s.purpose === 'aggregate order lines')!.sql).toMatch(/^CREATE TEMP TABLE "segmenta_features" AS WITH ln AS \(SELECT \* FROM \(SELECT /);
  }, 180_000);
});

describe('segment --source postgres://… --table retail (Online Retail shape: C-prefixed cancellations, descriptions, countries)', () => {
  it('equals the file Run: quantity × price, "C" invoices as cancellations, the products bought as text in the engine, country profiled', async () => {
    const dir = tempDir('segmenta-wh-retail-');
    const csv = join(dir, 'retail.csv');
    const g = generateRetail({ customers: 300, minLines: 12_000, seed: 17 });
    writeRetailSync(csv, g.lines);
    psql(pg.url, `CREATE TABLE retail ("InvoiceNo" TEXT, "StockCode" TEXT, "Description" TEXT, "Quantity" DOUBLE PRECISION, "InvoiceDate" TIMESTAMP, "UnitPrice" DOUBLE PRECISION, "CustomerID" INTEGER, "Country" TEXT);\nSET datestyle = 'ISO, MDY';\n\\copy retail FROM '${csv}' WITH (FORMAT csv, HEADER true)\n`);
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    // --text: the data stage reads these ALL-CAPS descriptions as possible person names and leaves them out unless told.
    const file = await makeRun({ file: csv, seed: 42, text: ['Description'], config, log: () => {} });
    const wh = await makeWarehouseRun({ seed: 42, text: ['Description'], config, log: () => {}, warehouse: { url: pg.url, table: 'retail' } });
    expect(wh.run.schema.kind).toBe('orders');
    expect(wh.run.schema.mapping).toEqual(file.run.schema.mapping);
    expect(wh.run.schema.mapping?.cancellations).toMatch(/InvoiceNo starting with C/);
    expect(wh.run.schema.mapping?.text).toBe('Description');
    expect(wh.run.schema.derived).toEqual(file.run.schema.derived);
    expect(wh.run.schema.derived).toEqual(expect.arrayContaining(['products_bought', 'Country']));
    const engine = new Map(rows(pg.url, `SELECT "CustomerID", segment FROM segmenta_assignments a JOIN (SELECT DISTINCT CAST("CustomerID" AS TEXT) AS "CustomerID" FROM retail) r ON r."CustomerID" = a.customer_id WHERE run_id = '${wh.runId}'`).map(([id, s]) => [id, Number(s)]));
    expectSameRun(file, wh, engine);
    const model = JSON.parse(readFileSync(join(wh.runDir, 'embedding.json'), 'utf8')) as EmbeddingModel;
    expect(model.text?.columns).toEqual(['products_bought']);
    expect(model.blocks.map((b) => b.kind)).toContain('text');
  }, 180_000);
});

describe('segment --source … --query FILE.sql (CLI)', () => {
  it('segments the rows of a query, and says so when --table and --query are both missing', () => {
    const ws = tempDir('segmenta-wh-');
    const sql = join(ws, 'vip.sql');
    writeFileSync(sql, "SELECT * FROM customers WHERE total_spend > 100;\n");
    const r = segmenta(['segment', '--source', pg.url, '--query', sql, '--k', '3', '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.k).toBe(3);
    const expected = Number(rows(pg.url, 'SELECT count(*) FROM customers WHERE total_spend > 100')[0][0]);
    expect(out.segments.reduce((s: number, x: { size: number }) => s + x.size, 0)).toBe(expected);
    const none = segmenta(['segment', '--source', pg.url, '--workspace', ws]);
    expect(none.status).toBe(1);
    expect(none.stderr.trim()).toBe('segmenta: a SQL source needs --table NAME or --query FILE.sql (one of them)');
  }, 120_000);
});

describe('an id that is itself PII', () => {
  it('leaves the engine only as its SHA-256 (an email as the customer key)', async () => {
    psql(pg.url, 'CREATE TABLE keyed_by_email AS SELECT email AS customer_id, age, orders_12m, total_spend, preferred_channel FROM customers');
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const run = await makeWarehouseRun({ seed: 42, k: 3, config, log, warehouse: { url: pg.url, table: 'keyed_by_email' } });
    const sample = run.run.warehouse!.statements.find((s) => s.purpose === 'sample')!.sql;
    expect(sample).toContain('encode(sha256(convert_to(CAST("customer_id" AS TEXT)');
    const local = readFileSync(join(run.runDir, 'assignments.csv'), 'utf8');
    expect(local).not.toContain('@');
    expect(local.split('\n')[1]).toMatch(/^[0-9a-f]{64},\d$/);
    // The engine's own table keeps the real key: it never left.
    const inEngine = rows(pg.url, `SELECT customer_id FROM segmenta_assignments WHERE run_id = '${run.runId}' LIMIT 1`)[0][0];
    expect(inEngine).toContain('@');
  }, 120_000);
});

describe('segment --source postgres://… --table events (1M planted events, aggregated in the engine)', () => {
  it('equals the Run of the same events as a file, and only the sample of per-customer rows and aggregates came back', async () => {
    const dir = tempDir('segmenta-wh-ev-');
    const csv = join(dir, 'events.csv');
    const planted = await writePlantedEvents(csv, { customers: 20_000, seed: 11 });
    expect(planted.events).toBeGreaterThanOrEqual(1_000_000);
    psql(pg.url, `${EVENTS_DDL};\n\\copy events FROM '${csv}' WITH (FORMAT csv, HEADER true)\n`);
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const file = await makeRun({ file: csv, seed: 42, config, log });
    const wh = await makeWarehouseRun({ seed: 42, config, log, warehouse: { url: pg.url, table: 'events' } });
    expect(file.run.schema.kind).toBe('events');
    expect(wh.run.schema.kind).toBe('events');
    expect(wh.run.schema.derived).toEqual(file.run.schema.derived);
    expect(wh.run.schema.derived).toEqual(expect.arrayContaining(['recency_days', 'frequency', 'monetary', 'avg_order_value', 'tenure_days', 'active_days', 'share_grocery', 'favourite_category']));

    const engine = new Map(rows(pg.url, `SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${wh.runId}'`).map(([id, s]) => [id, Number(s)]));
    expectSameRun(file, wh, engine);
    // The planted groups are found (the check above could pass on two equally wrong Runs).
    const ids = [...planted.group.keys()];
    expect(adjustedRandIndex(ids.map((id) => planted.group.get(id)!), ids.map((id) => engine.get(id)!))).toBeGreaterThan(0.9);

    const w = wh.run.warehouse!;
    expect(w.customers).toBe(20_000);
    expect(w.rowsFetched.sample).toBe(20_000);
    const { sample, ...aggregates } = w.rowsFetched;
    const k = wh.run.metrics.k;
    // Statistics of the events and of the features, the summary, ≤ 8 categories, then per-segment profiles.
    const levels = 8 + 1;
    expect(Object.values(aggregates).reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(3 + 8 + k + k * levels);
    expect(sample + Object.values(aggregates).reduce((s, n) => s + n, 0)).toBeLessThan(planted.events / 40);
    expect(w.keptInEngine.map((c) => c.column)).toEqual(['channel']);
    const sampleSql = w.statements.find((s) => s.purpose === 'sample')!.sql;
    expect(sampleSql).toContain('FROM "segmenta_features"');
    expect(sampleSql).not.toContain('"channel"');
    expect(w.statements.find((s) => s.purpose === 'aggregate events' && s.sql.startsWith('CREATE TEMP TABLE'))).toBeDefined();
  }, 600_000);
});

import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { makeWarehouseRun } from '../../src/pipeline/warehouse-run.js';
import { segmenta, tempDir } from '../e2e/cli.js';
import { CUSTOMERS_DDL, EVENTS_DDL } from '../servers/pg-load.js';
import { writePlantedEvents } from '../fixtures/planted-events.js';
import { expectSameRun } from './same-run.js';

const CSV = resolve(import.meta.dirname, '../../examples/customers.csv');
const log = () => {};
let dbFile: string;
let fileRun: MadeRun;
let whRun: MadeRun;

async function sql(file: string, statements: string[]): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(file);
  const conn = await db.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await conn.runAndReadAll(s)).getRowObjectsJS() as Record<string, unknown>[];
    return rows;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  const dir = tempDir('segmenta-duck-');
  dbFile = join(dir, 'shop.db');
  // The examples as a typed table, as a DuckDB warehouse file holds them (the same DDL as PostgreSQL's).
  await sql(dbFile, [CUSTOMERS_DDL, `COPY customers FROM '${CSV}' (HEADER)`]);
  const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
  // The review text included: DuckDB tokenises it with RE2's \p{L} (text-plan.ts).
  fileRun = await makeRun({ file: CSV, seed: 42, config, log });
  whRun = await makeWarehouseRun({ seed: 42, config, log, warehouse: { url: `duckdb://${dbFile}`, table: 'customers' } });
}, 180_000);

describe('segment --source duckdb://file.db', () => {
  it('equals the Run made from the same data as a file, with the assignment written into the database', async () => {
    const rows = await sql(dbFile, [`SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${whRun.runId}'`]);
    expectSameRun(fileRun, whRun, new Map(rows.map((r) => [String(r.customer_id), Number(r.segment)])));
    const wh = whRun.run.warehouse!;
    expect(wh.engine).toBe('duckdb');
    expect(wh.source).toBe(`duckdb://${dbFile}`);
    expect(wh.rowsFetched.sample).toBe(3000);
    const members = await sql(dbFile, [`SELECT count(*) AS n FROM segmenta_memberships WHERE run_id = '${whRun.runId}'`]);
    expect(Number(members[0].n)).toBe(whRun.run.segments.filter((s) => !s.small).reduce((s, x) => s + x.size, 0));
  });

  it('says in one line when the file or the table does not exist; aggregates an order-line table in the engine', async () => {
    const ws = tempDir('segmenta-wh-');
    const copy = join(ws, 'copy.db');
    copyFileSync(dbFile, copy);
    await sql(copy, [
      "CREATE TABLE lines AS SELECT 'C' || (i % 50) AS customer_id, 'INV' || (i // 3) AS invoice_no, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS invoice_date, 2 AS quantity, 9.5 AS price FROM range(600) t(i)",
      // Quantity and price under names no hint reads: --quantity and --price say which.
      'CREATE TABLE lines2 AS SELECT customer_id, invoice_no, invoice_date, quantity AS k1, price AS k2 FROM lines',
    ]);
    writeFileSync(join(ws, 'q.sql'), 'SELECT * FROM nowhere');
    const cases: [string[], RegExp][] = [
      [['--source', `duckdb://${join(ws, 'missing.db')}`, '--table', 'customers'], /^cannot open duckdb:\/\/.*missing\.db: no such file; give the path of an existing DuckDB database/],
      [['--source', `duckdb://${copy}`, '--table', 'no_such'], /^duckdb:\/\/.*copy\.db: no such table "no_such" \(Catalog Error: Table with name no_such does not exist\); check --table/],
      [['--source', `duckdb://${copy}`, '--query', join(ws, 'q.sql')], /^duckdb:\/\/.*copy\.db: no such table \(Catalog Error: Table with name nowhere does not exist\); check --table/],
      [['--source', `duckdb://${copy}`, '--table', 'customers', '--join', join(ws, 'orders.csv')], /^--join joins files; with a SQL source, join in the engine: --query FILE\.sql/],
    ];
    for (const [args, line] of cases) {
      const r = segmenta(['segment', ...args, '--workspace', ws]);
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stderr.trim().split('\n').filter((l) => !/^\s*[\d.]+s\s/.test(l));
      expect(lines.length, r.stderr).toBe(1);
      expect(lines[0].replace(/^segmenta:\s*/, '')).toMatch(line);
    }
    // Order lines (an invoice id beside the customer and the time): aggregated per order, then per customer, in DuckDB (order-plan.ts).
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const orders = await makeWarehouseRun({ seed: 42, k: 2, config, log, warehouse: { url: `duckdb://${copy}`, table: 'lines' } });
    expect(orders.run.schema.kind).toBe('orders');
    expect(orders.run.schema.mapping).toMatchObject({ order: 'invoice_no', time: 'invoice_date', amount: 'quantity × price' });
    expect(orders.run.segments.reduce((a, x) => a + x.size, 0)).toBe(50);
    const flagged = await makeWarehouseRun({ seed: 42, k: 2, quantity: 'k1', price: 'k2', config, log, warehouse: { url: `duckdb://${copy}`, table: 'lines2' } });
    expect(flagged.run.schema.mapping).toMatchObject({ order: 'invoice_no', time: 'invoice_date', amount: 'k1 × k2', quantity: 'k1', price: 'k2' });
  }, 120_000);
});

describe('segment --source duckdb://… --table events (aggregated in the engine)', () => {
  it('makes the features the file path makes from the same event log, and the same Run', async () => {
    const dir = tempDir('segmenta-duck-ev-');
    const csv = join(dir, 'events.csv');
    await writePlantedEvents(csv, { customers: 2000, seed: 7 });
    const db = join(dir, 'events.db');
    await sql(db, [EVENTS_DDL, `COPY events FROM '${csv}' (HEADER)`]);
    const config = loadConfig({ workspace: tempDir('segmenta-wh-') }, {});
    const file = await makeRun({ file: csv, seed: 42, config, log });
    const wh = await makeWarehouseRun({ seed: 42, config, log, warehouse: { url: `duckdb://${db}`, table: 'events' } });
    expect(file.run.schema.kind).toBe('events');
    expect(wh.run.schema.kind).toBe('events');
    expect(wh.run.schema.derived).toEqual(file.run.schema.derived);
    const rows = await sql(db, [`SELECT customer_id, segment FROM segmenta_assignments WHERE run_id = '${wh.runId}'`]);
    expectSameRun(file, wh, new Map(rows.map((r) => [String(r.customer_id), Number(r.segment)])));
    expect(wh.run.warehouse!.rowsFetched.sample).toBe(2000);
  }, 180_000);
});

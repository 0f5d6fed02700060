import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { segmenta, tempDir } from './cli.js';
import { generateRetail, writeRetailCsv } from '../fixtures/online-retail.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import type { RunFile } from '../../src/model/run.js';

/**
 * Issue 13's acceptance on an order-line export shaped like the public "Online Retail" data
 * (cancellations, a quarter of lines without CustomerID, descriptions, 5 countries, > 100k
 * lines), generated here from a seed. `segment FILE` with no flags must run, and every
 * segment's reported mean of net spend, orders and order value must match what plain SQL in
 * this test computes from the file (cancellations netted); the European export of the same
 * lines (`;`, decimal commas, dd.mm.yyyy) must give the same segments.
 */
interface Out {
  runId: string;
  runDir: string;
  k: number;
  segments: { id: number; name: string; size: number }[];
}

describe('segmenta segment on an Online Retail–style order-line log', () => {
  const dir = tempDir('segmenta-retail-');
  const plain = join(dir, 'online-retail.csv');
  const european = join(dir, 'online-retail-eu.csv');
  let lines = 0;
  let out: Out;
  let outEu: Out;
  let stdoutHuman = '';

  beforeAll(async () => {
    const g = generateRetail({ customers: 2000, minLines: 100_000, seed: 13 });
    lines = await writeRetailCsv(plain, g.lines);
    await writeRetailCsv(european, g.lines, { european: true });
    const r = segmenta(['segment', plain, '--json', '--workspace', join(dir, 'ws')]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    out = JSON.parse(r.stdout);
    const e = segmenta(['segment', european, '--json', '--workspace', join(dir, 'ws')]);
    expect(e.status, e.stderr).toBe(0);
    outEu = JSON.parse(e.stdout);
    stdoutHuman = segmenta(['inspect', plain]).stdout;
  }, 300_000);

  it('has the shape the issue asks for', () => {
    expect(lines).toBeGreaterThanOrEqual(100_000);
    const text = readFileSync(plain, 'utf8');
    expect(text).toMatch(/\nC\d{6},/); // cancellations
    expect(text).toMatch(/,,[A-Za-z ]+\n/); // lines without a CustomerID
  });

  it('says how it read the log: the mapping, cancellations, the lines left out', () => {
    expect(stdoutHuman).toContain('customer = CustomerID, order = InvoiceNo, time = InvoiceDate, amount = Quantity × UnitPrice');
    expect(stdoutHuman).toContain('cancellations: InvoiceNo starting with C; negative Quantity');
    expect(stdoutHuman).toMatch(/lines \(2\d%\) have no CustomerID; left out/);
    const run: RunFile = JSON.parse(readFileSync(join(out.runDir, 'run.json'), 'utf8'));
    expect(run.schema.kind).toBe('orders');
    expect(run.schema.mapping?.order).toBe('InvoiceNo');
    // Country is described, never "the category".
    expect(run.schema.mapping?.category).toBeUndefined();
    expect(run.schema.mapping?.attributes).toEqual(['Country']);
  });

  it("reports each segment's mean net spend, orders and order value as plain SQL computes them (within 0.5%)", async () => {
    const run: RunFile = JSON.parse(readFileSync(join(out.runDir, 'run.json'), 'utf8'));
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    // Independent of src/data: explicit types, the UCI conventions written out by hand.
    const reader = `read_csv(${q(plain)}, header = true, columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'VARCHAR', 'UnitPrice': 'DOUBLE', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})`;
    const rows = (
      await conn.runAndReadAll(`
      WITH l AS (SELECT * FROM ${reader} WHERE CustomerID IS NOT NULL),
      inv AS (SELECT CustomerID, InvoiceNo, InvoiceNo LIKE 'C%' AS cancel, sum(Quantity * UnitPrice) AS total FROM l GROUP BY ALL),
      cust AS (
        SELECT CustomerID, sum(total) AS net_spend, count(*) FILTER (WHERE NOT cancel) AS orders, avg(total) FILTER (WHERE NOT cancel) AS order_value
        FROM inv GROUP BY CustomerID
      ),
      seg AS (SELECT * FROM read_csv(${q(join(out.runDir, 'assignments.csv'))}, header = true, columns = {'CustomerID': 'VARCHAR', 'segment': 'INTEGER'}))
      SELECT seg.segment, CAST(avg(net_spend) AS DOUBLE) AS spend, CAST(avg(orders) AS DOUBLE) AS orders, CAST(avg(order_value) AS DOUBLE) AS aov, CAST(count(*) AS DOUBLE) AS n
      FROM cust JOIN seg USING (CustomerID) GROUP BY seg.segment ORDER BY seg.segment`)
    ).getRowObjects() as { segment: number; spend: number; orders: number; aov: number; n: number }[];
    conn.closeSync();
    expect(rows.length).toBe(out.k);
    let checked = 0;
    for (const r of rows) {
      const s = run.segments.find((x) => x.id === r.segment)!;
      expect(s.size).toBe(r.n);
      const mean = (f: string) => s.profile.numeric.find((x) => x.feature === f)!.mean;
      for (const [feature, truth] of [['monetary', r.spend], ['frequency', r.orders], ['avg_order_value', r.aov]] as const) {
        expect(Math.abs(mean(feature) - truth) / Math.abs(truth), `segment ${r.segment} ${feature}: ${mean(feature)} vs ${truth}`).toBeLessThan(0.005);
        checked++;
      }
    }
    expect(checked).toBe(3 * out.k);
  });

  it('the European export of the same lines gives the same segments (ARI ≥ 0.99), revenue and dates used', () => {
    const labels = (o: Out) => {
      const m = new Map<string, number>();
      for (const line of readFileSync(join(o.runDir, 'assignments.csv'), 'utf8').trim().split('\n').slice(1)) {
        const [id, seg] = line.split(',');
        m.set(id, Number(seg));
      }
      return m;
    };
    const a = labels(out);
    const b = labels(outEu);
    expect(b.size).toBe(a.size);
    const ids = [...a.keys()];
    expect(adjustedRandIndex(ids.map((i) => a.get(i)!), ids.map((i) => b.get(i) ?? -1))).toBeGreaterThanOrEqual(0.99);
    const run: RunFile = JSON.parse(readFileSync(join(outEu.runDir, 'run.json'), 'utf8'));
    const role = (c: string) => run.schema.columns.find((x) => x.name === c)?.role;
    expect(role('UnitPrice')).toBe('numeric');
    expect(role('InvoiceDate')).toBe('datetime');
    expect(run.schema.derived).toEqual(expect.arrayContaining(['monetary', 'recency_days']));
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DIALECTS, type EngineName } from '../../src/warehouse/dialect.js';
import * as orders from '../../src/warehouse/order-plan.js';
import { materializeSql } from '../../src/warehouse/event-plan.js';
import { aggregateOrderLines } from '../../src/data/order-lines.js';
import { sqlString } from '../../src/data/formats.js';
import { CANCEL_VALUES } from '../../src/data/log-roles.js';
import { TEXT_CAP } from '../../src/data/infer-schema.js';

/**
 * The order-line plan (src/warehouse/order-plan.ts) per dialect: golden files
 * (test/fixtures/warehouse/<engine>-orders.sql; SEGMENTA_UPDATE_GOLDEN=1 rewrites them), the
 * BigQuery statements parsed by a BigQuery grammar, and on DuckDB the features equal the file
 * path's (src/data/order-lines.ts aggregateOrderLines, the lines read as a file's) on a hand-made log.
 */
const GOLDEN = resolve(import.meta.dirname, '../fixtures/warehouse');
const { Parser } = NodeSqlParser as unknown as { Parser: new () => { astify(sql: string, opt: { database: string }): unknown } };

const OC: orders.OrderColumns = { id: 'CustomerID', order: 'InvoiceNo', time: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice', category: 'family', text: 'Description', attributes: ['Country'] };
const RULE: orders.CancelRule = { cPrefix: true, status: ['status'] };

function compile(engine: EngineName): { purpose: string; sql: string }[] {
  const d = DIALECTS[engine];
  const qualify = (t: string) => (engine === 'bigquery' ? `proj.shop.${t}` : t);
  const relation = d.table(qualify('retail'));
  return [
    { purpose: 'order cancellations', sql: orders.cancelRuleSql(d, relation, OC.order, ['status']) },
    { purpose: 'order summary', sql: orders.orderSummarySql(d, relation, OC, RULE) },
    { purpose: 'order categories', sql: orders.orderCategoriesSql(d, relation, OC, RULE) },
    { purpose: 'aggregate order lines', sql: materializeSql(d, qualify('segmenta_features'), orders.orderFeaturesSql(d, relation, OC, RULE, ['mugs', "kids' toys"], 1322697540)) },
  ];
}

const render = (statements: { purpose: string; sql: string }[]) => statements.map((s) => `-- ${s.purpose}\n${s.sql};\n`).join('\n');

describe('the order-line plan compiled to SQL', () => {
  for (const engine of ['bigquery', 'postgres', 'duckdb'] as const) {
    it(`${engine}: the order-line statements match their golden file`, () => {
      const file = join(GOLDEN, `${engine}-orders.sql`);
      const out = render(compile(engine));
      if (process.env.SEGMENTA_UPDATE_GOLDEN === '1') writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('every BigQuery order-line statement parses with a BigQuery grammar, and uses nothing BigQuery lacks', () => {
    const parser = new Parser();
    for (const s of compile('bigquery')) {
      // The grammar lacks CREATE TABLE … AS and STRING_AGG(… ORDER BY …), which BigQuery documents; the rest is parsed.
      const sql = s.sql.replace(/^CREATE OR REPLACE TABLE `[^`]+` AS /, '').replace("STRING_AGG(product, ' · ' ORDER BY product)", "STRING_AGG(product, ' · ')");
      expect(() => parser.astify(sql, { database: 'bigquery' }), `${s.purpose}: ${sql.slice(0, 160)}`).not.toThrow();
      expect(s.sql).not.toMatch(/FILTER \(|date_diff|EXCLUDE|bool_and|::/i);
    }
  });

  it('duckdb: the features are the file path\'s (order-lines.ts) on a hand-made log with cancellations, returns and guests', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run('CREATE TABLE retail (InvoiceNo VARCHAR, Description VARCHAR, Quantity DOUBLE, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID VARCHAR, Country VARCHAR, family VARCHAR, status VARCHAR)');
    await conn.run(`INSERT INTO retail VALUES
      ('100', 'RED MUG', 2, '2024-01-01 10:00:00', 3.5, 'a', 'UK', 'mugs', 'ok'),
      ('100', 'BLUE MUG', 1, '2024-01-01 10:00:00', 4, 'a', 'UK', 'mugs', 'ok'),
      ('101', 'TEDDY', 1, '2024-01-05 12:00:00', 12, 'a', 'France', 'kids'' toys', 'ok'),
      ('C102', 'TEDDY', -1, '2024-01-06 09:30:00', 12, 'a', 'UK', 'kids'' toys', 'ok'),
      ('103', 'RED MUG', 4, '2024-01-08 00:00:00', 3.5, 'b', 'Spain', 'mugs', NULL),
      ('104', 'LAMP', 1, '2024-01-09 18:00:00', 30, 'b', 'Spain', 'lamps', 'returned'),
      ('105', 'LAMP', 1, '2024-01-10 08:00:00', 30, 'c', 'Spain', 'lamps', 'Cancelled'),
      ('106', 'RED MUG', 1, '2024-01-02 08:00:00', 3.5, NULL, 'UK', 'mugs', 'ok'),
      ('107', 'RED MUG', 1, NULL, 3.5, 'b', 'UK', 'mugs', 'ok')`);
    const d = DIALECTS.duckdb;
    const summary = (await (await conn.runAndReadAll(orders.orderSummarySql(d, 'retail', OC, RULE))).getRowObjectsJS())[0];
    // Bought: 100, 101, 103; cancelled: C102 (C prefix), 104 (returned), 105 (Cancelled); 106 has no customer, 107 no time.
    expect(summary).toMatchObject({ lines: 8, timed: 7, orders: 3, cancelled_orders: 3 });
    const categories = (await (await conn.runAndReadAll(orders.orderCategoriesSql(d, 'retail', OC, RULE))).getRowObjectsJS()).map((r) => String(r.category));
    expect(categories).toEqual(['mugs', "kids' toys"]);
    const ours = (await (await conn.runAndReadAll(`${orders.orderFeaturesSql(d, 'retail', OC, RULE, categories, Number(summary.as_of))} ORDER BY 1`)).getRowObjectsJS()) as Record<string, unknown>[];
    // The file path: aggregateOrderLines over the same table, each line read as load-orders.ts reads a file's (value-sql.ts, log-roles.ts).
    const text = (c: string) => `nullif(trim(CAST(${c} AS VARCHAR)), '')`;
    const file = await aggregateOrderLines(conn, 'retail', {
      keys: ['CustomerID', 'InvoiceNo', 'InvoiceDate', 'family', 'Description', 'Country', 'status'],
      id: text('CustomerID'),
      order: text('InvoiceNo'),
      timestamp: 'CAST(InvoiceDate AS TIMESTAMP)',
      quantity: 'CAST(Quantity AS DOUBLE)',
      price: 'CAST(UnitPrice AS DOUBLE)',
      cancelled: `regexp_full_match(${text('InvoiceNo')}, '[Cc]\\d+') OR coalesce(regexp_full_match(${text('status')}, ${sqlString(CANCEL_VALUES)}), false)`,
      category: text('family'),
      text: `left(${text('Description')}, 500)`,
      attributes: [{ name: 'Country', sql: text('Country') }],
      textCap: TEXT_CAP,
    });
    expect([file.lines, file.skipped, file.orders, file.cancelledOrders]).toEqual([8, 1, 3, 3]);
    expect(file.categories).toEqual(categories);
    expect(ours.length).toBe(3);
    expect(ours.map((r) => r.CustomerID)).toEqual(file.ids);
    // Every feature per customer: numbers to 1e-9, the favourite category, the country, the products bought.
    const theirs = (i: number, n: string): unknown => {
      const num = file.numeric.find((c) => c.name === n);
      if (num) return num.values[i];
      const cat = file.categorical.find((c) => c.name === n);
      if (cat) return cat.codes[i] < 0 ? null : cat.levels[cat.codes[i]];
      if (n === 'products_bought') return file.text!.values[i];
      throw new Error(`no feature ${n} on the file path`);
    };
    const names = orders.orderFeatureColumns(OC, categories);
    expect(names.length).toBe(file.numeric.length + file.categorical.length + 1);
    for (const [i, r] of ours.entries()) {
      for (const n of names) {
        const [a, b] = [r[n], theirs(i, n)];
        // A missing number is NULL from the engine, NaN in the file path's columns.
        if (typeof b === 'number' && Number.isNaN(b)) expect(a, `${String(r.CustomerID)}.${n}`).toBeNull();
        else if (typeof b === 'number') expect(Math.abs(Number(a) - b), `${String(r.CustomerID)}.${n}: engine ${String(a)} vs file ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        else expect(a, `${String(r.CustomerID)}.${n}`).toEqual(b);
      }
    }
    // Customer a: 100 (7 + 4) and 101 (12) bought, C102 (-12) cancelled: net 11, two orders, return rate 12/23;
    // favourite: two lines of mugs, two of kids' toys (the cancelled line counts, as on the file path), tie in byte order.
    expect(ours[0]).toMatchObject({ frequency: 2, monetary: 11, cancelled_orders: 1, favourite_category: "kids' toys", products_bought: 'BLUE MUG · RED MUG · TEDDY' });
    expect(ours[0].return_rate).toBeCloseTo(12 / 23, 12);
    // Customer c's one order was cancelled by its status: no orders, spend -30, return rate 1 (nothing bought).
    expect(ours[2]).toMatchObject({ frequency: 0, monetary: -30, cancelled_orders: 1, return_rate: 1 });
    conn.closeSync?.();
  });
});

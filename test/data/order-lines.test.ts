import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { aggregateOrderLines, type OrderFeatures } from '../../src/data/order-lines.js';

/**
 * aggregateOrderLines groups the lines by their raw key values before it trims, parses dates and
 * matches the cancellation rule once per group (order-lines.ts). These lines are chosen so that
 * grouping mistakes show: a padded id that must merge with the plain one, an order refunded in
 * full whose float sum is not 0 (0.1 + 0.2 − 0.1 − 0.2), a category a customer never bought
 * (share 0, not missing), a line without a readable time and one without a customer.
 */
describe('aggregateOrderLines', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let f: OrderFeatures;
  const col = (name: string) => Array.from(f.numeric.find((c) => c.name === name)!.values);

  beforeAll(async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    await conn.run(`CREATE TABLE lines AS SELECT * FROM (VALUES
      ('o1', 'c1', '2024-01-01 10:00:00', 'Shoes', '1', '0.1', 'UK'),
      ('o1', 'c1', '2024-01-01 10:00:00', 'Sale', '1', '0.2', 'UK'),
      ('o1', 'c1', '2024-01-01 10:00:00', 'Shoes', '-1', '-0.1', 'UK'),
      ('o1', 'c1', '2024-01-01 10:00:00', 'Sale', '-1', '-0.2', 'UK'),
      ('o2', ' c2', '2024-01-05 09:00:00', 'Shoes', '2', '30', 'DE'),
      ('o2', 'c2', '2024-01-05 09:00:00', 'Shoes', '1', '15', 'DE '),
      ('o3', 'c2', 'not a time', 'Shoes', '1', '5', 'DE'),
      ('C4', 'c2', '2024-01-09 09:00:00', 'Shoes', '-1', '-15', 'FR'),
      ('o5', NULL, '2024-01-09 09:00:00', 'Sale', '1', '99', 'UK')
    ) t(o, c, t, cat, q, amt, country)`);
    const text = (c: string) => `nullif(trim(${c}), '')`;
    f = await aggregateOrderLines(conn, 'lines', {
      keys: ['c', 'o', 't', 'cat', 'country'],
      id: text('c'),
      order: text('o'),
      timestamp: 'TRY_CAST(t AS TIMESTAMP)',
      quantity: 'CAST(q AS DOUBLE)',
      amount: 'CAST(amt AS DOUBLE)',
      cancelled: `regexp_full_match(${text('o')}, '[Cc]\\d+')`,
      category: text('cat'),
      attributes: [{ name: 'Country', sql: text('country') }],
      textCap: 1000,
    });
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
  });

  it('merges a padded id with the plain one and counts lines, untimed lines and orders', () => {
    expect(f.ids).toEqual(['c1', 'c2']);
    expect([f.lines, f.skipped, f.orders, f.cancelledOrders]).toEqual([8, 1, 2, 2]);
    expect(f.categories).toEqual(['Shoes', 'Sale']);
  });

  it('nets spend per order: an order refunded in full is exactly 0, a cancellation order is subtracted', () => {
    expect(col('monetary')).toEqual([0, 30]);
    expect(col('frequency')).toEqual([1, 1]);
    expect(col('avg_order_value')).toEqual([0, 45]);
    expect(col('cancelled_orders')).toEqual([0, 1]);
    expect(col('return_rate')[0]).toBe(1);
    expect(col('return_rate')[1]).toBeCloseTo(1 / 3, 12);
    expect(col('units_per_order')).toEqual([2, 3]);
  });

  it('gives a category never bought a share of 0, and each customer the attribute value of most lines', () => {
    expect(col('share_sale')).toEqual([0.5, 0]);
    expect(col('share_shoes')).toEqual([0.5, 1]);
    const country = f.categorical.find((c) => c.name === 'Country')!;
    expect(Array.from(country.codes).map((i) => country.levels[i])).toEqual(['UK', 'DE']);
  });
});

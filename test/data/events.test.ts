import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateEvents, eventFeatureSql } from '../../src/data/events.js';
import { describeSchema, loadCustomers } from '../../src/data/load.js';
import type { CustomerTable } from '../../src/model/data.js';
import { expectInputError, makeTempDir } from './helpers.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/**
 * A hand-made log whose per-customer features are worked out by hand below. The latest event
 * (2024-01-10) is the reference date for recency and tenure.
 */
const LOG = `customer_id,timestamp,amount,category
a,2024-01-01,10,books
a,2024-01-05,20,books
a,2024-01-05,30,toys
b,2024-01-08,5,toys
b,2024-01-09,3,toys
b,2024-01-10,7,games
c,2024-01-02,100,books
c,2024-01-03,,toys
c,,50,books
`;

const EXPECTED = {
  // a: last Jan 5, first Jan 1, 3 events on 2 days, 60 spent; books 2 of 3.
  a: { recency_days: 5, frequency: 3, monetary: 60, avg_order_value: 20, tenure_days: 9, active_days: 2, share_books: 2 / 3, share_toys: 1 / 3, share_games: 0 },
  // b: last Jan 10 (the reference), first Jan 8, 3 events on 3 days.
  b: { recency_days: 0, frequency: 3, monetary: 15, avg_order_value: 5, tenure_days: 2, active_days: 3, share_books: 0, share_toys: 2 / 3, share_games: 1 / 3 },
  // c: the event without a time is skipped; the one without an amount counts as an event but not in the money.
  c: { recency_days: 7, frequency: 2, monetary: 100, avg_order_value: 100, tenure_days: 8, active_days: 2, share_books: 1 / 2, share_toys: 1 / 2, share_games: 0 },
};
const FAVOURITE = { a: 'books', b: 'toys', c: 'books' }; // c: a 1–1 tie goes to the alphabetically first

function value(table: { ids: string[]; numeric: { name: string; values: Float64Array }[] }, id: string, feature: string): number {
  const i = table.ids.indexOf(id);
  const col = table.numeric.find((c) => c.name === feature);
  if (!col) throw new Error(`no feature ${feature}`);
  return col.values[i];
}

describe('event-log aggregation', () => {
  it('aggregateEvents computes exact recency, frequency, monetary, tenure, active days and category mix in SQL', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const file = tmp.file('raw.csv', LOG);
      await conn.run(`CREATE TABLE ev AS SELECT * FROM read_csv('${file}', all_varchar = true)`);
      const f = await aggregateEvents(conn, 'ev', {
        id: 'customer_id',
        timestamp: 'TRY_CAST("timestamp" AS TIMESTAMP)',
        amount: 'TRY_CAST(amount AS DOUBLE)',
        category: 'category',
      });
      expect(f.ids).toEqual(['a', 'b', 'c']);
      expect(f.categories).toEqual(['toys', 'books', 'games']); // most events first (toys 4, books 3, games 1)
      expect(f.asOf).toBe('2024-01-10 00:00:00');
      expect(f.events).toBe(9);
      expect(f.skipped).toBe(1);
      for (const [id, features] of Object.entries(EXPECTED)) {
        for (const [name, v] of Object.entries(features)) expect(value(f, id, name), `${id}.${name}`).toBeCloseTo(v, 10);
      }
      const fav = f.favourite!;
      expect(f.ids.map((_, i) => fav.levels[fav.codes[i]])).toEqual([FAVOURITE.a, FAVOURITE.b, FAVOURITE.c]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('loadCustomers detects the log and returns one cleaned row per customer', async () => {
    const table = await loadCustomers(tmp.file('log.csv', LOG));
    expect(table.schema.kind).toBe('events');
    expect(table.schema.idColumn).toBe('customer_id');
    expect(table.schema.rowsRead).toBe(9);
    expect(table.ids).toEqual(['a', 'b', 'c']);
    expect(table.schema.derived).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'avg_order_value',
      'tenure_days',
      'active_days',
      'share_toys',
      'share_books',
      'share_games',
      'favourite_category',
    ]);
    for (const [id, features] of Object.entries(EXPECTED)) {
      for (const [name, v] of Object.entries(features)) expect(value(table, id, name), `${id}.${name}`).toBeCloseTo(v, 10);
    }
    const roles = Object.fromEntries(table.schema.columns.map((c) => [c.name, c.role]));
    expect(roles).toEqual({ customer_id: 'id', timestamp: 'datetime', amount: 'numeric', category: 'categorical' });
    expect(table.quality.warnings.join('\n')).toContain('column "timestamp": 1 event has no readable time; skipped');
    expect(describeSchema(table.schema)).toContain('derived per customer: recency_days, frequency');
  });

  it('fractional days when events carry a time of day', async () => {
    const table = await loadCustomers(tmp.file('times.csv', 'user_id,ts,amount\nx,2024-03-01 00:00:00,1\nx,2024-03-02 12:00:00,2\ny,2024-03-03 06:00:00,3\ny,2024-03-03 18:00:00,4\n'));
    expect(value(table, 'x', 'recency_days')).toBeCloseTo(1.25, 10);
    expect(value(table, 'x', 'tenure_days')).toBeCloseTo(2.75, 10);
    expect(value(table, 'y', 'recency_days')).toBe(0);
    expect(table.quality.warnings.join('\n')).not.toContain('no amount column');
  });

  it('a log without amounts or categories still aggregates, and says what is left out', async () => {
    const table = await loadCustomers(tmp.file('bare.csv', 'customer_id,date\na,2024-01-01\na,2024-01-03\nb,2024-01-02\nb,2024-01-04\nb,2024-01-05\n'));
    expect(table.schema.kind).toBe('events');
    expect(table.numeric.map((c) => c.name)).toEqual(['recency_days', 'frequency', 'tenure_days', 'active_days']);
    expect(table.quality.warnings.join('\n')).toContain('no amount column found');
  });

  it('events: false reads the log as (duplicated) customer rows instead', async () => {
    const table = await loadCustomers(tmp.file('log2.csv', LOG), { events: false });
    expect(table.schema.kind).toBe('customers');
    expect(table.quality.duplicateIds).toBe(6);
  });

  it('events: true on a file without dates is an error that says what is missing', async () => {
    await expectInputError(loadCustomers(tmp.file('nodates.csv', 'customer_id,amount\na,1\nb,2\n'), { events: true }), ['nodates.csv', 'date or timestamp column']);
  });

  it('the feature SQL is plain SQL over four named columns (portable to a warehouse)', () => {
    const sql = eventFeatureSql('events', { amount: true, categories: ["kids' toys"], asOf: '2024-01-10 00:00:00' });
    expect(sql).toContain('FROM events');
    expect(sql).toContain(`category = 'kids'' toys'`);
    expect(sql).toContain(`TIMESTAMP '2024-01-10 00:00:00'`);
    expect(sql).toContain('"share_kids_toys"');
    expect(sql).not.toMatch(/seg_|read_csv/);
  });

  it('examples/events.csv aggregates to 1,000 customers with RFM and category mix', async () => {
    const table: CustomerTable = await loadCustomers('examples/events.csv');
    expect(table.schema.kind).toBe('events');
    expect(table.ids).toHaveLength(1000);
    expect(table.schema.rowsRead).toBeGreaterThan(15_000);
    expect(table.numeric.filter((c) => c.name.startsWith('share_'))).toHaveLength(8);
    expect(table.categorical.map((c) => c.name)).toEqual(['favourite_category']);
    const freq = table.numeric.find((c) => c.name === 'frequency')!.values;
    expect(freq.reduce((a, b) => a + b, 0)).toBeGreaterThan(15_000);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withOrderLog } from '../../src/predict/read-orders.js';
import { predictFile } from '../../src/predict/predict-file.js';
import { InputError } from '../../src/errors.js';
import { makeTempDir } from '../data/helpers.js';

/**
 * The order-line reader over the data stage: lines of one order add up, a cancelled order
 * (lines reversed at the order's time) is no purchase, a later refund counts against spend,
 * and every minimum-data rule is one InputError line.
 */
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('order lines → per-customer histories', () => {
  it('groups lines into orders, drops cancelled orders, nets refunds', async () => {
    const file = join(tmp.dir, 'lines.csv');
    const rows = [
      'order_id,customer_id,ordered_at,amount',
      'o1,A,2024-01-01 10:00:00,10',
      'o1,A,2024-01-01 10:00:00,5',
      'o2,A,2024-01-11 10:00:00,20',
      'o3,A,2024-01-21 10:00:00,30',
      'o3,A,2024-01-21 10:00:00,-30', // cancelled: nets to 0
      'o2,A,2024-01-26 10:00:00,-5', // refund of part of o2
      'o4,B,2024-01-05 10:00:00,40',
      'o5,B,2024-03-01 10:00:00,60', // after the cutoff below
      'o6,C,2024-02-25 10:00:00,7', // first order after the cutoff: not in the calibration
    ];
    writeFileSync(file, rows.join('\n') + '\n');
    await withOrderLog(file, {}, async (log, summarise) => {
      expect(log).toMatchObject({ idColumn: 'customer_id', timeColumn: 'ordered_at', amountColumn: 'amount', lines: 9, orders: 5, refunds: 2 });
      // Cutoff 2024-01-31 10:00 (30 days after the first event).
      const h = await summarise(30);
      expect(h.ids).toEqual(['A', 'B']);
      expect(Array.from(h.x)).toEqual([1, 0]);
      expect(h.tx[0]).toBeCloseTo(10, 9);
      expect(h.T[0]).toBeCloseTo(30, 9);
      expect(h.T[1]).toBeCloseTo(26, 9);
      expect(h.meanValue[0]).toBeCloseTo((15 + 20 - 5) / 2, 9);
      expect(Array.from(h.holdoutOrders)).toEqual([0, 1]);
      expect(Array.from(h.holdoutSpend)).toEqual([0, 60]);
    });
  });

  const customers = (n: number, repeatEvery: number) => {
    const lines = ['customer_id,ordered_at,amount'];
    for (let i = 0; i < n; i++) {
      const day = 1 + (i % 28);
      lines.push(`c${i},2024-01-${String(day).padStart(2, '0')},${10 + (i % 7)}`);
      if (i % repeatEvery === 0) lines.push(`c${i},2024-06-${String(day).padStart(2, '0')},${12 + (i % 5)}`);
      lines.push(`c${i},2024-12-${String(day).padStart(2, '0')},${10 + (i % 3)}`);
    }
    return lines.join('\n') + '\n';
  };

  it('refuses a holdout longer than the history before it, in one line', async () => {
    const file = join(tmp.dir, 'short.csv');
    writeFileSync(file, customers(200, 1));
    const err = await predictFile(file, { holdoutDays: 365, days: 90, clvDays: 365 }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/short\.csv, column "ordered_at": the events cover 3\d\d days .* too short for a 365-day holdout.*--holdout 1\d\dd/);
    expect(err.message).not.toMatch(/\n/);
  });

  it('refuses too few customers and too few repeat customers, each in one line', async () => {
    const few = join(tmp.dir, 'few.csv');
    writeFileSync(few, customers(60, 1));
    const e1 = await predictFile(few, { holdoutDays: 90, days: 90, clvDays: 365 }).catch((e) => e);
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.message).toMatch(/few\.csv, column "customer_id": only 60 customers ordered before the 90-day holdout window .* at least 100/);
    // Every customer orders in January and December; only 1 in 10 in June: 20 repeat buyers before the holdout.
    const once = join(tmp.dir, 'once.csv');
    writeFileSync(once, customers(200, 10));
    const e2 = await predictFile(once, { holdoutDays: 90, days: 90, clvDays: 365 }).catch((e) => e);
    expect(e2).toBeInstanceOf(InputError);
    expect(e2.message).toMatch(/only 20 customers ordered more than once before the 90-day holdout window.*at least 50 repeat customers/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from '../e2e/cli.js';
import { generateOrderLines, writeOrderLines } from '../fixtures/order-lines.js';

/**
 * Issue 22, point 2 through the real CLI: `segmenta predict EVENTS --holdout 90d` on an
 * order-line log (seasonality, cancellations, refunds) prints the backtest beside the RFM
 * baseline, `--json` has the documented shape, and the predictions are stored in the Run made
 * from the file. Bad input is one line, exit 1, nothing stored.
 */
const dir = tempDir();
const ws = join(dir, 'ws');
const file = join(dir, 'orders.csv');
writeOrderLines(file, generateOrderLines({ customers: 2500, seed: 5 }));
let runDir: string;

beforeAll(() => {
  const r = segmenta(['segment', file, '--json', '--workspace', ws, '-q']);
  expect(r.status, r.stderr).toBe(0);
  runDir = JSON.parse(r.stdout).runDir;
}, 180_000);

describe('segmenta predict', () => {
  it('--json: the backtest with the RFM baseline beside it, stored in the Run', () => {
    const r = segmenta(['predict', file, '--holdout', '90d', '--json', '--workspace', ws, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const bt = out.backtest;
    for (const m of [bt, bt.baseline]) {
      for (const k of ['purchases_spearman', 'spend_spearman', 'churn_auc']) {
        expect(typeof m[k], k).toBe('number');
        expect(Math.abs(m[k])).toBeLessThanOrEqual(1);
      }
    }
    // The model ranks better than RFM on this log (the bench table measures it on a bigger one).
    expect(bt.purchases_spearman).toBeGreaterThan(bt.baseline.purchases_spearman);
    expect(bt.churn_auc).toBeGreaterThan(bt.baseline.churn_auc);
    expect(bt.calibration).toHaveLength(10);
    // Decile 1 is the customers predicted to buy most, and they do buy more than decile 10.
    expect(bt.calibration[0].actual).toBeGreaterThan(bt.calibration[9].actual);
    expect(bt.holdoutDays).toBe(90);

    const run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(out.stored.runId).toBe(run.id);
    expect(run.predictions.backtest.purchases_spearman).toBe(bt.purchases_spearman);
    const segIds = Object.keys(run.predictions.segments).map(Number);
    expect(segIds.length).toBe(run.segments.length);
    const frequent = run.predictions.segments[segIds[0]];
    for (const k of ['churnRisk', 'buy30', 'pAlive']) expect(frequent[k]).toBeGreaterThanOrEqual(0), expect(frequent[k]).toBeLessThanOrEqual(1);
    // Segments differ in predicted value: the means are not one number copied around.
    const clvs = segIds.map((s) => run.predictions.segments[s].clv);
    expect(Math.max(...clvs)).toBeGreaterThan(1.2 * Math.min(...clvs));

    const csv = readFileSync(join(runDir, 'predictions.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('customer_id,orders,past_spend,expected_orders_90d,p_alive,p_order_30d,expected_order_value,expected_spend_90d,clv_365d,next_order_date');
    expect(csv.length - 1).toBe(out.customers);
    expect(csv[1]).toMatch(/^c\d+,\d+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,\d{4}-\d\d-\d\d$/);
  }, 180_000);

  it('prints the backtest table, the calibration by decile and the per-segment traits', () => {
    const r = segmenta(['predict', file, '--workspace', ws, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backtest: fitted up to \d{4}-\d\d-\d\d .* scored on the last 90 days/);
    expect(r.stdout).toMatch(/churn AUC\s+0\.\d\d\s+0\.\d\d/);
    expect(r.stdout).toMatch(/RFM baseline/);
    expect(r.stdout).toMatch(/Calibration by decile/);
    expect(r.stdout).toMatch(/Stored in Run /);
  }, 180_000);

  it('bad input: one line naming the problem, exit 1, nothing stored', () => {
    const fresh = join(dir, 'ws-empty');
    const cases: [string[], RegExp][] = [
      [['predict', file, '--holdout', 'soon'], /--holdout "soon" is not a length of time/],
      [['predict', file, '--holdout', '3y'], /orders\.csv, column "ordered_at": the events cover \d+ days .* too short for a 1095-day holdout/],
      [['predict', join(dir, 'missing.csv')], /missing\.csv/],
    ];
    for (const [args, msg] of cases) {
      const r = segmenta([...args, '--workspace', fresh, '-q']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, 'customer_id,ordered_at,amount\n' + Array.from({ length: 40 }, (_, i) => `c${i % 20},2024-0${1 + (i % 9)}-01,10`).join('\n') + '\n');
    const r = segmenta(['predict', tiny, '--holdout', '30d', '--workspace', fresh]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tiny\.csv, column "customer_id": only \d+ customers ordered before the 30-day holdout window/);
    expect(existsSync(join(fresh, 'runs'))).toBe(false);
  }, 180_000);
});

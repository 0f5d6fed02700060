import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { toCsv } from '../util/csv.js';
import type { CustomerPrediction, PredictedTraits } from '../model/predict.js';

/**
 * Per-customer predictions in a Run folder: predictions.csv for people (and spreadsheets),
 * predictions.json (columnar) for segmenta to read back — ids stay on this machine like
 * assignments.csv; only aggregates go into run.json, briefs and anything an LLM sees.
 */
export const PREDICTIONS_CSV = 'predictions.csv';
export const PREDICTIONS_JSON = 'predictions.json';

const FIELDS = ['orders', 'pastSpend', 'expectedPurchases', 'pAlive', 'pBuy30', 'expectedOrderValue', 'expectedSpend', 'clv'] as const;
type Field = (typeof FIELDS)[number];

export function writePredictions(dir: string, idColumn: string, customers: CustomerPrediction[], days: number, clvDays: number): string {
  const round = (v: number, d: number) => (Number.isFinite(v) ? Number(v.toFixed(d)) : '');
  const header = [idColumn, 'orders', 'past_spend', `expected_orders_${days}d`, 'p_alive', 'p_order_30d', 'expected_order_value', `expected_spend_${days}d`, `clv_${clvDays}d`, 'next_order_date'];
  const rows = customers.map((c) => [c.id, c.orders, round(c.pastSpend, 2), round(c.expectedPurchases, 4), round(c.pAlive, 4), round(c.pBuy30, 4), round(c.expectedOrderValue, 2), round(c.expectedSpend, 2), round(c.clv, 2), c.nextOrderDate]);
  const csv = join(dir, PREDICTIONS_CSV);
  writeFileAtomic(csv, toCsv(header, rows));
  const columns: Record<string, unknown[]> = { ids: customers.map((c) => c.id), nextOrderDate: customers.map((c) => c.nextOrderDate) };
  for (const f of FIELDS) columns[f] = customers.map((c) => (Number.isFinite(c[f]) ? c[f] : null));
  writeFileAtomic(join(dir, PREDICTIONS_JSON), JSON.stringify({ version: 1, idColumn, days, clvDays, ...columns }) + '\n');
  return csv;
}

export function hasPredictions(dir: string): boolean {
  return existsSync(join(dir, PREDICTIONS_JSON));
}

export function readPredictions(dir: string): { idColumn: string; customers: CustomerPrediction[] } {
  const path = join(dir, PREDICTIONS_JSON);
  let raw: Record<string, unknown[]> & { idColumn: string };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`the Run has no readable predictions (${path}). Make them with \`segmenta predict EVENTS\`.`);
  }
  const num = (f: Field, i: number) => {
    const v = raw[f]?.[i];
    return typeof v === 'number' ? v : NaN;
  };
  const customers = (raw.ids ?? []).map((id, i) => {
    const c = { id: String(id), nextOrderDate: String(raw.nextOrderDate?.[i] ?? '') } as CustomerPrediction;
    for (const f of FIELDS) c[f] = num(f, i);
    return c;
  });
  return { idColumn: raw.idColumn, customers };
}

/** A customer counts as "at risk of churning" below this P(alive). */
export const CHURN_RISK_P_ALIVE = 0.5;

/** Mean predicted traits of each segment's members that have a prediction, and of everyone. */
export function segmentTraits(
  customers: CustomerPrediction[],
  members: { ids: string[]; segments: Int32Array },
  clvDays: number,
): { segments: Record<number, PredictedTraits>; unmatched: number } {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const sums = new Map<number, { n: number; clv: number; risk: number; buy30: number; alive: number }>();
  const all = { n: 0, clv: 0, risk: 0, buy30: 0, alive: 0 };
  let unmatched = 0;
  members.ids.forEach((id, i) => {
    const c = byId.get(id);
    if (!c) return void unmatched++;
    const seg = members.segments[i];
    let s = sums.get(seg);
    if (!s) sums.set(seg, (s = { n: 0, clv: 0, risk: 0, buy30: 0, alive: 0 }));
    for (const t of [s, all]) {
      t.n++;
      t.clv += Number.isFinite(c.clv) ? c.clv : 0;
      t.risk += c.pAlive < CHURN_RISK_P_ALIVE ? 1 : 0;
      t.buy30 += c.pBuy30;
      t.alive += c.pAlive;
    }
  });
  const spend = customers.some((c) => Number.isFinite(c.clv));
  const mean = (t: typeof all) => ({ clv: spend ? t.clv / t.n : null, churnRisk: t.risk / t.n, buy30: t.buy30 / t.n, pAlive: t.alive / t.n });
  const overall = mean(all);
  const segments: Record<number, PredictedTraits> = {};
  for (const [seg, t] of [...sums].sort((a, b) => a[0] - b[0])) segments[seg] = { ...mean(t), clvDays, customers: t.n, overall };
  return { segments, unmatched };
}

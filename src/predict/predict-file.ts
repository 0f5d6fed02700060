import { backtest } from './backtest.js';
import { fitModels, histories, score, type FittedModels } from './fit.js';
import { checkCustomers, checkHistory } from './min-data.js';
import { withOrderLog, type OrderLog } from './read-orders.js';
import type { Backtest, CustomerPrediction } from '../model/predict.js';

export interface PredictOptions {
  idColumn?: string;
  /** Backtest window in days; 0 = no backtest. */
  holdoutDays: number;
  /** Horizon of expected purchases and spend. */
  days: number;
  /** Lifetime-value window. */
  clvDays: number;
  log?: (line: string) => void;
}

export interface FilePredictions {
  log: OrderLog;
  backtest?: Backtest;
  models: FittedModels;
  /** One per customer, by id. */
  customers: CustomerPrediction[];
}

const DAY_MS = 86_400_000;

/**
 * The whole predict stage for one file: the minimum-data rules, the backtest (fit before the
 * holdout window, score on it), then the models refitted on the whole log for each
 * customer's predictions from its last event on.
 */
export async function predictFile(file: string, opts: PredictOptions): Promise<FilePredictions> {
  const say = opts.log ?? (() => {});
  return withOrderLog(file, { idColumn: opts.idColumn }, async (log, summarise) => {
    for (const w of log.warnings) say(`warning: ${w}`);
    say(`${log.lines} lines → ${log.orders} orders${log.refunds ? ` and ${log.refunds} cancellations/refunds` : ''}, ${log.start.slice(0, 10)} to ${log.end.slice(0, 10)}`);
    let bt: Backtest | undefined;
    if (opts.holdoutDays > 0) {
      checkHistory(log, opts.holdoutDays);
      const cutoffDays = log.spanDays - opts.holdoutDays;
      const cal = await summarise(cutoffDays);
      const cutoff = isoDay(Date.parse(`${log.start.replace(' ', 'T')}Z`) + cutoffDays * DAY_MS);
      checkCustomers(log, cal.ids.length, countRepeat(cal.x), `before the ${opts.holdoutDays}-day holdout window (up to ${cutoff})`);
      say(`backtest: fitting on ${cal.ids.length} customers up to ${cutoff}, scoring the last ${opts.holdoutDays} days`);
      bt = backtest(log, cal, opts.holdoutDays, cutoff);
    }
    const all = await summarise(log.spanDays);
    checkCustomers(log, all.ids.length, countRepeat(all.x), 'in the log');
    say(`fitting BG/NBD${log.amountColumn ? ' and Gamma-Gamma' : ''} on all ${all.ids.length} customers`);
    const hs = histories(all);
    const models = fitModels(hs, !!log.amountColumn);
    if (models.spendNote) say(`note: spend not modelled: ${models.spendNote}`);
    const endMs = Date.parse(`${log.end.replace(' ', 'T')}Z`);
    const customers = hs.map((h, i): CustomerPrediction => {
      const s = score(models, h, opts.days);
      const s30 = opts.days === 30 ? s : score(models, h, 30);
      const clv = opts.clvDays === opts.days ? s.expectedSpend : score(models, h, opts.clvDays).expectedSpend;
      return {
        id: all.ids[i],
        orders: h.orders,
        pastSpend: h.meanValue * h.orders,
        expectedPurchases: s.expectedPurchases,
        pAlive: s.pAlive,
        pBuy30: s30.pBuy,
        expectedOrderValue: s.orderValue,
        expectedSpend: s.expectedSpend,
        clv,
        nextOrderDate: isoDay(endMs + s.daysToNext * DAY_MS),
      };
    });
    return { log, backtest: bt, models, customers };
  });
}

function countRepeat(x: Float64Array): number {
  let n = 0;
  for (const v of x) if (v > 0) n++;
  return n;
}

function isoDay(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

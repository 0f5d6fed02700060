import { fitModels, histories, score } from './fit.js';
import { auc, spearman } from './rank.js';
import { rfmScores } from './rfm-baseline.js';
import type { Histories, OrderLog } from './read-orders.js';
import type { Backtest, DecileRow, ModelQuality } from '../model/predict.js';

/**
 * Fit on the events before the holdout window, score on the window. Every customer who
 * ordered before the cutoff is scored (including those who never order again: they are
 * the churners); customers whose first order falls in the window are not predictable and
 * are left out. "Churned" means no order in the window.
 */
export function backtest(log: OrderLog, cal: Histories, holdoutDays: number, cutoff: string): Backtest {
  const hs = histories(cal);
  const models = fitModels(hs, !!log.amountColumn);
  const n = hs.length;
  const predPurchases = new Float64Array(n);
  const predSpend = new Float64Array(n);
  const churnRisk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = score(models, hs[i], holdoutDays);
    predPurchases[i] = s.expectedPurchases;
    predSpend[i] = s.expectedSpend;
    churnRisk[i] = 1 - s.pBuy;
  }
  const churned = Array.from(cal.holdoutOrders, (v) => v === 0);
  const rfm = rfmScores(cal);
  const spendKnown = !!models.gammaGamma;
  const quality = (purchases: Float64Array, spend: Float64Array | null, risk: Float64Array): ModelQuality => ({
    purchases_spearman: spearman(purchases, cal.holdoutOrders),
    spend_spearman: spend ? spearman(spend, cal.holdoutSpend) : null,
    churn_auc: auc(risk, churned),
    top_decile_lift: topDecileLift(purchases, cal.holdoutOrders),
  });
  return {
    ...quality(predPurchases, spendKnown ? predSpend : null, churnRisk),
    baseline: quality(rfm, log.amountColumn ? rfm : null, rfm.map((v) => -v)),
    holdoutDays,
    cutoff,
    end: log.end,
    customers: n,
    repeatCustomers: hs.filter((h) => h.x > 0).length,
    calibration: deciles(predPurchases, cal.holdoutOrders),
    params: { bgnbd: models.bgnbd, gammaGamma: models.gammaGamma },
  };
}

function order(pred: Float64Array): number[] {
  // Highest prediction first; ties by index so the split is reproducible.
  return Array.from(pred.keys()).sort((i, j) => pred[j] - pred[i] || i - j);
}

/** Share of the window's orders made by the top 10% by prediction, over 10%: 1 = no better than random. */
export function topDecileLift(pred: Float64Array, actual: Float64Array): number {
  const idx = order(pred);
  const top = Math.max(1, Math.round(idx.length / 10));
  let total = 0;
  let inTop = 0;
  idx.forEach((i, r) => {
    total += actual[i];
    if (r < top) inTop += actual[i];
  });
  return total > 0 ? inTop / total / (top / idx.length) : NaN;
}

/** Mean predicted vs actual orders in each tenth of customers by prediction (1 = highest). */
export function deciles(pred: Float64Array, actual: Float64Array): DecileRow[] {
  const idx = order(pred);
  const rows: DecileRow[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * idx.length) / 10);
    const to = Math.floor(((d + 1) * idx.length) / 10);
    let p = 0;
    let a = 0;
    for (let r = from; r < to; r++) (p += pred[idx[r]]), (a += actual[idx[r]]);
    const c = to - from;
    rows.push({ decile: d + 1, customers: c, predicted: c ? p / c : 0, actual: c ? a / c : 0 });
  }
  return rows;
}

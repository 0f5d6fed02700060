import { expectedPurchases, fitBgNbd, medianDaysToNext, pAlive, pBuyWithin } from './bgnbd.js';
import { expectedOrderValue, fitGammaGamma, usableForSpend } from './gamma-gamma.js';
import { MIN_REPEAT_CUSTOMERS } from './min-data.js';
import type { Histories } from './read-orders.js';
import type { BgNbdParams, CustomerHistory, GammaGammaParams } from '../model/predict.js';

export interface FittedModels {
  bgnbd: BgNbdParams;
  /** Absent without amounts, or with too few repeat buyers with a positive spend. */
  gammaGamma?: GammaGammaParams;
  /** Why spend was not modelled, when it was not. */
  spendNote?: string;
}

export function historyAt(h: Histories, i: number): CustomerHistory {
  return { x: h.x[i], tx: h.tx[i], T: h.T[i], orders: h.orders[i], meanValue: h.meanValue[i] };
}

export function histories(h: Histories): CustomerHistory[] {
  return h.ids.map((_, i) => historyAt(h, i));
}

/** Fit BG/NBD on every customer and Gamma-Gamma on repeat buyers with a positive net spend. */
export function fitModels(hs: CustomerHistory[], hasAmount: boolean): FittedModels {
  const bgnbd = fitBgNbd(hs).params;
  if (!hasAmount) return { bgnbd, spendNote: 'the log has no amount column' };
  const spenders = hs.filter((h) => h.x > 0 && usableForSpend(h));
  if (spenders.length < MIN_REPEAT_CUSTOMERS) {
    return { bgnbd, spendNote: `only ${spenders.length} repeat customers have a positive net spend (the spend model needs ${MIN_REPEAT_CUSTOMERS})` };
  }
  const gg = fitGammaGamma(spenders).params;
  // q ≤ 1 means an infinite population mean order value: the spend model does not fit this log.
  if (gg.q <= 1) return { bgnbd, spendNote: 'order values are too heavy-tailed for the Gamma-Gamma model (q ≤ 1)' };
  return { bgnbd, gammaGamma: gg };
}

export interface Scored {
  expectedPurchases: number;
  pAlive: number;
  pBuy: number;
  orderValue: number;
  expectedSpend: number;
  daysToNext: number;
}

/** One customer's predictions over the next `days` days. */
export function score(m: FittedModels, h: CustomerHistory, days: number): Scored {
  const purchases = expectedPurchases(m.bgnbd, h, days);
  const orderValue = m.gammaGamma ? expectedOrderValue(m.gammaGamma, h) : NaN;
  return {
    expectedPurchases: purchases,
    pAlive: pAlive(m.bgnbd, h),
    pBuy: pBuyWithin(m.bgnbd, h, days),
    orderValue,
    expectedSpend: purchases * orderValue,
    daysToNext: medianDaysToNext(m.bgnbd, h),
  };
}

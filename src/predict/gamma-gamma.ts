import { lgamma } from './special.js';
import { minimize } from './nelder-mead.js';
import type { GammaGammaParams } from '../model/predict.js';

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's order
 * values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of how often they
 * buy. Fitted on customers with at least `minOrders` orders and a positive mean value.
 */
export interface SpendHistory {
  /** Orders the mean is over. */
  orders: number;
  meanValue: number;
}

/** Log-likelihood of one customer's mean order value over n orders. */
export function gammaGammaLogLik(params: GammaGammaParams, h: SpendHistory): number {
  const { p, q, gamma } = params;
  const n = h.orders;
  const m = h.meanValue;
  return (
    lgamma(p * n + q) - lgamma(p * n) - lgamma(q) + q * Math.log(gamma) + (p * n - 1) * Math.log(m) + p * n * Math.log(n) - (p * n + q) * Math.log(n * m + gamma)
  );
}

const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });

export function usableForSpend(h: SpendHistory): boolean {
  return h.orders > 0 && Number.isFinite(h.meanValue) && h.meanValue > 0;
}

export function fitGammaGamma(histories: readonly SpendHistory[]): { params: GammaGammaParams; logLik: number } {
  const use = histories.filter(usableForSpend);
  const n = use.length;
  const mean = use.reduce((s, h) => s + h.meanValue, 0) / Math.max(1, n);
  const negMeanLL = (v: number[]) => {
    const p = toParams(v);
    let ll = 0;
    for (const h of use) ll += gammaGammaLogLik(p, h);
    return -ll / n;
  };
  // Start at p = 1, q = 2, γ = mean (population mean pγ/(q-1) = the observed mean).
  const res = minimize(negMeanLL, [0, Math.log(2), Math.log(Math.max(1e-6, mean))], { step: 1, tolerance: 1e-10 });
  return { params: toParams(res.x), logLik: -res.value * n };
}

/**
 * E[order value | n orders with mean m] = (γ + n·m)·p / (p·n + q − 1): the customer's own mean
 * shrunk toward the population mean pγ/(q−1), more so for few orders. For q ≤ 1 the population
 * mean is infinite; the customer's own mean is returned instead (or NaN with no orders).
 */
export function expectedOrderValue(params: GammaGammaParams, h: SpendHistory): number {
  const { p, q, gamma } = params;
  const n = usableForSpend(h) ? h.orders : 0;
  const m = n > 0 ? h.meanValue : 0;
  if (q <= 1) return n > 0 ? m : NaN;
  return ((gamma + n * m) * p) / (p * n + q - 1);
}

import { hyp2f1, lbeta, lgamma } from './special.js';
import { minimize } from './nelder-mead.js';
import type { BgNbdParams, CustomerHistory } from '../model/predict.js';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
 * active a customer orders as a Poisson process with rate λ ~ Gamma(r, α); after each repeat
 * order they drop out with probability p ~ Beta(a, b). Times are in days.
 */

/** Log-likelihood of one customer's (x, t_x, T). */
export function bgnbdLogLik(params: BgNbdParams, h: Pick<CustomerHistory, 'x' | 'tx' | 'T'>): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = h;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lbeta(a, b + x) - lbeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  // B(a+1, b+x-1) / B(a, b+x) = a / (b+x-1): the second term shares a2.
  // log(e^a3 + e^a4) without overflow.
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/**
 * Total log-likelihood of many customers. The same sum as bgnbdLogLik per customer, with the
 * terms that depend only on x computed once per distinct x: a fit evaluates it a few hundred
 * times over every customer, and the ln Γ calls were most of the cost.
 */
export function bgnbdTotalLogLik(params: BgNbdParams, histories: readonly Pick<CustomerHistory, 'x' | 'tx' | 'T'>[]): number {
  const { r, alpha, a, b } = params;
  const base = -lgamma(r) + r * Math.log(alpha) - lbeta(a, b);
  const byX = new Map<number, number>();
  const logA = Math.log(a);
  let ll = 0;
  for (const h of histories) {
    const x = h.x;
    let cx = byX.get(x);
    if (cx === undefined) {
      cx = lgamma(r + x) + lbeta(a, b + x);
      byX.set(x, cx);
    }
    const a3 = -(r + x) * Math.log(alpha + h.T);
    if (x === 0) {
      ll += base + cx + a3;
      continue;
    }
    const a4 = logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.tx);
    const m = a3 > a4 ? a3 : a4;
    ll += base + cx + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
  }
  return ll;
}

const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });

/** Maximum-likelihood fit (Nelder–Mead over log-parameters, so every parameter stays positive). */
export function fitBgNbd(histories: readonly CustomerHistory[]): { params: BgNbdParams; logLik: number; iterations: number } {
  const n = histories.length;
  const meanT = histories.reduce((s, h) => s + h.T, 0) / Math.max(1, n);
  const negMeanLL = (v: number[]) => -bgnbdTotalLogLik(toParams(v), histories) / n;
  // Start: one order per mean customer age, a modest drop-out.
  const res = minimize(negMeanLL, [0, Math.log(Math.max(1, meanT)), 0, 0], { step: 1, tolerance: 1e-10 });
  return { params: toParams(res.x), logLik: -res.value * n, iterations: res.iterations };
}

/** P(still active at T | x, t_x, T). */
export function pAlive(params: BgNbdParams, h: Pick<CustomerHistory, 'x' | 'tx' | 'T'>): number {
  if (h.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const odds = Math.exp(Math.log(a) - Math.log(b + h.x - 1) + (r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx)));
  return 1 / (1 + odds);
}

/**
 * Expected orders in (T, T + t] given the history (FHL 2005, eq. 10). The 2F1 there,
 * 2F1(r+x, b+x; a+b+x-1; z), overflows for frequent buyers; Euler's transformation
 * 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) gives an equivalent series with small
 * parameters whose terms shrink, and the (1-z) powers combine into (1-z)^(a-1).
 */
export function expectedPurchases(params: BgNbdParams, h: Pick<CustomerHistory, 'x' | 'tx' | 'T'>, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = h;
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const oneMinusZ = (alpha + T) / (alpha + T + t);
  const c = a + b + x - 1;
  const f = hyp2f1(a + b - 1 - r, a - 1, c, z);
  const numer = (c / (a - 1)) * (1 - Math.pow(oneMinusZ, a - 1) * f);
  const denom = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return Math.max(0, numer / denom);
}

/**
 * P(at least one order in (T, T + t]). Drop-out happens only right after an order, so a
 * customer active at T orders again in the window when their next inter-order time is
 * below t; given active, λ | history ~ Gamma(r + x, α + T), so that is
 * 1 - ((α+T)/(α+T+t))^(r+x). Exact, no approximation.
 */
export function pBuyWithin(params: BgNbdParams, h: Pick<CustomerHistory, 'x' | 'tx' | 'T'>, t: number): number {
  const { r, alpha } = params;
  const never = Math.pow((alpha + h.T) / (alpha + h.T + t), r + h.x);
  return pAlive(params, h) * (1 - never);
}

/** Median days to the next order if still active: solves ((α+T)/(α+T+s))^(r+x) = ½. */
export function medianDaysToNext(params: BgNbdParams, h: Pick<CustomerHistory, 'x' | 'T'>): number {
  return (params.alpha + h.T) * (Math.pow(2, 1 / (params.r + h.x)) - 1);
}

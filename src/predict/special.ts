/**
 * The special functions the BG/NBD and Gamma-Gamma formulas need: ln Γ and the Gauss
 * hypergeometric 2F1.
 *
 * Hand-written on purpose: the well-kept npm implementation (@stdlib/math-base-special-gammaln)
 * installs 165 packages for this one function, and the Lanczos approximation below is the
 * standard 9-term one (g = 7, relative error ~1e-15 for x > 0). 2F1 has no well-kept npm
 * package at all; its power series is what lifetimes (Python) uses too.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection for x < 0.5). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series. Callers pass parameters for which the
 * terms shrink (see expectedPurchases: the Euler-transformed form), so a few hundred terms
 * reach the 1e-12 tolerance; the cap keeps a pathological input from looping.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 20_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-12 * Math.abs(sum)) break;
  }
  return sum;
}

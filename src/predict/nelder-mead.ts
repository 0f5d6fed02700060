/**
 * Nelder–Mead minimisation (Lagarias et al. 1998 coefficients: reflect 1, expand 2, contract ½,
 * shrink ½). Hand-written because the npm options are not well kept: `fmin` (the usual one)
 * was last published in 2016 with no types, `optimization-js` has a few thousand downloads.
 * The model likelihoods here have 3–4 parameters (in log space), where Nelder–Mead with a
 * restart is the standard, robust choice and needs no gradients.
 */
export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when the simplex's values and points span less than this. */
  tolerance?: number;
  /** Initial simplex edge (in the same units as x). */
  step?: number;
}

export function nelderMead(f: (x: number[]) => number, x0: number[], options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 2000;
  const tol = options.tolerance ?? 1e-9;
  const step = options.step ?? 0.5;
  const n = x0.length;
  // A non-finite value (a parameter pushed where the likelihood underflows) counts as +∞.
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(value);
  let it = 0;
  let converged = false;
  for (; it < maxIterations; it++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spanV = Math.abs(values[n] - values[0]);
    let spanX = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spanX = Math.max(spanX, Math.abs(simplex[i][j] - simplex[0][j]));
    if (spanV <= tol * (1 + Math.abs(values[0])) && spanX <= Math.sqrt(tol)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = value(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = value(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const outside = fr < values[n];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = value(xc);
      if (fc < (outside ? fr : values[n])) [simplex[n], values[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], iterations: it, converged };
}

/** Nelder–Mead, then restarted from its answer with a fresh simplex (a collapsed simplex can stall short of the optimum). */
export function minimize(f: (x: number[]) => number, x0: number[], options: MinimizeOptions = {}): MinimizeResult {
  let best = nelderMead(f, x0, options);
  let total = best.iterations;
  for (let restart = 0; restart < 3; restart++) {
    const next = nelderMead(f, best.x, { ...options, step: (options.step ?? 0.5) / 2 });
    total += next.iterations;
    const gained = best.value - next.value;
    if (next.value < best.value) best = next;
    if (gained <= (options.tolerance ?? 1e-9) * (1 + Math.abs(best.value))) break;
  }
  return { ...best, iterations: total };
}

/**
 * Rank statistics for the backtest: Spearman's ρ (Pearson correlation of mid-ranks, so ties —
 * many customers with 0 holdout orders — are handled the standard way) and the ROC AUC
 * (Mann–Whitney U with mid-ranks). A few lines each; no npm statistics package is well kept
 * and small enough to be worth a dependency for these.
 */
export function midRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(n);
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && values[order[e]] === values[order[s]]) e++;
    const mid = (s + e - 1) / 2 + 1;
    for (let k = s; k < e; k++) ranks[order[k]] = mid;
    s = e;
  }
  return ranks;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) (mx += x[i]), (my += y[i]);
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(midRanks(x), midRanks(y));
}

/** P(score of a random positive > score of a random negative), ties counting ½. NaN without both classes. */
export function auc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const ranks = midRanks(scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (positive[i]) {
      pos++;
      rankSum += ranks[i];
    }
  }
  const neg = scores.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

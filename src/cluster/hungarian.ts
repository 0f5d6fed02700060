/**
 * Optimal one-to-one assignment (the Hungarian method, Kuhn–Munkres, in the O(n²·m) form with
 * row/column potentials). Used to match clusters across resamples and, by the evals, to match
 * segments across runs. Small and dependency-free: the matrices here are at most a few dozen wide.
 */

/**
 * Minimum-cost assignment for an r × c cost matrix (rows may be fewer or more than columns).
 * Returns, for each row, the column it is assigned to, or −1 when there are more rows than
 * columns and the row is left out.
 */
export function hungarian(cost: ArrayLike<number>[]): Int32Array {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0].length;
  const result = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return result;
  // The algorithm below needs rows ≤ columns; solve the transpose otherwise.
  if (rows > cols) {
    const t: number[][] = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => cost[i][j]));
    const colToRow = hungarian(t);
    for (let j = 0; j < cols; j++) if (colToRow[j] >= 0) result[colToRow[j]] = j;
    return result;
  }
  for (const row of cost) {
    if (row.length !== cols) throw new RangeError('hungarian: ragged cost matrix');
    for (let j = 0; j < cols; j++) if (!Number.isFinite(row[j])) throw new RangeError('hungarian: costs must be finite');
  }
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j (0 = none).
  const n = rows;
  const m = cols;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  for (let j = 1; j <= m; j++) if (p[j] > 0) result[p[j] - 1] = j - 1;
  return result;
}

/** Maximum-score assignment (e.g. Jaccard or overlap counts): the Hungarian method on −score. */
export function maximizeAssignment(score: ArrayLike<number>[]): Int32Array {
  return hungarian(score.map((row) => Array.from(row, (x) => -x)));
}

/**
 * Our own k-means (Lloyd's algorithm), seeded, k-means++ initialised, best of several restarts.
 *
 * Why not ml-kmeans (the named package, kept as the reference in test/cluster/kmeans.test.ts):
 * DEPENDENCIES.md measured it at 338 ms per iteration on 100k × 32 points where scikit-learn's
 * Lloyd takes 7.9 ms (43×); it works on number[][] (one allocation per point), throws cryptic
 * errors on NaN and can return empty clusters on duplicate points. This kernel works on one
 * Float32Array, allocates nothing per point and per iteration, and skips most distance
 * computations with Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010):
 * per point an upper bound on the distance to its centre and a lower bound on the distance to
 * every other centre; a point whose upper bound is below max(lower bound, half the distance from
 * its centre to the nearest other centre) cannot change cluster and is not looked at. The
 * result is exactly Lloyd's (same fixed point from the same start); only the work changes.
 * Cluster sums are updated incrementally for the points that moved, so an iteration late in a
 * run costs O(moved × dim) for the update instead of O(n × dim).
 *
 * Measured on this 2-core machine while shared (load 2–12, so ±30 %), 100k × 32 points, k = 8,
 * `npx tsx test/cluster/kernel-speed.ts` (SEP=0.4: overlapping blobs, 27 iterations):
 *   one full blocked assignment pass 12–17 ms; Lloyd 16–19 ms per iteration averaged over the
 *   run (the first iterations rescan most points, later ones almost none).
 * DEPENDENCIES.md's scikit-learn figure for the same shape is 7.9 ms per iteration; the
 * side-by-side on the same data is bench/'s job (issue 9). Not yet done here: worker_threads
 * (the 2 cores are shared with the other stages' tests) and WebAssembly SIMD.
 */
import { reseedEmptyClusters } from './reseed-empty.js';
import { createRng } from '../util/random.js';
import type { Vectors } from '../model/vectors.js';
import { assignRows, BLOCK, blockDotsIndexed, centreSquaredNorms, distCentreCentre, distPointCentre, dotPointCentre, rowSquaredNorms } from './assign.js';
import { kmeansPlusPlus } from './kmeans-pp.js';
import { lloydSimd, simdKernel, SIMD_MIN_WORK } from './simd.js';
import type { KMeansResult } from '../model/cluster.js';
export type { KMeansResult };

export interface KMeansOptions {
  seed?: number;
  /** Independent k-means++ starts; the lowest inertia wins. Default 4. */
  restarts?: number;
  /** Default 300 (scikit-learn's). */
  maxIterations?: number;
  /** Called after each restart's Lloyd run, for a progress count (synchronous: the caller draws now or never). */
  onFit?: () => void;
  /**
   * Stop when the summed squared centroid shift is below tolerance × the mean per-dimension
   * variance of the data (scikit-learn's criterion and default 1e-4). Runs also stop, exactly,
   * when no point changes cluster.
   */
  tolerance?: number;
}

/** Mean over dimensions of the per-dimension variance (scales the tolerance), in one pass. */
function meanVariance(data: Float32Array, n: number, dim: number): number {
  const sum = new Float64Array(dim);
  const sumSq = new Float64Array(dim);
  for (let i = 0, o = 0; i < n; i++, o += dim) {
    for (let t = 0; t < dim; t++) {
      const v = data[o + t];
      sum[t] += v;
      sumSq[t] += v * v;
    }
  }
  let s = 0;
  for (let t = 0; t < dim; t++) s += Math.max(0, sumSq[t] / n - (sum[t] / n) ** 2);
  return s / dim;
}

/** What every run on the same data shares: computed once per kmeans() call, not per restart. */
interface DataStats {
  xNorms: Float64Array;
  meanVariance: number;
}

function dataStats(vectors: Vectors): DataStats {
  return { xNorms: rowSquaredNorms(vectors.data, vectors.n, vectors.dim), meanVariance: meanVariance(vectors.data, vectors.n, vectors.dim) };
}

/**
 * Lloyd iterations from the given initial centres (k × dim). Exposed for tests and the
 * benchmark (per-iteration time); `kmeans` adds seeding and restarts.
 */
export function lloyd(vectors: Vectors, initial: Float64Array | Float32Array, k: number, options: KMeansOptions = {}, given?: DataStats): KMeansResult {
  const { n, dim, data } = vectors;
  const maxIterations = options.maxIterations ?? 300;
  // Large data: full Lloyd passes with the WebAssembly SIMD kernel (simd.ts, measured there).
  const simd = n * k * dim >= SIMD_MIN_WORK ? simdKernel(vectors, k) : undefined;
  if (simd) {
    const tol = options.tolerance === 0 ? 0 : (options.tolerance ?? 1e-4) * (given?.meanVariance ?? meanVariance(data, n, dim));
    return lloydSimd(vectors, initial, k, maxIterations, tol, simd);
  }
  const stats = given ?? dataStats(vectors);
  const tolerance = (options.tolerance ?? 1e-4) * stats.meanVariance;

  const centers = Float64Array.from(initial);
  const newCenters = new Float64Array(k * dim);
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const xNorms = stats.xNorms;
  const rescan = new Int32Array(n); // points whose bounds failed this iteration
  const scratch = new Float64Array(BLOCK * k);
  const cNorms = new Float64Array(k);
  const half = new Float64Array(k); // half the distance from each centre to its nearest other centre
  const moved = new Float64Array(k);

  const refreshCenterNorms = () => centreSquaredNorms(centers, k, dim, cNorms);
  const refreshHalf = () => {
    half.fill(Infinity);
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const d = 0.5 * Math.sqrt(distCentreCentre(centers, a * dim, b * dim, dim));
        if (d < half[a]) half[a] = d;
        if (d < half[b]) half[b] = d;
      }
    }
  };
  // Initial assignment: every point scanned once, with the blocked kernel.
  refreshCenterNorms();
  assignRows(data, n, dim, centers, k, labels, { xNorms, d1: upper, d2: lower });
  for (let i = 0, o = 0; i < n; i++, o += dim) {
    upper[i] = Math.sqrt(upper[i]);
    lower[i] = Math.sqrt(lower[i]);
    const a = labels[i];
    counts[a]++;
    for (let t = 0; t < dim; t++) sums[a * dim + t] += data[o + t];
  }

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // M-step: centres are the means of their members; empty clusters are re-seeded.
    reseedEmpty();
    let shift = 0;
    let maxMove = 0;
    let maxMoveAt = -1;
    let secondMove = 0;
    for (let j = 0; j < k; j++) {
      const inv = 1 / counts[j];
      let d2 = 0;
      for (let t = 0; t < dim; t++) {
        const v = sums[j * dim + t] * inv;
        const diff = v - centers[j * dim + t];
        d2 += diff * diff;
        newCenters[j * dim + t] = v;
      }
      shift += d2;
      const m = Math.sqrt(d2);
      moved[j] = m;
      if (m > maxMove) {
        secondMove = maxMove;
        maxMove = m;
        maxMoveAt = j;
      } else if (m > secondMove) {
        secondMove = m;
      }
    }
    centers.set(newCenters);
    refreshCenterNorms();
    refreshHalf();
    // Bounds follow the centres: the own centre moved by moved[a]; any other by at most maxMove.
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      upper[i] += moved[a];
      lower[i] -= a === maxMoveAt ? secondMove : maxMove;
    }

    // E-step with Hamerly's test: most points are skipped once the centres settle. Points
    // whose bounds fail even after tightening are gathered and rescanned in register tiles
    // (blockDotsIndexed): early iterations rescan most points, and tiles are 1.6× faster.
    let changes = 0;
    let count = 0;
    for (let i = 0, o = 0; i < n; i++, o += dim) {
      const a = labels[i];
      const bound = half[a] > lower[i] ? half[a] : lower[i];
      if (upper[i] <= bound) continue;
      const exact = xNorms[i] + cNorms[a] - 2 * dotPointCentre(data, o, centers, a * dim, dim);
      upper[i] = Math.sqrt(exact > 0 ? exact : 0);
      if (upper[i] <= bound) continue;
      rescan[count++] = i;
    }
    for (let start = 0; start < count; start += BLOCK) {
      const size = Math.min(BLOCK, count - start);
      blockDotsIndexed(data, rescan, start, size, dim, centers, k, scratch);
      for (let r = 0; r < size; r++) {
        const i = rescan[start + r];
        const xn = xNorms[i];
        let b = 0;
        let d1 = Infinity;
        let d2 = Infinity;
        for (let j = 0, q = r * k; j < k; j++, q++) {
          const d = xn + cNorms[j] - 2 * scratch[q];
          if (d < d1) {
            d2 = d1;
            d1 = d;
            b = j;
          } else if (d < d2) {
            d2 = d;
          }
        }
        upper[i] = Math.sqrt(d1 > 0 ? d1 : 0);
        lower[i] = Math.sqrt(d2 > 0 ? d2 : 0);
        const a = labels[i];
        if (b !== a) {
          changes++;
          labels[i] = b;
          counts[a]--;
          counts[b]++;
          const o = i * dim;
          const ao = a * dim;
          const bo = b * dim;
          for (let t = 0; t < dim; t++) {
            const v = data[o + t];
            sums[ao + t] -= v;
            sums[bo + t] += v;
          }
        }
      }
    }
    if (changes === 0) {
      converged = true;
      break;
    }
    if (shift <= tolerance) {
      // Labels were just made consistent with these centres (scikit-learn's final E-step);
      // the centres are left as they are, as scikit-learn does.
      converged = true;
      break;
    }
  }

  // Reported centres are those the final labels were assigned against: the means of the labels
  // when the run stopped on "no change" (a Lloyd fixed point), and scikit-learn's convention
  // (centres of the last M-step, labels from one more E-step) when it stopped on tolerance.
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += dim) inertia += distPointCentre(data, o, centers, labels[i] * dim, dim);
  return { k, dim, labels, centroids: Float32Array.from(centers), inertia, iterations, converged };

  /** Empty clusters are re-seeded (reseed-empty.ts); the bounds then no longer hold. */
  function reseedEmpty(): void {
    if (!reseedEmptyClusters(data, dim, centers, labels, counts, sums)) return;
    upper.fill(Infinity);
    lower.fill(0);
  }
}

/** Best (lowest inertia) of `restarts` seeded k-means++ + Lloyd runs. */
export function kmeans(vectors: Vectors, k: number, options: KMeansOptions = {}): KMeansResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const restarts = Math.max(1, options.restarts ?? 4);
  const rng = createRng(options.seed ?? 42);
  const stats = dataStats(vectors);
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const init = kmeansPlusPlus(vectors, k, rng);
    const result = lloyd(vectors, init, k, options, stats);
    if (!best || result.inertia < best.inertia) best = result;
    options.onFit?.();
  }
  return best!;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the greedy variant scikit-learn
 * uses: at each step draw 2 + ⌊ln k⌋ candidates by D² weighting and keep the one that lowers the
 * potential most). Greedy seeding makes restarts agree more often, so fewer are needed.
 */
import { SegmentaError } from '../errors.js';
import type { Vectors } from '../model/vectors.js';
import { distPointCentre, distPointPoint } from './assign.js';

/** Thrown when the data hold fewer distinct points than the k asked for. */
export class TooFewDistinctPointsError extends SegmentaError {
  readonly distinct: number;
  constructor(distinct: number, k: number) {
    super('input', `only ${distinct} distinct customer profile(s) in the data, fewer than the ${k} segments asked for. Ask for fewer segments (--k) or add customers`);
    this.distinct = distinct;
  }
}

/** Index of the first position where the running sum of `weights` exceeds `target`. */
function drawByWeight(weights: Float64Array, total: number, rng: () => number): number {
  const target = rng() * total;
  let acc = 0;
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    acc += weights[i];
    if (acc > target) return i;
  }
  // Rounding can leave target ≥ acc; fall back to the last point with weight.
  for (let i = n - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return n - 1;
}

/** k initial centroids (k × dim, Float64) chosen from the rows of `vectors`. */
export function kmeansPlusPlus(vectors: Vectors, k: number, rng: () => number): Float64Array {
  const { n, dim, data } = vectors;
  if (k > n) throw new TooFewDistinctPointsError(n, k);
  const centers = new Float64Array(k * dim);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(n);
  const candidate = new Float64Array(n);
  const bestCandidate = new Float64Array(n);

  const first = Math.floor(rng() * n);
  for (let t = 0; t < dim; t++) centers[t] = data[first * dim + t];
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = distPointCentre(data, i * dim, centers, 0, dim);
    potential += closest[i];
  }

  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      // Every point coincides with a chosen centre: fewer distinct points than k.
      throw new TooFewDistinctPointsError(c, k);
    }
    let bestPotential = Infinity;
    let bestIndex = -1;
    for (let trial = 0; trial < trials; trial++) {
      const idx = drawByWeight(closest, potential, rng);
      const o = idx * dim;
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const d = distPointPoint(data, i * dim, o, dim);
        const m = d < closest[i] ? d : closest[i];
        candidate[i] = m;
        pot += m;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestIndex = idx;
        bestCandidate.set(candidate);
      }
    }
    for (let t = 0; t < dim; t++) centers[c * dim + t] = data[bestIndex * dim + t];
    closest.set(bestCandidate);
    potential = bestPotential;
  }
  return centers;
}

/**
 * Segmentation of embedded customers: choose k by silhouette and stability (unless given), fit k-means on a
 * sample when there are many customers, assign everyone, relabel so segment 0 is the largest,
 * and measure per-segment bootstrap stability.
 *
 * Samples (all seeded from options.seed):
 *  - fit sample: at most `sampleSize` (default 50,000) customers. k-means centroids of 50k
 *    points drawn at random differ from the full-data centroids by sampling noise far below the
 *    gaps between segments, and everyone is then assigned to the nearest centroid (one blocked
 *    pass: ~0.2 s per million customers at dim 40, k 8 on this machine).
 *  - evaluation sample: at most 3,000 of the fit sample; the choice of k, the reported
 *    silhouette and the stability resamples all run on it (silhouette is O(m²)).
 */
import { SegmentaError } from '../errors.js';
import { createRng, sampleIndices } from '../util/random.js';
import type { Vectors } from '../model/vectors.js';
import type { ClusterOptions, ClusterResult, KScore } from '../model/cluster.js';
import { assignToCentroids, distPointCentre, takeRows } from './assign.js';
import { chooseK } from './choose-k.js';
import { kmeans } from './kmeans.js';
import { pairwiseDistances, SILHOUETTE_SAMPLE, silhouetteFromDistances } from './silhouette.js';
import { bootstrapStability, stabilityFits } from './stability.js';
import { stageCounter } from '../util/progress.js';
import { lift, project, signalSubspace, spaceForK } from './subspace.js';

export const CLUSTER_DEFAULTS = {
  kMin: 2,
  kMax: 12,
  seed: 42,
  restarts: 10,
  maxIterations: 300,
  sampleSize: 50_000,
  bootstraps: 20,
} as const;

/** The vectors hold a value that is not a finite number. */
export class NonFiniteVectorError extends SegmentaError {
  constructor(row: number, dim: number, value: number) {
    super(
      'input',
      `customer row ${row + 1}, feature dimension ${dim} is ${value} (not a finite number); segmentation needs finite features. Check the numeric columns for empty or non-numeric values`,
    );
  }
}

function validate(vectors: Vectors): void {
  const { n, dim, data } = vectors;
  if (!Number.isInteger(n) || !Number.isInteger(dim) || dim < 1 || data.length !== n * dim) {
    throw new RangeError(`malformed vectors: n = ${n}, dim = ${dim}, ${data.length} values`);
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // v − v is NaN for NaN and ±Infinity, 0 otherwise: one comparison per value.
    if (v - v !== 0) throw new NonFiniteVectorError(Math.floor(i / dim), i % dim, v);
  }
}

/** Relabel so that segment 0 is the largest (ties: the lower old label first). */
function orderBySize(labels: Int32Array, centroids: Float32Array, k: number, dim: number): { labels: Int32Array; centroids: Float32Array } {
  const sizes = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  const byRank = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rankOf = new Int32Array(k);
  byRank.forEach((old, rank) => (rankOf[old] = rank));
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = rankOf[labels[i]];
  const c = new Float32Array(k * dim);
  byRank.forEach((old, rank) => c.set(centroids.subarray(old * dim, old * dim + dim), rank * dim));
  return { labels: out, centroids: c };
}

export function clusterVectors(vectors: Vectors, options: ClusterOptions = {}): ClusterResult {
  validate(vectors);
  const { n, dim } = vectors;
  const seed = options.seed ?? CLUSTER_DEFAULTS.seed;
  const restarts = options.restarts ?? CLUSTER_DEFAULTS.restarts;
  const maxIterations = options.maxIterations ?? CLUSTER_DEFAULTS.maxIterations;
  const sampleSize = Math.max(2, options.sampleSize ?? CLUSTER_DEFAULTS.sampleSize);
  const bootstraps = options.bootstraps ?? CLUSTER_DEFAULTS.bootstraps;
  if (n < 2) throw new SegmentaError('input', `only ${n} customer(s); segmentation needs at least 2`);
  // Per-step seconds for run.json and bench/ (written only when the caller passes an object).
  let t0 = performance.now();
  const mark = (step: string) => {
    if (!options.timings) return;
    const t = performance.now();
    options.timings[`cluster.${step}`] = Math.round((t - t0) / 10) / 100;
    t0 = t;
  };

  // Progress in k-means runs: the final fit and the stability resamples are known now, the k
  // candidates once k's range is, the candidates' stability resamples as the choice needs them.
  const fits = stageCounter(options.progress, 'cluster', 'k-means runs', restarts + (bootstraps > 0 ? stabilityFits({ bootstraps }) : 0));
  const onFit = options.progress ? () => fits.tick() : undefined;
  fits.start();
  const rng = createRng(seed);
  const fitIdx = n > sampleSize ? sampleIndices(n, sampleSize, rng).sort() : undefined;
  const fitFull = fitIdx ? takeRows(vectors, fitIdx) : vectors;
  const evalIdx = fitFull.n > SILHOUETTE_SAMPLE ? sampleIndices(fitFull.n, SILHOUETTE_SAMPLE, rng).sort() : undefined;
  const evalFull = evalIdx ? takeRows(fitFull, evalIdx) : fitFull;

  // Cluster in the signal subspace when the spectrum shows one (subspace.ts); else in full.
  const found = signalSubspace(evalFull);

  let k: number;
  let kScores: KScore[] = [];
  let subspace = found;
  let evalSet = found ? project(evalFull, found) : evalFull;
  let distances = pairwiseDistances(evalSet);
  mark('prepare');
  if (options.k !== undefined) {
    k = options.k;
    if (!Number.isInteger(k) || k < 1) throw new SegmentaError('usage', `k must be a whole number ≥ 1, got ${k}`);
    if (k > n) throw new SegmentaError('input', `only ${n} customers, fewer than the ${k} segments asked for; ask for fewer segments (--k)`);
    subspace = spaceForK(found, k, true);
    if (subspace !== found) {
      // A k asked for beyond what the spectrum shows wants finer structure than the subspace kept.
      evalSet = evalFull;
      distances = pairwiseDistances(evalSet);
    }
  } else {
    const kMin = Math.max(2, options.kMin ?? CLUSTER_DEFAULTS.kMin);
    const kMax = Math.min(options.kMax ?? CLUSTER_DEFAULTS.kMax, evalSet.n - 1);
    if (kMax < kMin) {
      throw new SegmentaError('input', `only ${n} customers: too few to choose the number of segments automatically; give it with --k`);
    }
    // No minimum segment size here: the privacy minimum marks small segments, it does not pick k (min-segment-size.ts).
    fits.grow((kMax - kMin + 1) * restarts);
    const choice = chooseK(evalSet, { kMin, kMax, seed, restarts, maxIterations, distances, maxFinerK: found ? found.m + 1 : undefined, stabilityBootstraps: options.kStabilityBootstraps, onFit, onMoreFits: (more) => fits.grow(more) });
    k = choice.k;
    kScores = choice.scores;
  }
  mark('chooseK');
  const fitSet = subspace ? project(fitFull, subspace) : fitFull;

  const fit = kmeans(fitSet, k, { seed, restarts, maxIterations, onFit });
  mark('fit');
  const fitCentroids = subspace ? lift(fit.centroids, k, subspace) : fit.centroids;
  // Everyone is labelled by the same full-space assignment that assignToCentroids performs, so
  // a Run's labels are reproducible from its centroids alone.
  const { labels, centroids } = orderBySize(assignToCentroids(vectors, fitCentroids, k), fitCentroids, k, dim);

  const c64 = Float64Array.from(centroids);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distPointCentre(vectors.data, i * dim, c64, labels[i] * dim, dim);
  mark('assign');

  // Labels of the evaluation sample, in the final numbering.
  const evalLabels = new Int32Array(evalSet.n);
  for (let r = 0; r < evalSet.n; r++) {
    const inFit = evalIdx ? evalIdx[r] : r;
    evalLabels[r] = labels[fitIdx ? fitIdx[inFit] : inFit];
  }
  // Silhouette and stability are measured in the space the segments were found in.
  const sil = k < 2 ? 0 : silhouetteFromDistances(distances, evalLabels, k);
  const stability = k < 2 ? (bootstraps > 0 ? [1] : []) : bootstrapStability(evalSet, evalLabels, k, { bootstraps, seed: seed + 1, maxIterations, onFit });
  mark('stability');
  fits.finish();

  return {
    k,
    labels,
    centroids,
    dim,
    inertia,
    iterations: fit.iterations,
    silhouette: sil,
    kScores,
    stability: stability.map((s) => Math.round(s * 1e4) / 1e4),
    seed,
  };
}

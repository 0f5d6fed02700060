/**
 * Choice of k: fit k-means for every k in [kMin, kMax] on one seeded sample (≤ 3,000 points)
 * and score each fit by its mean silhouette on that sample (distances computed once).
 *
 * The best silhouette wins; no parsimony rule. A "smallest k within 0.01 of the best" rule
 * was measured on planted data (test/cluster/planted-report.ts, 6 configurations × 3 seeds):
 * it chose too few segments in 2 of 18 runs (8 groups → 7, ARI 0.85; 6 → 5, ARI 0.65) and
 * fixed none. With silhouettes computed in the signal subspace (subspace.ts) the true k
 * usually wins by 0.03–0.07; where it wins by less than 0.01 (many groups, noisy columns) the
 * rule merged two real groups.
 * TIE_TOLERANCE stays as a named constant (0) so the rule can be restored in one place.
 *
 * Stability (issue 14): the silhouette rewards merging two close groups (two personas that
 * differ in basket size and category only scored 0.30–0.35 merged against 0.27–0.31 apart on
 * the hard planted files, test/fixtures/planted-csv.ts). Each k is therefore also fitted on
 * STABILITY_BOOTSTRAPS resamples (Hennig's bootstrap Jaccard, stability.ts); the k chosen is
 * the largest k whose least stable segment keeps a Jaccard ≥ STABLE_JACCARD and whose
 * silhouette is within SILHOUETTE_SHARE of the best, or the best silhouette when it is larger
 * (KScore.stability is filled in for the k that were measured).
 * Measured (test/cluster/truth-report.ts, planted-report.ts, one-planted.ts): the hard files'
 * true k = 6 sits at 0.86–0.87 of the best silhouette with Jaccard 0.86–0.93 (0.72 on one seed,
 * which then merges the twins: k = 5); the over-splits a looser rule took — 8 of 4 groups
 * (0.845 of the best, Jaccard 0.79), 7 of 5 lean groups (0.80, 0.76) — fall under 0.85.
 */
import type { Vectors } from '../model/vectors.js';
import type { KScore } from '../model/cluster.js';
import { kmeans, type KMeansResult } from './kmeans.js';
import { TooFewDistinctPointsError } from './kmeans-pp.js';
import { pairwiseDistances, silhouetteFromDistances, type DistanceMatrix } from './silhouette.js';
import { bootstrapStability, stabilityFits } from './stability.js';

export const TIE_TOLERANCE = 0;
/** Resamples per k for the stability criterion (0 turns it off: silhouette alone). */
export const STABILITY_BOOTSTRAPS = 20;
/** A k is stable when its least stable segment keeps a mean bootstrap Jaccard of at least this. */
export const STABLE_JACCARD = 0.75;
/** A stable k is chosen over the best silhouette only while its silhouette is at least this share of the best. */
export const SILHOUETTE_SHARE = 0.85;

export interface ChooseKOptions {
  kMin: number;
  kMax: number;
  seed: number;
  restarts: number;
  maxIterations?: number;
  /** Bootstrap resamples per k for the stability criterion (default STABILITY_BOOTSTRAPS; 0: silhouette only). */
  stabilityBootstraps?: number;
  /** The sample's pairwise distances, when the caller already has them. */
  distances?: DistanceMatrix;
  /** Progress: called after each k-means run; `more(n)` when n further runs become known (stability of a candidate). */
  onFit?: () => void;
  onMoreFits?: (n: number) => void;
}

export interface ChooseKResult {
  k: number;
  scores: KScore[];
  /** The fit of every scored k on the sample. */
  fits: Map<number, KMeansResult>;
}

/** Pick k by silhouette on `sample` (the caller draws the sample). */
export function chooseK(sample: Vectors, options: ChooseKOptions): ChooseKResult {
  const dist = options.distances ?? pairwiseDistances(sample);
  const m = sample.n;
  const scores: KScore[] = [];
  const fits = new Map<number, KMeansResult>();
  const eligible: KScore[] = [];
  const stabilityBootstraps = options.stabilityBootstraps ?? STABILITY_BOOTSTRAPS;
  for (let k = options.kMin; k <= options.kMax; k++) {
    let fit: KMeansResult;
    try {
      fit = kmeans(sample, k, { seed: options.seed + k, restarts: options.restarts, maxIterations: options.maxIterations, onFit: options.onFit });
    } catch (err) {
      if (err instanceof TooFewDistinctPointsError) break; // no larger k can work either
      throw err;
    }
    const score: KScore = { k, silhouette: silhouetteFromDistances(dist, fit.labels, k), inertia: fit.inertia };
    scores.push(score);
    fits.set(k, fit);
    const sizes = new Int32Array(k);
    for (let i = 0; i < m; i++) sizes[fit.labels[i]]++;
    if (Math.min(...sizes) > 0) eligible.push(score);
  }
  if (scores.length === 0) throw new TooFewDistinctPointsError(1, options.kMin);
  const pool = eligible.length > 0 ? eligible : scores;
  const best = Math.max(...pool.map((s) => s.silhouette));
  const bySilhouette = pool.find((s) => s.silhouette >= best - TIE_TOLERANCE)!.k;
  // The largest k whose every segment reappears under resampling, unless its separation is
  // far below the best: a finer split that is stable is structure the silhouette undervalues.
  // Stability is measured only where it can change the choice (k above the best silhouette,
  // within SILHOUETTE_SHARE of it), largest first, until one is stable: the same choice as
  // measuring every k, at a fraction of the resamples.
  let k = bySilhouette;
  const candidates = stabilityBootstraps > 0 ? pool.filter((s) => s.k > bySilhouette && s.silhouette >= SILHOUETTE_SHARE * best).sort((a, b) => b.k - a.k) : [];
  for (const s of candidates) {
    const fit = fits.get(s.k)!;
    options.onMoreFits?.(stabilityFits({ bootstraps: stabilityBootstraps }));
    s.stability = Math.round(Math.min(...bootstrapStability(sample, fit.labels, s.k, { bootstraps: stabilityBootstraps, seed: options.seed + 100 + s.k, maxIterations: options.maxIterations, onFit: options.onFit })) * 1000) / 1000;
    if (s.stability >= STABLE_JACCARD) {
      k = s.k;
      break;
    }
  }
  return { k, scores, fits };
}

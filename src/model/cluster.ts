import type { ProgressHook } from './progress.js';
export interface KScore {
  k: number;
  silhouette: number;
  inertia: number;
  /** Smallest per-segment bootstrap Jaccard of the fit at this k (the stability criterion). */
  stability?: number;
}

export interface ClusterResult {
  k: number;
  /** Segment of each customer, 0-based, ordered so that segment 0 is the largest. */
  labels: Int32Array;
  /** k × dim, row-major. */
  centroids: Float32Array;
  dim: number;
  inertia: number;
  iterations: number;
  /** Mean silhouette of the chosen k on the evaluation sample. */
  silhouette: number;
  /** The scores behind the choice of k (empty when --k was given). */
  kScores: KScore[];
  /**
   * Per-segment bootstrap stability: mean Jaccard of the best-matching cluster over resamples
   * (Hennig: < 0.6 dissolves, ≥ 0.75 stable, ≥ 0.85 highly stable). Empty when bootstraps = 0.
   */
  stability: number[];
  seed: number;
}

export interface ClusterOptions {
  k?: number;
  kMin?: number;
  kMax?: number;
  seed?: number;
  restarts?: number;
  maxIterations?: number;
  /** Size of the sample the k choice and fitting run on (everyone is assigned afterwards). */
  sampleSize?: number;
  /** Number of bootstrap resamples for stability (0 to skip). */
  bootstraps?: number;
  /** Bootstrap resamples per k for the stability criterion of the k choice (default choose-k.ts STABILITY_BOOTSTRAPS; 0: silhouette only). */
  kStabilityBootstraps?: number;
  /** When given, seconds spent per step are written into it (cluster.chooseK, cluster.fit, cluster.assign, cluster.stability). */
  timings?: Record<string, number>;
  /** k-means runs done of all (k candidates × restarts, the final fit, the stability resamples). */
  progress?: ProgressHook;
}

/** One k-means fit (src/cluster/kmeans.ts): labels 0-based in fit order, not yet ordered by size. */
export interface KMeansResult {
  k: number;
  dim: number;
  labels: Int32Array;
  /** k × dim, row-major. */
  centroids: Float32Array;
  /** Sum of squared distances of the points to their centroid. */
  inertia: number;
  iterations: number;
  converged: boolean;
}

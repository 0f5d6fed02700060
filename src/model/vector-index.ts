/**
 * What run.json records about a Run's vector index (`run.index`), so that loading can check
 * the files on disk against it: hnswlib-node reads an index of another dimension without a
 * word and answers garbage, so dimension, metric and counts are stored beside it.
 *
 * The index is one hnswlib graph per segment, not one for everyone. Lookalikes are "nearest
 * customers outside segment s"; on one shared graph that is a filtered search starting inside
 * s, and when segments are well separated its beam fills up with the first neighbouring
 * segment it reaches: recall@10 stalled at 0.925 on 50,000 synthetic customers whatever the
 * ef (64…512) or M (16, 32). Searching each other segment's own graph needs no filter, and
 * recall rises with ef (0.99 at ef 128). A customer-level k-NN searches all k graphs and
 * merges; build cost is the same or less (k smaller graphs).
 */
export interface IndexMeta {
  version: 1;
  /** hnswlib space. The vectors live in k-means (Euclidean) space, so l2. */
  metric: 'l2';
  dim: number;
  /** Customers indexed; an hnswlib label is the customer's row in assignments.csv and vectors.f32. */
  count: number;
  /** Number of segments: one graph each, and k rows in the centroids file (row j is segment j + 1). */
  k: number;
  /** hnswlib build parameters (graph degree and construction beam), kept for reproducibility. */
  M: number;
  efConstruction: number;
  /** Search beam used by default (raised to at least the number of neighbours asked for). */
  ef: number;
  randomSeed: number;
  /** Paths relative to the Run folder. */
  files: { vectors: string; centroids: string };
  segments: SegmentIndexMeta[];
  buildSeconds: number;
  /**
   * 'exact': no hnswlib graphs were built (a Run of more than GRAPHS_UP_TO customers);
   * lookalikes are answered by exact search over vectors.f32. Absent: one graph per segment.
   */
  search?: 'exact';
}

export interface SegmentIndexMeta {
  /** 1-based segment id. */
  segment: number;
  file: string;
  count: number;
  /** Byte size as written, a cheap check that the file was not swapped or cut short. */
  bytes: number;
}

export interface IndexParams {
  M: number;
  efConstruction: number;
  ef: number;
  randomSeed: number;
}

/**
 * Chosen on 50,000 synthetic customers × 32 dims in 8 well-separated segments (the hard case;
 * segments that touch gave ≥ 0.995 everywhere), segment lookalikes with 33 queries, mean recall
 * against exact search:
 *   M 16, efConstruction  40, ef 128: recall@10 0.89, @100 0.94
 *   M 16, efConstruction  64, ef 128: recall@10 0.975, @100 0.97
 *   M 16, efConstruction 100, ef 128: recall@10 0.99, @100 0.975   ← default (margin over 0.95)
 *   M 12, efConstruction  64, ef 128: recall@10 0.90, @100 0.95
 * Build time was 7–10 s for the 50,000 on this 2-core machine, whichever efConstruction (noisy).
 */
export const DEFAULT_INDEX_PARAMS: IndexParams = { M: 16, efConstruction: 100, ef: 128, randomSeed: 42 };

/**
 * Runs of at most this many customers get hnswlib graphs; larger ones are searched exactly.
 * Measured with bench/ on this 2-core machine (40 dims, 6 segments): building the graphs took
 * 118 s of a 169 s Run at 1M customers and 8–11 s of a 15–20 s Run at 100k, while a segment
 * lookalike (centre + 32 members as queries) at 1M took 5.4–5.6 s with the graphs and
 * 3.3–4.8 s by exact search over vectors.f32 (both including reading the assignments and the
 * vectors), with recall 1. Graphs stay for small Runs, where they cost little.
 */
export const GRAPHS_UP_TO = 50_000;

export const INDEX_DIR = 'index';
export const VECTORS_FILE = `${INDEX_DIR}/vectors.f32`;
export const CENTROIDS_FILE = `${INDEX_DIR}/centroids.json`;
export const segmentIndexFile = (segment: number) => `${INDEX_DIR}/segment-${segment}.hnsw`;

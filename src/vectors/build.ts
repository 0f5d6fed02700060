import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Vectors } from '../model/vectors.js';
import type { ClusterResult } from '../model/cluster.js';
import { IndexError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { HierarchicalNSW, readHnswHeader, type Hnsw } from './hnsw.js';
import { writeVectorsFile } from './vectors-file.js';
import {
  CENTROIDS_FILE,
  DEFAULT_INDEX_PARAMS,
  GRAPHS_UP_TO,
  INDEX_DIR,
  VECTORS_FILE,
  segmentIndexFile,
  type IndexMeta,
  type IndexParams,
  type SegmentIndexMeta,
} from '../model/vector-index.js';

/** index/centroids.json: k rows of dim numbers; row j is segment j + 1 (labels are 0-based). */
export interface CentroidsFile {
  k: number;
  dim: number;
  centroids: number[][];
}

export type Clustering = Pick<ClusterResult, 'labels' | 'centroids' | 'k'>;

/**
 * Build the Run's index into `dir` (the staging folder of a new Run): one hnswlib graph per
 * segment, the vectors and the centroids, all under dir/index/. Returns the meta that goes
 * into run.json as `run.index`. Each graph is written under a temporary name, read back and
 * checked, then renamed: hnswlib-node writes nothing and says nothing when a folder is missing.
 */
export function buildRunIndex(dir: string, vectors: Vectors, cluster: Clustering, params: Partial<IndexParams> = {}, options: { graphs?: boolean } = {}): IndexMeta {
  // Graphs by default up to GRAPHS_UP_TO customers; above it exact search (see types.ts).
  const graphs = options.graphs ?? vectors.n <= GRAPHS_UP_TO;
  const p = { ...DEFAULT_INDEX_PARAMS, ...params };
  const { n, dim, data } = vectors;
  const { labels, centroids, k } = cluster;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new IndexError(`cannot save the index: folder ${dir} does not exist.`);
  if (n < 1 || dim < 1 || data.length !== n * dim) throw new IndexError(`cannot index ${n} × ${dim} vectors held in ${data.length} values.`);
  if (labels.length !== n) throw new IndexError(`${labels.length} segment labels for ${n} vectors.`);
  if (centroids.length !== k * dim) throw new IndexError(`centroids have ${centroids.length} values, expected k × dim = ${k} × ${dim}.`);
  // A NaN poisons every distance it touches and hnswlib says nothing: refuse it here.
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new IndexError(`vector ${Math.floor(i / dim)} has a non-finite value at dimension ${i % dim}: cannot index it.`);
  }
  const rows: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!(l >= 0 && l < k)) throw new IndexError(`customer row ${i} has segment label ${l}, outside 0…${k - 1}.`);
    rows[l].push(i);
  }

  const t0 = performance.now();
  mkdirSync(join(dir, INDEX_DIR), { recursive: true });
  const segments: SegmentIndexMeta[] = [];
  for (let j = 0; j < k; j++) {
    const file = segmentIndexFile(j + 1);
    if (!graphs) {
      segments.push({ segment: j + 1, file, count: rows[j].length, bytes: 0 });
      continue;
    }
    if (rows[j].length === 0) {
      // k-means can leave a segment empty; it has no graph, and nothing to find in it.
      segments.push({ segment: j + 1, file, count: 0, bytes: 0 });
      continue;
    }
    const index = new HierarchicalNSW('l2', dim);
    index.initIndex(rows[j].length, p.M, p.efConstruction, p.randomSeed);
    // hnswlib-node takes plain arrays only; labels are global rows so results need no mapping.
    for (const i of rows[j]) index.addPoint(Array.from(data.subarray(i * dim, (i + 1) * dim)), i);
    segments.push({ segment: j + 1, file, count: rows[j].length, bytes: saveVerified(index, join(dir, file), vectors, rows[j], p) });
  }
  writeVectorsFile(join(dir, VECTORS_FILE), vectors);
  const flat = Array.from(centroids);
  const centroidRows: number[][] = [];
  for (let j = 0; j < k; j++) centroidRows.push(flat.slice(j * dim, (j + 1) * dim));
  writeFileAtomic(join(dir, CENTROIDS_FILE), JSON.stringify({ k, dim, centroids: centroidRows } satisfies CentroidsFile) + '\n');

  return {
    version: 1,
    metric: 'l2',
    dim,
    count: n,
    k,
    M: p.M,
    efConstruction: p.efConstruction,
    ef: p.ef,
    randomSeed: p.randomSeed,
    files: { vectors: VECTORS_FILE, centroids: CENTROIDS_FILE },
    segments,
    buildSeconds: Math.round(performance.now() - t0) / 1000,
    ...(graphs ? {} : { search: 'exact' as const }),
  };
}

/**
 * Write one graph under a temporary name, read it back and check it — the file exists, its
 * header has our dimension and count, a fresh reader loads it, and a few of its vectors find
 * themselves at distance 0 — then rename it into place. Returns its size in bytes.
 */
function saveVerified(index: Hnsw, path: string, vectors: Vectors, rows: number[], p: IndexParams): number {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    index.writeIndexSync(tmp);
    if (!existsSync(tmp)) throw new IndexError(`hnswlib wrote no index file at ${tmp} (is the folder writable?).`);
    const header = readHnswHeader(tmp);
    if (!header || header.dim !== vectors.dim || header.count !== rows.length || header.M !== p.M) {
      throw new IndexError(
        `the index written to ${path} reads back as ${header ? `${header.count} × ${header.dim} (M ${header.M})` : 'not an hnswlib index'}, expected ${rows.length} × ${vectors.dim} (M ${p.M}).`,
      );
    }
    const back: Hnsw = new HierarchicalNSW('l2', vectors.dim);
    back.readIndexSync(tmp);
    if (back.getCurrentCount() !== rows.length) throw new IndexError(`the index at ${path} reads back with ${back.getCurrentCount()} vectors, expected ${rows.length}.`);
    back.setEf(Math.max(p.ef, 16));
    const probes = Math.min(rows.length, 3);
    for (let s = 0; s < probes; s++) {
      const i = rows[Math.floor((s * (rows.length - 1)) / Math.max(1, probes - 1))];
      const r = back.searchKnn(Array.from(vectors.data.subarray(i * vectors.dim, (i + 1) * vectors.dim)), 1);
      if (!(r.distances[0] <= 1e-6)) throw new IndexError(`the index at ${path} reads back but does not find customer row ${i} in it.`);
    }
    const bytes = statSync(tmp).size;
    renameSync(tmp, path);
    return bytes;
  } finally {
    rmSync(tmp, { force: true });
  }
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Vectors } from '../model/vectors.js';
import { IndexError } from '../errors.js';
import type { RunFile } from '../model/run.js';
import { HierarchicalNSW, readHnswHeader, type Hnsw } from './hnsw.js';
import { readVectorRows, readVectorsFile, readVectorsFileShared } from './vectors-file.js';
import type { CentroidsFile } from './build.js';
import type { IndexMeta } from '../model/vector-index.js';

/**
 * Loading a Run's index, vectors and centroids, each checked against run.json first: a
 * missing file or a mismatch in dimension, metric or count is one clear IndexError, never
 * hnswlib's silent garbage.
 */
const REMAKE = 'Make the Run again with `segmenta segment FILE`.';

/** run.index, checked against the rest of run.json. */
export function indexMeta(run: RunFile): IndexMeta {
  const meta = run.index;
  if (!meta) throw new IndexError(`Run ${run.id} has no vector index (made before indexes were built, or its build failed). ${REMAKE}`);
  if (meta.version !== 1 || !Array.isArray(meta.segments)) throw new IndexError(`Run ${run.id}: the index record in run.json is not one this version reads. ${REMAKE}`);
  if (meta.metric !== 'l2') throw new IndexError(`Run ${run.id}: index metric "${meta.metric}" is not supported (expected l2). ${REMAKE}`);
  if (run.embedding && meta.dim !== run.embedding.dim) {
    throw new IndexError(`Run ${run.id}: the index has dimension ${meta.dim} but the embedding has ${run.embedding.dim}. ${REMAKE}`);
  }
  const total = meta.segments.reduce((a, s) => a + s.count, 0);
  if (total !== meta.count || (run.metrics && meta.count !== run.metrics.customers)) {
    throw new IndexError(`Run ${run.id}: the index holds ${total} customers but the Run has ${run.metrics?.customers ?? meta.count}. ${REMAKE}`);
  }
  if (meta.segments.length !== meta.k || meta.k !== run.segments.length) {
    throw new IndexError(`Run ${run.id}: the index has ${meta.segments.length} segment graphs but the Run has ${run.segments.length} segments. ${REMAKE}`);
  }
  for (const s of meta.segments) {
    const seg = run.segments.find((x) => x.id === s.segment);
    if (!seg || seg.size !== s.count) {
      throw new IndexError(`Run ${run.id}: segment ${s.segment} has ${seg?.size ?? 0} customers but its index graph has ${s.count}. ${REMAKE}`);
    }
  }
  return meta;
}

/**
 * Open the graph of one segment (undefined for an empty segment), with the search beam set
 * to the saved default. The file's own header is read first: hnswlib would load a file of
 * another dimension without complaint.
 */
export function openSegmentIndex(dir: string, run: RunFile, segment: number): Hnsw | undefined {
  const meta = indexMeta(run);
  const s = meta.segments.find((x) => x.segment === segment);
  if (!s) throw new IndexError(`Run ${run.id} has no index graph for segment ${segment}. ${REMAKE}`);
  if (s.count === 0) return undefined;
  const path = join(dir, s.file);
  if (!existsSync(path)) throw new IndexError(`${path} is missing: Run ${run.id} has lost part of its vector index. ${REMAKE}`);
  const header = readHnswHeader(path);
  if (!header) throw new IndexError(`${path} is not an hnswlib index (too short or corrupt). ${REMAKE}`);
  if (header.dim !== meta.dim) {
    throw new IndexError(`${path} has dimension ${header.dim} but run.json says ${meta.dim}: the index belongs to another Run. ${REMAKE}`);
  }
  if (header.count !== s.count) {
    throw new IndexError(`${path} holds ${header.count} customers but run.json says ${s.count}: the index belongs to another Run. ${REMAKE}`);
  }
  const bytes = statSync(path).size;
  if (bytes !== s.bytes) throw new IndexError(`${path} is ${bytes} bytes but was written as ${s.bytes}: it has been changed. ${REMAKE}`);
  const index: Hnsw = new HierarchicalNSW(meta.metric, meta.dim);
  try {
    index.readIndexSync(path);
  } catch (err) {
    throw new IndexError(`${path}: hnswlib cannot read it (${(err as Error).message}). ${REMAKE}`);
  }
  if (index.getCurrentCount() !== s.count) throw new IndexError(`${path} loads with ${index.getCurrentCount()} customers but run.json says ${s.count}. ${REMAKE}`);
  index.setEf(meta.ef);
  return index;
}

/** The graphs of the given segments, keyed by segment id (empty segments left out). */
export function openSegmentIndexes(dir: string, run: RunFile, segments: number[]): Map<number, Hnsw> {
  const out = new Map<number, Hnsw>();
  for (const s of segments) {
    const index = openSegmentIndex(dir, run, s);
    if (index) out.set(s, index);
  }
  return out;
}

export function loadVectors(dir: string, run: RunFile, options: { shared?: boolean } = {}): Vectors {
  const meta = indexMeta(run);
  return (options.shared ? readVectorsFileShared : readVectorsFile)(join(dir, meta.files.vectors), meta.count, meta.dim);
}

/** Some rows of the Run's vectors, in the order given. */
export function loadVectorRows(dir: string, run: RunFile, rows: ArrayLike<number>): Vectors {
  const meta = indexMeta(run);
  return readVectorRows(join(dir, meta.files.vectors), meta.count, meta.dim, rows);
}

/** The segment centroids, k × dim row-major (row j is segment j + 1). */
export function loadCentroids(dir: string, run: RunFile): { k: number; dim: number; data: Float32Array } {
  const meta = indexMeta(run);
  const path = join(dir, meta.files.centroids);
  let file: CentroidsFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as CentroidsFile;
  } catch (err) {
    throw new IndexError(`${path}: cannot read the segment centroids (${(err as Error).message}). ${REMAKE}`);
  }
  const rows = Array.isArray(file.centroids) ? file.centroids : [];
  if (file.k !== meta.k || file.dim !== meta.dim || rows.length !== meta.k || rows.some((r) => !Array.isArray(r) || r.length !== meta.dim)) {
    throw new IndexError(`${path} holds ${rows.length} centroids of ${file.dim} values but run.json says ${meta.k} × ${meta.dim}. ${REMAKE}`);
  }
  const data = new Float32Array(meta.k * meta.dim);
  rows.forEach((r, j) => data.set(r, j * meta.dim));
  return { k: meta.k, dim: meta.dim, data };
}

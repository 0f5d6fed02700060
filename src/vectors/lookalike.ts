/**
 * Lookalikes: the customers nearest to a set of query points (a segment's centre plus a
 * sample of its members, or a seed list), excluding the segment or seeds themselves.
 *
 * Score of a candidate = Euclidean distance to its nearest query. One query's top-K already
 * holds every candidate of the merged top-K whose nearest query it is (anything that query
 * ranks higher scores at least as well), so per-query top-K searches, merged by minimum
 * distance and deduplicated, give the exact answer when each search is exact — and
 * `exactLookalikes` computes that exact answer by brute force, to measure the index's recall.
 */
import type { Vectors } from '../model/vectors.js';
import { createRng, sampleIndices } from '../util/random.js';
import type { Hnsw } from './hnsw.js';

export interface Neighbour {
  /** Row of the Run (index label, row of assignments.csv). */
  label: number;
  /** Euclidean distance in embedding space to the nearest query. */
  distance: number;
  /** Which query found it: 0 is the centre, 1… the sampled members or seeds. */
  query: number;
}

/** Query points: the mean of `rows` first, then up to `probes` of them sampled with `seed`. */
export function queriesFrom(points: Vectors, rows: ArrayLike<number>, probes: number, seed: number, centre?: ArrayLike<number>): Vectors {
  const { dim } = points;
  const picked = sampleIndices(rows.length, probes, createRng(seed));
  const data = new Float32Array((picked.length + 1) * dim);
  if (centre) data.set(centre, 0);
  else {
    const sum = new Float64Array(dim);
    for (let r = 0; r < rows.length; r++) for (let t = 0, o = rows[r] * dim; t < dim; t++) sum[t] += points.data[o + t];
    for (let t = 0; t < dim; t++) data[t] = rows.length ? sum[t] / rows.length : 0;
  }
  picked.sort();
  picked.forEach((p, q) => data.set(points.data.subarray(rows[p] * dim, (rows[p] + 1) * dim), (q + 1) * dim));
  return { n: picked.length + 1, dim, data };
}

/**
 * Approximate lookalikes from hnswlib graphs: every query against every graph, merged by
 * nearest distance. Segment lookalikes pass the graphs of the other segments (no filter
 * needed); seed lookalikes pass all graphs and `excluded` (1 = keep this row out).
 */
export function annLookalikes(graphs: Hnsw[], queries: Vectors, top: number, ef: number, excluded?: Uint8Array): Neighbour[] {
  const allowed = excluded ? (label: number) => excluded[label] === 0 : undefined;
  const best = new Map<number, Neighbour>();
  for (const index of graphs) {
    // hnswlib searches with a beam of max(ef, k); queries from outside a segment's graph
    // need a beam well over k (recall@100 was 0.92 at a beam of 128, see the recall test).
    const k = Math.min(top, index.getCurrentCount());
    index.setEf(Math.max(ef, Math.min(2 * top, index.getCurrentCount())));
    for (let q = 0; q < queries.n; q++) {
      const point = Array.from(queries.data.subarray(q * queries.dim, (q + 1) * queries.dim));
      const r = allowed ? index.searchKnn(point, k, allowed) : index.searchKnn(point, k);
      for (let j = 0; j < r.neighbors.length; j++) {
        const label = r.neighbors[j];
        const distance = Math.sqrt(Math.max(0, r.distances[j]));
        const seen = best.get(label);
        if (!seen || distance < seen.distance) best.set(label, { label, distance, query: q });
      }
    }
  }
  return rank([...best.values()], top);
}

/**
 * The same answer by brute force: every allowed row against every query. Also the search of
 * Runs without graphs (more than GRAPHS_UP_TO customers), so it keeps only the best `top` in a
 * bounded heap instead of an object per row: 1M customers × 40 dims, 800k candidates, 33
 * queries, top 100: 2.5 s against 5.0–5.6 s for an object per row sorted (same answer; this
 * 2-core machine at load ≈ 5).
 */
export function exactLookalikes(vectors: Vectors, queries: Vectors, top: number, excluded: Uint8Array): Neighbour[] {
  const { n, dim, data } = vectors;
  const cap = Math.max(0, Math.min(top, n));
  // Max-heap on (distance, label): the root is the worst of the best `cap` so far.
  const hd = new Float64Array(cap);
  const hl = new Int32Array(cap);
  const hq = new Int32Array(cap);
  let size = 0;
  const worse = (a: number, b: number) => hd[a] > hd[b] || (hd[a] === hd[b] && hl[a] > hl[b]);
  const swap = (a: number, b: number) => {
    const d = hd[a];
    hd[a] = hd[b];
    hd[b] = d;
    const l = hl[a];
    hl[a] = hl[b];
    hl[b] = l;
    const q = hq[a];
    hq[a] = hq[b];
    hq[b] = q;
  };
  for (let i = 0; i < n && cap > 0; i++) {
    if (excluded[i]) continue;
    let bestD = Infinity;
    let bestQ = 0;
    for (let q = 0; q < queries.n; q++) {
      let s = 0;
      for (let t = 0, a = i * dim, b = q * dim; t < dim; t++) {
        const d = data[a + t] - queries.data[b + t];
        s += d * d;
      }
      if (s < bestD) {
        bestD = s;
        bestQ = q;
      }
    }
    const dist = Math.sqrt(bestD);
    if (size < cap) {
      // Push and sift up.
      let c = size++;
      hd[c] = dist;
      hl[c] = i;
      hq[c] = bestQ;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (dist < hd[0] || (dist === hd[0] && i < hl[0])) {
      // Replace the root and sift down.
      hd[0] = dist;
      hl[0] = i;
      hq[0] = bestQ;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < size && worse(l, m)) m = l;
        if (r < size && worse(r, m)) m = r;
        if (m === c) break;
        swap(c, m);
        c = m;
      }
    }
  }
  const out: Neighbour[] = [];
  for (let h = 0; h < size; h++) out.push({ label: hl[h], distance: hd[h], query: hq[h] });
  return rank(out, top);
}

function rank(items: Neighbour[], top: number): Neighbour[] {
  return items.sort((a, b) => a.distance - b.distance || a.label - b.label).slice(0, top);
}

/** Share of the exact top-k found by the approximate top-k (recall@k). */
export function recallAt(approx: Neighbour[], exact: Neighbour[], k: number): number {
  const truth = new Set(exact.slice(0, k).map((x) => x.label));
  if (truth.size === 0) return 1;
  return approx.slice(0, k).filter((x) => truth.has(x.label)).length / truth.size;
}

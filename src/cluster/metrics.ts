/**
 * Agreement between two labelings of the same points, for tests and evals: the adjusted Rand
 * index (Hubert & Arabie 1985, the same value as scikit-learn's adjusted_rand_score), the
 * contingency table behind it, and a label matching built on the Hungarian method.
 */
import { maximizeAssignment } from './hungarian.js';

export { silhouette, silhouetteFromDistances } from './silhouette.js';

/** Dense re-coding of arbitrary labels to 0..m−1 (in order of first appearance). */
function recode(labels: ArrayLike<number>): { codes: Int32Array; count: number } {
  const map = new Map<number, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = map.get(labels[i]);
    if (c === undefined) {
      c = map.size;
      map.set(labels[i], c);
    }
    codes[i] = c;
  }
  return { codes, count: map.size };
}

/** Contingency counts: table[i][j] = points with label i in `a` and j in `b` (labels re-coded densely). */
export function contingency(a: ArrayLike<number>, b: ArrayLike<number>): { table: number[][]; aLabels: number; bLabels: number } {
  if (a.length !== b.length) throw new RangeError(`labelings differ in length: ${a.length} vs ${b.length}`);
  const A = recode(a);
  const B = recode(b);
  const table = Array.from({ length: A.count }, () => new Array<number>(B.count).fill(0));
  for (let i = 0; i < a.length; i++) table[A.codes[i]][B.codes[i]]++;
  return { table, aLabels: A.count, bLabels: B.count };
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index: 1 for identical partitions (up to renaming), about 0 for independent
 * ones, negative when worse than chance. Two single-cluster labelings count as identical.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table } = contingency(a, b);
  const n = a.length;
  let sumCells = 0;
  const rowSums = table.map((row) => row.reduce((s, x) => s + x, 0));
  const colSums = table[0] ? table[0].map((_, j) => table.reduce((s, row) => s + row[j], 0)) : [];
  for (const row of table) for (const x of row) sumCells += pairs(x);
  const sumRows = rowSums.reduce((s, x) => s + pairs(x), 0);
  const sumCols = colSums.reduce((s, x) => s + pairs(x), 0);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1; // both labelings trivial (all one cluster, or all singletons)
  return (sumCells - expected) / (max - expected);
}

/**
 * Match the clusters of `b` to those of `a` maximising the points they share (Hungarian).
 * Returns `mapping[bLabel] = aLabel` (−1 when b has more clusters than a) and the share of
 * points on which the matched labelings agree. Labels must be 0-based integers.
 */
export function matchLabels(a: ArrayLike<number>, b: ArrayLike<number>): { mapping: Int32Array; agreement: number } {
  if (a.length !== b.length) throw new RangeError(`labelings differ in length: ${a.length} vs ${b.length}`);
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] + 1 > ka) ka = a[i] + 1;
    if (b[i] + 1 > kb) kb = b[i] + 1;
  }
  const overlap = Array.from({ length: kb }, () => new Array<number>(ka).fill(0));
  for (let i = 0; i < a.length; i++) overlap[b[i]][a[i]]++;
  const mapping = maximizeAssignment(overlap);
  let agree = 0;
  for (let j = 0; j < kb; j++) if (mapping[j] >= 0) agree += overlap[j][mapping[j]];
  return { mapping, agreement: a.length === 0 ? 1 : agree / a.length };
}

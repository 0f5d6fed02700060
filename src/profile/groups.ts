/**
 * Rows grouped by segment once (a counting sort of the labels), so every per-segment
 * statistic can walk one segment's rows without scanning the whole table again.
 */
export interface Groups {
  k: number;
  n: number;
  sizes: Int32Array;
  /** Segment s owns order[offsets[s] .. offsets[s + 1]). */
  offsets: Int32Array;
  /** Row indices, grouped by segment, ascending within a segment. */
  order: Int32Array;
}

export function groupRows(labels: Int32Array, k: number): Groups {
  const n = labels.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    if (s < 0 || s >= k) throw new Error(`label ${s} at row ${i} is outside 0..${k - 1}`);
    sizes[s]++;
  }
  const offsets = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) offsets[s + 1] = offsets[s] + sizes[s];
  const cursor = offsets.slice(0, k);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[labels[i]]++] = i;
  return { k, n, sizes, offsets, order };
}

/** The row indices of segment s (a view, not a copy). */
export function rowsOf(groups: Groups, s: number): Int32Array {
  return groups.order.subarray(groups.offsets[s], groups.offsets[s + 1]);
}

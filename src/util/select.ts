/**
 * Quickselect with a three-way partition, so columns full of ties (counts, flags, rounded
 * amounts) stay linear: the k-th smallest value without sorting the column. Shared by the
 * profile's medians and the embedding's quartiles (sorting a million values per column cost
 * several times more).
 */

/** The value that would sit at index `k` if `a` were sorted; partially orders `a`. */
export function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (left < right) {
    const pivot = medianOf3(a[left], a[(left + right) >> 1], a[right]);
    // Dutch-flag partition: [left, lt) < pivot, [lt, i) == pivot, (gt, right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i] = a[lt];
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return pivot;
  }
  return a[k];
}

function medianOf3(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

import type { CustomerTable } from '../src/model/data.js';
import { createScrubber } from '../src/util/pii.js';
import { snippetOf } from '../src/profile/representatives.js';
import { memberPercent, memberValue } from './member-format.js';

/**
 * A held-out member in words, for a judge: every feature of the table with where the member
 * stands among all customers, the member's category levels, and a scrubbed, quoted snippet of
 * their text. Never the id or a PII column (the table keeps those out of numeric, categorical
 * and text), and the snippet goes through the same scrubber as the profiles' quotes.
 *
 *   orders: 14.00 (88th percentile, high)
 *   loyalty_member: no (like 58% of customers)
 *   favourite_category: Fashion
 *   review: <customer_snippets>"love a good coupon"</customer_snippets>
 *
 * The percentile compares the member with everyone, not with any segment: describing a member
 * needs the population, and nothing here knows the clustering.
 */
export interface MemberDescriber {
  describe(row: number): string;
}

export const MISSING_LEVEL = '(missing)';

/**
 * `rows`: the rows that will be described, when known (the held-out cases): each column's ranks
 * are then counted for their values in one pass over the column, instead of sorting a copy of
 * it — the same counts; the sorts were 1.5 s of the 1M bench Run's eval. Any other row is
 * still described (by the sorted column, made when first needed).
 */
export function memberDescriber(table: CustomerTable, rows?: readonly number[]): MemberDescriber {
  const scrub = createScrubber(table.piiValues);
  const numeric = table.numeric.map((col) => {
    let mean = 0;
    for (const v of col.values) mean += v;
    mean /= Math.max(1, col.values.length);
    const counted = rows ? countRanks(col.values, rows) : undefined;
    let sorted: Float64Array | undefined;
    const sortedCol = () => (sorted ??= Float64Array.from(col.values).sort());
    return {
      col,
      mean,
      midRank: (v: number) => counted?.midRank(v) ?? midRank(sortedCol(), v),
      shareAtLeastHalf: () => counted?.atLeastHalf ?? fractionAtLeast(sortedCol(), 0.5),
    };
  });
  return {
    describe(row) {
      const lines: string[] = [];
      for (const { col, mean, midRank, shareAtLeastHalf } of numeric) {
        const v = col.values[row];
        if (col.kind === 'boolean') {
          const yes = v >= 0.5;
          const share = shareAtLeastHalf();
          lines.push(`${col.name}: ${yes ? 'yes' : 'no'} (like ${memberPercent(yes ? share : 1 - share)} of customers)`);
          continue;
        }
        const p = midRank(v);
        const shown = memberValue(col.name, v, mean);
        lines.push(`${col.name}: ${shown} (${ordinal(Math.round(p * 100))} percentile, ${band(p)})`);
      }
      for (const col of table.categorical) {
        const level = col.levels[col.codes[row]];
        if (level !== undefined && level !== MISSING_LEVEL) lines.push(`${col.name}: ${level}`);
      }
      for (const col of table.text) {
        const text = col.values[row] ?? '';
        if (text.trim()) lines.push(`${col.name}: <customer_snippets>"${snippetOf(text, scrub).replace(/<\/?customer_snippets>/gi, '')}"</customer_snippets>`);
      }
      return lines.join('\n');
    },
  };
}

/**
 * midRank and fractionAtLeast(·, 0.5) of a column for the values its `rows` hold, by counting:
 * each column value falls below, on, or between the sorted distinct query values. undefined
 * midRank for any other value; nothing when the column holds a NaN (its place in a sorted copy
 * is not what the comparisons count).
 */
function countRanks(values: Float64Array, rows: readonly number[]): { midRank(v: number): number | undefined; atLeastHalf: number } | undefined {
  const q = Float64Array.from(new Set(Array.from(rows, (r) => values[r]))).sort();
  for (let j = 0; j < q.length; j++) if (Number.isNaN(q[j])) return undefined;
  // gap[j]: values strictly between q[j−1] and q[j] (gap[q.length]: above the last); eq[j]: values equal to q[j].
  const gap = new Float64Array(q.length + 1);
  const eq = new Float64Array(q.length);
  let atLeast = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) return undefined;
    if (x >= 0.5) atLeast++;
    const j = lowerBound(q, x);
    if (j < q.length && q[j] <= x) eq[j]++;
    else gap[j]++;
  }
  const at = new Map<number, { below: number; upTo: number }>();
  let below = 0;
  for (let j = 0; j < q.length; j++) {
    below += gap[j];
    at.set(q[j], { below, upTo: below + eq[j] });
    below += eq[j];
  }
  const n = values.length;
  return {
    midRank: (v) => {
      const c = at.get(v);
      return c === undefined ? undefined : n ? (c.below + (c.upTo - c.below) / 2) / n : 0.5;
    },
    atLeastHalf: n ? atLeast / n : 0,
  };
}

/** Share of values below v, counting ties as half: 0..1. */
function midRank(sorted: Float64Array, v: number): number {
  const below = lowerBound(sorted, v);
  const upTo = upperBound(sorted, v);
  return sorted.length ? (below + (upTo - below) / 2) / sorted.length : 0.5;
}

function fractionAtLeast(sorted: Float64Array, v: number): number {
  return sorted.length ? (sorted.length - lowerBound(sorted, v)) / sorted.length : 0;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function band(p: number): string {
  return p < 0.1 ? 'very low' : p < 0.3 ? 'low' : p <= 0.7 ? 'typical' : p <= 0.9 ? 'high' : 'very high';
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

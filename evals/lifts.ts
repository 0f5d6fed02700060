import type { CustomerTable } from '../src/model/data.js';
import { liftOf } from '../src/profile/numeric-facts.js';
import { select } from '../src/util/select.js';
import type { Claim, ClaimVocabulary } from './checks/claim-reader.js';

/**
 * How much more (or less) of each feature and level every segment has than everyone — computed
 * from the data and the Run's assignments, so a claim is checked against the members
 * themselves, not only against the facts a profile chose to keep.
 */
export interface SegmentLifts {
  k: number;
  /** lift[s] of each numeric feature (segment mean / overall mean; shares for flags). */
  numeric: Map<string, Float64Array>;
  /** lift[s] of each "column\u0000level" (segment share / overall share). */
  levels: Map<string, Float64Array>;
  /**
   * lift[s] of being in everyone's middle band of a numeric feature (segment share in the band /
   * everyone's share), for middle claims; computed when first asked. Undefined for flags.
   */
  middle: (feature: string) => Float64Array | undefined;
}

/**
 * Everyone's middle band of a column: from its 30th to its 70th percentile, both included —
 * the band describe-member.ts calls "typical". A middle claim ("Moderate Spenders") holds for
 * a member inside it.
 */
export const MIDDLE_BAND = [0.3, 0.7] as const;

export function segmentLifts(table: CustomerTable, labels: Int32Array, k: number): SegmentLifts {
  const n = labels.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const numeric = new Map<string, Float64Array>();
  for (const col of table.numeric) {
    const sums = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < n; i++) {
      sums[labels[i]] += col.values[i];
      total += col.values[i];
    }
    const overall = n > 0 ? total / n : 0;
    numeric.set(col.name, Float64Array.from(sums, (s, j) => liftOf(sizes[j] > 0 ? s / sizes[j] : overall, overall)));
  }
  const levels = new Map<string, Float64Array>();
  for (const col of table.categorical) {
    const L = col.levels.length;
    const counts = new Float64Array(k * L);
    const totals = new Float64Array(L);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0 || c >= L) continue;
      counts[labels[i] * L + c]++;
      totals[c]++;
    }
    col.levels.forEach((level, l) => {
      const overall = n > 0 ? totals[l] / n : 0;
      levels.set(levelKey(col.name, level), Float64Array.from({ length: k }, (_, s) => liftOf(sizes[s] > 0 ? counts[s * L + l] / sizes[s] : 0, overall)));
    });
  }
  const middle = new Map<string, Float64Array | undefined>();
  const middleLift = (feature: string) => {
    if (!middle.has(feature)) {
      const col = table.numeric.find((c) => c.name === feature);
      let out: Float64Array | undefined;
      if (col && col.kind !== 'boolean') {
        const [lo, hi] = bandOf(col.values);
        const inside = new Float64Array(k);
        let all = 0;
        for (let i = 0; i < n; i++) {
          const v = col.values[i];
          if (v >= lo && v <= hi) {
            inside[labels[i]]++;
            all++;
          }
        }
        out = Float64Array.from(inside, (c, j) => liftOf(sizes[j] > 0 ? c / sizes[j] : 0, n > 0 ? all / n : 0));
      }
      middle.set(feature, out);
    }
    return middle.get(feature);
  };
  return { k, numeric, levels, middle: middleLift };
}

export function levelKey(column: string, level: string): string {
  return `${column}\u0000${level}`;
}

/** Every feature and level of the table, for reading claims about any of them. */
export function tableVocabulary(table: CustomerTable): ClaimVocabulary {
  return {
    numeric: table.numeric.map((c) => c.name),
    levels: table.categorical.flatMap((c) => c.levels.map((level) => ({ column: c.name, level }))),
  };
}

// A "low" claim on a feature the segment has none of would be an infinite lift; cap it.
const MAX_LIFT = 100;

/**
 * How strongly the data supports a claim for segment s (0-based), as a lift in the claimed
 * direction: 2.0 means twice as common (or half as common, for a "low" claim). A claim over
 * several features ("spend" with two spend columns) is supported by its best feature.
 * Undefined when the claim's feature or level is not in the data.
 */
export function claimLift(claim: Claim, s: number, lifts: SegmentLifts): number | undefined {
  const values =
    claim.kind === 'category'
      ? [lifts.levels.get(levelKey(claim.column!, claim.level!))?.[s]]
      : claim.direction === 'middle'
        ? (claim.features ?? []).map((f) => lifts.middle(f)?.[s])
        : (claim.features ?? []).map((f) => lifts.numeric.get(f)?.[s]);
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (known.length === 0) return undefined;
  // A middle claim's lift is already in its direction: how much likelier a member is in the band.
  const directional = known.map((v) => (claim.direction !== 'low' ? v : v > 0 ? 1 / v : MAX_LIFT));
  return Math.min(MAX_LIFT, Math.max(...directional));
}

// Each claim of each segment asks for its feature's median: sorting a million values once per
// claim was 2.4 s of a 1M-customer eval. The same column gives the same median, so it is kept.
const medians = new WeakMap<Float64Array, number>();
function medianOf(values: Float64Array): number {
  let m = medians.get(values);
  if (m === undefined) {
    // The value at n/2 of the sorted column, by quickselect on a copy (linear, not a sort).
    m = select(Float64Array.from(values), Math.floor(values.length / 2));
    medians.set(values, m);
  }
  return m;
}

const bands = new WeakMap<Float64Array, readonly [number, number]>();
function bandOf(values: Float64Array): readonly [number, number] {
  let b = bands.get(values);
  if (b === undefined) {
    const n = values.length;
    const at = (q: number) => select(Float64Array.from(values), Math.min(n - 1, Math.floor(q * n)));
    b = n > 0 ? [at(MIDDLE_BAND[0]), at(MIDDLE_BAND[1])] : [0, 0];
    bands.set(values, b);
  }
  return b;
}

/** Share of segment s (0-based) whose values bear out the claim; undefined when the data lack the feature or level. */
export function claimShare(claim: Claim, s: number, table: CustomerTable, labels: Int32Array): number | undefined {
  let have = 0;
  let size = 0;
  if (claim.kind === 'category') {
    const col = table.categorical.find((c) => c.name === claim.column);
    const code = col?.levels.indexOf(claim.level!) ?? -1;
    if (!col || code < 0) return undefined;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== s) continue;
      size++;
      if ((col.codes[i] === code) === (claim.direction === 'high')) have++;
    }
    return size > 0 ? have / size : undefined;
  }
  // A claim over several features (two spend columns) holds by its best feature, as claimLift does.
  let best: number | undefined;
  for (const f of claim.features ?? []) {
    const col = table.numeric.find((c) => c.name === f);
    if (!col || (claim.direction === 'middle' && col.kind === 'boolean')) continue;
    const median = medianOf(col.values);
    const [lo, hi] = claim.direction === 'middle' ? bandOf(col.values) : [0, 0];
    have = 0;
    size = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== s) continue;
      size++;
      const v = col.values[i];
      // Flags: "members" means the flag is set; a number "high" means above everyone's median.
      // A middle claim: inside everyone's middle band (MIDDLE_BAND).
      if (claim.direction === 'middle' ? v >= lo && v <= hi : col.kind === 'boolean' ? (v >= 0.5) === (claim.direction === 'high') : claim.direction === 'high' ? v > median : v < median) have++;
    }
    if (size > 0) best = Math.max(best ?? 0, have / size);
  }
  return best;
}

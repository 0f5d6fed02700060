import type { CustomerTable, NumericColumn } from '../model/data.js';
import type { RfmTier } from '../model/profile.js';
import { select } from '../util/select.js';

export const RFM_TIERS: readonly RfmTier[] = ['Champions', 'Loyal', 'Potential', 'New', 'At risk', 'Hibernating'];

export interface RfmColumns {
  recency: NumericColumn;
  frequency?: NumericColumn;
  monetary?: NumericColumn;
}

// Checked in this order, each column used once: "total_orders" is frequency (orders) before
// it could be monetary (total); within a role the stronger word wins ("spend" over "total").
const ROLE_PATTERNS: Record<keyof RfmColumns, RegExp[]> = {
  recency: [/recency/i, /days_since_last/i],
  frequency: [/frequency/i, /order_count/i, /orders/i, /purchases/i],
  monetary: [/monetary/i, /spend/i, /revenue/i, /total/i],
};

/**
 * The recency, frequency and monetary columns, found by name. RFM needs recency and at least
 * one of frequency and monetary; otherwise the table has no RFM tiers (undefined).
 */
export function detectRfmColumns(table: Pick<CustomerTable, 'numeric'>): RfmColumns | undefined {
  const used = new Set<string>();
  const find = (role: keyof RfmColumns) => {
    for (const re of ROLE_PATTERNS[role]) {
      const col = table.numeric.find((c) => c.kind === 'numeric' && !used.has(c.name) && re.test(c.name));
      if (col) {
        used.add(col.name);
        return col;
      }
    }
    return undefined;
  };
  const recency = find('recency');
  const frequency = find('frequency');
  const monetary = find('monetary');
  if (!recency || (!frequency && !monetary)) return undefined;
  return { recency, frequency, monetary };
}

/**
 * Quintile scores 1..5 against the whole table (5 = best: most recent, most frequent, biggest
 * spender). A value scores 1 + the number of quintile cut points (20/40/60/80%) it exceeds,
 * so ties share a score; recency is reversed.
 */
export function quintileScores(values: Float64Array, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  // Quickselect from the top cut down: each later select works on an already-split array.
  const copy = Float64Array.from(values);
  const cuts = [0, 0, 0, 0];
  let limit = n;
  for (const [j, q] of [[3, 0.8], [2, 0.6], [1, 0.4], [0, 0.2]] as const) {
    if (n === 0) break;
    const k = Math.min(n - 1, Math.floor(q * n));
    cuts[j] = select(copy.subarray(0, limit), k);
    limit = k + 1; // the k + 1 smallest values now sit in front
  }
  const [c1, c2, c3, c4] = cuts;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const above = (v > c1 ? 1 : 0) + (v > c2 ? 1 : 0) + (v > c3 ? 1 : 0) + (v > c4 ? 1 : 0);
    out[i] = higherIsBetter ? 1 + above : 5 - above;
  }
  return out;
}

/**
 * The tier rules (R, F, M are quintile scores; FM is the mean of F and M, or whichever exists):
 *   Champions    R ≥ 4 and FM ≥ 4   bought lately, often and a lot
 *   Loyal        R ≥ 3 and FM ≥ 3   steady, valuable, reasonably recent
 *   New          R ≥ 4 and F ≤ 2    bought lately but rarely (few orders yet)
 *   Potential    R ≥ 3              recent, not yet frequent or big
 *   At risk      FM ≥ 3             used to buy often or a lot, not lately
 *   Hibernating  everyone else      not recent, not frequent, not big
 * The first rule that matches wins. Without a frequency column, F is read as M.
 */
export function tierOf(r: number, f: number | undefined, m: number | undefined): RfmTier {
  const fm = f !== undefined && m !== undefined ? (f + m) / 2 : (f ?? m ?? 1);
  const freq = f ?? m ?? 1;
  if (r >= 4 && fm >= 4) return 'Champions';
  if (r >= 3 && fm >= 3) return 'Loyal';
  if (r >= 4 && freq <= 2) return 'New';
  if (r >= 3) return 'Potential';
  if (fm >= 3) return 'At risk';
  return 'Hibernating';
}

/** The tier of every row, as an index into RFM_TIERS. */
export function rfmTierCodes(cols: RfmColumns): Uint8Array {
  const r = quintileScores(cols.recency.values, false);
  const f = cols.frequency ? quintileScores(cols.frequency.values, true) : undefined;
  const m = cols.monetary ? quintileScores(cols.monetary.values, true) : undefined;
  // 5 × 5 × 5 score combinations: look the tier up instead of deciding it a million times.
  const lookup = new Uint8Array(6 * 6 * 6);
  for (let a = 1; a <= 5; a++) {
    for (let b = 1; b <= 5; b++) {
      for (let c = 1; c <= 5; c++) lookup[a * 36 + b * 6 + c] = RFM_TIERS.indexOf(tierOf(a, f ? b : undefined, m ? c : undefined));
    }
  }
  const out = new Uint8Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = lookup[r[i] * 36 + (f ? f[i] : 1) * 6 + (m ? m[i] : 1)];
  return out;
}

/** Share of each segment in each tier (tiers nobody is in are left out). */
export function rfmMix(codes: Uint8Array, labels: Int32Array, sizes: Int32Array): Partial<Record<RfmTier, number>>[] {
  const k = sizes.length;
  const T = RFM_TIERS.length;
  const counts = new Int32Array(k * T);
  for (let i = 0; i < codes.length; i++) counts[labels[i] * T + codes[i]]++;
  return Array.from({ length: k }, (_, s) => {
    const mix: Partial<Record<RfmTier, number>> = {};
    for (let t = 0; t < T; t++) {
      const c = counts[s * T + t];
      if (c > 0 && sizes[s] > 0) mix[RFM_TIERS[t]] = c / sizes[s];
    }
    return mix;
  });
}

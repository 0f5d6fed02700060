import { UsageError } from '../errors.js';
import type { RunFile, RunSegment } from '../model/run.js';

export type Superlative = 'biggest' | 'smallest' | 'most valuable' | 'least valuable' | 'newest' | 'most lapsed';

// Feature names that carry money or value: "most valuable" ranks segments by the first of these.
const VALUE_FEATURE = /(spend|revenue|monetary|value|ltv|clv|sales|amount|aov|basket)/i;
// "Newest" ranks by how long customers have been customers: a tenure in days, or a signup date
// (profiled as days ago: signup_date_days_ago), the fewest days being the newest.
const AGE_FEATURE = /(tenure|signup|sign_up|joined|first_order|first_purchase|account_age|customer_since|created)/i;
// "Most lapsed" ranks by days since the last order, the most days being the most lapsed.
const RECENCY_FEATURE = /(recency|days_since_last|since_last|last_order|last_purchase|last_seen|inactive)/i;

/**
 * The segment a superlative means ("the biggest segment", "the most valuable ones"), among
 * the described segments (small ones are never written for). "Most valuable" is the highest
 * mean spend per customer — what a marketer means by "best customers" — not the biggest total.
 */
export function pickSegment(run: RunFile, which: Superlative): RunSegment {
  const described = run.segments.filter((s) => !s.small);
  if (described.length === 0) throw new UsageError(`Run ${run.id} has no segment above the minimum size.`);
  if (which === 'biggest') return maxBy(described, (s) => s.size);
  if (which === 'smallest') return maxBy(described, (s) => -s.size);
  if (which === 'newest' || which === 'most lapsed') {
    const re = which === 'newest' ? AGE_FEATURE : RECENCY_FEATURE;
    const feature = described[0].profile.numeric.find((f) => f.kind === 'numeric' && re.test(f.feature))?.feature;
    if (!feature) throw new UsageError(`Run ${run.id} has no ${which === 'newest' ? 'tenure or signup' : 'days-since-last-order'} column, so "${which}" cannot be ranked. Name the segment by number instead.`);
    const mean = (s: RunSegment) => s.profile.numeric.find((f) => f.feature === feature)?.mean ?? 0;
    // Dates are profiled as days ago (signup_date_days_ago), like tenures: fewest days = newest.
    return maxBy(described, (s) => (which === 'newest' ? -mean(s) : mean(s)));
  }
  const feature = valueFeature(run);
  if (!feature) {
    throw new UsageError(`Run ${run.id} has no spend or value column, so "${which}" cannot be ranked. Name the segment by number instead.`);
  }
  const mean = (s: RunSegment) => s.profile.numeric.find((f) => f.feature === feature)?.mean ?? 0;
  return maxBy(described, (s) => (which === 'most valuable' ? mean(s) : -mean(s)));
}

/** The feature "most valuable" ranks by, for explaining the choice ("by avg total_spend"). */
export function valueFeature(run: RunFile): string | undefined {
  return run.segments.find((s) => !s.small)?.profile.numeric.find((f) => f.kind === 'numeric' && VALUE_FEATURE.test(f.feature))?.feature;
}

function maxBy<T>(items: T[], score: (t: T) => number): T {
  return items.reduce((best, x) => (score(x) > score(best) ? x : best));
}

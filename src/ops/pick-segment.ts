import { UsageError } from '../errors.js';
import type { RunFile, RunSegment } from '../model/run.js';

export type Superlative = 'biggest' | 'smallest' | 'most valuable' | 'least valuable';

// Feature names that carry money or value: "most valuable" ranks segments by the first of these.
const VALUE_FEATURE = /(spend|revenue|monetary|value|ltv|clv|sales|amount|aov|basket)/i;

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

import type { EvalContext } from '../context.js';
import type { Measurement } from '../types.js';

/**
 * Cluster quality from the Run itself: separation (silhouette), balance, and the privacy rule
 * for small segments. A segment under the Run's minimum size is allowed (k follows the data's
 * structure, issue 14) but must be marked small and carry no texts: it is never described to
 * an LLM, briefed or exported.
 */
function smallDescribed(ctx: EvalContext): Measurement {
  const min = ctx.run.config.minSegmentSize;
  const under = ctx.run.segments.filter((s) => s.size < min);
  const bad = under.filter((s) => s.texts || !s.small);
  return {
    name: 'small_segments_described',
    value: bad.length,
    detail: bad.length
      ? `under the minimum of ${min} yet described or not marked small: ${bad.map((s) => `${s.id} (${s.size})`).join(', ')}`
      : `${under.length} segment(s) under the minimum of ${min}${under.length ? ` (${under.map((s) => `${s.id}: ${s.size}`).join(', ')})` : ''}, all marked small and not described`,
  };
}

/** Cluster quality from the Run itself: separation (silhouette), balance and the small-segment rule. */
export function measureClusterQuality(ctx: EvalContext): Measurement[] {
  const segs = ctx.run.segments;
  const sizes = segs.map((s) => s.size);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const smallest = segs.find((s) => s.size === min)!;
  const largest = segs.find((s) => s.size === max)!;
  return [
    { name: 'silhouette', value: ctx.run.metrics.silhouette, detail: `mean silhouette of k = ${ctx.run.metrics.k} on the Run's evaluation sample` },
    { name: 'size_balance', value: max > 0 ? min / max : 0, detail: `smallest ${smallest.id} (${min}) / largest ${largest.id} (${max})` },
    smallDescribed(ctx),
  ];
}

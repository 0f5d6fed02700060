import type { EvalContext } from '../context.js';
import { detailWords } from '../eval-words.js';
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
  const d = detailWords(ctx);
  return {
    name: 'small_segments_described',
    value: bad.length,
    detail: bad.length
      ? d.smallBad(min, bad.map((s) => `${s.id} (${s.size})`).join(d.sep))
      : d.smallOk(under.length, min, under.map((s) => `${s.id}: ${s.size}`).join(d.sep)),
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
    { name: 'silhouette', value: ctx.run.metrics.silhouette, detail: detailWords(ctx).silhouette(ctx.run.metrics.k) },
    { name: 'size_balance', value: max > 0 ? min / max : 0, detail: detailWords(ctx).balance(smallest.id, min, largest.id, max) },
    smallDescribed(ctx),
  ];
}

import type { EvalContext } from '../context.js';
import type { Measurement } from '../types.js';

/** Cluster quality from the Run itself: separation (silhouette), balance and the smallest segment. */
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
    { name: 'min_segment_size', value: min, detail: `segment ${smallest.id} has ${min} customers` },
  ];
}

import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { formatCount, formatShare, textTable } from '../util/format.js';
import { openRun } from './session.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const ListSegmentsInput = z.object({
  run: runField,
});

export interface SegmentRow {
  id: number;
  name: string;
  summary: string;
  size: number;
  share: number;
  stability: number;
  writer: string;
  small: boolean;
}

export const listSegmentsOp = defineOperation({
  name: 'segments',
  description: OP_DESCRIPTIONS.listSegments,
  input: ListSegmentsInput,
  async run(input, ctx): Promise<{ runId: string; runDir: string; customers: number; segments: SegmentRow[] }> {
    const { dir, run } = openRun(ctx, input.run);
    return {
      runId: run.id,
      runDir: dir,
      customers: run.metrics.customers,
      segments: run.segments.map((s) => ({
        id: s.id,
        name: s.texts?.name ?? '(under the minimum size)',
        summary: s.texts?.summary ?? '',
        size: s.size,
        share: s.share,
        stability: s.profile.stability,
        writer: s.texts ? (s.texts.writer.fallback ? 'offline (fallback)' : s.texts.writer.kind) : '-',
        small: s.small,
      })),
    };
  },
  render(r) {
    return [
      `Run ${r.runId} — ${formatCount(r.customers)} customers`,
      textTable(
        ['#', 'name', 'size', 'share', 'stability', 'writer'],
        r.segments.map((s) => [s.id, s.name, formatCount(s.size), formatShare(s.share), s.stability.toFixed(2), s.writer]),
      ),
    ].join('\n');
  },
  summarize(r) {
    return r.segments.map((s) => `${s.id}. ${s.name} — ${s.size} customers (${formatShare(s.share)}). ${s.summary}`).join('\n');
  },
});

import { z } from 'zod';
import { join } from 'node:path';
import { defineOperation } from './operation.js';
import { refreshRun } from '../pipeline/refresh.js';
import { CHANGES_MD } from '../pipeline/changes-file.js';
import { eventLine } from '../pipeline/diff-markdown.js';
import { formatShare } from '../util/format.js';
import type { SegmentEvent } from '../model/run.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const RefreshInput = z.object({
  file: z.string().min(1).optional().describe("The new snapshot; the earlier Run's file when omitted"),
  since: z.string().optional().describe('The Run to refresh (id or prefix); the latest when omitted'),
  k: z.coerce.number().int().min(2).max(50).optional().describe('Number of segments; chosen automatically when omitted (or the earlier Run\'s, if it was given)'),
  seed: z.coerce.number().int().min(0).default(42).describe('Random seed (same seed, same segments)'),
});

export interface RefreshResult {
  runId: string;
  runDir: string;
  since: string;
  k: number;
  customers: number;
  segments: { id: number; name: string; size: number; share: number; small: boolean; was?: number; texts: 'kept' | 'rewritten' | 'new' }[];
  events: SegmentEvent[];
  changes: string;
}

export const refreshOp = defineOperation({
  name: 'refresh',
  description: OP_DESCRIPTIONS.refresh,
  input: RefreshInput,
  async run(input, ctx): Promise<RefreshResult> {
    const made = await refreshRun({ ...input, config: ctx.config, log: ctx.log, signal: ctx.signal });
    if (ctx.session) {
      ctx.session.runId = made.runId;
      ctx.session.file = made.run.config.file;
    }
    const was = new Map(made.refresh.matches.map((m) => [m.to, m.from]));
    const drift = new Map(made.refresh.drift.map((d) => [d.segment, d]));
    return {
      runId: made.runId,
      runDir: made.runDir,
      since: made.previous.id,
      k: made.run.metrics.k,
      customers: made.run.metrics.customers,
      segments: made.run.segments.map((s) => ({
        id: s.id,
        name: s.texts?.name ?? '(under the minimum size)',
        size: s.size,
        share: s.share,
        small: s.small,
        ...(was.has(s.id) ? { was: was.get(s.id) } : {}),
        texts: !was.has(s.id) ? 'new' : drift.get(s.id)?.rewritten ? 'rewritten' : 'kept',
      })),
      events: made.refresh.events,
      changes: join(made.runDir, CHANGES_MD),
    };
  },
  render(r) {
    return [
      `Run ${r.runId}: ${r.customers.toLocaleString('en-US')} customers in ${r.k} segments, refreshed from Run ${r.since}`,
      '',
      ...r.segments.map((s) => `  ${String(s.id).padStart(2)}  ${s.name.padEnd(30)} ${s.size.toLocaleString('en-US').padStart(8)}  ${formatShare(s.share).padStart(6)}  ${s.texts === 'new' ? 'new' : `was ${s.was}, texts ${s.texts}`}`),
      '',
      ...r.events.filter((e) => e.kind !== 'survive').map((e) => `  ${eventLine(e)}`),
      `What changed: ${r.changes}`,
    ].join('\n');
  },
  summarize(r) {
    const moves = r.events.filter((e) => e.kind !== 'survive').map(eventLine);
    return `Refreshed Run ${r.since} as Run ${r.runId} with ${r.k} segments: ${r.segments.map((s) => `${s.id} "${s.name}" (${s.size}, texts ${s.texts})`).join('; ')}.${moves.length ? ` ${moves.join('; ')}.` : ' Every segment survived.'}`;
  },
});

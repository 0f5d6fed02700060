import { z } from 'zod';
import { join } from 'node:path';
import { defineOperation } from './operation.js';
import { refreshRun } from '../pipeline/refresh.js';
import { CHANGES_MD } from '../pipeline/changes-file.js';
import { eventLine } from '../pipeline/diff-markdown.js';
import { formatCount, formatShare } from '../util/format.js';
import { displayWidth, type Language } from '../util/script.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
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
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
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
      lang: answerLanguage(ctx, made.run),
    };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].refresh;
    return [
      w.title(r.runId, formatCount(r.customers, lang), r.k, r.since),
      '',
      ...r.segments.map((s) => `  ${String(s.id).padStart(2)}  ${padEnd(s.name, 30)} ${formatCount(s.size, lang).padStart(8)}  ${formatShare(s.share, lang).padStart(6)}  ${w.texts(s.texts, s.was)}`),
      '',
      ...r.events.filter((e) => e.kind !== 'survive').map((e) => `  ${eventLine(e, lang)}`),
      w.changes(r.changes),
    ].join('\n');
  },
  summarize(r) {
    const moves = r.events.filter((e) => e.kind !== 'survive').map((e) => eventLine(e));
    return `Refreshed Run ${r.since} as Run ${r.runId} with ${r.k} segments: ${r.segments.map((s) => `${s.id} "${s.name}" (${s.size}, texts ${s.texts})`).join('; ')}.${moves.length ? ` ${moves.join('; ')}.` : ' Every segment survived.'}`;
  },
});

/** A name padded to a width in terminal columns (a Chinese character takes two). */
function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { formatCount, formatShare, textTable } from '../util/format.js';
import { openRun } from './session.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

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
  async run(input, ctx): Promise<{ runId: string; runDir: string; customers: number; segments: SegmentRow[]; lang?: Language }> {
    const { dir, run } = openRun(ctx, input.run);
    const lang = answerLanguage(ctx, run);
    const w = RENDER_WORDS[lang].list;
    return {
      lang,
      runId: run.id,
      runDir: dir,
      customers: run.metrics.customers,
      segments: run.segments.map((s) => ({
        id: s.id,
        name: s.texts?.name ?? w.small,
        summary: s.texts?.summary ?? '',
        size: s.size,
        share: s.share,
        stability: s.profile.stability,
        writer: s.texts ? w.writer(s.texts.writer.kind, !!s.texts.writer.fallback) : '-',
        small: s.small,
      })),
    };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].list;
    return [
      w.title(r.runId, formatCount(r.customers, lang)),
      textTable(
        w.header,
        r.segments.map((s) => [s.id, s.name, formatCount(s.size, lang), formatShare(s.share, lang), s.stability.toFixed(2), s.writer]),
      ),
    ].join('\n');
  },
  summarize(r) {
    return r.segments.map((s) => `${s.id}. ${s.name} — ${s.size} customers (${formatShare(s.share)}). ${s.summary}`).join('\n');
  },
});

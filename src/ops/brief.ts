import { join } from 'node:path';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import { readFileSync } from 'node:fs';
import { defineOperation } from './operation.js';
import { describedTexts, resolveSegment } from './segments.js';
import { writeBriefs } from '../brief/write-briefs.js';
import { openRunInLanguage } from './session.js';
import { z } from 'zod';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { runField } from './fields.js';

export const BriefInput = z.object({
  segment: z.union([z.string(), z.number()]).optional().describe('Segment number, a word of its name or a superlative (biggest, most valuable…); all segments when omitted'),
  run: runField,
});

export interface BriefResult {
  runId: string;
  path: string;
  /** The Markdown of one segment's brief (absent when all briefs were written). */
  markdown?: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
  segment?: number;
}

export const briefOp = defineOperation({
  name: 'brief',
  description: OP_DESCRIPTIONS.brief,
  input: BriefInput,
  async run(input, ctx): Promise<BriefResult> {
    const { dir, run } = openRunInLanguage(ctx, input.run);
    if (input.segment === undefined) {
      writeBriefs(dir, run);
      return { runId: run.id, path: join(dir, 'briefs', 'index.md'), lang: answerLanguage(ctx, run) };
    }
    const seg = resolveSegment(run, input.segment);
    describedTexts(run, seg);
    const path = join(dir, 'briefs', `segment-${seg.id}.md`);
    // Always from the Run: a brief on disk may predate an edit made by an older version.
    writeBriefs(dir, run);
    return { runId: run.id, path, segment: seg.id, markdown: readFileSync(path, 'utf8'), lang: answerLanguage(ctx, run) };
  },
  render(r) {
    const w = RENDER_WORDS[r.lang ?? 'en'];
    return r.markdown ? `${r.markdown.trimEnd()}\n\n${w.savedAt(r.path)}` : w.briefsWritten(r.path);
  },
  summarize(r) {
    // A model gets the brief without its "Voice of the customer" quotes: customer text is
    // data for people to read, never something a model should see as part of a tool result.
    if (!r.markdown) return `Briefs written to ${r.path}.`;
    const withoutQuotes = r.markdown.split(/## (?:Voice of the customer|客户原声)/)[0];
    return `Brief for segment ${r.segment} saved at ${r.path}:\n${withoutQuotes.slice(0, 1500)}`;
  },
});

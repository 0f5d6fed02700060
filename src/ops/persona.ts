import { z } from 'zod';
import { runField, segmentField } from './fields.js';
import { defineOperation } from './operation.js';
import { writeContextOf } from '../pipeline/save-texts.js';
import { saveAndRefresh } from './save-and-refresh.js';
import { createWriter } from '../write/create-writer.js';
import type { Persona } from '../model/texts.js';
import { openDescribedSegment } from './session.js';
import { writerLabel } from './writer-label.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const PersonaInput = z.object({
  segment: segmentField,
  rewrite: z.boolean().optional().describe('Write the persona afresh with the configured LLM (and save it) instead of showing the stored one'),
  run: runField,
});

export interface PersonaResult {
  runId: string;
  segment: number;
  name: string;
  persona: Persona;
  writer: string;
  rewritten: boolean;
  /** Why a requested rewrite did not happen (no LLM configured). */
  note?: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}

export const personaOp = defineOperation({
  name: 'persona',
  description: OP_DESCRIPTIONS.persona,
  input: PersonaInput,
  async run(input, ctx): Promise<PersonaResult> {
    const { dir, run, seg, texts } = openDescribedSegment(ctx, input.run, input.segment);
    const base = { runId: run.id, segment: seg.id, name: texts.name, lang: answerLanguage(ctx, run) };
    if (!input.rewrite) return { ...base, persona: texts.persona, writer: writerLabel(texts.writer), rewritten: false };
    if (!ctx.config.llm) {
      // The offline writer is deterministic: rewriting would give the same persona back.
      return { ...base, persona: texts.persona, writer: writerLabel(texts.writer), rewritten: false, note: 'Rewriting needs an LLM (set OPENAI_API_KEY); this is the stored persona.' };
    }
    const writer = await createWriter(ctx.config, { log: ctx.log, signal: ctx.signal });
    const persona = await writer.persona(seg.profile, { segment: seg.id, name: texts.name, summary: texts.summary }, writeContextOf(run));
    const info = writer.infoFor?.(seg.id) ?? writer.info;
    await saveAndRefresh(dir, run, seg.id, { ...texts, persona, writer: info }, { log: ctx.log });
    return { ...base, persona, writer: writerLabel(info), rewritten: true };
  },
  render(r) {
    const p = r.persona;
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].texts;
    return [
      w.personaHead(r.segment, r.name, p.archetype),
      p.description,
      '',
      w.goals,
      ...p.goals.map((g) => `  • ${g}`),
      w.pains,
      ...p.painPoints.map((g) => `  • ${g}`),
      w.channels(p.channels.map((c) => w.channelNames[c]).join(RENDER_WORDS[lang].resolve.comma)),
      w.evidence,
      ...p.evidence.map((e) => `  • ${e}`),
      '',
      w.writtenBy(r.rewritten, w.writer(r.writer)),
      ...(r.note ? [r.note] : []),
    ].join('\n');
  },
  summarize(r) {
    const p = r.persona;
    return [
      `Persona of segment ${r.segment} "${r.name}": ${p.archetype}. ${p.description}`,
      `Goals: ${p.goals.join('; ')}. Pain points: ${p.painPoints.join('; ')}. Channels: ${p.channels.join(', ')}.`,
      `Evidence: ${p.evidence.join('; ')}. Writer: ${r.writer}${r.rewritten ? ' (rewritten and saved)' : ''}.`,
      r.note ?? '',
    ].filter(Boolean).join(' ');
  },
});

import { z } from 'zod';
import { runField, segmentField } from './fields.js';
import { defineOperation } from './operation.js';
import { writeContextOf } from '../pipeline/save-texts.js';
import { createWriter } from '../write/create-writer.js';
import { CHANNEL_LIMITS, type Channel, type Copy, type CopySettings } from '../model/texts.js';
import { KNOWN_TONES, resolveTone } from '../write/offline-copy.js';
import { smsLength } from '../write/sms.js';
import { saveAndRefresh } from './save-and-refresh.js';
import { openDescribedSegment } from './session.js';
import { writerLabel } from './writer-label.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const CHANNELS = ['email', 'sms', 'push', 'ad'] as const satisfies readonly Channel[];

export const CopyInput = z.object({
  segment: segmentField,
  channel: z.enum(CHANNELS).optional().describe('email, sms, push or ad; every channel when omitted'),
  tone: z.string().max(60).optional().describe('Tone for fresh copy, e.g. "playful" or "formal"'),
  offer: z.string().max(200).optional().describe('Offer to build fresh copy around, e.g. "20% off this weekend"'),
  language: z.string().max(40).optional().describe('Language for fresh copy, e.g. "French"'),
  run: runField,
});

export interface CopyResult {
  runId: string;
  segment: number;
  name: string;
  channel?: Channel;
  copy: Copy;
  writer: string;
  /** True when the copy was written now (tone/offer/language given) and saved into the Run. */
  fresh: boolean;
  /** True when fresh copy differs from what was stored. */
  changed?: boolean;
  /** The tone and offer the segment's copy is written with (kept until changed). */
  settings?: CopySettings;
  /** Something the user asked for that could not be done as asked (an unknown tone). */
  note?: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}

export const copyOp = defineOperation({
  name: 'copy',
  description: OP_DESCRIPTIONS.copy,
  input: CopyInput,
  async run(input, ctx): Promise<CopyResult> {
    const { dir, run, seg, texts } = openDescribedSegment(ctx, input.run, input.segment);
    const base = { runId: run.id, segment: seg.id, name: texts.name, channel: input.channel, lang: answerLanguage(ctx, run) };
    if (!input.tone && !input.offer && !input.language) {
      return { ...base, copy: texts.copy, writer: writerLabel(texts.writer), fresh: false, settings: texts.copySettings };
    }
    // Tone, offer and language are kept per segment: a later --tone keeps an earlier --offer.
    const prev = texts.copySettings ?? {};
    let note: string | undefined;
    let tone = input.tone ?? prev.tone;
    if (!ctx.config.llm && input.tone && !resolveTone(input.tone).supported) {
      // A tone the offline writer cannot write is not kept (the copy would not be in it): the
      // segment keeps its tone, and with nothing else asked for nothing is re-written.
      const kept = prev.tone && resolveTone(prev.tone).supported ? prev.tone : undefined;
      note = RENDER_WORDS[base.lang].texts.toneNotApplied(input.tone, KNOWN_TONES, kept);
      tone = prev.tone;
      if (!input.offer && !input.language) return { ...base, copy: texts.copy, writer: writerLabel(texts.writer), fresh: false, changed: false, settings: texts.copySettings, note };
    } else if (!ctx.config.llm && tone && !resolveTone(tone).supported) {
      note = RENDER_WORDS[base.lang].texts.toneFriendly(tone, KNOWN_TONES);
    }
    const settings: CopySettings = clean({ tone, offer: input.offer ?? prev.offer, language: input.language ?? prev.language });
    const writer = await createWriter(ctx.config, { log: ctx.log, signal: ctx.signal });
    const fresh = await writer.copy(seg.profile, { segment: seg.id, name: texts.name, summary: texts.summary }, texts.persona, { ...writeContextOf(run), lang: ctx.config.lang ?? run.config.lang }, settings);
    const info = writer.infoFor?.(seg.id) ?? writer.info;
    // `copy N sms` rewrites the SMS only; the other channels and the offer idea stay as they were
    // (a new --offer is the segment's new offer idea, so that follows it).
    const copy: Copy = input.channel ? { ...texts.copy, [input.channel]: fresh[input.channel], ...(input.offer ? { offer: fresh.offer } : {}) } : fresh;
    const changed = JSON.stringify(copy) !== JSON.stringify(texts.copy);
    // The previous copy stays in textsHistory; briefs and the report are regenerated.
    const writerInfo = changed ? info : texts.writer;
    await saveAndRefresh(dir, run, seg.id, { ...texts, copy, writer: writerInfo, copySettings: settings }, { log: ctx.log });
    return { ...base, copy, writer: writerLabel(writerInfo), fresh: true, changed, settings, note };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].texts;
    const blocks = (r.channel ? [r.channel] : CHANNELS).map((c) => channelText(r.copy, c, lang));
    return [
      w.copyHead(r.segment, r.name, r.copy.offer),
      '',
      blocks.join('\n\n'),
      '',
      `${w.copyStatus({ fresh: r.fresh, changed: r.changed, note: !!r.note, channel: r.channel }, w.writer(r.writer))}${w.settings(r.settings ?? {})}`,
      ...(r.note ? [r.note] : []),
    ].join('\n');
  },
  summarize(r) {
    const blocks = (r.channel ? [r.channel] : CHANNELS).map((c) => channelText(r.copy, c));
    return `Copy for segment ${r.segment} "${r.name}" (offer: ${r.copy.offer}; writer: ${r.writer}${r.fresh ? (r.changed ? ', fresh and saved' : ', unchanged') : ''}${settingsText(r.settings)}):\n${blocks.join('\n')}${r.note ? `\n${r.note}` : ''}`;
  },
});

/** One channel's copy as text, with its length against the channel's limit where it has one. */
export function channelText(copy: Copy, channel: Channel, lang: Language = 'en'): string {
  const w = RENDER_WORDS[lang].texts;
  switch (channel) {
    case 'email':
      return w.email(copy.email.subject, copy.email.body);
    case 'sms': {
      const l = smsLength(copy.sms);
      return w.sms(l.units, l.limit, l.encoding, copy.sms);
    }
    case 'push':
      return w.push(copy.push.length, CHANNEL_LIMITS.push, copy.push);
    case 'ad':
      return w.ad(copy.ad.headline, copy.ad.primaryText);
  }
}

function settingsText(s?: CopySettings): string {
  return RENDER_WORDS.en.texts.settings(s ?? {});
}

function clean(s: CopySettings): CopySettings {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== '')) as CopySettings;
}

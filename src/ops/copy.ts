import { z } from 'zod';
import { defineOperation } from './operation.js';
import { describedTexts, resolveSegment } from './segments.js';
import { saveSegmentTexts, writeContextOf } from '../pipeline/save-texts.js';
import { createWriter } from '../write/create-writer.js';
import { CHANNEL_LIMITS, type Channel, type Copy } from '../model/texts.js';
import { openRun } from './session.js';
import { writerLabel } from './writer-label.js';

export const CHANNELS = ['email', 'sms', 'push', 'ad'] as const satisfies readonly Channel[];

export const CopyInput = z.object({
  segment: z.union([z.string(), z.number()]).describe('Segment number, or a word of its name'),
  channel: z.enum(CHANNELS).optional().describe('email, sms, push or ad; every channel when omitted'),
  tone: z.string().max(60).optional().describe('Tone for fresh copy, e.g. "playful" or "formal"'),
  offer: z.string().max(200).optional().describe('Offer to build fresh copy around, e.g. "20% off this weekend"'),
  language: z.string().max(40).optional().describe('Language for fresh copy, e.g. "French"'),
  run: z.string().optional().describe('Run id or prefix; the latest Run when omitted'),
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
}

export const copyOp = defineOperation({
  name: 'copy',
  description: "Campaign copy for a segment (email, sms, push, ad): the stored copy, or fresh copy saved to the Run when a tone, offer or language is given.",
  input: CopyInput,
  async run(input, ctx): Promise<CopyResult> {
    const { dir, run } = openRun(ctx, input.run);
    const seg = resolveSegment(run, input.segment);
    const texts = describedTexts(run, seg);
    const base = { runId: run.id, segment: seg.id, name: texts.name, channel: input.channel };
    const options = { tone: input.tone, offer: input.offer, language: input.language };
    if (!options.tone && !options.offer && !options.language) {
      return { ...base, copy: texts.copy, writer: writerLabel(texts.writer), fresh: false };
    }
    const writer = await createWriter(ctx.config, { log: ctx.log, signal: ctx.signal });
    const copy = await writer.copy(seg.profile, { segment: seg.id, name: texts.name, summary: texts.summary }, texts.persona, writeContextOf(run), options);
    const info = writer.infoFor?.(seg.id) ?? writer.info;
    // The previous copy stays in textsHistory, so a new tone never loses the old text.
    await saveSegmentTexts(dir, run, seg.id, { ...texts, copy, writer: info }, new Date(), { log: ctx.log });
    return { ...base, copy, writer: writerLabel(info), fresh: true };
  },
  render(r) {
    const blocks = (r.channel ? [r.channel] : CHANNELS).map((c) => channelText(r.copy, c));
    return [
      `Segment ${r.segment}: ${r.name} — offer: ${r.copy.offer}`,
      '',
      blocks.join('\n\n'),
      '',
      `${r.fresh ? 'Freshly written and saved' : 'Stored copy'}, by: ${r.writer}`,
    ].join('\n');
  },
  summarize(r) {
    const blocks = (r.channel ? [r.channel] : CHANNELS).map((c) => channelText(r.copy, c));
    return `Copy for segment ${r.segment} "${r.name}" (offer: ${r.copy.offer}; writer: ${r.writer}${r.fresh ? ', fresh and saved' : ''}):\n${blocks.join('\n')}`;
  },
});

/** One channel's copy as text, with its length against the channel's limit where it has one. */
export function channelText(copy: Copy, channel: Channel): string {
  switch (channel) {
    case 'email':
      return `EMAIL\nSubject: ${copy.email.subject}\n\n${copy.email.body}`;
    case 'sms':
      return `SMS (${copy.sms.length}/${CHANNEL_LIMITS.sms})\n${copy.sms}`;
    case 'push':
      return `PUSH (${copy.push.length}/${CHANNEL_LIMITS.push})\n${copy.push}`;
    case 'ad':
      return `AD\nHeadline: ${copy.ad.headline}\n${copy.ad.primaryText}`;
  }
}

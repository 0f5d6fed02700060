import { z } from 'zod';
import { runField, segmentField } from './fields.js';
import { defineOperation } from './operation.js';
import { resolveSegment } from './segments.js';
import type { RunSegment } from '../model/run.js';
import type { FeatureLabels } from '../model/texts.js';
import { formatCount, formatDate, formatShare } from '../util/format.js';
import { openRun } from './session.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import { formatFeatureValue } from '../write/format.js';
import { segmentTextsHistory, type TextsVersion } from './texts-history.js';
import { zhLabel } from '../write/labels-zh.js';
import { CHANNELS_ZH } from '../write/phrases/zh-labels.js';
import { shownTerms } from '../profile/shown-terms.js';

export const SegmentRefInput = z.object({
  segment: segmentField,
  run: runField,
});

/** The stored segment (profile and texts) and the Run it belongs to. */
export type SegmentDetail = RunSegment & {
  runId: string;
  labels?: FeatureLabels;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
  /** This segment's earlier texts, oldest first (the Run's textsHistory). */
  history?: TextsVersion[];
};

export const describeSegmentOp = defineOperation({
  name: 'show',
  description: OP_DESCRIPTIONS.describeSegment,
  input: SegmentRefInput,
  async run(input, ctx): Promise<SegmentDetail> {
    const { run } = openRun(ctx, input.run);
    const seg = resolveSegment(run, input.segment);
    return { runId: run.id, id: seg.id, size: seg.size, share: seg.share, small: seg.small, profile: seg.profile, texts: seg.texts, labels: run.labels, lang: answerLanguage(ctx, run), history: segmentTextsHistory(run, seg.id) };
  },
  render(d) {
    const p = d.profile;
    const w = RENDER_WORDS[d.lang ?? 'en'];
    // The Run's plain-language labels, so `show` says what the persona says (raw name if a Run has none).
    const lang = d.lang ?? 'en';
    const zh = lang === 'zh';
    // Chinese: the Chinese label, or the column quoted as data (write/labels-zh.ts).
    const label = (column: string) => (zh ? zhLabel(d.labels, column) : (d.labels?.[column]?.label ?? column));
    const head = d.texts ? w.segment(d.id, d.texts.name) : w.small(d.id);
    const lines = [head, w.sizeLine(formatCount(d.size, lang), formatShare(d.share, lang), p.stability.toFixed(2))];
    if (d.texts) lines.push(d.texts.summary);
    const facts = [...p.numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 5);
    if (facts.length) {
      lines.push('', w.apart);
      for (const f of facts) {
        // In the label's unit, as the persona evidence writes it: "38%", "269 days".
        const unit = d.labels?.[f.feature]?.unit;
        const v = f.kind === 'boolean' ? formatShare(f.mean, lang) : formatFeatureValue(f, f.mean, undefined, unit, lang);
        const all = f.kind === 'boolean' ? formatShare(f.overallMean, lang) : formatFeatureValue(f, f.overallMean, undefined, unit, lang);
        lines.push(`  ${label(f.feature)}${zh ? '：' : ': '}${w.versus(v, all, f.lift.toFixed(2))}`);
      }
    }
    const cats = p.categories.filter((c) => c.lift > 1.2).slice(0, 4);
    for (const c of cats) lines.push(`  ${w.levelVersus(label(c.column), c.level, formatShare(c.share, lang), formatShare(c.overallShare, lang))}`);
    // Words and phrases, not the single characters word-cutting leaves (profile/shown-terms.ts).
    const terms = shownTerms(p.terms, 6).map((t) => t.term);
    if (terms.length) lines.push(`  ${w.writeAbout(terms.join(zh ? '、' : ', '))}`);
    if (d.texts) {
      const { persona, copy } = d.texts;
      const colon = zh ? '：' : ': ';
      lines.push('', w.persona(persona.archetype), persona.description);
      lines.push(`  ${w.goals}${colon}${persona.goals.join(zh ? '；' : '; ')}`, `  ${w.pains}${colon}${persona.painPoints.join(zh ? '；' : '; ')}`, `  ${w.channels}${colon}${zh ? persona.channels.map((c) => CHANNELS_ZH[c] ?? c).join('、') : persona.channels.join(', ')}`);
      lines.push('', `${w.offer}${colon}${copy.offer}`, `  ${w.email}${colon}${copy.email.subject}`, `  ${w.sms}${colon}${copy.sms}`, `  ${w.push}${colon}${copy.push}`, `  ${w.ad}${colon}${copy.ad.headline} — ${copy.ad.primaryText}`);
      lines.push('', w.writtenBy(`${d.texts.writer.kind}${d.texts.writer.model ? ` (${d.texts.writer.model})` : ''}`, !!d.texts.writer.fallback));
    }
    if (d.history?.length) {
      lines.push('', w.earlier(d.history.length));
      // The date as the language writes it (2026年12月1日 10:30); English keeps the ISO minute.
      const at = (iso: string) => (zh ? `${formatDate(iso, lang)} ${iso.slice(11, 16)}` : iso.slice(0, 16).replace('T', ' '));
      for (const h of d.history) lines.push(w.earlierLine(at(h.at), h.writer, h.name, h.changed.join(', ')));
    }
    return lines.join('\n');
  },
  summarize(d) {
    const t = d.texts;
    const facts = [...d.profile.numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 4);
    return [
      `Segment ${d.id}${t ? ` "${t.name}"` : ''}: ${d.size} customers (${formatShare(d.share)}).`,
      t?.summary ?? 'Under the minimum size: not described.',
      // Plain labels, so a model answering from this never shows a raw column name.
      `Key numbers: ${facts.map((f) => `${d.labels?.[f.feature]?.label ?? f.feature} ${f.mean.toFixed(2)} vs ${f.overallMean.toFixed(2)} overall`).join('; ')}.`,
      t ? `Persona: ${t.persona.archetype}. Offer: ${t.copy.offer}.` : '',
      d.history?.length ? `Earlier texts kept: ${d.history.length} (${d.history.map((h) => `${h.at.slice(0, 16)} changed ${h.changed.join(', ') || 'nothing'}`).join('; ')}).` : '',
    ].filter(Boolean).join(' ');
  },
});

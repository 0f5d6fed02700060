import { z } from 'zod';
import { runField, segmentField } from './fields.js';
import { defineOperation } from './operation.js';
import { resolveSegment } from './segments.js';
import type { RunSegment } from '../model/run.js';
import type { FeatureLabels } from '../model/texts.js';
import { formatCount, formatShare } from '../util/format.js';
import { openRun } from './session.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import { formatFeatureValue } from '../write/format.js';
import { segmentTextsHistory, type TextsVersion } from './texts-history.js';

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
    const label = (column: string) => d.labels?.[column]?.label ?? column;
    const head = d.texts ? w.segment(d.id, d.texts.name) : w.small(d.id);
    const lines = [head, w.sizeLine(formatCount(d.size), formatShare(d.share), p.stability.toFixed(2))];
    if (d.texts) lines.push(d.texts.summary);
    const facts = [...p.numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 5);
    if (facts.length) {
      lines.push('', w.apart);
      for (const f of facts) {
        // In the label's unit, as the persona evidence writes it: "38%", "269 days".
        const unit = d.labels?.[f.feature]?.unit;
        const v = f.kind === 'boolean' ? formatShare(f.mean) : formatFeatureValue(f, f.mean, undefined, unit);
        const all = f.kind === 'boolean' ? formatShare(f.overallMean) : formatFeatureValue(f, f.overallMean, undefined, unit);
        lines.push(`  ${label(f.feature)}: ${w.versus(v, all, f.lift.toFixed(2))}`);
      }
    }
    const cats = p.categories.filter((c) => c.lift > 1.2).slice(0, 4);
    for (const c of cats) lines.push(`  ${w.levelVersus(label(c.column), c.level, formatShare(c.share), formatShare(c.overallShare))}`);
    if (p.terms.length) lines.push(`  ${w.writeAbout(p.terms.slice(0, 6).map((t) => t.term).join(', '))}`);
    if (d.texts) {
      const { persona, copy } = d.texts;
      const zh = d.lang === 'zh';
      const colon = zh ? '：' : ': ';
      lines.push('', w.persona(persona.archetype), persona.description);
      lines.push(`  ${w.goals}${colon}${persona.goals.join(zh ? '；' : '; ')}`, `  ${w.pains}${colon}${persona.painPoints.join(zh ? '；' : '; ')}`, `  ${w.channels}${colon}${persona.channels.join(', ')}`);
      lines.push('', `${w.offer}${colon}${copy.offer}`, `  ${w.email}${colon}${copy.email.subject}`, `  ${w.sms}${colon}${copy.sms}`, `  ${w.push}${colon}${copy.push}`, `  ${w.ad}${colon}${copy.ad.headline} — ${copy.ad.primaryText}`);
      lines.push('', w.writtenBy(`${d.texts.writer.kind}${d.texts.writer.model ? ` (${d.texts.writer.model})` : ''}`, !!d.texts.writer.fallback));
    }
    if (d.history?.length) {
      lines.push('', w.earlier(d.history.length));
      for (const h of d.history) lines.push(w.earlierLine(h.at.slice(0, 16).replace('T', ' '), h.writer, h.name, h.changed.join(', ')));
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

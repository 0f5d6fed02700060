import type { RunFile, RunSegment } from '../model/run.js';
import type { SegmentProfile } from '../model/profile.js';
import type { RfmTier } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { channelLength } from '../write/checks.js';
import { BRIEF_WORDS, type BriefWords } from './brief-words.js';
import { formatCount, formatFeatureValue, formatLift, formatNumber, formatPercent } from '../write/format.js';
import { RFM_TIERS } from '../profile/rfm.js';
import { bullets, cell, ownBullets, quote, table, text } from './markdown.js';
import { kpisFor } from './kpis.js';
import { KPI_ZH } from './kpis-zh.js';
import { formatDate } from '../util/format.js';
import { writerLabel } from './writer-label.js';
import { runLabels } from '../write/labels.js';
import { labelIn } from '../write/labels-zh.js';
import { shownTerms } from '../profile/shown-terms.js';
import type { Language } from '../util/script.js';
import { smsLength } from '../write/sms.js';
import type { FeatureLabels } from '../model/texts.js';

const EVIDENCE_ROWS = { numeric: 8, categories: 6, terms: 8 };

/**
 * One segment's campaign brief in Markdown: who they are, the evidence (the profile's key
 * numbers against everyone), the persona, the offer idea, copy per channel with character
 * counts against each limit, audience size, KPIs to watch, and which writer wrote it.
 * Segments under the minimum size have no brief.
 */
export function renderBrief(run: RunFile, segment: RunSegment): string {
  if (segment.small) {
    throw new UsageError(`segment ${segment.id} has ${segment.size} customers, under the minimum size (${run.config.minSegmentSize}): it is not described or exported`);
  }
  const p = segment.profile;
  const t = segment.texts;
  const all = run.segments.filter((s) => !s.small).map((s) => s.profile);
  const labels = runLabels(run);
  const out: string[] = [];
  const lang = run.config.lang ?? 'en';
  const w = BRIEF_WORDS[lang];
  // Chinese puts no space after a full-width colon.
  const gap = lang === 'zh' ? '' : ' ';

  out.push(`# ${w.heading(w.segment(segment.id), t ? text(t.name) : w.notNamed)}`, '');
  if (t) out.push(quote(t.summary), '');
  out.push(
    table(
      w.audienceHeader,
      [[w.customers(formatCount(segment.size, lang)), w.shareOf(formatPercent(segment.share, lang), formatCount(run.metrics.customers, lang)), stabilityText(p.stability, w), cell(writerLabel(t?.writer, lang))]],
    ),
    '',
  );

  out.push(`## ${w.who}`, '');
  out.push(t ? text(t.persona.description) : w.notWritten, '');

  out.push(`## ${w.evidence}`, '', evidenceTable(p, labels, w, lang), '');
  const rfm = rfmTable(p, w);
  if (rfm) out.push(`### ${w.rfm}`, '', rfm, '');
  if (p.predicted) {
    out.push(`### ${w.predicted}`, '', bullets(w.predictedLines(p.predicted)), '');
  }
  // Words and phrases people wrote, not the single characters or fragments word-cutting leaves (shown-terms.ts).
  const terms = shownTerms(p.terms, EVIDENCE_ROWS.terms);
  if (terms.length > 0) {
    out.push(`### ${w.words}`, '', table(w.wordsHeader, terms.map((x) => [cell(x.term), cell(labelIn(labels, x.column, lang)), formatPercent(x.share, lang), x.score.toFixed(3)]), ['l', 'l', 'r', 'r']), '');
  }

  if (t) {
    const persona = t.persona;
    out.push(`## ${w.persona(text(persona.archetype))}`, '');
    out.push(`**${w.goals}**`, '', bullets(persona.goals), '');
    out.push(`**${w.pains}**`, '', bullets(persona.painPoints), '');
    out.push(`**${w.channels}**${gap}${w.channelList(persona.channels)}`, '');
    out.push(`**${w.personaEvidence}**`, '', bullets(persona.evidence), '');

    out.push(`## ${w.offer}`, '', text(t.copy.offer), '');

    const c = t.copy;
    out.push(`## ${w.copy}`, '');
    out.push(`### ${w.email}`, '', `${w.counted(w.subject, count('email.subject', c.email.subject, w))}${gap}${text(c.email.subject)}`, '');
    out.push(w.counted(w.body, w.chars(c.email.body.length)), '', quote(c.email.body), '');
    // Counted the way carriers count (write/sms.ts): GSM-7 160 or UCS-2 70 a message.
    const sms = smsLength(c.sms);
    out.push(`### ${w.sms(sms.units, sms.limit, sms.encoding)}`, '', quote(c.sms), '');
    out.push(`### ${w.push}${w.paren(count('push', c.push, w))}`, '', quote(c.push), '');
    out.push(`### ${w.ad}`, '', `${w.counted(w.headline, count('ad.headline', c.ad.headline, w))}${gap}${text(c.ad.headline)}`, '');
    out.push(w.counted(w.primaryText, w.chars(c.ad.primaryText.length)), '', quote(c.ad.primaryText), '');
  }

  out.push(`## ${w.audience}`, '');
  out.push(ownBullets(w.audienceLines(formatCount(segment.size, lang), formatPercent(segment.share, lang), segment.id, run.id, stabilityText(p.stability, w))), '');

  const kpis = kpisFor(p, all, t?.persona.channels);
  out.push(`## ${w.kpis}`, '', ownBullets(lang === 'zh' ? kpis.flatMap((k) => KPI_ZH[k] ?? []) : kpis), '');

  const quotes = p.representatives.filter((r) => r.snippet);
  if (quotes.length > 0) {
    out.push(`## ${w.voice}`, '', w.voiceNote, '');
    for (const r of quotes.slice(0, 3)) {
      const traits = w.traits(Object.entries(r.traits).map(([k, v]) => [labelIn(labels, k, lang), typeof v !== 'number' ? String(v) : Number.isInteger(v) ? formatCount(v, lang) : formatNumber(v, lang)]));
      out.push(`${quote(`“${r.snippet}”`)}`, `> — ${text(traits)}`, '');
    }
  }

  // English keeps the ISO time, as before; other languages their calendar date (2026年12月1日).
  out.push('---', '', w.footer(run.id, lang === 'en' ? run.createdAt : formatDate(run.createdAt, lang), text(writerLabel(t?.writer, lang))), '');
  return out.join('\n');
}

function evidenceTable(p: SegmentProfile, labels: FeatureLabels, w: BriefWords, lang: Language): string {
  const rows: string[][] = [];
  for (const f of p.numeric.slice(0, EVIDENCE_ROWS.numeric)) {
    const unit = labels[f.feature]?.unit;
    const name = labelIn(labels, f.feature, lang, true);
    const label = f.kind === 'boolean' ? w.shareYes(name) : w.mean(name, formatFeatureValue(f, f.median, undefined, unit, lang));
    rows.push([cell(label), formatFeatureValue(f, f.mean, undefined, unit, lang), formatFeatureValue(f, f.overallMean, undefined, unit, lang), formatLift(f.lift)]);
  }
  for (const c of p.categories.slice(0, EVIDENCE_ROWS.categories)) {
    rows.push([cell(w.level(labelIn(labels, c.column, lang, true), c.level)), formatPercent(c.share, lang), formatPercent(c.overallShare, lang), formatLift(c.lift)]);
  }
  if (rows.length === 0) return w.noFeatures;
  return table(w.measureHeader, rows, ['l', 'r', 'r', 'r']);
}

function rfmTable(p: SegmentProfile, w: BriefWords): string | undefined {
  const entries = RFM_TIERS.filter((tier: RfmTier) => (p.rfm[tier] ?? 0) > 0).map((tier) => [w.tier(tier), formatPercent(p.rfm[tier] ?? 0)]);
  return entries.length > 0 ? table(w.tierHeader, entries, ['l', 'r']) : undefined;
}

/** A channel text's length against its limit, counted as the checks count it (UCS-2 SMS, display-width subjects). */
function count(channel: 'email.subject' | 'sms' | 'push' | 'ad.headline', s: string, w: BriefWords): string {
  const { length, limit, unit } = channelLength(channel, s);
  return w.units(length, limit, unit.split(' (')[0]);
}

function stabilityText(s: number | null | undefined, w: BriefWords): string {
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? s.toFixed(2) : w.notMeasured;
}

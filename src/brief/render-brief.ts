import type { RunFile, RunSegment } from '../model/run.js';
import type { SegmentProfile } from '../model/profile.js';
import type { RfmTier } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { channelLength } from '../write/checks.js';
import { BRIEF_WORDS, type BriefWords } from './brief-words.js';
import { describePredicted, formatCount, formatFeatureValue, formatLift, formatNumber, formatPercent } from '../write/format.js';
import { RFM_TIERS } from '../profile/rfm.js';
import { bullets, cell, ownBullets, quote, table, text } from './markdown.js';
import { kpisFor } from './kpis.js';
import { KPI_ZH } from './kpis-zh.js';
import { formatDate } from '../util/format.js';
import { writerLabel } from './writer-label.js';
import { capitalLabel, labelFor, runLabels } from '../write/labels.js';
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

  out.push(`# ${w.segment(segment.id)}: ${t ? text(t.name) : w.notNamed}`, '');
  if (t) out.push(quote(t.summary), '');
  out.push(
    table(
      w.audienceHeader,
      [[w.customers(formatCount(segment.size)), w.shareOf(formatPercent(segment.share), formatCount(run.metrics.customers)), stabilityText(p.stability, w), cell(writerLabel(t?.writer, lang))]],
    ),
    '',
  );

  out.push(`## ${w.who}`, '');
  out.push(t ? text(t.persona.description) : w.notWritten, '');

  out.push(`## ${w.evidence}`, '', evidenceTable(p, labels, w), '');
  const rfm = rfmTable(p, w);
  if (rfm) out.push(`### ${w.rfm}`, '', rfm, '');
  if (p.predicted) {
    const d = describePredicted(p.predicted);
    out.push(`### ${w.predicted}`, '', bullets([d.buy, d.churn, ...(d.value ? [d.value] : [])].map((s) => s[0].toUpperCase() + s.slice(1))), '');
  }
  if (p.terms.length > 0) {
    out.push(`### ${w.words}`, '', table(w.wordsHeader, p.terms.slice(0, EVIDENCE_ROWS.terms).map((x) => [cell(x.term), cell(labelFor(labels, x.column)), formatPercent(x.share), x.score.toFixed(3)]), ['l', 'l', 'r', 'r']), '');
  }

  if (t) {
    const persona = t.persona;
    out.push(`## ${w.persona(text(persona.archetype))}`, '');
    out.push(`**${w.goals}**`, '', bullets(persona.goals), '');
    out.push(`**${w.pains}**`, '', bullets(persona.painPoints), '');
    out.push(`**${w.channels}** ${persona.channels.join(', ')}`, '');
    out.push(`**${w.personaEvidence}**`, '', bullets(persona.evidence), '');

    out.push(`## ${w.offer}`, '', text(t.copy.offer), '');

    const c = t.copy;
    out.push(`## ${w.copy}`, '');
    out.push(`### ${w.email}`, '', `**${w.subject}** (${count('email.subject', c.email.subject, w)}): ${text(c.email.subject)}`, '');
    out.push(`**${w.body}** (${w.chars(c.email.body.length)}):`, '', quote(c.email.body), '');
    // Counted the way carriers count (write/sms.ts): GSM-7 160 or UCS-2 70 a message.
    const sms = smsLength(c.sms);
    out.push(`### ${w.sms(sms.units, sms.limit, sms.encoding)}`, '', quote(c.sms), '');
    out.push(`### ${w.push} (${count('push', c.push, w)})`, '', quote(c.push), '');
    out.push(`### ${w.ad}`, '', `**${w.headline}** (${count('ad.headline', c.ad.headline, w)}): ${text(c.ad.headline)}`, '');
    out.push(`**${w.primaryText}** (${w.chars(c.ad.primaryText.length)}):`, '', quote(c.ad.primaryText), '');
  }

  out.push(`## ${w.audience}`, '');
  out.push(ownBullets(w.audienceLines(formatCount(segment.size), formatPercent(segment.share), segment.id, run.id, stabilityText(p.stability, w))), '');

  const kpis = kpisFor(p, all, t?.persona.channels);
  out.push(`## ${w.kpis}`, '', ownBullets(lang === 'zh' ? kpis.flatMap((k) => KPI_ZH[k] ?? []) : kpis), '');

  const quotes = p.representatives.filter((r) => r.snippet);
  if (quotes.length > 0) {
    out.push(`## ${w.voice}`, '', w.voiceNote, '');
    for (const r of quotes.slice(0, 3)) {
      const traits = Object.entries(r.traits).map(([k, v]) => `${labelFor(labels, k)} ${typeof v !== 'number' ? v : Number.isInteger(v) ? formatCount(v) : formatNumber(v)}`).join(', ');
      out.push(`${quote(`“${r.snippet}”`)}`, `> — ${text(traits)}`, '');
    }
  }

  // English keeps the ISO time, as before; other languages their calendar date (2026年12月1日).
  out.push('---', '', w.footer(run.id, lang === 'en' ? run.createdAt : formatDate(run.createdAt, lang), text(writerLabel(t?.writer, lang))), '');
  return out.join('\n');
}

function evidenceTable(p: SegmentProfile, labels: FeatureLabels, w: BriefWords): string {
  const rows: string[][] = [];
  for (const f of p.numeric.slice(0, EVIDENCE_ROWS.numeric)) {
    const unit = labels[f.feature]?.unit;
    const name = capitalLabel(labels, f.feature);
    const label = f.kind === 'boolean' ? w.shareYes(name) : w.mean(name, formatFeatureValue(f, f.median, undefined, unit));
    rows.push([cell(label), formatFeatureValue(f, f.mean, undefined, unit), formatFeatureValue(f, f.overallMean, undefined, unit), formatLift(f.lift)]);
  }
  for (const c of p.categories.slice(0, EVIDENCE_ROWS.categories)) {
    rows.push([cell(`${capitalLabel(labels, c.column)}: ${c.level}`), formatPercent(c.share), formatPercent(c.overallShare), formatLift(c.lift)]);
  }
  if (rows.length === 0) return w.noFeatures;
  return table(w.measureHeader, rows, ['l', 'r', 'r', 'r']);
}

function rfmTable(p: SegmentProfile, w: BriefWords): string | undefined {
  const entries = RFM_TIERS.filter((tier: RfmTier) => (p.rfm[tier] ?? 0) > 0).map((tier) => [tier, formatPercent(p.rfm[tier] ?? 0)]);
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

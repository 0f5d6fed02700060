import type { RunFile, RunSegment } from '../model/run.js';
import type { SegmentProfile } from '../model/profile.js';
import type { RfmTier } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { CHANNEL_LIMITS } from '../model/texts.js';
import { formatCount, formatFeatureValue, formatLift, formatNumber, formatPercent } from '../write/format.js';
import { RFM_TIERS } from '../profile/rfm.js';
import { bullets, cell, ownBullets, quote, table, text } from './markdown.js';
import { kpisFor } from './kpis.js';
import { writerLabel } from './writer-label.js';

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
  const out: string[] = [];

  out.push(`# Segment ${segment.id}: ${t ? text(t.name) : '(not named yet)'}`, '');
  if (t) out.push(quote(t.summary), '');
  out.push(
    table(
      ['Audience', 'Share of customers', 'Stability', 'Written by'],
      [[`${formatCount(segment.size)} customers`, `${formatPercent(segment.share)} of ${formatCount(run.metrics.customers)}`, stabilityText(p.stability), cell(writerLabel(t?.writer))]],
    ),
    '',
  );

  out.push('## Who they are', '');
  out.push(t ? text(t.persona.description) : 'Texts not written yet: run `segmenta write` to name this segment and draft its copy.', '');

  out.push('## Evidence', '', evidenceTable(p), '');
  const rfm = rfmTable(p);
  if (rfm) out.push('### RFM tiers', '', rfm, '');
  if (p.terms.length > 0) {
    out.push('### Words they use', '', table(['Term', 'Column', 'Members using it', 'c-TF-IDF'], p.terms.slice(0, EVIDENCE_ROWS.terms).map((x) => [cell(x.term), cell(x.column), formatPercent(x.share), x.score.toFixed(3)]), ['l', 'l', 'r', 'r']), '');
  }

  if (t) {
    const persona = t.persona;
    out.push(`## Persona: ${text(persona.archetype)}`, '');
    out.push('**Goals**', '', bullets(persona.goals), '');
    out.push('**Pain points**', '', bullets(persona.painPoints), '');
    out.push(`**Preferred channels:** ${persona.channels.join(', ')}`, '');
    out.push('**Evidence**', '', bullets(persona.evidence), '');

    out.push('## Offer idea', '', text(t.copy.offer), '');

    const c = t.copy;
    out.push('## Copy', '');
    out.push('### Email', '', `**Subject** (${count(c.email.subject, CHANNEL_LIMITS.emailSubject)}): ${text(c.email.subject)}`, '');
    out.push(`**Body** (${c.email.body.length} characters):`, '', quote(c.email.body), '');
    out.push(`### SMS (${count(c.sms, CHANNEL_LIMITS.sms)})`, '', quote(c.sms), '');
    out.push(`### Push (${count(c.push, CHANNEL_LIMITS.push)})`, '', quote(c.push), '');
    out.push('### Ad', '', `**Headline** (${count(c.ad.headline, CHANNEL_LIMITS.adHeadline)}): ${text(c.ad.headline)}`, '');
    out.push(`**Primary text** (${c.ad.primaryText.length} characters):`, '', quote(c.ad.primaryText), '');
  }

  out.push('## Audience', '');
  out.push(
    ownBullets([
      `${formatCount(segment.size)} customers, ${formatPercent(segment.share)} of everyone.`,
      `Export: customers with segment = ${segment.id} in assignments.csv of Run ${run.id}.`,
      `Stability ${stabilityText(p.stability)}: how often the same customers group together when the data is resampled (1 = always).`,
    ]),
    '',
  );

  out.push('## KPIs to watch', '', ownBullets(kpisFor(p, all, t?.persona.channels)), '');

  const quotes = p.representatives.filter((r) => r.snippet);
  if (quotes.length > 0) {
    out.push('## Voice of the customer', '', '_Members near the centre of the segment; personal details removed._', '');
    for (const r of quotes.slice(0, 3)) {
      const traits = Object.entries(r.traits).map(([k, v]) => `${k} ${typeof v !== 'number' ? v : Number.isInteger(v) ? formatCount(v) : formatNumber(v)}`).join(', ');
      out.push(`${quote(`“${r.snippet}”`)}`, `> — ${text(traits)}`, '');
    }
  }

  out.push('---', '', `_Run ${run.id} · ${run.createdAt} · written by ${text(writerLabel(t?.writer))}._`, '');
  return out.join('\n');
}

function evidenceTable(p: SegmentProfile): string {
  const rows: string[][] = [];
  for (const f of p.numeric.slice(0, EVIDENCE_ROWS.numeric)) {
    const label = f.kind === 'boolean' ? `${f.feature} (share yes)` : `${f.feature} (mean; median ${formatFeatureValue(f, f.median)})`;
    rows.push([cell(label), formatFeatureValue(f, f.mean), formatFeatureValue(f, f.overallMean), formatLift(f.lift)]);
  }
  for (const c of p.categories.slice(0, EVIDENCE_ROWS.categories)) {
    rows.push([cell(`${c.column} = ${c.level}`), formatPercent(c.share), formatPercent(c.overallShare), formatLift(c.lift)]);
  }
  if (rows.length === 0) return '_No features to compare._';
  return table(['Measure', 'This segment', 'Everyone', 'Lift'], rows, ['l', 'r', 'r', 'r']);
}

function rfmTable(p: SegmentProfile): string | undefined {
  const entries = RFM_TIERS.filter((tier: RfmTier) => (p.rfm[tier] ?? 0) > 0).map((tier) => [tier, formatPercent(p.rfm[tier] ?? 0)]);
  return entries.length > 0 ? table(['Tier', 'Share of segment'], entries, ['l', 'r']) : undefined;
}

function count(s: string, limit: number): string {
  return `${s.length}/${limit} characters`;
}

function stabilityText(s: number | null | undefined): string {
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? s.toFixed(2) : 'not measured';
}

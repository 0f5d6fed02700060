import type { CustomerTable } from '../../src/model/data.js';
import { select } from '../../src/profile/median.js';
import type { SegmentTexts } from '../../src/model/texts.js';
import type { EvalContext } from '../context.js';
import { extractClaims, type Claim } from '../claims.js';
import { tableVocabulary } from '../lifts.js';
import { trigramCosine } from '../stats/text-similarity.js';
import type { Measurement } from '../types.js';
import { listed } from './grounding.js';
import { describedSegments } from './labels.js';

/**
 * Truth of the labels beyond lift (issue 14):
 *  - min_claim_majority: a trait a name or summary claims must hold for most of the segment —
 *    a lift of 10× on a trait 23 % of the segment has still leaves 77 % without it. The share
 *    of members who have each claimed trait (the level; above the overall median for "high",
 *    below it for "low"); a claim whose share the segment's texts state ("sms for 32% vs 10%")
 *    tells the reader the truth and is not counted. The smallest share is the value.
 *  - coverage: the share of customers in a described segment (the rest are in segments under
 *    the minimum size, which no label speaks for).
 *  - max_copy_similarity: two segments sent the same copy are one campaign, whatever their
 *    names say: the largest character-trigram cosine between two segments' copy.
 */
export function measureTruth(ctx: EvalContext): Measurement[] {
  return [claimMajority(ctx), coverage(ctx), copySimilarity(describedSegments(ctx.run))];
}

// Each claim of each segment asks for its feature's median: sorting a million values once per
// claim was 2.4 s of a 1M-customer eval. The same column gives the same median, so it is kept.
const medians = new WeakMap<Float64Array, number>();
function medianOf(values: Float64Array): number {
  let m = medians.get(values);
  if (m === undefined) {
    // The value at n/2 of the sorted column, by quickselect on a copy (linear, not a sort).
    m = select(Float64Array.from(values), Math.floor(values.length / 2));
    medians.set(values, m);
  }
  return m;
}

/** Share of segment s (0-based) whose values bear out the claim; undefined when the data lack the feature or level. */
export function claimShare(claim: Claim, s: number, table: CustomerTable, labels: Int32Array): number | undefined {
  let have = 0;
  let size = 0;
  if (claim.kind === 'category') {
    const col = table.categorical.find((c) => c.name === claim.column);
    const code = col?.levels.indexOf(claim.level!) ?? -1;
    if (!col || code < 0) return undefined;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== s) continue;
      size++;
      if ((col.codes[i] === code) === (claim.direction === 'high')) have++;
    }
    return size > 0 ? have / size : undefined;
  }
  // A claim over several features (two spend columns) holds by its best feature, as claimLift does.
  let best: number | undefined;
  for (const f of claim.features ?? []) {
    const col = table.numeric.find((c) => c.name === f);
    if (!col) continue;
    const median = medianOf(col.values);
    have = 0;
    size = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== s) continue;
      size++;
      const v = col.values[i];
      // Flags: "members" means the flag is set; a number "high" means above everyone's median.
      if (col.kind === 'boolean' ? (v >= 0.5) === (claim.direction === 'high') : claim.direction === 'high' ? v > median : v < median) have++;
    }
    if (size > 0) best = Math.max(best ?? 0, have / size);
  }
  return best;
}

/** Does any line of the texts state the share of this claim's level or feature ("sms for 32% vs 10%")? */
export function shareStated(claim: Claim, texts: SegmentTexts): boolean {
  const words = claim.kind === 'category' ? [claim.level!] : (claim.features ?? []);
  const lines = [texts.summary, ...texts.persona.evidence];
  return lines.some((line) => /\d+(?:\.\d+)?\s?%/.test(line) && words.some((w) => line.toLowerCase().includes(w.toLowerCase())) && shareOf(line, words));
}

// The percentage must sit in the same clause as the level or feature, not elsewhere in the line.
function shareOf(line: string, words: string[]): boolean {
  return line.split(/[;.](?:\s|$)/).some((clause) => /\d+(?:\.\d+)?\s?%/.test(clause) && words.some((w) => clause.toLowerCase().includes(w.toLowerCase())));
}

function claimMajority(ctx: EvalContext): Measurement {
  const vocab = tableVocabulary(ctx.table);
  let worst: Measurement = { name: 'min_claim_majority', value: null, detail: 'no name or summary claims a trait the data has' };
  let counted = 0;
  let stated = 0;
  const minority: string[] = [];
  for (const s of describedSegments(ctx.run)) {
    for (const claim of extractClaims(`${s.texts.name}. ${s.texts.summary}`, vocab)) {
      const share = claimShare(claim, s.id - 1, ctx.table, ctx.labels);
      if (share === undefined) continue;
      if (shareStated(claim, s.texts)) {
        stated++;
        continue;
      }
      counted++;
      const what = claim.kind === 'category' ? `${claim.column} = ${claim.level}` : `${(claim.features ?? []).join('/')} ${claim.direction}`;
      if (share < 0.5) minority.push(`${s.id} "${s.texts.name}": "${claim.cue}" (${what}) ${Math.round(share * 100)}%`);
      if (worst.value === null || share < worst.value) {
        worst = { name: 'min_claim_majority', value: Math.round(share * 1000) / 1000, detail: `${s.id} "${s.texts.name}": "${claim.cue}" (${what}) holds for ${Math.round(share * 100)}% of the segment` };
      }
    }
  }
  if (worst.value !== null) {
    worst.detail = `${minority.length > 0 ? `minority claims: ${listed(minority, '')}` : `weakest: ${worst.detail}`}; ${counted} claims checked, ${stated} with their share stated`;
  }
  return worst;
}

function coverage(ctx: EvalContext): Measurement {
  const total = ctx.run.segments.reduce((s, x) => s + x.size, 0);
  const described = describedSegments(ctx.run).reduce((s, x) => s + x.size, 0);
  const small = ctx.run.segments.filter((s) => !s.texts);
  return {
    name: 'coverage',
    value: total > 0 ? Math.round((described / total) * 1000) / 1000 : null,
    detail: `${described} of ${total} customers in a described segment${small.length ? `; under the minimum size, kept and not described: ${small.map((s) => `${s.id} (${s.size})`).join(', ')}` : ''}`,
  };
}

/** All of a segment's copy as one text (the offer is the marketer's idea and may repeat). */
function copyText(t: SegmentTexts): string {
  const c = t.copy;
  return [c.email.subject, c.email.body, c.sms, c.push, c.ad.headline, c.ad.primaryText].join('\n');
}

export function copySimilarity(segs: { id: number; texts: SegmentTexts }[]): Measurement {
  let best: Measurement = { name: 'max_copy_similarity', value: null, detail: 'fewer than two described segments' };
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const sim = Math.round(trigramCosine(copyText(segs[i].texts), copyText(segs[j].texts)) * 1000) / 1000;
      if (best.value === null || sim > best.value) best = { name: 'max_copy_similarity', value: sim, detail: `segments ${segs[i].id} and ${segs[j].id}` };
    }
  }
  return best;
}

import type { SegmentTexts } from '../../src/model/texts.js';
import type { EvalContext } from '../context.js';
import { readClaims, type Claim } from '../checks/claim-reader.js';
import { claimShare, tableVocabulary } from '../lifts.js';
import { trigramCosine } from '../stats/text-similarity.js';
import { EVAL_WORDS, detailWords, type EvalWords } from '../eval-words.js';
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
  return [claimMajority(ctx), coverage(ctx), copySimilarity(describedSegments(ctx.run), detailWords(ctx))];
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
  const d = detailWords(ctx);
  let worst: Measurement = { name: 'min_claim_majority', value: null, detail: d.noClaim };
  let counted = 0;
  let stated = 0;
  const minority: string[] = [];
  for (const s of describedSegments(ctx.run)) {
    for (const claim of readClaims(`${s.texts.name}. ${s.texts.summary}`, vocab)) {
      const share = claimShare(claim, s.id - 1, ctx.table, ctx.labels);
      if (share === undefined) continue;
      if (shareStated(claim, s.texts)) {
        stated++;
        continue;
      }
      counted++;
      const what = claim.kind === 'category' ? `${claim.column} = ${claim.level}` : `${(claim.features ?? []).join('/')} ${d.direction(claim.direction)}`;
      if (share < 0.5) minority.push(`${s.id} "${s.texts.name}": "${claim.cue}" (${what}) ${Math.round(share * 100)}%`);
      if (worst.value === null || share < worst.value) {
        worst = { name: 'min_claim_majority', value: Math.round(share * 1000) / 1000, detail: d.holds(s.id, s.texts.name, claim.cue, what, Math.round(share * 100)) };
      }
    }
  }
  if (worst.value !== null) {
    worst.detail = `${minority.length > 0 ? d.minority(listed(minority, '', d)) : d.weakest(worst.detail!)}${d.sep === ', ' ? '; ' : '；'}${d.checked(counted, stated)}`;
  }
  return worst;
}

function coverage(ctx: EvalContext): Measurement {
  const total = ctx.run.segments.reduce((s, x) => s + x.size, 0);
  const described = describedSegments(ctx.run).reduce((s, x) => s + x.size, 0);
  const small = ctx.run.segments.filter((s) => !s.texts);
  const d = detailWords(ctx);
  return {
    name: 'coverage',
    value: total > 0 ? Math.round((described / total) * 1000) / 1000 : null,
    detail: d.coverage(described, total, small.map((s) => `${s.id} (${s.size})`).join(d.sep)),
  };
}

/** All of a segment's copy as one text (the offer is the marketer's idea and may repeat). */
function copyText(t: SegmentTexts): string {
  const c = t.copy;
  return [c.email.subject, c.email.body, c.sms, c.push, c.ad.headline, c.ad.primaryText].join('\n');
}

export function copySimilarity(segs: { id: number; texts: SegmentTexts }[], d: EvalWords['d'] = EVAL_WORDS.en.d): Measurement {
  let best: Measurement = { name: 'max_copy_similarity', value: null, detail: d.fewer };
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const sim = Math.round(trigramCosine(copyText(segs[i].texts), copyText(segs[j].texts)) * 1000) / 1000;
      if (best.value === null || sim > best.value) best = { name: 'max_copy_similarity', value: sim, detail: d.copyPair(segs[i].id, segs[j].id) };
    }
  }
  return best;
}

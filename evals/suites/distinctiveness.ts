import type { EvalContext } from '../context.js';
import { readClaims } from '../checks/claim-reader.js';
import { claimLift, segmentLifts, tableVocabulary } from '../lifts.js';
import { nameSimilarity } from '../stats/text-similarity.js';
import { EVAL_WORDS, detailWords, type EvalWords } from '../eval-words.js';
import type { Measurement } from '../types.js';
import { describedSegments } from './labels.js';

/**
 * Distinctiveness: no two names read alike, and what a label claims (its name and summary)
 * really separates its members from everyone else, measured as the lift of the claimed
 * feature or level in the claimed direction.
 */
export function measureDistinctiveness(ctx: EvalContext): Measurement[] {
  const segs = describedSegments(ctx.run);
  return [maxNameSimilarity(segs.map((s) => ({ id: s.id, name: s.texts.name })), detailWords(ctx)), minClaimLift(ctx)];
}

export function maxNameSimilarity(names: { id: number; name: string }[], d: EvalWords['d'] = EVAL_WORDS.en.d): Measurement {
  let best: Measurement = { name: 'max_name_similarity', value: null, detail: d.fewer };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const sim = nameSimilarity(names[i].name, names[j].name);
      if (best.value === null || sim > best.value) {
        best = { name: 'max_name_similarity', value: sim, detail: d.vs(names[i].id, names[i].name, names[j].id, names[j].name) };
      }
    }
  }
  return best;
}

function minClaimLift(ctx: EvalContext): Measurement {
  const lifts = segmentLifts(ctx.table, ctx.labels, ctx.run.segments.length);
  const vocab = tableVocabulary(ctx.table);
  const d = detailWords(ctx);
  let worst: Measurement = { name: 'min_name_claim_lift', value: null, detail: d.noClaim };
  let count = 0;
  for (const s of describedSegments(ctx.run)) {
    for (const claim of readClaims(`${s.texts.name}. ${s.texts.summary}`, vocab)) {
      const lift = claimLift(claim, s.id - 1, lifts);
      if (lift === undefined) continue;
      count++;
      if (worst.value === null || lift < worst.value) {
        const what = claim.kind === 'category' ? `${claim.column} = ${claim.level}` : (claim.features ?? []).join('/');
        worst = { name: 'min_name_claim_lift', value: lift, detail: d.weakestLift(count, s.id, s.texts.name, claim.cue, `${what} ${d.direction(claim.direction)}`, lift.toFixed(2)) };
      }
    }
  }
  if (worst.value !== null) worst.detail = worst.detail!.replace(/of \d+ claims so far/, `of ${count} claims`);
  return worst;
}

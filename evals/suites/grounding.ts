import type { EvalContext } from '../context.js';
import { readClaims } from '../checks/claim-reader.js';
import { citedNumbers } from '../checks/numbers.js';
import { numberPool, ungroundedNumbers } from '../checks/profile-numbers.js';
import { claimLift, claimShare, segmentLifts, tableVocabulary } from '../lifts.js';
import { EVAL_WORDS, detailWords, type EvalWords } from '../eval-words.js';
import type { Measurement } from '../types.js';
import { describedSegments } from './labels.js';

/**
 * Grounding: every number a segment's texts cite is a number of its profile (the evals' own
 * number reader, checks/numbers.ts, against every number of the profile, checks/profile-numbers.ts
 * — not the writers' check), and no text claims a trait the data contradicts ("Big Spenders"
 * whose spend lift is under 1 and whose members mostly spend under the median;
 * checks/claim-reader.ts).
 */
export function measureGrounding(ctx: EvalContext): Measurement[] {
  const lifts = segmentLifts(ctx.table, ctx.labels, ctx.run.segments.length);
  const vocab = tableVocabulary(ctx.table);
  const ungrounded: string[] = [];
  const contradicted: string[] = [];
  for (const s of describedSegments(ctx.run)) {
    const t = s.texts;
    const p = t.persona;
    // The offer is the marketer's proposal ("20% off"), not a fact about the segment: its
    // numbers may recur in the copy.
    const offerNumbers = citedNumbers(t.copy.offer).map((n) => n.value);
    const pool = numberPool(s.profile);
    const fields: { field: string; text: string; allow?: number[]; traitWords: boolean }[] = [
      { field: 'name', text: t.name, traitWords: true },
      { field: 'summary', text: t.summary, traitWords: true },
      { field: 'persona.archetype', text: p.archetype, traitWords: true },
      { field: 'persona.description', text: p.description, traitWords: true },
      ...p.evidence.map((text, i) => ({ field: `persona.evidence[${i}]`, text, traitWords: true })),
      // Goals and pain points name what people want or avoid ("Paying full price"): not traits.
      ...p.goals.map((text, i) => ({ field: `persona.goals[${i}]`, text, traitWords: false })),
      ...p.painPoints.map((text, i) => ({ field: `persona.painPoints[${i}]`, text, traitWords: false })),
      // Copy says "deal", "members", "come back" as offers and calls to action, not as claims.
      ...Object.entries({ 'email.subject': t.copy.email.subject, 'email.body': t.copy.email.body, sms: t.copy.sms, push: t.copy.push, 'ad.headline': t.copy.ad.headline, 'ad.primaryText': t.copy.ad.primaryText }).map(
        ([field, text]) => ({ field: `copy.${field}`, text, allow: offerNumbers, traitWords: false }),
      ),
    ];
    for (const f of fields) {
      for (const n of ungroundedNumbers(f.text, pool, f.allow)) ungrounded.push(`${s.id} ${f.field}: ${n.raw}`);
      for (const c of readClaims(f.text, vocab, { traitWords: f.traitWords })) {
        const lift = claimLift(c, s.id - 1, lifts);
        // Against the data by its mean (lift under 1) and by its members (under half have it,
        // above or below everyone's median): on a skewed column the two can disagree — segment 6
        // of the examples is 0.43× everyone's mean days since the last order, yet 83% of it is
        // past everyone's median — and a text that one of them bears out is not contradicted.
        if (lift !== undefined && lift < 1 && (claimShare(c, s.id - 1, ctx.table, ctx.labels) ?? 0) < 0.5) contradicted.push(`${s.id} ${f.field}: "${c.cue}" (${c.direction}, ${lift.toFixed(2)}×)`);
      }
    }
  }
  const d = detailWords(ctx);
  return [
    { name: 'ungrounded_numbers', value: ungrounded.length, detail: listed(ungrounded, d.groundedOk, d) },
    { name: 'contradicted_claims', value: contradicted.length, detail: listed(contradicted, d.contradictedOk, d) },
  ];
}

export function listed(items: string[], none: string, d: EvalWords['d'] = EVAL_WORDS.en.d): string {
  if (items.length === 0) return none;
  return items.slice(0, 3).join('; ') + (items.length > 3 ? d.more(items.length - 3) : '');
}

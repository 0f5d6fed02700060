import type { SegmentProfile } from '../../src/model/profile.js';
import { readClaims, type ClaimVocabulary } from './claim-reader.js';

/**
 * What a name claims, against its segment's profile (the facts the name was written from): a
 * trait ("Lapsed", "Big Spenders") whose features the profile holds must point the claimed way
 * in one of them; a level named ("Electronics") must be one the segment leans to (lift ≥ 1) and,
 * since a name reads "these people are X", one a majority holds — unless the name says the share.
 * A middle claim ("Mid-Income") must have the segment's mean near everyone's in one of them:
 * within MIDDLE_Z standard deviations.
 * Claims about features the profile does not list are left to the data metrics
 * (contradicted_claims, min_name_claim_lift).
 */
export const NAME_MAJORITY = 0.5;
/** 0.52 sd either side of the mean is the 30th–70th percentile band of a normal column (lifts.ts MIDDLE_BAND). */
export const MIDDLE_Z = 0.52;

export function nameClaimProblems(name: string, profile: SegmentProfile, vocab: ClaimVocabulary): string[] {
  const out: string[] = [];
  for (const c of readClaims(name, vocab)) {
    if (c.kind === 'numeric') {
      const facts = profile.numeric.filter((f) => c.features!.includes(f.feature));
      if (facts.length === 0) continue;
      if (c.direction === 'middle') {
        if (!facts.some((f) => Math.abs(f.z) < MIDDLE_Z)) out.push(`"${c.cue}" puts ${facts[0].feature} in the middle, the profile says it is ${facts[0].z > 0 ? 'high' : 'low'} (z ${facts[0].z.toFixed(2)})`);
        continue;
      }
      const sign = c.direction === 'high' ? 1 : -1;
      if (facts.some((f) => sign * f.z > 0)) continue;
      out.push(`"${c.cue}" says ${facts[0].feature} is ${c.direction}, the profile says otherwise (z ${facts[0].z.toFixed(2)})`);
      continue;
    }
    if (c.direction === 'low') continue; // "Electronics (0.4×)" says it leans away, and may
    const own = profile.categories.find((x) => x.column === c.column && x.level === c.level);
    if (!own || own.lift < 1) out.push(`names ${c.column} = ${c.level}, which the segment does not lean to`);
    else if (own.share < NAME_MAJORITY && !/\d\s?[%％]/.test(name)) out.push(`names ${c.column} = ${c.level}, held by ${Math.round(own.share * 100)}% of the segment`);
  }
  return out;
}

import type { SegmentProfile } from '../model/profile.js';
import type { FeatureLabels } from '../model/texts.js';
import type { NameWords } from './phrases/index.js';
import { displayLevel, segmentTraits, type Trait } from './traits.js';
import type { RfmTier } from '../model/profile.js';

/**
 * A segment's traits (traits.ts: which are distinctive, which a name may claim, which offer
 * they point to — the same decisions in every language) in the words of a phrase table. The
 * English table keeps the vocabulary's words and format.ts's evidence as they are; another
 * language replaces each trait's adjective, noun, goal, pain point and evidence line, and leaves
 * out a trait it has no words for rather than writing it half in English.
 */
export function traitsInWords(profile: SegmentProfile, all: SegmentProfile[], words: NameWords, currency?: string, labels?: FeatureLabels): Trait[] {
  const traits = segmentTraits(profile, all, currency, labels);
  const { traitWords, evidence } = words;
  if (!traitWords || !evidence) return traits;
  const out: Trait[] = [];
  for (const t of traits) {
    const w = traitWords(t);
    const line = evidenceOf(t, profile, words, currency, labels);
    if (w && line) out.push({ ...t, phrase: { ...t.phrase, ...w }, evidence: line });
  }
  return out;
}

/** The profile fact a trait stands on, as the table's evidence sentence. */
function evidenceOf(t: Trait, profile: SegmentProfile, words: NameWords, currency?: string, labels?: FeatureLabels): string | undefined {
  const e = words.evidence!;
  if (t.source === 'numeric') {
    const f = profile.numeric.find((x) => x.feature === t.feature);
    return f && e.numeric(f, currency, labels);
  }
  if (t.source === 'category') {
    const c = profile.categories.find((x) => x.column === t.feature && displayLevel(x.level) === t.level);
    return c && e.category({ ...c, level: t.level ?? c.level }, labels);
  }
  if (t.source === 'term') {
    const term = profile.terms.find((x) => x.column === t.feature && t.key === `term:${x.term}`);
    return term && e.term(term, labels);
  }
  if (t.source === 'rfm' && t.level) return e.tier(t.level as RfmTier, t.share ?? 0);
  return undefined;
}

import type { SegmentProfile } from '../model/profile.js';
import type { FeatureLabels } from '../model/texts.js';
import { describeMiddle } from './format.js';
import { MIN_TRAIT_SCORE, prettyWords, type Trait } from './traits.js';
import { SENSITIVE_COLUMN, claimsAnyTrait, ruleFor, type MidPhrase } from './vocabulary.js';

/**
 * Where a segment with few traits of its own stands between the others: "Mid-Income Moderate
 * Spenders" for the group of average income and spending beside "High Income Big Spenders" and
 * "Low Income Budget Shoppers". Named "Core Customers" instead, nobody (person or judge) could
 * tell it from the rest, while its place is the very thing that sets it apart.
 *
 * A feature is a middle trait of a segment when the segment's average is close to everyone's
 * (|z| under MIN_TRAIT_SCORE, the noise level of a trait) and other segments are named both
 * above and below everyone on it — so "Mid-" is said only where there are two sides to be in
 * the middle of. It claims no direction (its evidence says "close to everyone's", not a lift),
 * so the honesty rules for directions do not apply; the numbers it cites are the profile's.
 */
export function middleTraits(profile: SegmentProfile, all: SegmentProfile[], traitsOf: (p: SegmentProfile) => Trait[], currency?: string, labels?: FeatureLabels): Trait[] {
  const own = traitsOf(profile);
  const out: Trait[] = [];
  for (const f of profile.numeric) {
    if (f.kind === 'boolean' || SENSITIVE_COLUMN.test(f.feature) || Math.abs(f.z) >= MIN_TRAIT_SCORE) continue;
    const rule = ruleFor(f.feature);
    const key = rule ? rule.id : `feature:${f.feature}`;
    // Two features of one rule (two spend columns): a name already claiming the rule says enough.
    if (own.some((t) => t.key === key && t.nameable)) continue;
    let high = 0;
    let low = 0;
    for (const q of all) {
      if (q.id === profile.id) continue;
      for (const t of traitsOf(q)) {
        if (!t.nameable || t.middle || t.source !== 'numeric' || t.feature !== f.feature) continue;
        if (t.direction === 'high') high = Math.max(high, t.score);
        else low = Math.max(low, t.score);
      }
    }
    if (high === 0 || low === 0) continue;
    const words = rule ? rule.mid : genericMid(f.feature);
    if (!words || claimsAnyTrait(words.adj) || claimsAnyTrait(words.noun)) continue;
    out.push({
      key: `mid:${key}`, source: 'numeric', direction: f.z >= 0 ? 'high' : 'low',
      // How far apart the sides are: the feature that splits the others most names the middle first.
      score: Math.min(high, low),
      phrase: { ...words, goal: '', pain: '', kpis: [] },
      evidence: describeMiddle(f, currency, labels),
      nameable: true, feature: f.feature, middle: true,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** "Mid-Page-Views" for a feature no rule has middle words for; undefined when its name makes poor words. */
function genericMid(feature: string): MidPhrase | undefined {
  const words = prettyWords(feature);
  if (words.length === 0 || words.length > 2) return undefined;
  const adj = `Mid-${words.join('-')}`;
  return { adj, noun: `${adj} Customers` };
}

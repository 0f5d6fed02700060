/**
 * The terms people are shown (profile/shown-terms.ts): no single Han characters, no stop
 * words, no pieces of a phrase already shown — ICU cuts unknown compounds, so a segment's
 * c-TF-IDF list holds 播 and 播推荐 beside 主播. English terms are kept as ranked.
 */
import { describe, expect, it } from 'vitest';
import { shownTerms } from '../../src/profile/shown-terms.js';
import type { TermFact } from '../../src/model/profile.js';

const facts = (terms: string[]): TermFact[] => terms.map((term, i) => ({ column: 'review', term, score: 0.1 - i * 0.001, share: 0.2 }));

describe('shown terms', () => {
  it('drops single characters, stop words and fragments of a phrase already shown', () => {
    // The top terms of a planted Chinese segment's profile, in its order.
    const got = shownTerms(facts(['主播', '好吃', '播', '播推荐', '偏', '偏甜', '口味', '甜', '真的', '停不下来', '剧']), 8).map((t) => t.term);
    expect(got).toEqual(['主播', '好吃', '偏甜', '口味', '停不下来']);
    for (const t of got) expect([...t].length).toBeGreaterThan(1);
  });

  it('keeps English terms as the profile ranked them, up to the maximum', () => {
    const en = facts(['fast delivery', 'delivery', 'coupon', 'sale', 'app']);
    expect(shownTerms(en, 4).map((t) => t.term)).toEqual(['fast delivery', 'delivery', 'coupon', 'sale']);
  });
});

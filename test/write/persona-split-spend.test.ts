import { describe, expect, it } from 'vitest';
import type { NumericFact, SegmentProfile } from '../../src/model/profile.js';
import { offlineNames } from '../../src/write/offline-names.js';
import { offlinePersona } from '../../src/write/offline-persona.js';

/**
 * Issue 14, the hard planted shop: a segment whose orders are twice everyone's average but whose
 * total spend is 0.75× everyone's was described as customers "who spend well above the average"
 * — false of their spend, and the evals' contradicted_claims said so on every seed. The spend
 * words speak for every spend column; where those disagree, only the trait's own column is said.
 */
function fact(feature: string, mean: number, overallMean: number, z: number): NumericFact {
  return { feature, kind: 'numeric', mean, median: mean, overallMean, lift: mean / overallMean, z };
}
function profile(id: number, size: number, numeric: NumericFact[]): SegmentProfile {
  return { id, size, share: size / 1000, small: false, stability: 1, numeric, categories: [], terms: [], rfm: {}, representatives: [] };
}

describe('a persona of a segment whose spend columns disagree', () => {
  const all = [
    profile(1, 500, [fact('avg_order_value', 272, 137, 1.6), fact('total_spend', 640, 854, -0.25), fact('return_rate', 0.03, 0.17, -1.0)]),
    profile(2, 500, [fact('avg_order_value', 60, 137, -0.9), fact('total_spend', 1100, 854, 0.3), fact('return_rate', 0.3, 0.17, 0.9)]),
  ];
  const names = offlineNames(all);

  it('names the column that is high, and does not say they spend above the average', () => {
    const d = offlinePersona(all[0], names[0], all).description;
    expect(d).not.toMatch(/spend well above/);
    expect(d).toMatch(/above average on average order value/i);
  });

  it('still says "spend well above the average" when every spend column agrees', () => {
    const agree = [profile(1, 500, [fact('avg_order_value', 272, 137, 1.6), fact('total_spend', 1600, 854, 0.9)]), profile(2, 500, [fact('avg_order_value', 60, 137, -0.9), fact('total_spend', 400, 854, -0.8)])];
    expect(offlinePersona(agree[0], offlineNames(agree)[0], agree).description).toMatch(/spend well above the average/);
  });
});

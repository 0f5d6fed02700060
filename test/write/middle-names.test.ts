import { describe, expect, it } from 'vitest';
import type { NumericFact, SegmentProfile } from '../../src/model/profile.js';
import { offlineNames } from '../../src/write/offline-names.js';
import { offlinePersona } from '../../src/write/offline-persona.js';
import { checkGrounding, checkName } from '../../src/write/checks.js';

/**
 * Issue 14: a segment with fewer than two traits of its own is named by where it stands between
 * the others ("Mid-Income Moderate Spenders"), and only where there are two sides: other
 * segments named above and below everyone on the same feature.
 */
function fact(feature: string, mean: number, overallMean: number, z: number): NumericFact {
  return { feature, kind: 'numeric', mean, median: mean, overallMean, lift: mean / overallMean, z };
}

function profile(id: number, size: number, numeric: NumericFact[]): SegmentProfile {
  return { id, size, share: size / 1000, small: false, stability: 1, numeric, categories: [], terms: [], rfm: {}, representatives: [] };
}

// Income and spending of five groups: the four corners and the middle (the mall's shape).
const corners: [number, number, number, number][] = [
  [87, 1.1, 82, 1.0],
  [26, -1.0, 79, 0.9],
  [26, -1.0, 18, -1.1],
  [87, 1.1, 16, -1.2],
];
const mall = [
  ...corners.map(([inc, zi, sp, zs], i) => profile(i + 1, 220, [fact('income', inc, 55, zi), fact('spend_score', sp, 51, zs), fact('age', 43, 43, 0.05)])),
  profile(5, 120, [fact('income', 54, 55, -0.06), fact('spend_score', 50, 51, -0.05), fact('age', 42, 43, -0.09)]),
];

describe('names for a segment in the middle', () => {
  it('says the level of income and of spending for every segment, the middle one included, all distinct', () => {
    const names = offlineNames(mall).map((n) => n.name);
    expect(names.slice(0, 4)).toEqual(['Affluent Big Spenders', 'Low Income Big Spenders', 'Low Income Budget Shoppers', 'Affluent Budget Shoppers']);
    expect(names[4]).toBe('Mid-Income Moderate Spenders');
    for (const n of names) expect(checkName(n)).toEqual([]);
  });

  it('claims no direction for the middle: its summary and evidence say "close to everyone\'s", grounded in its numbers', () => {
    const name = offlineNames(mall).find((n) => n.segment === 5)!;
    expect(name.summary).toMatch(/close to everyone's/);
    expect(name.summary).not.toMatch(/×|\bvs\b/);
    const persona = offlinePersona(mall[4], name, mall);
    expect(persona.description).toMatch(/close to the average on every measure/);
    for (const line of persona.evidence.slice(1)) expect(line).toMatch(/close to everyone's/);
    for (const text of [name.summary, ...persona.evidence]) expect(checkGrounding(text, mall[4])).toEqual([]);
  });

  it('says "Mid-" only where there are two sides: beside segments all above on spending it keeps a plain name', () => {
    const oneSided = [
      profile(1, 400, [fact('spend_score', 80, 51, 1.0)]),
      profile(2, 400, [fact('spend_score', 82, 51, 1.1), fact('orders', 9, 5, 0.9)]),
      profile(3, 200, [fact('spend_score', 50, 51, -0.05)]),
    ];
    const middle = offlineNames(oneSided).find((n) => n.segment === 3)!.name;
    expect(middle).not.toMatch(/mid|moderate/i);
  });
});

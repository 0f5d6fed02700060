import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../evals/stats/fleiss-kappa.js';
import { editSimilarity, keywordJaccard, nameSimilarity, trigramCosine } from '../../evals/stats/text-similarity.js';

describe("Fleiss' kappa", () => {
  it("reproduces Fleiss' worked example (10 subjects, 14 raters, 5 categories: κ = 0.210)", () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const ratings = counts.map((row) => row.flatMap((n, category) => Array.from({ length: n }, () => category)));
    expect(fleissKappa(ratings)).toBeCloseTo(0.21, 3);
  });

  it('is 1 for unanimous raters and about 0 or below for raters who ignore the items', () => {
    expect(fleissKappa([[1, 1, 1], [2, 2, 2], [3, 3, 3]])).toBe(1);
    expect(fleissKappa([[1, 2, 3], [2, 3, 1], [3, 1, 2]])).toBeLessThan(0);
  });
});

describe('name similarity', () => {
  it('sees the same name in any case, order, or with a stop word', () => {
    expect(keywordJaccard('The Bargain Hunters', 'bargain hunters')).toBe(1);
    expect(nameSimilarity('Deal Hunters', 'Deal Hunters')).toBe(1);
  });

  it('sees near-spellings and shared stems', () => {
    expect(editSimilarity('Deal Hunter', 'Deal Hunters')).toBeGreaterThan(0.9);
    expect(trigramCosine('Lapsing Buyers', 'Lapsed Buyer')).toBeGreaterThan(0.5);
  });

  it('keeps distinct names apart', () => {
    expect(nameSimilarity('Occasional Lapsed Customers', 'Full-Price Big Spenders')).toBeLessThan(0.4);
  });
});

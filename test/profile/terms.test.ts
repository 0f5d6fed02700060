import { describe, expect, it } from 'vitest';
import { phraseTerms as termsOf } from '../../src/util/tokenize.js';
import { profileSegments } from '../../src/profile/profile.js';
import { makeTable, plantedTable } from './fixtures.js';
import { createRng } from '../../src/util/random.js';

describe('termsOf', () => {
  it('gives unigrams and bigrams of content words, without stop words or bigrams across them', () => {
    expect(termsOf('The delivery was really fast, great price!')).toEqual(['delivery', 'fast', 'great', 'price', 'great price']);
    expect(termsOf("Fast delivery. Don't like the box")).toEqual(['fast', 'delivery', 'fast delivery', 'box']);
  });
  it('drops scrubber placeholders and numbers', () => {
    expect(termsOf('mail [email] or call [phone] about order 12345')).toEqual(['mail', 'call', 'order']);
  });
});

describe('distinctive terms (c-TF-IDF)', () => {
  it('picks the term planted in one segment, and only there', () => {
    const rng = createRng(5);
    const common = ['good product', 'arrived on time', 'nice colour', 'works as expected', 'would recommend', 'decent price'];
    const reviews: string[] = [];
    const labels = new Int32Array(600);
    for (let i = 0; i < 600; i++) {
      labels[i] = i % 3;
      const parts = [common[Math.floor(rng() * common.length)], common[Math.floor(rng() * common.length)]];
      if (labels[i] === 1 && rng() < 0.5) parts.push('battery drains overnight');
      reviews.push(parts.join('. '));
    }
    const table = makeTable({ text: { review: reviews }, numeric: { x: Array.from({ length: 600 }, () => rng()) } });
    const profiles = profileSegments(table, labels, 3, { minSegmentSize: 50 });
    const top = profiles[1].terms.slice(0, 3).map((t) => t.term);
    expect(top.some((t) => /battery|drains|overnight/.test(t))).toBe(true);
    const planted = profiles[1].terms.find((t) => t.term === 'battery drains')!;
    expect(planted.share).toBeGreaterThan(0.4);
    expect(planted.share).toBeLessThan(0.6);
    expect(planted.column).toBe('review');
    for (const p of [profiles[0], profiles[2]]) expect(p.terms.some((t) => /battery|drains|overnight/.test(t.term))).toBe(false);
  });

  it('never turns a name, email or phone from the text into a term', () => {
    const { table, labels } = plantedTable(1200, 3, 3);
    const profiles = profileSegments(table, labels, 3, { minSegmentSize: 50 });
    const all = profiles.flatMap((p) => p.terms.map((t) => t.term)).join(' ');
    for (const bad of ['jane', 'doe', 'omar', 'haddad', 'example', '7700', 'com']) expect(all).not.toContain(bad);
    // The planted phrases are found.
    expect(profiles[0].terms.map((t) => t.term)).toContain('great deals');
    expect(profiles[1].terms.map((t) => t.term)).toContain('excellent quality');
  });

  it('samples texts of large segments with a seed: same input, same terms', () => {
    const { table, labels } = plantedTable(900, 4, 3);
    const a = profileSegments(table, labels, 3, { minSegmentSize: 10, textSampleSize: 100, seed: 9 });
    const b = profileSegments(table, labels, 3, { minSegmentSize: 10, textSampleSize: 100, seed: 9 });
    expect(a.map((p) => p.terms)).toEqual(b.map((p) => p.terms));
    expect(a[2].terms.map((t) => t.term)).toContain('slow delivery');
  });
});

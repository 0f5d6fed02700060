import { describe, expect, it } from 'vitest';
import { profileSegments } from '../../src/profile/profile.js';
import { medianInPlace } from '../../src/profile/median.js';
import { detectRfmColumns, quintileScores, tierOf } from '../../src/profile/rfm.js';
import { makeTable } from './fixtures.js';

// Ten customers in three segments: rows 0–3 → label 0, rows 4–6 → label 1, rows 7–9 → label 2.
const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
const table = makeTable({
  numeric: {
    recency_days: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    orders: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
    total_spend: [100, 90, 80, 70, 60, 50, 40, 30, 20, 10],
  },
  booleans: { is_member: [1, 1, 1, 0, 0, 0, 0, 1, 0, 0] },
  categorical: { channel: ['email', 'email', 'email', 'sms', 'sms', 'sms', 'email', 'push', 'push', 'email'] },
  text: { review: ['', '', '', '', '', '', '', '', '', ''] },
});

describe('profileSegments on a hand-made table', () => {
  const profiles = profileSegments(table, labels, 3, { minSegmentSize: 4, stability: [0.9, 0.8, 0.7] });

  it('numbers segments from 1 (label 0 → segment 1) with size, share, small flag and stability', () => {
    expect(profiles.map((p) => [p.id, p.size, p.share, p.small, p.stability])).toEqual([
      [1, 4, 0.4, false, 0.9],
      [2, 3, 0.3, true, 0.8],
      [3, 3, 0.3, true, 0.7],
    ]);
  });

  it('computes exact means, medians, overall means, lifts and z', () => {
    const spend = profiles[0].numeric.find((f) => f.feature === 'total_spend')!;
    expect(spend.mean).toBeCloseTo(85, 12); // (100 + 90 + 80 + 70) / 4
    expect(spend.median).toBeCloseTo(85, 12);
    expect(spend.overallMean).toBeCloseTo(55, 12);
    expect(spend.lift).toBeCloseTo(85 / 55, 12);
    // Population sd of 10..100 step 10 is sqrt(825).
    expect(spend.z).toBeCloseTo(30 / Math.sqrt(825), 12);
    const recency2 = profiles[1].numeric.find((f) => f.feature === 'recency_days')!;
    expect(recency2.mean).toBeCloseTo(6, 12);
    expect(recency2.median).toBe(6);
    expect(recency2.lift).toBeCloseTo(6 / 5.5, 12);
  });

  it('reports booleans as shares', () => {
    const member = profiles[0].numeric.find((f) => f.feature === 'is_member')!;
    expect(member.kind).toBe('boolean');
    expect(member.mean).toBeCloseTo(0.75, 12);
    expect(member.overallMean).toBeCloseTo(0.4, 12);
    expect(member.lift).toBeCloseTo(0.75 / 0.4, 12);
  });

  it('sorts numeric facts by how distinctive they are', () => {
    const z = profiles[0].numeric.map((f) => Math.abs(f.z));
    expect(z).toEqual([...z].sort((a, b) => b - a));
  });

  it('keeps over-represented levels and the most common level', () => {
    // Segment 1: email 3/4 (overall 5/10 → lift 1.5), sms 1/4 (overall 3/10 → lift 0.83).
    expect(profiles[0].categories).toEqual([{ column: 'channel', level: 'email', share: 0.75, overallShare: 0.5, lift: 1.5 }]);
    // Segment 3: push 2/3 (overall 2/10 → lift 3.33), email 1/3 (lift 0.67, not the top either).
    const c3 = profiles[2].categories;
    expect(c3.map((c) => c.level)).toEqual(['push']);
    expect(c3[0].share).toBeCloseTo(2 / 3, 12);
    expect(c3[0].lift).toBeCloseTo(10 / 3, 12);
  });

  it('gives each segment its RFM tier mix', () => {
    // R = 5,5,5,4,4,3,3,2,2,1; F = M = 5,4,4,3,3,2,2,1,1,1 (see rfm.ts for the rules).
    expect(profiles[0].rfm).toEqual({ Champions: 0.75, Loyal: 0.25 });
    expect(profiles[1].rfm.Loyal).toBeCloseTo(1 / 3, 12);
    expect(profiles[1].rfm.Potential).toBeCloseTo(2 / 3, 12);
    expect(profiles[2].rfm).toEqual({ Hibernating: 1 });
  });

  it('leaves small segments without terms or representatives', () => {
    expect(profiles[1].representatives).toEqual([]);
    expect(profiles[1].terms).toEqual([]);
    expect(profiles[0].representatives.length).toBe(4);
  });

  it('rejects labels outside 0..k-1 and labels of the wrong length', () => {
    expect(() => profileSegments(table, Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]), 3, { minSegmentSize: 1 })).toThrow(/outside/);
    expect(() => profileSegments(table, new Int32Array(3), 3, { minSegmentSize: 1 })).toThrow(/length/);
  });
});

describe('RFM rules', () => {
  it('finds recency, frequency and monetary columns by name, each once', () => {
    const t = makeTable({ numeric: { days_since_last_order: [1], total_orders: [1], total_spend: [1], age: [1] } });
    const cols = detectRfmColumns(t)!;
    expect([cols.recency.name, cols.frequency?.name, cols.monetary?.name]).toEqual(['days_since_last_order', 'total_orders', 'total_spend']);
    expect(detectRfmColumns(makeTable({ numeric: { orders: [1], spend: [1] } }))).toBeUndefined();
  });

  it('scores quintiles with ties sharing a score, recency reversed', () => {
    expect([...quintileScores(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), true)]).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect([...quintileScores(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), false)]).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect([...quintileScores(Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 2, 9]), true)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 4, 5]);
  });

  it('assigns the six tiers', () => {
    expect(tierOf(5, 5, 5)).toBe('Champions');
    expect(tierOf(3, 4, 3)).toBe('Loyal');
    expect(tierOf(5, 1, 2)).toBe('New');
    expect(tierOf(3, 2, 2)).toBe('Potential');
    expect(tierOf(1, 5, 5)).toBe('At risk');
    expect(tierOf(1, 1, 2)).toBe('Hibernating');
  });
});

describe('medianInPlace', () => {
  it('handles odd, even, ties and empty', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(medianInPlace(Float64Array.from([1, 1, 1, 0, 1, 1]))).toBe(1);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
  });
  it('matches a sort on random data', () => {
    let seed = 3;
    for (let trial = 0; trial < 50; trial++) {
      const a = Float64Array.from({ length: 1 + (trial * 7) % 40 }, () => ((seed = (seed * 16807) % 2147483647) % 10));
      const sorted = Float64Array.from(a).sort();
      const n = sorted.length;
      const expected = n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(medianInPlace(a)).toBe(expected);
    }
  });
});

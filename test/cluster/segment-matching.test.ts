import { describe, expect, it } from 'vitest';
import { matchSegments, overlapTable } from '../../src/cluster/segment-matching.js';
import { featurePsi, psi, psiBand } from '../../src/cluster/psi.js';

/** Build per-customer old ids and new labels from [old id, new label, count] blocks. */
function table(blocks: [number, number, number][], kNew: number, oldIds: number[], oldSizes: number[]) {
  const oldOf: number[] = [];
  const labels: number[] = [];
  for (const [o, l, c] of blocks) for (let i = 0; i < c; i++) (oldOf.push(o), labels.push(l));
  return overlapTable(oldOf, labels, kNew, oldIds, oldSizes);
}

describe('matchSegments (MONIC transitions)', () => {
  it('two old segments in one new one: the larger keeps its id, the other is absorbed', () => {
    const t = table([[1, 0, 500], [2, 0, 300], [3, 1, 200]], 2, [1, 2, 3], [500, 300, 200]);
    const m = matchSegments(t);
    expect(m.idOf).toEqual([1, 2]);
    expect(m.events).toContainEqual({ kind: 'survive', from: 1, to: 1, share: 1 });
    expect(m.events).toContainEqual({ kind: 'absorb', from: 2, into: 1, share: 1 });
    // Old 3 survives in new label 1, which has to be renumbered 2 (ids stay 1..k).
    expect(m.matches).toContainEqual({ from: 3, to: 2, jaccard: 1, renumbered: true });
  });

  it('a new group with no old members emerges and takes a free id; a scattered segment disappears', () => {
    // Old 2 scattered over six new segments, a sixth of it each: under the split share (0.2).
    const scattered: [number, number, number][] = [0, 1, 2, 3, 4, 5].map((l) => [2, l, 20]);
    const t = table([[1, 0, 400], ...scattered, [0, 2, 300]], 6, [1, 2], [400, 120]);
    const m = matchSegments(t);
    expect(m.events).toContainEqual(expect.objectContaining({ kind: 'disappear', from: 2 }));
    expect(m.events.filter((e) => e.kind === 'emerge')).toHaveLength(5);
    expect(m.idOf[0]).toBe(1);
    // The largest newcomer (label 2, 320 customers) takes the first free id.
    expect(m.idOf[2]).toBe(2);
    expect(new Set(m.idOf)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('a segment whose members left the data disappears even if a few remain', () => {
    const m = matchSegments(table([[1, 0, 500], [2, 1, 20]], 2, [1, 2], [500, 400]));
    expect(m.events).toContainEqual({ kind: 'disappear', from: 2, present: 0.05 });
    expect(m.events).toContainEqual({ kind: 'emerge', to: 2 });
  });
});

describe('PSI', () => {
  it('is zero for the same distribution, and its bands read 0.1 / 0.25', () => {
    expect(psi([10, 20, 70], [1, 2, 7])).toBeCloseTo(0, 12);
    expect(psi([50, 50], [40, 60])).toBeCloseTo(0.1 * Math.log(1.25) + 0.1 * Math.log(1.2), 10);
    expect([0.05, 0.1, 0.2, 0.25, 1].map(psiBand)).toEqual(['stable', 'moderate', 'moderate', 'significant', 'significant']);
  });

  it('feature PSI bins by the first sample: a shifted feature is significant, a two-valued one gets two bins', () => {
    const a = Array.from({ length: 1000 }, (_, i) => i / 1000);
    expect(featurePsi(a, a)).toBe(0);
    expect(featurePsi(a, a.map((x) => x + 0.5))).toBeGreaterThan(0.25);
    const flags = Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0 : 1));
    const more = Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : 1));
    expect(featurePsi(flags, more)).toBeCloseTo(psi([700, 300], [500, 500]), 10);
  });
});

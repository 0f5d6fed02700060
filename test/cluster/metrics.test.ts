import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/util/random.js';
import { adjustedRandIndex, matchLabels } from '../../src/cluster/metrics.js';
import { hungarian, maximizeAssignment } from '../../src/cluster/hungarian.js';
import { pairwiseDistances, silhouette, silhouetteFromDistances } from '../../src/cluster/silhouette.js';

describe('adjustedRandIndex', () => {
  it('matches scikit-learn adjusted_rand_score on its documented examples', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.2424242424, 9);
  });

  it('is about 0 for independent labelings', () => {
    const rng = createRng(1);
    const a = Array.from({ length: 20000 }, () => Math.floor(rng() * 6));
    const b = Array.from({ length: 20000 }, () => Math.floor(rng() * 6));
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });
});

describe('hungarian', () => {
  function brute(cost: number[][]): number {
    const n = cost.length;
    let best = Infinity;
    const perm = (used: boolean[], row: number, acc: number) => {
      if (row === n) return void (best = Math.min(best, acc));
      for (let j = 0; j < cost[0].length; j++) {
        if (used[j]) continue;
        used[j] = true;
        perm(used, row + 1, acc + cost[row][j]);
        used[j] = false;
      }
    };
    perm(new Array(cost[0].length).fill(false), 0, 0);
    return best;
  }

  it('finds the minimum-cost assignment (checked against brute force)', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 30; trial++) {
      const rows = 1 + Math.floor(rng() * 5);
      const cols = rows + Math.floor(rng() * 2);
      const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round(rng() * 20)));
      const assignment = hungarian(cost);
      expect(new Set(assignment).size).toBe(rows);
      const total = Array.from(assignment).reduce((s, j, i) => s + cost[i][j], 0);
      expect(total).toBe(brute(cost));
    }
  });

  it('handles more rows than columns and maximisation', () => {
    const assignment = hungarian([[1], [0], [3]]);
    expect(Array.from(assignment)).toEqual([-1, 0, -1]);
    expect(Array.from(maximizeAssignment([
      [0.9, 0.1],
      [0.8, 0.7],
    ]))).toEqual([0, 1]);
  });

  it('matches relabelled clusterings', () => {
    const a = [0, 0, 1, 1, 2, 2, 2];
    const b = [2, 2, 0, 0, 1, 1, 0];
    const { mapping, agreement } = matchLabels(a, b);
    expect(Array.from(mapping)).toEqual([1, 2, 0]);
    expect(agreement).toBeCloseTo(6 / 7, 12);
  });
});

describe('silhouette', () => {
  it('equals the definition computed naively', () => {
    const rng = createRng(3);
    const n = 60;
    const dim = 3;
    const data = Float32Array.from({ length: n * dim }, () => rng() * 10);
    const labels = Int32Array.from({ length: n }, (_, i) => i % 4);
    const d = (i: number, j: number) => Math.hypot(...Array.from({ length: dim }, (_, t) => data[i * dim + t] - data[j * dim + t]));
    let total = 0;
    for (let i = 0; i < n; i++) {
      const mean = (c: number) => {
        const members = Array.from({ length: n }, (_, j) => j).filter((j) => labels[j] === c && j !== i);
        return members.reduce((s, j) => s + d(i, j), 0) / members.length;
      };
      const a = mean(labels[i]);
      const b = Math.min(...[0, 1, 2, 3].filter((c) => c !== labels[i]).map(mean));
      total += (b - a) / Math.max(a, b);
    }
    const vectors = { n, dim, data };
    expect(silhouette(vectors, labels)).toBeCloseTo(total / n, 5);
    expect(silhouetteFromDistances(pairwiseDistances(vectors), labels, 4)).toBeCloseTo(total / n, 5);
  });
});

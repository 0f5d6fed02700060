import { describe, expect, it } from 'vitest';
import { fitNumericColumn } from '../../src/embed/numeric-block.js';
import type { NumericColumn } from '../../src/model/data.js';
import { createRng } from '../../src/util/random.js';

/** The quartiles as a full sort gives them (what fitNumericColumn did before selecting order statistics). */
function sortedQuartiles(values: Float64Array): number[] {
  const s = values.slice().sort();
  return [0.25, 0.5, 0.75].map((p) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  });
}

const column = (values: Float64Array): NumericColumn => ({ name: 'x', kind: 'numeric', transform: 'none', values }) as unknown as NumericColumn;

describe('fitNumericColumn quartiles', () => {
  it('are the sorted column\'s, to the bit (ties, zeros of both signs, negatives, tiny columns)', () => {
    const rng = createRng(7);
    const makers: ((n: number) => Float64Array)[] = [
      (n) => Float64Array.from({ length: n }, () => rng() * 100 - 30),
      (n) => Float64Array.from({ length: n }, () => Math.floor(rng() * 4)),
      (n) => Float64Array.from({ length: n }, () => (rng() < 0.5 ? -0 : rng() < 0.5 ? 0 : rng() - 0.5)),
      (n) => Float64Array.from({ length: n }, (_, i) => (rng() < 0.7 ? -0 : i)),
      (n) => Float64Array.from({ length: n }, (_, i) => n - i),
    ];
    for (const make of makers) {
      for (const n of [1, 2, 3, 4, 5, 17, 100, 1001]) {
        const values = make(n);
        const [q1, median, q3] = sortedQuartiles(values);
        const p = fitNumericColumn(column(values));
        expect(Object.is(p.center, median), `median of ${n}: ${p.center} vs ${median}`).toBe(true);
        const scale = q3 - q1 > 0 ? q3 - q1 : p.scale;
        expect(p.scale).toBe(scale);
        expect(Object.is(p.low, (q1 - 3 * scale - median) / scale)).toBe(true);
        expect(Object.is(p.high, (q3 + 3 * scale - median) / scale)).toBe(true);
      }
    }
  });
});

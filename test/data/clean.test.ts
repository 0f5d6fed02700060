import { describe, expect, it } from 'vitest';
import { cleanCategorical, cleanNumeric, cleanText, outlierFences, quantile } from '../../src/data/clean.js';
import { createRng, gaussian } from '../../src/util/random.js';

function normal(n: number, mean: number, sd: number, seed = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => mean + sd * gaussian(rng));
}

describe('cleanNumeric', () => {
  it('imputes missing values with the median and counts them', () => {
    const values = Float64Array.from([1, 2, NaN, 4, 5, NaN, 3]);
    const r = cleanNumeric('x', values, 'numeric');
    expect(r.missing).toEqual({ count: 2, filledWith: 'median (3)' });
    expect(Array.from(r.column!.values)).toEqual([1, 2, 3, 4, 5, 3, 3]);
  });

  it('clips a typo far outside the fences, and nothing in clean normal data', () => {
    const clean = cleanNumeric('age', normal(2000, 40, 10), 'numeric');
    expect(clean.clipped?.count ?? 0).toBeLessThanOrEqual(20);
    const values = normal(2000, 40, 10);
    values[17] = 999;
    const r = cleanNumeric('age', values, 'numeric');
    expect(r.clipped!.count).toBeGreaterThanOrEqual(1);
    expect(r.column!.values[17]).toBeLessThan(100);
    expect(r.column!.transform).toBe('none');
  });

  it('never flattens a small real group far from the majority', () => {
    // 88% return rates near 0.05, 12% near 0.42: the minority is a segment, not outliers.
    const rng = createRng(5);
    const values = Float64Array.from({ length: 3000 }, (_, i) => (i % 100 < 12 ? 0.42 + 0.08 * gaussian(rng) : Math.abs(0.05 + 0.03 * gaussian(rng))));
    const r = cleanNumeric('return_rate', values, 'numeric');
    expect(r.clipped?.count ?? 0).toBeLessThanOrEqual(0.005 * 3000 * 2);
    const high = Array.from(r.column!.values).filter((v) => v > 0.3).length;
    expect(high).toBeGreaterThan(300);
  });

  it('flags long-tailed non-negative data for log1p, not symmetric or negative data', () => {
    const rng = createRng(2);
    const spend = Float64Array.from({ length: 1000 }, () => Math.exp(3 + gaussian(rng)));
    expect(cleanNumeric('spend', spend, 'numeric').column!.transform).toBe('log1p');
    expect(cleanNumeric('age', normal(1000, 40, 10), 'numeric').column!.transform).toBe('none');
    const signed = Float64Array.from(spend, (v, i) => (i === 0 ? -1 : v));
    expect(cleanNumeric('delta', signed, 'numeric').column!.transform).toBe('none');
  });

  it('drops constant and all-missing columns with a reason', () => {
    expect(cleanNumeric('k', Float64Array.from([3, 3, NaN, 3]), 'numeric')).toEqual({ dropped: 'every value is 3' });
    expect(cleanNumeric('e', Float64Array.from([NaN, NaN]), 'numeric')).toEqual({ dropped: 'all values are empty' });
  });

  it('fills missing booleans with the most common value, without clipping', () => {
    const r = cleanNumeric('vip', Float64Array.from([1, 1, 0, NaN, 1]), 'boolean');
    expect(Array.from(r.column!.values)).toEqual([1, 1, 0, 1, 1]);
    expect(r.missing!.filledWith).toBe('most common (yes)');
    expect(r.clipped).toBeUndefined();
  });

  it('fences are computed in log space for skewed data and never inside the data range', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const f = outlierFences(sorted, false)!;
    expect(f.low).toBe(1);
    expect(f.high).toBe(10);
    expect(quantile(sorted, 0.5)).toBe(5.5);
  });
});

describe('cleanCategorical', () => {
  it('orders levels by frequency and adds a "(missing)" level', () => {
    const r = cleanCategorical('plan', Int32Array.from([0, 1, 1, -1, 2, 1, 0]), ['gold', 'silver', 'bronze']);
    expect(r.column!.levels).toEqual(['silver', 'gold', 'bronze', '(missing)']);
    expect(Array.from(r.column!.codes)).toEqual([1, 0, 0, 3, 2, 0, 1]);
    expect(r.missing).toEqual({ count: 1, filledWith: '"(missing)" level' });
  });

  it('drops a one-level column', () => {
    expect(cleanCategorical('country', Int32Array.from([0, 0, 0]), ['NL']).dropped).toBe('every value is "NL"');
  });
});

describe('cleanText', () => {
  it('fills missing text with "" and cuts long cells, remembering the first', () => {
    const r = cleanText('review', ['ok', null, 'x'.repeat(12), 'y'.repeat(20)], 10);
    expect(r.column.values).toEqual(['ok', '', 'x'.repeat(10), 'y'.repeat(10)]);
    expect(r.missing).toEqual({ count: 1, filledWith: 'empty text' });
    expect(r.truncated).toEqual({ count: 2, first: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { createRng, gaussian } from '../../src/util/random.js';
import { dependenceZ, measureStructure, quantileBins, recodeBins, criticalZ } from '../../src/embed/weights.js';

/** Feature weights by measured structure (issue 14): a column independent of all others gets 0. */
describe('structure test of features', () => {
  const n = 1000;
  const rng = createRng(3);
  const group = Int32Array.from({ length: n }, () => Math.floor(rng() * 3));
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const x = Float64Array.from(group, (g) => g * 3 + gaussian(rng));
  const y = Float64Array.from(group, (g) => (g === 1 ? 5 : 0) + gaussian(rng)); // uncorrelated with x's order, still dependent
  const noise = Float64Array.from({ length: n }, () => rng());
  const cat = recodeBins(Int32Array.from(group, (g) => (rng() < 0.8 ? g : Math.floor(rng() * 3))));
  const randomCat = recodeBins(Int32Array.from({ length: n }, () => Math.floor(rng() * 4)));
  const feature = (name: string, v: Float64Array) => ({ name, ...quantileBins(v, rows, 6) });

  it('keeps features that depend on another, and gives 0 to noise', () => {
    const { features } = measureStructure([feature('x', x), feature('y', y), feature('noise', noise), { name: 'cat', ...cat }, { name: 'random', ...randomCat }]);
    const byName = Object.fromEntries(features.map((f) => [f.name, f]));
    expect(byName.x.factor).toBe(1);
    expect(byName.y.factor).toBe(1);
    expect(byName.cat.factor).toBe(1);
    expect(byName.noise).toMatchObject({ kept: false, factor: 0 });
    expect(byName.random).toMatchObject({ kept: false, factor: 0 });
  });

  it('the G-test z is near 0 for independent columns and large for dependent ones', () => {
    expect(Math.abs(dependenceZ(feature('n', noise), { name: 'r', ...randomCat }))).toBeLessThan(criticalZ(0.01, 10));
    expect(dependenceZ(feature('x', x), feature('y', y))).toBeGreaterThan(10);
  });

  it('does not test the views of one column (the dimensions of one text block) against each other', () => {
    const a = { ...feature('t1', x), group: 'text' };
    const b = { ...feature('t2', x), group: 'text' };
    const { features } = measureStructure([a, b, feature('noise', noise)]);
    expect(features.every((f) => f.factor === 0)).toBe(true);
  });
});

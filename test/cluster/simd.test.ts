import { describe, expect, it } from 'vitest';
import { createRng, gaussian } from '../../src/util/random.js';
import { lloyd } from '../../src/cluster/kmeans.js';
import { kmeansPlusPlus } from '../../src/cluster/kmeans-pp.js';
import { lloydSimd, simdKernel, SIMD_MIN_WORK } from '../../src/cluster/simd.js';
import type { Vectors } from '../../src/model/vectors.js';

function blobs(n: number, dim: number, k: number, spread: number, seed: number): Vectors {
  const rng = createRng(seed);
  const centres = Array.from({ length: k * dim }, () => gaussian(rng) * 3);
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const j = Math.floor(rng() * k);
    for (let t = 0; t < dim; t++) data[i * dim + t] = centres[j * dim + t] + gaussian(rng) * spread;
  }
  return { n, dim, data };
}

/** The WebAssembly SIMD Lloyd (large data) against the f64 Hamerly kernel (small data): same fixed point. */
describe('SIMD Lloyd kernel', () => {
  for (const [n, dim, k] of [
    [20_000, 10, 5], // dim not a multiple of 4: padded
    [70_000, 8, 7], // more than one chunk of points: streamed through WebAssembly memory
  ] as const) {
    it(`matches the f64 kernel on ${n} × ${dim}, k ${k}`, () => {
      const v = blobs(n, dim, k, 1.1, n + k);
      const init = kmeansPlusPlus(v, k, createRng(3));
      const kernel = simdKernel(v, k);
      expect(kernel).toBeDefined();
      const fast = lloydSimd(v, init, k, 100, 0, kernel!);
      const ref = lloydF64(v, init, k);
      let differ = 0;
      for (let i = 0; i < n; i++) if (fast.labels[i] !== ref.labels[i]) differ++;
      expect(differ / n).toBeLessThan(0.001);
      expect(Math.abs(fast.inertia - ref.inertia) / ref.inertia).toBeLessThan(1e-4);
      expect(fast.converged).toBe(true);
      for (let t = 0; t < k * dim; t++) expect(fast.centroids[t]).toBeCloseTo(ref.centroids[t], 2);
    });
  }

  it('lloyd() hands large data to the SIMD kernel and small data to the f64 kernel', () => {
    const v = blobs(30_000, 40, 4, 1, 9); // 30k × 4 × 40 = 4.8M ≥ SIMD_MIN_WORK
    expect(v.n * 4 * v.dim).toBeGreaterThanOrEqual(SIMD_MIN_WORK);
    const init = kmeansPlusPlus(v, 4, createRng(1));
    const viaLloyd = lloyd(v, init, 4, { tolerance: 0 });
    const direct = lloydSimd(v, init, 4, 300, 0, simdKernel(v, 4)!);
    expect(Array.from(viaLloyd.labels)).toEqual(Array.from(direct.labels));
    expect(viaLloyd.iterations).toBe(direct.iterations);
  });
});

/** lloyd() on its f64 Hamerly path: the cases are sized below SIMD_MIN_WORK. */
function lloydF64(v: Vectors, init: Float64Array, k: number) {
  // n·k·dim of the test cases is below SIMD_MIN_WORK (20k·5·10 = 1M; 70k·7·8 = 3.9M), so lloyd() takes the f64 path.
  expect(v.n * k * v.dim).toBeLessThan(SIMD_MIN_WORK);
  return lloyd(v, init, k, { tolerance: 0, maxIterations: 100 });
}

/**
 * Not a unit test (no timings in CI): a quick look at the k-means kernel's speed.
 *   npx tsx test/cluster/kernel-speed.ts [n] [dim] [k]
 * Prints per-iteration time of our Lloyd (Hamerly-bounded) from one k-means++ start, the cost of
 * one full assignment pass, and the seeding time. bench/ does the side-by-side with scikit-learn.
 */
import { createRng, gaussian } from '../../src/util/random.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import { kmeansPlusPlus } from '../../src/cluster/kmeans-pp.js';
import { lloyd } from '../../src/cluster/kmeans.js';

const n = Number(process.argv[2] ?? 100_000);
const dim = Number(process.argv[3] ?? 32);
const k = Number(process.argv[4] ?? 8);
const rng = createRng(1);
const centres = Array.from({ length: k }, () => Array.from({ length: dim }, () => gaussian(rng) * Number(process.env.SEP ?? 3)));
const data = new Float32Array(n * dim);
for (let i = 0; i < n; i++) {
  const c = centres[i % k];
  for (let t = 0; t < dim; t++) data[i * dim + t] = c[t] + gaussian(rng);
}
const vectors = { n, dim, data };

let t0 = performance.now();
const init = kmeansPlusPlus(vectors, k, createRng(7));
const seedMs = performance.now() - t0;

for (let rep = 0; rep < 3; rep++) {
  t0 = performance.now();
  const r = lloyd(vectors, init, k, { tolerance: 0 });
  const ms = performance.now() - t0;
  t0 = performance.now();
  assignToCentroids(vectors, r.centroids, k);
  const passMs = performance.now() - t0;
  console.log(
    `n=${n} dim=${dim} k=${k}: seeding ${seedMs.toFixed(0)} ms; lloyd ${ms.toFixed(0)} ms / ${r.iterations} it = ${(ms / r.iterations).toFixed(1)} ms/it; full assignment pass ${passMs.toFixed(1)} ms; inertia ${r.inertia.toFixed(0)}`,
  );
}

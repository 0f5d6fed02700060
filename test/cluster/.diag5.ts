import { fitEmbedding } from '../../src/embed/fit.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable } from './planted.js';
for (const [groups, shape, textNoise] of [[6, 'full', 0.3], [5, 'lean', 0.3], [6, 'lean', 0.5]] as const) {
  const out: string[] = [];
  for (const seed of [1, 2, 3]) {
    const { table, truth } = plantedTable({ n: 5000, groups, seed: 1000 * seed + groups, shape, textNoise });
    const { vectors } = await fitEmbedding(table, { seed: 7 });
    const { n, dim, data } = vectors;
    const c = new Float32Array(groups * dim), cnt = new Float64Array(groups);
    for (let i = 0; i < n; i++) { cnt[truth[i]]++; for (let t = 0; t < dim; t++) c[truth[i] * dim + t] += data[i * dim + t]; }
    for (let g = 0; g < groups; g++) for (let t = 0; t < dim; t++) c[g * dim + t] /= cnt[g];
    out.push(adjustedRandIndex(assignToCentroids(vectors, c, groups), truth).toFixed(3));
  }
  console.log(groups, shape, textNoise, 'oracle ARI', out.join(' '));
}

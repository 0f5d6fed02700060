import { fitEmbedding } from '../../src/embed/fit.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { signalSubspace } from '../../src/cluster/subspace.js';
import { plantedTable } from './planted.js';
const groups = 6;
for (const seed of (process.env.SEEDS ?? '4,5,7,1').split(',').map(Number)) {
  const { table, truth, archetypes } = plantedTable({ n: 5000, groups, seed: 1000 * seed + groups, textStyle: 'single' });
  const { vectors } = await fitEmbedding(table, { seed: 7 });
  const { n, dim, data } = vectors;
  const c = new Float32Array(groups * dim), cnt = new Float64Array(groups);
  for (let i = 0; i < n; i++) { cnt[truth[i]]++; for (let t = 0; t < dim; t++) c[truth[i] * dim + t] += data[i * dim + t]; }
  for (let g = 0; g < groups; g++) for (let t = 0; t < dim; t++) c[g * dim + t] /= cnt[g];
  const oracle = adjustedRandIndex(assignToCentroids(vectors, c, groups), truth);
  const sub = signalSubspace(vectors)!;
  const r = clusterVectors(vectors, { seed: 7, bootstraps: 0 });
  const r6 = clusterVectors(vectors, { seed: 7, bootstraps: 0, k: 6 });
  console.log(`seed ${seed} ${archetypes.join(',')} oracle ${oracle.toFixed(3)} k=${r.k} ARI ${adjustedRandIndex(r.labels, truth).toFixed(3)} ARI@6 ${adjustedRandIndex(r6.labels, truth).toFixed(3)} m=${sub.m} spikes ${sub.variances.map((v) => (v / sub.noise).toFixed(1)).join(' ')} sil ${r.kScores.slice(2, 6).map((s) => `${s.k}:${s.silhouette.toFixed(3)}`).join(' ')}`);
}

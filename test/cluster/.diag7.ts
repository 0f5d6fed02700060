import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { pairwiseDistances, silhouetteFromDistances } from '../../src/cluster/silhouette.js';
import { project, signalSubspace } from '../../src/cluster/subspace.js';
import { takeRows } from '../../src/cluster/assign.js';
import { sampleIndices, createRng } from '../../src/util/random.js';
import { plantedTable } from './planted.js';
for (const seed of [4, 5, 7]) {
  const { table, truth } = plantedTable({ n: 5000, groups: 6, seed: 1000 * seed + 6, textStyle: 'single' });
  const { vectors } = await fitEmbedding(table, { seed: 7 });
  const idx = sampleIndices(5000, 3000, createRng(1)).sort();
  const ev = takeRows(vectors, idx);
  const sub = signalSubspace(ev)!;
  const z = project(ev, sub);
  const d = pairwiseDistances(z);
  const tl = Int32Array.from(idx, (i) => truth[i]);
  const r6 = clusterVectors(vectors, { k: 6, seed: 7, bootstraps: 0 });
  const r5 = clusterVectors(vectors, { k: 5, seed: 7, bootstraps: 0 });
  const l6 = Int32Array.from(idx, (i) => r6.labels[i]);
  const l5 = Int32Array.from(idx, (i) => r5.labels[i]);
  console.log(`seed ${seed}: sil(true) ${silhouetteFromDistances(d, tl, 6).toFixed(3)} sil(kmeans6) ${silhouetteFromDistances(d, l6, 6).toFixed(3)} sil(kmeans5) ${silhouetteFromDistances(d, l5, 5).toFixed(3)} ARI6 ${adjustedRandIndex(r6.labels, truth).toFixed(3)}`);
}

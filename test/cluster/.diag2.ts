import { fitEmbedding } from '../../src/embed/fit.js';
import { kmeans } from '../../src/cluster/kmeans.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable } from './planted.js';
const groups = Number(process.env.G ?? 4);
for (const seed of [1, 2, 3]) {
  const { table, truth, archetypes } = plantedTable({ n: 5000, groups, seed: 1000 * seed + groups });
  const { vectors } = await fitEmbedding(table, { seed: 7 });
  const out: string[] = [];
  for (const r of [1, 4, 10]) {
    const fit = kmeans(vectors, groups, { seed: 7, restarts: r });
    out.push(`r${r}: ARI ${adjustedRandIndex(fit.labels, truth).toFixed(3)} inertia ${fit.inertia.toFixed(0)}`);
  }
  console.log(seed, archetypes.join(','), out.join(' | '));
}

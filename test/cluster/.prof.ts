import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { plantedTable } from './planted.js';
const { table } = plantedTable({ n: 5000, groups: 6, seed: 1006 });
let t = performance.now();
const { vectors } = await fitEmbedding(table, { seed: 7 });
console.log('embed', (performance.now() - t).toFixed(0));
for (const b of [0, 20]) { t = performance.now(); clusterVectors(vectors, { seed: 7, bootstraps: b }); console.log('cluster B=' + b, (performance.now() - t).toFixed(0)); }

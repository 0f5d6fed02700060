/**
 * Not a unit test: the pipeline at scale (planted data), printing stage times, k, ARI, RSS.
 *   npx tsx test/cluster/scale-check.ts [n=200000]
 */
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable } from '../fixtures/planted.js';
const n = Number(process.argv[2] ?? 200000);
let t = performance.now();
const { table, truth } = plantedTable({ n, groups: 6, seed: 1006 });
console.log('generate', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const { vectors, model } = await fitEmbedding(table, { seed: 7 });
console.log('embed', (performance.now() - t).toFixed(0), 'ms', 'dim', vectors.dim, 'model JSON', (JSON.stringify(model).length / 1e6).toFixed(2), 'MB');
t = performance.now();
const r = clusterVectors(vectors, { seed: 7 });
console.log('cluster', (performance.now() - t).toFixed(0), 'ms', 'k', r.k, 'ARI', adjustedRandIndex(r.labels, truth).toFixed(4), 'stability', r.stability.join(' '), 'rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'MB');

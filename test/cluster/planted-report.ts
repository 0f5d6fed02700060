/**
 * Not a unit test: the pipeline (fitEmbedding → clusterVectors) on planted data over many
 * seeds and shapes, printing the chosen k and ARI per run. Used to tune block weights and the
 * choice of k without looking at only one generator configuration.
 *   npx tsx test/cluster/planted-report.ts [seeds=5] [n=5000]
 */
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable, type PlantedOptions } from '../fixtures/planted.js';

const seeds = Number(process.argv[2] ?? 5);
const n = Number(process.argv[3] ?? 5000);
const configs: Omit<PlantedOptions, 'seed' | 'n'>[] = [
  { groups: 6 },
  { groups: 4 },
  { groups: 5, shape: 'lean' },
  { groups: 8 },
  { groups: 6, shape: 'lean', textNoise: 0.5 },
  { groups: 6, text: false },
  { groups: 6, textStyle: 'single' },
  { groups: 6, flagAsCategorical: true, textStyle: 'single' },
];
const only = process.env.CONFIG ? process.env.CONFIG.split(',').map((c) => configs[Number(c)]) : configs;
let worst = 1;
let misses = 0;
for (const config of only) {
  const rows: string[] = [];
  let sum = 0;
  for (let s = 1; s <= seeds; s++) {
    const { table, truth } = plantedTable({ ...config, n, seed: 1000 * s + config.groups });
    const t0 = performance.now();
    const { vectors } = await fitEmbedding(table, { seed: 7 });
    const t1 = performance.now();
    const result = clusterVectors(vectors, { seed: 7, bootstraps: Number(process.env.B ?? 0) });
    const t2 = performance.now();
    const ari = adjustedRandIndex(result.labels, truth);
    sum += ari;
    if (result.k !== config.groups) misses++;
    worst = Math.min(worst, ari);
    const sil = result.kScores.map((x) => `${x.k}:${x.silhouette.toFixed(3)}/${x.stability?.toFixed(2) ?? "-"}`).join(' ');
    rows.push(`  seed ${s}: k=${result.k} ARI=${ari.toFixed(4)} (embed ${(t1 - t0).toFixed(0)} ms, cluster ${(t2 - t1).toFixed(0)} ms)${process.env.SIL ? ` sil ${sil}` : ''}`);
  }
  console.log(`${JSON.stringify(config)} mean ARI ${(sum / seeds).toFixed(4)}`);
  console.log(rows.join('\n'));
}
console.log(`worst ARI ${worst.toFixed(4)}, wrong k ${misses}`);

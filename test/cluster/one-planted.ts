/** Not a unit test: one planted configuration, k scores printed. npx tsx test/cluster/one-planted.ts '{"n":5000,"groups":5,"seed":2005,"shape":"lean"}' */
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable } from '../fixtures/planted.js';

const { table, truth } = plantedTable(JSON.parse(process.argv[2]));
const { vectors, model } = await fitEmbedding(table, { seed: 7 });
const r = clusterVectors(vectors, { seed: 7, bootstraps: 0, kStabilityBootstraps: process.env.SB ? Number(process.env.SB) : undefined });
console.log(`k=${r.k} ARI=${adjustedRandIndex(r.labels, truth).toFixed(4)}`, r.kScores.map((x) => `${x.k}:${x.silhouette.toFixed(3)}/${x.stability?.toFixed(2)}`).join(' '));
console.log(model.structure?.features.filter((f) => f.factor < 1).map((f) => `${f.name} z=${f.z} f=${f.factor}`).join('; '));

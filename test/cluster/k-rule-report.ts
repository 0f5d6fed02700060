/**
 * Not a unit test: the evidence behind choose-k.ts's rule. For every planted file the project
 * has (mall, easy and hard shop, the Chinese shop, the B2B accounts, plus the examples file
 * without truth) it rebuilds the evaluation set exactly as clusterVectors does and prints, for
 * k = 2…12, the silhouette and the least stable segment's bootstrap Jaccard (20 resamples), the
 * k auto picks, and ARI against the planted groups. JSON per file goes to OUT when set.
 *   npx tsx test/cluster/k-rule-report.ts [mall,hard,easy,zh,b2b,examples]
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors, CLUSTER_DEFAULTS } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { kmeans } from '../../src/cluster/kmeans.js';
import { bootstrapStability } from '../../src/cluster/stability.js';
import { pairwiseDistances, SILHOUETTE_SAMPLE, silhouetteFromDistances } from '../../src/cluster/silhouette.js';
import { takeRows } from '../../src/cluster/assign.js';
import { project, signalSubspace } from '../../src/cluster/subspace.js';
import { createRng, sampleIndices } from '../../src/util/random.js';
import type { Vectors } from '../../src/model/vectors.js';
import { mallCsv, plantedCsv, writePlanted } from '../fixtures/planted-csv.js';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { writeB2bAccounts } from '../fixtures/b2b-accounts.js';

const kinds = (process.argv[2] ?? 'mall,hard,easy,zh,b2b,examples').split(',');
const dir = mkdtempSync(join(tmpdir(), 'k-rule-'));
interface Case { name: string; path: string; truth?: Int32Array; k?: number; seed: number }
const cases: Case[] = [];
if (kinds.includes('mall')) for (let s = 1; s <= 8; s++) { const f = mallCsv(s); cases.push({ name: `mall-${s}`, path: writePlanted(join(dir, `mall-${s}.csv`), f), truth: f.truth, k: f.groups, seed: 7 }); }
for (const v of ['hard', 'easy'] as const) if (kinds.includes(v)) for (let s = 1; s <= 3; s++) {
  const f = plantedCsv({ variant: v, seed: 1000 * s + 6 });
  const path = writePlanted(join(dir, `${v}-${s}.csv`), f);
  for (const seed of (process.env.SEEDS ?? '7,42').split(',').map(Number)) cases.push({ name: `${v}-${s}/e${seed}`, path, truth: f.truth, k: f.groups, seed });
}
if (kinds.includes('zh')) for (const s of [16, 17, 18]) { const path = join(dir, `zh-${s}.csv`); const { truth } = writePlantedZhCustomers(path, 5000, s, { reviews: 'zh', emptyText: 0.1, textNoise: 0.3 }); cases.push({ name: `zh-${s}`, path, truth: Int32Array.from(truth), k: 6, seed: 7 }); }
if (kinds.includes('b2b')) { const path = join(dir, 'b2b.csv'); writeB2bAccounts(path); cases.push({ name: 'b2b', path, truth: Int32Array.from({ length: 1200 }, (_, i) => i % 4), k: 4, seed: 42 }); }
if (kinds.includes('examples')) cases.push({ name: 'examples', path: 'examples/customers.csv', seed: 42 });

/** The evaluation set clusterVectors chooses k on (same sampling, same subspace). */
function evalSet(vectors: Vectors, seed: number): { set: Vectors; m: number | undefined } {
  const rng = createRng(seed);
  const n = vectors.n;
  const fitIdx = n > CLUSTER_DEFAULTS.sampleSize ? sampleIndices(n, CLUSTER_DEFAULTS.sampleSize, rng).sort() : undefined;
  const fitFull = fitIdx ? takeRows(vectors, fitIdx) : vectors;
  const evalIdx = fitFull.n > SILHOUETTE_SAMPLE ? sampleIndices(fitFull.n, SILHOUETTE_SAMPLE, rng).sort() : undefined;
  const evalFull = evalIdx ? takeRows(fitFull, evalIdx) : fitFull;
  const found = signalSubspace(evalFull);
  return { set: found ? project(evalFull, found) : evalFull, m: found?.m };
}

for (const c of cases) {
  const table = await loadCustomers(c.path, {});
  const { vectors } = await fitEmbedding(table, { seed: c.seed });
  const auto = clusterVectors(vectors, { seed: c.seed, bootstraps: 0 });
  const { set, m } = evalSet(vectors, c.seed);
  const dist = pairwiseDistances(set);
  const rows: { k: number; sil: number; inertia: number; more: number[]; jac: number; jacs: number[]; sizes: number[] }[] = [];
  for (let k = 2; k <= Math.min(12, set.n - 1); k++) {
    const fit = kmeans(set, k, { seed: c.seed + k, restarts: CLUSTER_DEFAULTS.restarts, maxIterations: 300 });
    const sil = silhouetteFromDistances(dist, fit.labels, k);
    const jacs = process.env.NOSTAB ? [0] : bootstrapStability(set, fit.labels, k, { bootstraps: 20, seed: c.seed + 100 + k, maxIterations: 300 });
    // Stability with more k-means restarts per resample, so a split the optimiser misses is not read as instability.
    const more = (process.env.MORE ?? '').split(',').filter(Boolean).map((rb) => { const [r, b] = rb.split('x').map(Number); return +Math.min(...bootstrapStability(set, fit.labels, k, { bootstraps: b, seed: c.seed + 100 + k, restarts: r, maxIterations: 300 })).toFixed(3); });
    const sizes = new Array(k).fill(0); for (const l of fit.labels) sizes[l]++;
    rows.push({ k, sil: +sil.toFixed(4), inertia: fit.inertia, more, jac: +Math.min(...jacs).toFixed(3), jacs: jacs.map((j) => +j.toFixed(2)), sizes: sizes.sort((a, b) => b - a) });
  }
  const ari = c.truth ? adjustedRandIndex(auto.labels, c.truth) : null;
  console.log(`${c.name}: planted ${c.k ?? '?'} auto ${auto.k} ARI ${ari?.toFixed(3) ?? '—'} subspace m ${m ?? 'none'} | ` + rows.map((r) => `${r.k}:${r.sil.toFixed(3)}/${r.jac.toFixed(2)}`).join(' '));
  if (process.env.OUT) appendFileSync(process.env.OUT, JSON.stringify({ name: c.name, planted: c.k ?? null, auto: auto.k, ari, m: m ?? null, rows }) + '\n');
}

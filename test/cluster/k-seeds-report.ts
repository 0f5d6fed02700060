/**
 * Not a unit test: k auto across data seeds × embedding seeds on the hard planted files, and on
 * #15's B2B fixture (4 planted groups, i % 4), with each k's silhouette and stability.
 *   npx tsx test/cluster/k-seeds-report.ts [hard|b2b] [embed seeds, comma-separated]
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedCsv, writePlanted } from '../fixtures/planted-csv.js';
import { writeB2bAccounts } from '../fixtures/b2b-accounts.js';

const kind = process.argv[2] ?? 'hard';
const embedSeeds = (process.argv[3] ?? '7,3,11').split(',').map(Number);
const files: { name: string; path: string; truth: Int32Array; k: number }[] = [];
if (kind === 'b2b') {
  const path = join(tmpdir(), 'k-seeds-b2b.csv');
  writeB2bAccounts(path);
  files.push({ name: 'b2b', path, truth: Int32Array.from({ length: 1200 }, (_, i) => i % 4), k: 4 });
} else {
  for (const s of [1, 2, 3]) {
    const f = plantedCsv({ variant: 'hard', seed: 1000 * s + 6, n: 3000 });
    files.push({ name: `hard ${s}`, path: writePlanted(join(tmpdir(), `k-seeds-hard-${s}.csv`), f), truth: f.truth, k: f.groups });
  }
}
for (const f of files) {
  const table = await loadCustomers(f.path, {});
  for (const e of embedSeeds) {
    const { vectors, model } = await fitEmbedding(table, { seed: e });
    const auto = clusterVectors(vectors, { seed: e, bootstraps: 0 });
    const scores = auto.kScores.map((x) => `${x.k}:${x.silhouette.toFixed(3)}${x.stability !== undefined ? '/' + x.stability.toFixed(2) : ''}`).join(' ');
    const left = model.structure?.features.filter((x) => !x.kept).map((x) => x.name).join(',');
    console.log(`${f.name} embed seed ${e}: k=${auto.k}/${f.k} ARI=${adjustedRandIndex(auto.labels, f.truth).toFixed(3)} | ${scores} | left out: ${left}`);
  }
}

/**
 * Not a unit test: planted files (test/fixtures/planted-csv.ts) through the real reader,
 * embedding and clustering, printing k, ARI and the k scores per seed.
 *   npx tsx test/cluster/truth-report.ts [mall|easy|hard] [seeds=3] [n=3000]
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mallCsv, plantedCsv, writePlanted } from '../fixtures/planted-csv.js';

const kind = process.argv[2] ?? 'hard';
const seeds = Number(process.argv[3] ?? 3);
const n = Number(process.argv[4] ?? 3000);
let sum = 0;
for (let s = 1; s <= seeds; s++) {
  const file = kind === 'mall' ? mallCsv(s) : plantedCsv({ variant: kind as 'easy' | 'hard', seed: 1000 * s + 6, n });
  const path = writePlanted(join(tmpdir(), `truth-${kind}-${s}.csv`), file);
  const table = await loadCustomers(path, {});
  const { vectors, model } = await fitEmbedding(table, { seed: 7 });
  const auto = clusterVectors(vectors, { seed: 7, bootstraps: Number(process.env.B ?? 0) });
  const given = clusterVectors(vectors, { seed: 7, k: file.groups, bootstraps: 0 });
  const ari = adjustedRandIndex(auto.labels, file.truth);
  sum += ari;
  const scores = auto.kScores.map((x) => `${x.k}:${x.silhouette.toFixed(3)}${'stability' in x ? '/' + (x as { stability?: number }).stability?.toFixed(2) : ''}`).join(' ');
  console.log(`seed ${s}: k=${auto.k} ARI=${ari.toFixed(4)} | k given ARI=${adjustedRandIndex(given.labels, file.truth).toFixed(4)} | ${scores}`);
  if (process.env.PEER) {
    const truthPath = path.replace(/\.csv$/, '.truth.txt');
    writeFileSync(truthPath, Array.from(file.truth).join('\n') + '\n');
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['bench/peer.py', 'truth', path, truthPath, '--k', String(file.groups)], { encoding: 'utf8' }).trim().split('\n').pop()!);
    console.log(`  sklearn ARI=${out.ari.toFixed(4)} roles ${JSON.stringify(out.roles)}`);
  }
  if (process.env.W) console.log('  weights', model.blocks.map((b) => `${b.name}:${b.weight.toFixed(3)}`).join(' '));
}
console.log(`mean ARI ${(sum / seeds).toFixed(4)}`);

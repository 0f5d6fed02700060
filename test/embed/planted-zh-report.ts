/**
 * The sweep behind issue 16's figures: planted customers (test/fixtures/planted-zh.ts) with
 * Chinese reviews and, for comparison, the same customers with English ones, segmented on the
 * review alone (auto k and k = 6) and on all columns. Prints one JSON line per file.
 *   npx tsx test/embed/planted-zh-report.ts                      # noisy reviews (10 % empty, 30 % generic)
 *   EMPTY=0 NOISE=0 npx tsx test/embed/planted-zh-report.ts      # every review from the group's own clauses
 * SEEDS=16,17 and LANGS=zh pick the files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
const dir = mkdtempSync(join(tmpdir(), 'segmenta-planted-zh-'));
const seeds = (process.env.SEEDS ?? '16,17,18').split(',').map(Number);
const empty = Number(process.env.EMPTY ?? 0.1); const noise = Number(process.env.NOISE ?? 0.3);
for (const reviews of (process.env.LANGS ?? 'zh,en').split(',') as ('zh'|'en')[]) for (const seed of seeds) {
  const file = join(dir, `${reviews}-${seed}.csv`);
  const { truth } = writePlantedZhCustomers(file, 5000, seed, { reviews, emptyText: empty, textNoise: noise });
  const table = await loadCustomers(file, {});
  const t = Int32Array.from(truth);
  const nonEmpty = table.text[0]?.values.map((v, i) => (v ? i : -1)).filter((i) => i >= 0) ?? [];
  const textOnly = { ...table, numeric: [], categorical: [] };
  const a = await fitEmbedding(textOnly, { seed: 7 });
  const ra = clusterVectors(a.vectors, { seed: 7, bootstraps: 0 });
  const ra6 = clusterVectors(a.vectors, { seed: 7, bootstraps: 0, k: 6 });
  const sub = (l: Int32Array) => Int32Array.from(nonEmpty, (i) => l[i]);
  const b = await fitEmbedding(table, { seed: 7 });
  const rb = clusterVectors(b.vectors, { seed: 7, bootstraps: 0 });
  const r = (x: number) => +x.toFixed(3);
  console.log(JSON.stringify({ reviews, seed, textOnlyK: ra.k, textOnlyARI: r(adjustedRandIndex(ra.labels, t)), textOnlyK6ARI: r(adjustedRandIndex(ra6.labels, t)), k6NonEmptyARI: r(adjustedRandIndex(sub(ra6.labels), sub(t))), allK: rb.k, allARI: r(adjustedRandIndex(rb.labels, t)) }));
}
rmSync(dir, { recursive: true, force: true });

/**
 * The bench's truth table (issue 14): the project's own planted files (test/fixtures/
 * planted-csv.ts — the mall shape, the easy shop and the hard shop, several seeds), each
 * segmented by segmenta with k chosen automatically and with the planted k, and by the plain
 * scikit-learn pipeline (bench/peer.py truth) at the planted k, on the same bytes; ARI against
 * the planted groups, and segmenta's eval scorecard of the k-auto Run.
 *
 *   npx tsx bench/truth.ts [--seeds 3] [--no-peer] [--no-evals]   (also part of `npm run bench`)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCustomers } from '../src/data/load.js';
import { fitEmbedding } from '../src/embed/fit.js';
import { clusterVectors } from '../src/cluster/cluster.js';
import { adjustedRandIndex } from '../src/cluster/metrics.js';
import { makeRun } from '../src/pipeline/make-run.js';
import { loadConfig } from '../src/config.js';
import { runEvals } from '../evals/run-evals.js';
import { mallCsv, plantedCsv, writePlanted, type PlantedFile } from '../test/fixtures/planted-csv.js';

const PYTHON = '/usr/bin/python3';
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface TruthRow {
  data: string;
  seed: number;
  n: number;
  plantedK: number;
  kAuto: number;
  ariAuto: number;
  ariGiven: number;
  ariPeer: number | null;
  /** The scorecard of the k-auto Run: passed, and the metrics that failed or could not run. */
  evals: { passed: boolean; failed: string[]; values: Record<string, number | null> } | null;
}

/** The scorecard's metrics shown in the table beside the verdict (the whole card is in each Run's evals.json). */
const KEY_METRICS = ['heldout_accuracy', 'heldout_kappa', 'max_spillover', 'min_bootstrap_jaccard', 'min_claim_majority'];

export interface TruthOptions {
  seeds: number;
  peer: boolean;
  evals: boolean;
  log?: (line: string) => void;
}

function peerAri(csv: string, truth: Int32Array, k: number, dir: string): number | null {
  const truthPath = join(dir, 'truth.txt');
  writeFileSync(truthPath, Array.from(truth).join('\n') + '\n');
  const p = spawnSync(PYTHON, [join(BENCH_DIR, 'peer.py'), 'truth', csv, truthPath, '--k', String(k)], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`peer.py truth failed: ${p.stderr.slice(-1000)}`);
  return Math.round(JSON.parse(p.stdout.trim().split('\n').pop()!).ari * 10000) / 10000;
}

export function peerReady(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' }).status === 0;
}

export async function runTruth(o: TruthOptions): Promise<TruthRow[]> {
  const log = o.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-truth-'));
  const peer = o.peer && peerReady();
  if (o.peer && !peer) log(`truth: peer skipped (${PYTHON} lacks pandas or scikit-learn: apt-get install -y python3-pandas python3-sklearn)`);
  const files: { data: string; seed: number; make: () => PlantedFile }[] = [];
  for (let s = 1; s <= o.seeds; s++) {
    files.push({ data: 'mall (200 rows)', seed: s, make: () => mallCsv(s) });
    files.push({ data: 'easy shop', seed: s, make: () => plantedCsv({ variant: 'easy', seed: 1000 * s + 6 }) });
    files.push({ data: 'hard shop', seed: s, make: () => plantedCsv({ variant: 'hard', seed: 1000 * s + 6 }) });
  }
  const rows: TruthRow[] = [];
  try {
    for (const f of files) {
      const file = f.make();
      const path = writePlanted(join(dir, `${f.data.replace(/\W+/g, '-')}-${f.seed}.csv`), file);
      const table = await loadCustomers(path, {});
      const { vectors } = await fitEmbedding(table, { seed: 42 });
      const auto = clusterVectors(vectors, { seed: 42, bootstraps: 0 });
      const given = clusterVectors(vectors, { seed: 42, k: file.groups, bootstraps: 0 });
      const row: TruthRow = {
        data: f.data,
        seed: f.seed,
        n: file.truth.length,
        plantedK: file.groups,
        kAuto: auto.k,
        ariAuto: Math.round(adjustedRandIndex(auto.labels, file.truth) * 10000) / 10000,
        ariGiven: Math.round(adjustedRandIndex(given.labels, file.truth) * 10000) / 10000,
        ariPeer: peer ? peerAri(path, file.truth, file.groups, dir) : null,
        evals: null,
      };
      if (o.evals) {
        const config = loadConfig({ workspace: join(dir, 'ws'), offline: true }, {});
        const made = await makeRun({ file: path, seed: 42, config, log: () => {} });
        const report = await runEvals(made.runDir, made.run, config, () => {});
        const values = Object.fromEntries(KEY_METRICS.map((name) => [name, report.metrics.find((m) => m.name === name)?.value ?? null]));
        row.evals = { passed: report.passed, failed: report.metrics.filter((m) => m.status === 'fail' || m.status === 'n/a').map((m) => m.name), values };
      }
      rows.push(row);
      log(`truth: ${f.data} seed ${f.seed}: k auto ${row.kAuto}/${row.plantedK}, ARI auto ${row.ariAuto}, given ${row.ariGiven}, scikit-learn ${row.ariPeer ?? '—'}${row.evals ? `, evals ${row.evals.passed ? 'pass' : `fail (${row.evals.failed.join(', ')})`}` : ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function truthMarkdown(rows: TruthRow[]): string {
  const lines = [
    '## Truth: planted files, segmenta beside scikit-learn',
    '',
    'ARI against the planted groups. segmenta with k chosen by itself and with the planted k; the plain scikit-learn pipeline (median impute, log1p, standardise, one-hot, TF-IDF → SVD 16, KMeans n_init = 10) at the planted k, on the same file. Evals: the scorecard of the k-auto Run (offline writer).',
    '',
    `| data | seed | n | planted k | k auto | ARI k auto | ARI k given | ARI scikit-learn | evals | ${KEY_METRICS.join(' | ')} |`,
    `|---|---|---|---|---|---|---|---|---|${KEY_METRICS.map(() => '---|').join('')}`,
    ...rows.map((r) => `| ${r.data} | ${r.seed} | ${r.n} | ${r.plantedK} | ${r.kAuto} | ${r.ariAuto.toFixed(3)} | ${r.ariGiven.toFixed(3)} | ${r.ariPeer === null ? 'not run (no python3 with pandas + scikit-learn)' : r.ariPeer.toFixed(3)} | ${r.evals ? (r.evals.passed ? 'pass' : `fail: ${r.evals.failed.join(', ')}`) : '—'} | ${KEY_METRICS.map((m) => (r.evals?.values[m] == null ? '—' : r.evals.values[m]!.toFixed(3))).join(' | ')} |`),
    '',
  ];
  const groups = [...new Set(rows.map((r) => r.data))];
  for (const g of groups) {
    const rs = rows.filter((r) => r.data === g);
    const mean = (xs: number[]) => (xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(3);
    const peers = rs.map((r) => r.ariPeer).filter((x): x is number => x !== null);
    lines.push(`- ${g}: k auto = planted k on ${rs.filter((r) => r.kAuto === r.plantedK).length}/${rs.length} seeds; mean ARI auto ${mean(rs.map((r) => r.ariAuto))}, given ${mean(rs.map((r) => r.ariGiven))}${peers.length ? `, scikit-learn ${mean(peers)}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--seeds');
  runTruth({ seeds: i >= 0 ? Number(argv[i + 1]) : 3, peer: !argv.includes('--no-peer'), evals: !argv.includes('--no-evals'), log: (l) => process.stderr.write(`${l}\n`) })
    .then((rows) => {
      const md = truthMarkdown(rows);
      // Kept beside the other bench results, and printed.
      writeFileSync(join(BENCH_DIR, 'results', 'truth.md'), md);
      process.stdout.write(md);
    })
    .catch((err) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}

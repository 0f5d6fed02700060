/**
 * Not a unit test: the scorecard of planted Runs (mall, hard shop) with the split refitted on
 * the Run's feature choice and with the structure test run again on the 80 %.
 *   npx tsx test/evals/split-choice-report.ts [seeds=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { runEvals } from '../../evals/run-evals.js';
import { SPLIT } from '../../evals/split.js';
import { mallCsv, plantedCsv, writePlanted } from '../fixtures/planted-csv.js';

const seeds = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'split-choice-'));
const show = ['heldout_accuracy', 'heldout_kappa', 'heldout_name_accuracy', 'heldout_name_kappa', 'max_spillover'];
try {
  for (const kind of (process.env.KINDS ?? 'mall,hard').split(',')) for (let s = 1; s <= seeds; s++) {
    const path = writePlanted(join(dir, `${kind}-${s}.csv`), kind === 'mall' ? mallCsv(s) : plantedCsv({ variant: 'hard', seed: 1000 * s + 6 }));
    const config = loadConfig({ workspace: join(dir, `ws-${kind}-${s}`), offline: true }, {});
    const made = await makeRun({ file: path, seed: 42, config, log: () => {} });
    for (const reuse of [true, false]) {
      SPLIT.reuseFeatureChoice = reuse;
      const report = await runEvals(made.runDir, made.run, config, () => {});
      const failed = report.metrics.filter((m) => m.status === 'fail' || m.status === 'n/a').map((m) => m.name);
      const values = show.map((name) => `${name} ${report.metrics.find((m) => m.name === name)?.value?.toFixed(3) ?? '—'}`).join(', ');
      console.log(`${kind} ${s} k=${made.run.segments.length} reuse=${reuse}: ${report.passed ? 'pass' : `FAIL ${failed.join(' ')}`} | ${values}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Not a unit test: on the planted mall file (issue 14), each segment's name and summary, the
 * claims the evals' own reader (evals/checks/claim-reader.ts) takes from each, and how the data
 * bear them out (lift in the claimed direction, share of members that bear it out), with the
 * scorecard's failing metrics.
 *   npx tsx test/evals/mall-claims-report.ts [seeds=1,2,3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { runEvals } from '../../evals/run-evals.js';
import { readClaims } from '../../evals/checks/claim-reader.js';
import { claimLift, claimShare, segmentLifts, tableVocabulary } from '../../evals/lifts.js';
import { loadEvalContext } from '../../evals/context.js';
import { mallCsv, writePlanted } from '../fixtures/planted-csv.js';

const seeds = (process.argv[2] ?? '1,2,3').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'mall-claims-'));
try {
  for (const seed of seeds) {
    const file = writePlanted(join(dir, `mall-${seed}.csv`), mallCsv(seed));
    const config = loadConfig({ workspace: join(dir, `ws-${seed}`), offline: true }, {});
    const made = await makeRun({ file, seed: 42, config, log: () => {} });
    const report = await runEvals(made.runDir, made.run, config, () => {});
    const ctx = await loadEvalContext(made.runDir, made.run, config, () => {});
    const lifts = segmentLifts(ctx.table, ctx.labels, made.run.segments.length);
    const vocab = tableVocabulary(ctx.table);
    console.log(`== seed ${seed}, k = ${made.run.segments.length}`);
    for (const s of made.run.segments) {
      console.log(`  ${s.id} [${s.size}] ${s.texts?.name}`);
      for (const [field, text] of [['name', s.texts?.name ?? ''], ['summary', s.texts?.summary ?? '']]) {
        for (const c of readClaims(text, vocab)) {
          const lift = claimLift(c, s.id - 1, lifts);
          const share = claimShare(c, s.id - 1, ctx.table, ctx.labels);
          console.log(`     ${field}: "${c.cue}" → ${c.key}  lift ${lift?.toFixed(2)}  share ${share?.toFixed(2)}`);
        }
      }
    }
    for (const m of report.metrics) if (m.status !== 'pass') console.log(`  ${m.status} ${m.name} = ${m.value}: ${m.detail ?? ''}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

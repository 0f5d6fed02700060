/**
 * `npm run bench:predict` (also the last step of `npm run bench`): the predict backtest on
 * order-line logs with seasonality, cancellations and refunds (test/fixtures/order-lines.ts),
 * BG/NBD + Gamma-Gamma beside the RFM baseline, through the same predictFile the CLI uses.
 *
 *   options: --customers 20000  --seeds 1,2,3  --holdouts 90,180  --out DIR
 *
 * Results: bench/results/predict.md and predict.json. Seconds are one run on a shared 2-core
 * machine: indicative only.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrderLines, writeOrderLines } from '../test/fixtures/order-lines.js';
import { predictFile } from '../src/predict/predict-file.js';
import type { ModelQuality } from '../src/model/predict.js';

const BENCH_DIR = resolve(fileURLToPath(import.meta.url), '..');

interface Row {
  seed: number;
  holdoutDays: number;
  customers: number;
  lines: number;
  orders: number;
  cancelled: number;
  refunds: number;
  model: ModelQuality;
  baseline: ModelQuality;
  seconds: number;
  load: number;
}

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

export async function runPredictBench(argv: string[]) {
  const customers = Number(arg(argv, 'customers', '20000'));
  const seeds = arg(argv, 'seeds', '1,2,3').split(',').map(Number);
  const holdouts = arg(argv, 'holdouts', '90,180').split(',').map(Number);
  const outDir = resolve(arg(argv, 'out', join(BENCH_DIR, 'results')));
  const work = join(tmpdir(), `segmenta-bench-predict-${process.pid}`);
  mkdirSync(work, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const rows: Row[] = [];
  try {
    for (const seed of seeds) {
      const log = generateOrderLines({ customers, seed });
      const file = join(work, `orders-${seed}.csv`);
      writeOrderLines(file, log);
      for (const holdoutDays of holdouts) {
        const t0 = performance.now();
        const p = await predictFile(file, { holdoutDays, days: 90, clvDays: 365 });
        const bt = p.backtest!;
        const { baseline, purchases_spearman, spend_spearman, churn_auc, top_decile_lift } = bt;
        rows.push({
          seed,
          holdoutDays,
          customers: bt.customers,
          lines: p.log.lines,
          orders: log.orders,
          cancelled: log.cancelled,
          refunds: log.refunds,
          model: { purchases_spearman, spend_spearman, churn_auc, top_decile_lift },
          baseline,
          seconds: Math.round((performance.now() - t0) / 10) / 100,
          load: Math.round(loadavg()[0] * 100) / 100,
        });
        process.stderr.write(`seed ${seed}, holdout ${holdoutDays}d: ρ purchases ${purchases_spearman.toFixed(3)} vs RFM ${baseline.purchases_spearman.toFixed(3)}, churn AUC ${churn_auc.toFixed(3)} vs ${baseline.churn_auc.toFixed(3)} (${rows.at(-1)!.seconds} s)\n`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const command = `npm run bench:predict${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const beats = rows.every((r) => r.model.purchases_spearman > r.baseline.purchases_spearman && r.model.churn_auc > r.baseline.churn_auc);
  const result = { command, date: new Date().toISOString(), machine: { cores: cpus().length, node: process.version }, customersPerLog: customers, beatsBaselineEverywhere: beats, rows };
  writeFileSync(join(outDir, 'predict.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(outDir, 'predict.md'), markdown(result));
  process.stderr.write(`results: ${join(outDir, 'predict.md')}\n`);
  return result;
}

const f = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));

function markdown(r: Awaited<ReturnType<typeof runPredictBench>>): string {
  const lines = [
    '# segmenta predict: backtest vs the RFM baseline',
    '',
    `\`${r.command}\` — ${r.date.slice(0, 10)} — ${r.machine.cores} cores, Node ${r.machine.node}`,
    '',
    `Order-line logs of ${r.customersPerLog.toLocaleString('en-US')} customers over 3 years (test/fixtures/order-lines.ts): 1–3 lines per order, a ×1.8 winter peak and a ×0.6 summer low, 5% of orders cancelled (lines reversed), 7% with a line refunded 3–14 days later, 25 guest lines without an id. Fitted on the events before the holdout window, scored on the window. Each cell: BG/NBD + Gamma-Gamma / RFM baseline (R + F + M percentile ranks).`,
    '',
    '| seed | holdout | customers scored | lines | orders | cancelled | refunded | purchases ρ | spend ρ | churn AUC | top-10% lift | seconds | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.rows) {
    lines.push(
      `| ${x.seed} | ${x.holdoutDays} d | ${x.customers.toLocaleString('en-US')} | ${x.lines.toLocaleString('en-US')} | ${x.orders.toLocaleString('en-US')} | ${x.cancelled.toLocaleString('en-US')} | ${x.refunds.toLocaleString('en-US')} | **${f(x.model.purchases_spearman)}** / ${f(x.baseline.purchases_spearman)} | **${f(x.model.spend_spearman)}** / ${f(x.baseline.spend_spearman)} | **${f(x.model.churn_auc)}** / ${f(x.baseline.churn_auc)} | **${x.model.top_decile_lift.toFixed(2)}** / ${x.baseline.top_decile_lift.toFixed(2)} | ${x.seconds} | ${x.load} |`,
    );
  }
  lines.push('', `Model beats the baseline on purchases ρ and churn AUC in every row: ${r.beatsBaselineEverywhere ? 'yes' : 'NO'}.`, '', 'Seconds: read + backtest fit + refit on the whole log + per-customer predictions, one run each.', '');
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPredictBench(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

import { z } from 'zod';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeBriefs } from '../brief/write-briefs.js';
import { REPORT_HTML, writeReport } from '../brief/report/build-report.js';
import { defineOperation } from './operation.js';
import { formatCount, formatPercent, textTable } from '../util/format.js';
import { parseDays } from '../predict/min-data.js';
import { predictFile } from '../predict/predict-file.js';
import { segmentTraits, writePredictions } from '../predict/run-store.js';
import { readAssignments } from '../vectors/assignments.js';
import { listRuns, readRunFile, resolveRun, writeRunFile } from '../run/store.js';
import type { Backtest, ModelQuality, PredictedTraits, PredictionRecord } from '../model/predict.js';
import type { OpContext } from './operation.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, type RenderWords } from './render-words.js';
import type { Language } from '../util/script.js';

const Duration = z.union([z.string(), z.number()]);

export const PredictInput = z.object({
  file: z.string().min(1).describe('An event or order-line log (customer id, time, optionally amount): CSV, TSV, JSONL or Parquet'),
  holdout: Duration.default('90d').describe('Backtest window at the end of the log, like 90d or 12w (0 = no backtest)'),
  days: Duration.default('90d').describe('Horizon of the expected orders and spend, like 90d'),
  clv: Duration.default('365d').describe('Lifetime-value window, like 365d'),
  idColumn: z.string().optional().describe('Name of the customer id column, when it cannot be inferred'),
  run: z.string().optional().describe('Run to store the predictions in (default: the latest Run made from this file)'),
});

export interface PredictResult {
  file: string;
  lines: number;
  orders: number;
  refunds: number;
  start: string;
  end: string;
  customers: number;
  days: number;
  clvDays: number;
  backtest?: Backtest;
  params: PredictionRecord['params'];
  spendNote?: string;
  /** Means over every customer: what the next `days` days look like. */
  outlook: { expectedOrders: number; expectedSpend: number | null; pAlive: number; churnRisk: number; buy30: number };
  stored?: { runId: string; csv: string; segments: { id: number; name: string; traits: PredictedTraits }[]; unmatched: number };
  storeNote?: string;
  warnings: string[];
  /** The language the answer is printed in (--lang, else the Run's the predictions went to). */
  lang?: Language;
}

/** The Run to store predictions in: the one named, else the latest made from the same file. */
function targetRun(ctx: OpContext, file: string, ref?: string): { dir: string } | undefined {
  if (ref) return resolveRun(ctx.config.workspace, ref);
  const want = resolve(file);
  const match = listRuns(ctx.config.workspace).find((r) => r.file && resolve(r.file) === want);
  return match ? { dir: match.dir } : undefined;
}

export const predictOp = defineOperation({
  name: 'predict',
  description:
    OP_DESCRIPTIONS.predict,
  input: PredictInput,
  async run(input, ctx): Promise<PredictResult> {
    const holdoutDays = input.holdout === 0 || input.holdout === '0' ? 0 : parseDays('--holdout', input.holdout);
    const days = parseDays('--days', input.days);
    const clvDays = parseDays('--clv', input.clv);
    // Resolve a named Run first: a typo fails before the (slower) fit.
    const target = targetRun(ctx, input.file, input.run ?? ctx.session?.runId);
    const warnings: string[] = [];
    const p = await predictFile(input.file, {
      idColumn: input.idColumn,
      holdoutDays,
      days,
      clvDays,
      log: (line) => {
        if (line.startsWith('warning: ')) warnings.push(line.slice(9));
        ctx.log(line);
      },
    });
    const n = p.customers.length;
    const sum = (f: (c: (typeof p.customers)[number]) => number) => p.customers.reduce((s, c) => s + f(c), 0);
    const spendKnown = !!p.models.gammaGamma;
    const result: PredictResult = {
      file: input.file,
      lines: p.log.lines,
      orders: p.log.orders,
      refunds: p.log.refunds,
      start: p.log.start,
      end: p.log.end,
      customers: n,
      days,
      clvDays,
      backtest: p.backtest,
      params: { bgnbd: p.models.bgnbd, gammaGamma: p.models.gammaGamma },
      spendNote: p.models.spendNote,
      outlook: {
        expectedOrders: sum((c) => c.expectedPurchases),
        expectedSpend: spendKnown ? sum((c) => c.expectedSpend) : null,
        pAlive: sum((c) => c.pAlive) / n,
        churnRisk: sum((c) => (c.pAlive < 0.5 ? 1 : 0)) / n,
        buy30: sum((c) => c.pBuy30) / n,
      },
      warnings,
    };
    if (!target) {
      result.lang = ctx.config.lang ?? 'en';
      result.storeNote = RENDER_WORDS[result.lang].predict.noRun(input.file);
      return result;
    }
    const run = readRunFile(target.dir);
    result.lang = ctx.config.lang ?? run.config.lang ?? 'en';
    const csv = writePredictions(target.dir, p.log.idColumn, p.customers, days, clvDays);
    const traits = segmentTraits(p.customers, readAssignments(target.dir), clvDays);
    const record: PredictionRecord = {
      file: input.file,
      createdAt: new Date().toISOString(),
      asOf: p.log.end,
      days,
      clvDays,
      customers: n,
      params: result.params,
      spendNote: p.models.spendNote,
      backtest: p.backtest,
      segments: traits.segments,
      unmatched: traits.unmatched,
    };
    run.predictions = record;
    // The traits join each segment's profile: briefs, the report and the writers read them there.
    for (const s of run.segments) {
      if (traits.segments[s.id]) s.profile.predicted = traits.segments[s.id];
      else delete s.profile.predicted;
    }
    writeRunFile(target.dir, run);
    writeBriefs(target.dir, run);
    if (existsSync(join(target.dir, REPORT_HTML))) writeReport(target.dir, run);
    result.stored = {
      runId: run.id,
      csv,
      unmatched: traits.unmatched,
      segments: run.segments.filter((s) => traits.segments[s.id]).map((s) => ({ id: s.id, name: s.texts?.name ?? RENDER_WORDS[result.lang ?? 'en'].segment(s.id), traits: traits.segments[s.id] })),
    };
    return result;
  },
  render: renderPredict,
  summarize(r) {
    const bt = r.backtest;
    const q = bt ? ` Backtest on the last ${bt.holdoutDays} days: purchases Spearman ${f2(bt.purchases_spearman)} (RFM ${f2(bt.baseline.purchases_spearman)}), churn AUC ${f2(bt.churn_auc)} (RFM ${f2(bt.baseline.churn_auc)}).` : '';
    const segs = r.stored ? ` Stored in Run ${r.stored.runId}; ${r.stored.segments.map((s) => `segment ${s.id} churn risk ${pct(s.traits.churnRisk)}, buys within 30 days ${pct(s.traits.buy30)}`).join('; ')}.` : ` ${r.storeNote ?? ''}`;
    return `Predictions for ${r.customers} customers over the next ${r.days} days: ${f1(r.outlook.expectedOrders)} orders expected, ${pct(r.outlook.churnRisk)} at risk of churning.${q}${segs}`;
  },
});

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const f2 = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const pct = (v: number) => `${Math.round(v * 100)}%`;

function qualityRows(m: ModelQuality, b: ModelQuality, w: RenderWords['predict']['quality']): (string | number)[][] {
  return [
    [w.purchases, f2(m.purchases_spearman), f2(b.purchases_spearman)],
    [w.spend, f2(m.spend_spearman), f2(b.spend_spearman)],
    [w.churn, f2(m.churn_auc), f2(b.churn_auc)],
    [w.lift, `${f1(m.top_decile_lift)}×`, `${f1(b.top_decile_lift)}×`],
  ];
}

export function renderPredict(r: PredictResult): string {
  const lang = r.lang ?? 'en';
  const w = RENDER_WORDS[lang].predict;
  const count = (n: number) => formatCount(n, lang);
  // Rounded as the summary's pct() rounds (half-up on v × 100), then formatted for the language.
  const share = (v: number) => formatPercent(Math.round(v * 100) / 100, lang);
  // Whole units, grouped as the language groups them (formatCount rounds, as the en-US form did).
  const money = (v: number | null) => (v !== null && Number.isFinite(v) ? count(v) : 'n/a');
  const lines = [w.head(r.file, count(r.lines), count(r.orders), r.refunds ? count(r.refunds) : undefined, count(r.customers), r.start.slice(0, 10), r.end.slice(0, 10))];
  const bt = r.backtest;
  if (bt) {
    lines.push(
      '',
      w.backtest(bt.cutoff, count(bt.customers), count(bt.repeatCustomers), bt.holdoutDays),
      textTable(w.qualityHeader, qualityRows(bt, bt.baseline, w.quality)),
      '',
      w.calibration,
      textTable(w.calibrationHeader, bt.calibration.map((d) => [d.decile, count(d.customers), d.predicted.toFixed(2), d.actual.toFixed(2)])),
    );
  }
  const o = r.outlook;
  lines.push('', w.next(r.days, f1(o.expectedOrders), o.expectedSpend !== null ? money(o.expectedSpend) : undefined, share(o.pAlive), share(o.churnRisk), share(o.buy30)));
  if (r.spendNote) lines.push(w.spendNote(r.spendNote));
  if (r.stored) {
    lines.push('', w.stored(r.stored.runId, r.stored.csv));
    lines.push(textTable(w.storedHeader(r.clvDays), r.stored.segments.map((s) => [`${s.id} ${s.name}`, money(s.traits.clv), share(s.traits.churnRisk), share(s.traits.buy30)])));
    if (r.stored.unmatched) lines.push(w.unmatched(count(r.stored.unmatched)));
  } else if (r.storeNote) lines.push('', w.note(r.storeNote));
  if (r.warnings.length && w.warnings) lines.push(w.warnings(r.warnings.length));
  for (const x of r.warnings) lines.push(w.warning(x));
  return lines.join('\n');
}

/** The --json contract: the backtest figures first, with the baseline beside them. */
export function predictJson(r: PredictResult): unknown {
  const { backtest, lang: _lang, ...rest } = r;
  return { backtest: backtest ?? null, ...rest };
}

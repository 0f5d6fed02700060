import type { RunFile } from '../../model/run.js';
import { calibrationChart } from './calibration-chart.js';
import { esc, formatInt, formatPct } from './html.js';

/**
 * The report's "Predictions" panel, when `segmenta predict` has run on the Run's log: the
 * backtest figures beside the RFM baseline, the calibration plot, and each segment's predicted
 * value and churn risk. Aggregates only, like the rest of the report.
 */
export function predictionsPanel(run: RunFile): string {
  const pr = run.predictions;
  if (!pr) return '';
  const f = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : 'n/a');
  const money = (v: number | null) => (v !== null && Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
  const parts = [`<section class="panel" id="predictions"><h2>Predictions</h2>`];
  const bt = pr.backtest;
  if (bt) {
    const row = (label: string, m: number | null, b: number | null) => `<tr><td>${label}</td><td class="num">${f(m)}</td><td class="num">${f(b)}</td></tr>`;
    parts.push(
      `<p class="muted">BG/NBD + Gamma-Gamma fitted on the events up to ${esc(bt.cutoff)} (${formatInt(bt.customers)} customers), scored on the last ${bt.holdoutDays} days, beside the RFM score.</p>`,
      `<table class="backtest"><thead><tr><th></th><th>model</th><th>RFM baseline</th></tr></thead><tbody>`,
      row('purchases, Spearman ρ', bt.purchases_spearman, bt.baseline.purchases_spearman),
      row('spend, Spearman ρ', bt.spend_spearman, bt.baseline.spend_spearman),
      row('churn AUC', bt.churn_auc, bt.baseline.churn_auc),
      row('top-10% lift', bt.top_decile_lift, bt.baseline.top_decile_lift),
      `</tbody></table>`,
      `<h3>Calibration by decile</h3>${calibrationChart(bt)}`,
    );
  }
  const rows = run.segments
    .filter((s) => s.profile.predicted)
    .map((s) => {
      const p = s.profile.predicted!;
      return `<tr><td>${s.id}. ${esc(s.texts?.name ?? 'Not described')}</td><td class="num">${money(p.clv)}</td><td class="num">${formatPct(p.churnRisk)}</td><td class="num">${formatPct(p.buy30)}</td></tr>`;
    });
  if (rows.length) {
    parts.push(
      `<h3>By segment</h3><table class="predicted"><thead><tr><th>segment</th><th>value per customer (${pr.clvDays} d)</th><th>at risk of churning</th><th>likely to buy within 30 d</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
}

import type { RunFile } from '../../model/run.js';
import { calibrationChart } from './calibration-chart.js';
import { esc, formatInt, formatPct } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';
import { formatCount } from '../../util/format.js';

/**
 * The report's "Predictions" panel, when `segmenta predict` has run on the Run's log: the
 * backtest figures beside the RFM baseline, the calibration plot, and each segment's predicted
 * value and churn risk. Aggregates only, like the rest of the report.
 */
export function predictionsPanel(run: RunFile, w: ReportWords = REPORT_WORDS.en, lang = 'en'): string {
  const t = w.predictions;
  const pr = run.predictions;
  if (!pr) return '';
  const f = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : 'n/a');
  const money = (v: number | null) => (v !== null && Number.isFinite(v) ? formatCount(v, lang) : 'n/a');
  const parts = [`<section class="panel" id="predictions"><h2>${esc(t.title)}</h2>`];
  const bt = pr.backtest;
  if (bt) {
    const row = (label: string, m: number | null, b: number | null) => `<tr><td>${label}</td><td class="num">${f(m)}</td><td class="num">${f(b)}</td></tr>`;
    parts.push(
      `<p class="muted">${esc(t.fitted(bt.cutoff, formatInt(bt.customers, lang), bt.holdoutDays))}</p>`,
      `<table class="backtest"><thead><tr><th></th><th>${esc(t.model)}</th><th>${esc(t.baseline)}</th></tr></thead><tbody>`,
      row(esc(t.purchases), bt.purchases_spearman, bt.baseline.purchases_spearman),
      row(esc(t.spend), bt.spend_spearman, bt.baseline.spend_spearman),
      row(esc(t.churn), bt.churn_auc, bt.baseline.churn_auc),
      row(esc(t.lift), bt.top_decile_lift, bt.baseline.top_decile_lift),
      `</tbody></table>`,
      `<h3>${esc(t.calibration)}</h3>${calibrationChart(bt, w, lang)}`,
    );
  }
  const rows = run.segments
    .filter((s) => s.profile.predicted)
    .map((s) => {
      const p = s.profile.predicted!;
      return `<tr><td>${s.id}. ${esc(s.texts?.name ?? w.notDescribed)}</td><td class="num">${money(p.clv)}</td><td class="num">${formatPct(p.churnRisk, lang)}</td><td class="num">${formatPct(p.buy30, lang)}</td></tr>`;
    });
  if (rows.length) {
    parts.push(
      `<h3>${esc(t.bySegment)}</h3><table class="predicted"><thead><tr>${t.header(pr.clvDays).map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
}

import type { Backtest } from '../../model/predict.js';
import { esc, formatInt, r2 } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

/**
 * The predict backtest's calibration plot: for each tenth of customers by predicted orders
 * (1 = predicted to buy most), the mean predicted and the mean actual orders in the holdout
 * window, side by side. Bars that match mean a calibrated model; the gap shows where it is off.
 */
export function calibrationChart(bt: Backtest, w: ReportWords = REPORT_WORDS.en, lang = 'en'): string {
  const p = w.predictions;
  const left = 50;
  const plotW = 600;
  const plotH = 220;
  const top = 12;
  const width = left + plotW + 20;
  const height = top + plotH + 46;
  const max = Math.max(1e-9, ...bt.calibration.flatMap((d) => [d.predicted, d.actual]));
  const slot = plotW / bt.calibration.length;
  const barW = slot * 0.36;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const bars = bt.calibration.map((d, i) => {
    const x = left + i * slot + slot * 0.12;
    const tip = p.tip(d.decile, formatInt(d.customers, lang), d.predicted.toFixed(2), d.actual.toFixed(2));
    return [
      `<g class="decile"><title>${esc(tip)}</title>`,
      `<rect x="${r2(x)}" y="${r2(y(d.predicted))}" width="${r2(barW)}" height="${r2(top + plotH - y(d.predicted))}" fill="#7a9cc6"/>`,
      `<rect x="${r2(x + barW)}" y="${r2(y(d.actual))}" width="${r2(barW)}" height="${r2(top + plotH - y(d.actual))}" fill="#e08a4b"/>`,
      `<text x="${r2(x + barW)}" y="${top + plotH + 16}" text-anchor="middle">${d.decile}</text></g>`,
    ].join('');
  });
  const axis = [0, 0.5, 1].map((f) => `<text x="${left - 6}" y="${r2(y(f * max) + 4)}" text-anchor="end" class="num">${(f * max).toFixed(2)}</text>`);
  const legend =
    `<rect x="${left}" y="${height - 16}" width="10" height="10" fill="#7a9cc6"/><text x="${left + 14}" y="${height - 7}">${esc(p.predicted)}</text>` +
    `<rect x="${left + 90}" y="${height - 16}" width="10" height="10" fill="#e08a4b"/><text x="${left + 104}" y="${height - 7}">${esc(p.actual)}</text>` +
    `<text x="${left + plotW}" y="${height - 7}" text-anchor="end">${esc(p.axis)}</text>`;
  return `<svg id="chart-calibration" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(p.aria)}">${axis.join('')}${bars.join('')}${legend}</svg>`;
}

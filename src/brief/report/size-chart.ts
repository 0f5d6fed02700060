import { esc, formatInt, formatPct, r2, segmentColour } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

export interface SizeBar {
  segment: number;
  name: string;
  size: number;
  share: number;
  small: boolean;
}

/** Horizontal bars, one per segment, largest first; segments under the minimum size in grey. */
export function sizeChart(bars: SizeBar[], w: ReportWords = REPORT_WORDS.en, lang = 'en'): string {
  const rowH = 28;
  // Wide enough for a full name (≤ 40 characters) with its number: names are not cut.
  const labelW = 330;
  const barW = 420;
  const width = labelW + barW + 130;
  const height = bars.length * rowH + 10;
  const max = Math.max(1, ...bars.map((b) => b.size));
  const rows = bars.map((b, i) => {
    const y = 5 + i * rowH;
    const len = Math.max(2, (b.size / max) * barW);
    const fill = b.small ? '#c8c8c8' : segmentColour(b.segment);
    const label = `${b.segment}. ${b.name}`;
    return [
      `<g class="bar" data-segment="${b.segment}">`,
      `<title>${esc(w.chart.sizeTip(label, formatInt(b.size, lang), formatPct(b.share, lang), b.small))}</title>`,
      `<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${esc(label)}</text>`,
      `<rect x="${labelW}" y="${y + 4}" width="${r2(len)}" height="${rowH - 8}" rx="3" fill="${fill}"/>`,
      `<text x="${r2(labelW + len + 6)}" y="${y + rowH / 2 + 4}" class="num">${formatInt(b.size, lang)} · ${formatPct(b.share, lang)}${b.small ? esc(w.chart.underMin) : ''}</text>`,
      `</g>`,
    ].join('');
  });
  return `<svg id="chart-sizes" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(w.chart.sizesAria)}">${rows.join('')}</svg>`;
}

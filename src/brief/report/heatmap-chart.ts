import { esc, r2 } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

export interface HeatRow {
  /** "total_spend" or "favourite_category = Books". */
  label: string;
  /** Lift per segment (segment mean ÷ everyone's), null where the profile has no figure. */
  lifts: (number | null)[];
  /** Text shown in each cell's tooltip. */
  notes: string[];
}

/**
 * Features × segments, each cell coloured by log2(lift): orange above everyone, blue below,
 * white at 1×, capped at 4× either way. Blank cells: the profile lists no figure there (a
 * category level only appears where it stands out).
 */
export function heatmapChart(rows: HeatRow[], segments: { id: number; name: string }[], w: ReportWords = REPORT_WORDS.en): string {
  const labelW = 260;
  const cellW = Math.max(46, Math.min(90, Math.floor(640 / Math.max(1, segments.length))));
  const cellH = 24;
  const headH = 40;
  const width = labelW + segments.length * cellW + 10;
  const height = headH + rows.length * cellH + 40;
  const head = segments
    .map((s, j) => {
      const x = labelW + j * cellW + cellW / 2;
      return `<g><title>${esc(`${s.id}. ${s.name}`)}</title><text x="${r2(x)}" y="${headH - 22}" text-anchor="middle" class="head">${s.id}</text><text x="${r2(x)}" y="${headH - 8}" text-anchor="middle" class="sub">${esc(short(s.name, Math.floor(cellW / 6.5)))}</text></g>`;
    })
    .join('');
  const body = rows
    .map((row, i) => {
      const y = headH + i * cellH;
      const cells = row.lifts
        .map((lift, j) => {
          const x = labelW + j * cellW;
          const fill = lift === null ? '#f1f1f1' : liftColour(lift);
          const text = lift === null ? '' : `${lift >= 10 ? lift.toFixed(0) : lift.toFixed(1)}×`;
          return (
            `<g class="cell"><title>${esc(row.notes[j] ?? '')}</title><rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}"/>` +
            `<text x="${r2(x + cellW / 2)}" y="${y + cellH / 2 + 4}" text-anchor="middle" class="cell-text"${lift !== null && Math.abs(Math.log2(Math.max(lift, 1e-6))) > 1.4 ? ' style="fill:#fff"' : ''}>${text}</text></g>`
          );
        })
        .join('');
      return `<text x="${labelW - 8}" y="${y + cellH / 2 + 4}" text-anchor="end">${esc(short(row.label, 40))}</text>${cells}`;
    })
    .join('');
  const legendY = headH + rows.length * cellH + 14;
  const legend = [0.25, 0.5, 1, 2, 4]
    .map((l, i) => `<rect x="${labelW + i * 56}" y="${legendY}" width="52" height="14" fill="${liftColour(l)}"/><text x="${labelW + i * 56 + 26}" y="${legendY + 26}" text-anchor="middle" class="sub">${l}×</text>`)
    .join('');
  return (
    `<svg id="chart-heatmap" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(w.chart.heatAria)}">` +
    `${head}${body}<text x="${labelW - 8}" y="${legendY + 11}" text-anchor="end" class="sub">${esc(w.chart.heatLegend)}</text>${legend}</svg>`
  );
}

function short(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
}

/** Diverging blue–white–orange on log2(lift), clamped at ±2 (¼× … 4×). */
export function liftColour(lift: number): string {
  const t = Math.max(-1, Math.min(1, Math.log2(Math.max(lift, 1e-6)) / 2));
  const [r, g, b] = t >= 0 ? mix([255, 255, 255], [217, 95, 2], t) : mix([255, 255, 255], [33, 102, 172], -t);
  return `rgb(${r},${g},${b})`;
}

function mix(a: number[], b: number[], t: number): number[] {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

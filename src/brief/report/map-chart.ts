import { esc, r2, segmentColour } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

export interface MapPoint {
  x: number;
  y: number;
  segment: number;
}

export interface MapData {
  points: MapPoint[];
  /** Segment centres in the same projection, labelled on the map. */
  centres: MapPoint[];
  /** Share of variance on each axis, for the axis labels. */
  explained: [number, number];
  /** How many customers the points were sampled from. */
  total: number;
}

/**
 * The customers on the first two principal components, one dot per sampled customer coloured
 * by segment, the segment centres as numbered discs. SVG, so it needs no script to draw.
 */
export function mapChart(map: MapData, w: ReportWords = REPORT_WORDS.en): string {
  const size = 560;
  const pad = 28;
  const all = [...map.points, ...map.centres];
  // Scale on the 1st–99th percentiles so a few outliers do not squash everyone into a corner.
  const xs = all.map((p) => p.x).sort((a, b) => a - b);
  const ys = all.map((p) => p.y).sort((a, b) => a - b);
  const q = (v: number[], f: number) => (v.length ? v[Math.min(v.length - 1, Math.max(0, Math.round(f * (v.length - 1))))] : 0);
  const [x0, x1, y0, y1] = [q(xs, 0.005), q(xs, 0.995), q(ys, 0.005), q(ys, 0.995)];
  const span = Math.max(x1 - x0, y1 - y0, 1e-9);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const inner = size - 2 * pad;
  const sx = (x: number) => Math.min(size - 2, Math.max(2, size / 2 + ((x - cx) / span) * inner));
  const sy = (y: number) => Math.min(size - 2, Math.max(2, size / 2 - ((y - cy) / span) * inner));
  const dots = map.points.map((p) => `<circle cx="${r2(sx(p.x))}" cy="${r2(sy(p.y))}" r="2.2" fill="${segmentColour(p.segment)}"/>`).join('');
  const centres = map.centres
    .map(
      (c) =>
        `<g class="centre"><circle cx="${r2(sx(c.x))}" cy="${r2(sy(c.y))}" r="11" fill="${segmentColour(c.segment)}" stroke="#fff" stroke-width="2"/>` +
        `<text x="${r2(sx(c.x))}" y="${r2(sy(c.y) + 4)}" text-anchor="middle" class="centre-label">${c.segment}</text></g>`,
    )
    .join('');
  // Axis labels sit outside the plot square (left and below) so that no dot hides them.
  const m = 22;
  const axes =
    `<text x="${m + size / 2}" y="${size + 16}" text-anchor="middle" class="axis-label">${esc(w.chart.axis1((map.explained[0] * 100).toFixed(0)))}</text>` +
    `<text x="14" y="${size / 2}" text-anchor="middle" class="axis-label" transform="rotate(-90 14 ${size / 2})">${esc(w.chart.axis2((map.explained[1] * 100).toFixed(0)))}</text>`;
  return (
    `<svg id="chart-map" class="chart" viewBox="0 0 ${size + m} ${size + m}" width="${size + m}" height="${size + m}" role="img" aria-label="${esc(w.chart.mapAria)}">` +
    `${axes}<g transform="translate(${m} 0)"><rect x="0" y="0" width="${size}" height="${size}" fill="#fafafa"/><g class="dots" opacity="0.55">${dots}</g>${centres}</g></svg>`
  );
}

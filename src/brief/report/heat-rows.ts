import type { RunSegment } from '../../model/run.js';
import type { HeatRow } from './heatmap-chart.js';
import type { FeatureLabels } from '../../model/texts.js';
import { capitalLabel } from '../../write/labels.js';

const MAX_NUMERIC_ROWS = 14;
const MAX_CATEGORY_ROWS = 10;

/**
 * The heatmap's rows from the segment profiles (aggregates only, nothing by customer): the
 * numeric features, most distinctive first (largest |z| in any segment), then the category
 * levels that stand out somewhere (highest lift first).
 */
export function heatRows(segments: RunSegment[], labels?: FeatureLabels): HeatRow[] {
  const numeric = new Map<string, HeatRow & { score: number }>();
  segments.forEach((s, j) => {
    for (const f of s.profile.numeric) {
      const name = capitalLabel(labels, f.feature);
      const label = f.kind === 'boolean' ? `${name} (share yes)` : name;
      let row = numeric.get(label);
      if (!row) numeric.set(label, (row = { label, lifts: segments.map(() => null), notes: segments.map(() => ''), score: 0 }));
      row.lifts[j] = Number.isFinite(f.lift) ? f.lift : null;
      const v = (x: number) => (f.kind === 'boolean' ? `${(x * 100).toFixed(0)}%` : fmt(x));
      row.notes[j] = `Segment ${s.id}, ${label}: ${v(f.mean)} vs ${v(f.overallMean)} for everyone (${f.lift.toFixed(2)}×)`;
      row.score = Math.max(row.score, Math.abs(f.z));
    }
  });
  const categories = new Map<string, HeatRow & { score: number }>();
  segments.forEach((s, j) => {
    for (const c of s.profile.categories) {
      const label = `${capitalLabel(labels, c.column)}: ${c.level}`;
      let row = categories.get(label);
      if (!row) categories.set(label, (row = { label, lifts: segments.map(() => null), notes: segments.map((x) => `Segment ${x.id}: ${label} does not stand out`), score: 0 }));
      row.lifts[j] = c.lift;
      row.notes[j] = `Segment ${s.id}, ${label}: ${(c.share * 100).toFixed(0)}% vs ${(c.overallShare * 100).toFixed(0)}% of everyone (${c.lift.toFixed(2)}×)`;
      row.score = Math.max(row.score, c.lift);
    }
  });
  const top = (m: Map<string, HeatRow & { score: number }>, n: number, min = -Infinity) =>
    [...m.values()]
      .filter((r) => r.score >= min)
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
      .slice(0, n)
      .map(({ score: _score, ...row }) => row);
  return [...top(numeric, MAX_NUMERIC_ROWS), ...top(categories, MAX_CATEGORY_ROWS, 1.1)];
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
}

import type { RunSegment } from '../../model/run.js';
import type { HeatRow } from './heatmap-chart.js';
import type { FeatureLabels } from '../../model/texts.js';
import { labelIn } from '../../write/labels-zh.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';
import type { Language } from '../../util/script.js';

const MAX_NUMERIC_ROWS = 14;
const MAX_CATEGORY_ROWS = 10;

/**
 * The heatmap's rows from the segment profiles (aggregates only, nothing by customer): the
 * numeric features, most distinctive first (largest |z| in any segment), then the category
 * levels that stand out somewhere (highest lift first).
 */
export function heatRows(segments: RunSegment[], labels?: FeatureLabels, w: ReportWords = REPORT_WORDS.en, lang: Language = 'en'): HeatRow[] {
  const c = w.chart;
  const numeric = new Map<string, HeatRow & { score: number }>();
  segments.forEach((s, j) => {
    for (const f of s.profile.numeric) {
      const name = labelIn(labels, f.feature, lang, true);
      const label = f.kind === 'boolean' ? c.shareYes(name) : name;
      let row = numeric.get(label);
      if (!row) numeric.set(label, (row = { label, lifts: segments.map(() => null), notes: segments.map(() => ''), score: 0 }));
      row.lifts[j] = Number.isFinite(f.lift) ? f.lift : null;
      const v = (x: number) => (f.kind === 'boolean' ? `${(x * 100).toFixed(0)}%` : fmt(x));
      row.notes[j] = c.note(s.id, label, v(f.mean), v(f.overallMean), f.lift.toFixed(2));
      row.score = Math.max(row.score, Math.abs(f.z));
    }
  });
  const categories = new Map<string, HeatRow & { score: number }>();
  segments.forEach((s, j) => {
    for (const x of s.profile.categories) {
      const label = c.level(labelIn(labels, x.column, lang, true), x.level);
      let row = categories.get(label);
      if (!row) categories.set(label, (row = { label, lifts: segments.map(() => null), notes: segments.map((o) => c.notOut(o.id, label)), score: 0 }));
      row.lifts[j] = x.lift;
      row.notes[j] = c.note(s.id, label, `${(x.share * 100).toFixed(0)}%`, `${(x.overallShare * 100).toFixed(0)}%`, x.lift.toFixed(2));
      row.score = Math.max(row.score, x.lift);
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

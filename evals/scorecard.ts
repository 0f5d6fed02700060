import { textTable } from '../src/util/format.js';
import type { EvalReport, Metric } from './types.js';
import { EVAL_WORDS, type EvalWords } from './eval-words.js';

/** The scorecard people read: every metric with its value, threshold and verdict, then why for each failure. */
export function renderScorecard(report: EvalReport & { savedTo?: string }): string {
  const failed = report.metrics.filter((m) => m.status === 'fail' || m.status === 'n/a');
  const notRun = report.metrics.filter((m) => m.status === 'not run');
  const ran = report.metrics.length - notRun.length - report.metrics.filter((m) => m.status === 'n/a').length;
  const w = EVAL_WORDS[report.lang ?? 'en'];
  const head = w.head(report.runId, report.passed, failed.length, report.metrics.length - notRun.length, ran, report.metrics.length, w.judge(report.judge), report.seconds);
  const table = textTable(
    w.header,
    report.metrics.map((m) => [m.name, formatValue(m.value), `${m.direction === 'min' ? '≥' : '≤'} ${formatValue(m.threshold)}`, verdict(m, w), m.detail ?? '']),
  );
  const lines = [head, '', table];
  const why = (m: Metric) => w.why[m.name] ?? m.why;
  if (failed.length > 0) lines.push('', w.failed, ...failed.map((m) => `  ${m.name}: ${m.status === 'n/a' ? w.couldNotRun(m.detail ?? '—') : ''}${why(m)}`));
  if (notRun.length > 0) lines.push('', w.notRun(notRun.map((m) => m.name).join(', '), notRun[0].detail ?? '—'));
  if (report.notes.length > 0) lines.push('', ...report.notes.map((n) => w.note(n)));
  if (report.savedTo) lines.push('', w.saved(report.savedTo));
  return lines.join('\n');
}

/** The --json contract: { passed, metrics: [{ name, value, threshold, passed, status }] } (status: pass, fail, n/a, not run). */
export function scorecardJson(report: EvalReport): { passed: boolean; metrics: { name: string; value: number | null; threshold: number; passed: boolean; status: string }[] } {
  return { passed: report.passed, metrics: report.metrics.map(({ name, value, threshold, passed, status }) => ({ name, value, threshold, passed, status })) };
}

function verdict(m: Metric, w: EvalWords): string {
  return w.verdict[m.status];
}

function formatValue(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

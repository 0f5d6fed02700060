import { textTable } from '../src/util/format.js';
import type { EvalReport, Metric } from './types.js';

/** The scorecard people read: every metric with its value, threshold and verdict, then why for each failure. */
export function renderScorecard(report: EvalReport & { savedTo?: string }): string {
  const failed = report.metrics.filter((m) => !m.passed);
  const head = `Evals of Run ${report.runId}: ${report.passed ? 'PASSED' : `FAILED (${failed.length} of ${report.metrics.length} metrics under threshold)`} — judge: ${report.judge}, ${report.seconds} s`;
  const table = textTable(
    ['metric', 'value', 'threshold', 'result', 'detail'],
    report.metrics.map((m) => [m.name, formatValue(m.value), `${m.direction === 'min' ? '≥' : '≤'} ${formatValue(m.threshold)}`, verdict(m), m.detail ?? '']),
  );
  const lines = [head, '', table];
  if (failed.length > 0) lines.push('', 'Failed:', ...failed.map((m) => `  ${m.name}: ${m.why}`));
  if (report.notes.length > 0) lines.push('', ...report.notes.map((n) => `Note: ${n}`));
  if (report.savedTo) lines.push('', `Saved to ${report.savedTo}`);
  return lines.join('\n');
}

/** The --json contract: { passed, metrics: [{ name, value, threshold, passed }] }. */
export function scorecardJson(report: EvalReport): { passed: boolean; metrics: { name: string; value: number | null; threshold: number; passed: boolean }[] } {
  return { passed: report.passed, metrics: report.metrics.map(({ name, value, threshold, passed }) => ({ name, value, threshold, passed })) };
}

function verdict(m: Metric): string {
  return m.value === null ? 'n/a' : m.passed ? 'pass' : 'FAIL';
}

function formatValue(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

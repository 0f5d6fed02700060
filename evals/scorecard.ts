import { textTable } from '../src/util/format.js';
import type { EvalReport, Metric } from './types.js';

/** The scorecard people read: every metric with its value, threshold and verdict, then why for each failure. */
export function renderScorecard(report: EvalReport & { savedTo?: string }): string {
  const failed = report.metrics.filter((m) => m.status === 'fail' || m.status === 'n/a');
  const notRun = report.metrics.filter((m) => m.status === 'not run');
  const ran = report.metrics.length - notRun.length - report.metrics.filter((m) => m.status === 'n/a').length;
  const head = `Evals of Run ${report.runId}: ${report.passed ? 'PASSED' : `FAILED (${failed.length} of ${report.metrics.length - notRun.length} metrics failed or could not run)`} — ${ran} of ${report.metrics.length} metrics ran; judge: ${report.judge}, ${report.seconds} s`;
  const table = textTable(
    ['metric', 'value', 'threshold', 'result', 'detail'],
    report.metrics.map((m) => [m.name, formatValue(m.value), `${m.direction === 'min' ? '≥' : '≤'} ${formatValue(m.threshold)}`, verdict(m), m.detail ?? '']),
  );
  const lines = [head, '', table];
  if (failed.length > 0) lines.push('', 'Failed:', ...failed.map((m) => `  ${m.name}: ${m.status === 'n/a' ? `could not run (${m.detail ?? 'no value'}), and a metric that cannot run does not pass; ` : ''}${m.why}`));
  if (notRun.length > 0) lines.push('', `Not run: ${notRun.map((m) => m.name).join(', ')} (${notRun[0].detail ?? 'not configured'}).`);
  if (report.notes.length > 0) lines.push('', ...report.notes.map((n) => `Note: ${n}`));
  if (report.savedTo) lines.push('', `Saved to ${report.savedTo}`);
  return lines.join('\n');
}

/** The --json contract: { passed, metrics: [{ name, value, threshold, passed, status }] } (status: pass, fail, n/a, not run). */
export function scorecardJson(report: EvalReport): { passed: boolean; metrics: { name: string; value: number | null; threshold: number; passed: boolean; status: string }[] } {
  return { passed: report.passed, metrics: report.metrics.map(({ name, value, threshold, passed, status }) => ({ name, value, threshold, passed, status })) };
}

function verdict(m: Metric): string {
  return m.status === 'fail' ? 'FAIL' : m.status;
}

function formatValue(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

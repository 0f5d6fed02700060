import { readFileSync } from 'node:fs';
import { UsageError } from '../src/errors.js';
import { packagePath } from '../src/util/package-path.js';
import type { Direction, Measurement, Metric, MetricStatus } from './types.js';

/**
 * The thresholds of evals/thresholds.json, and the `--threshold name=value` overrides. The file
 * is the single source of truth: a metric a suite reports but the file does not name is a bug
 * (caught by the tests), and an override naming an unknown metric is the user's typo (exit 1).
 */
export interface Threshold {
  value: number;
  direction: Direction;
  why: string;
}

export const THRESHOLDS_FILE = packagePath('evals', 'thresholds.json');

export function loadThresholds(path: URL | string = THRESHOLDS_FILE): Record<string, Threshold> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { min?: number; max?: number; why: string }>;
  const out: Record<string, Threshold> = {};
  for (const [name, t] of Object.entries(raw)) {
    const direction: Direction = t.min !== undefined ? 'min' : 'max';
    const value = t.min ?? t.max;
    if (typeof value !== 'number') throw new Error(`${String(path)}: ${name} needs a numeric "min" or "max"`);
    out[name] = { value, direction, why: t.why };
  }
  return out;
}

/** "heldout_accuracy=0.85" → ["heldout_accuracy", 0.85]; anything else is a one-line usage error. */
export function parseThresholdFlag(flag: string, known: Record<string, Threshold>): [string, number] {
  const m = /^\s*([a-z0-9_]+)\s*=\s*(\S+)\s*$/i.exec(flag);
  const value = m ? Number(m[2]) : NaN;
  if (!m || !Number.isFinite(value)) throw new UsageError(`--threshold takes name=value (e.g. heldout_accuracy=0.85), got "${flag}"`);
  if (!known[m[1]]) throw new UsageError(`--threshold: no metric "${m[1]}". Metrics: ${Object.keys(known).join(', ')}`);
  return [m[1], value];
}

export function withOverrides(base: Record<string, Threshold>, overrides: Record<string, number> = {}): Record<string, Threshold> {
  const out = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (!out[name]) throw new UsageError(`threshold override: no metric "${name}". Metrics: ${Object.keys(base).join(', ')}`);
    out[name] = { ...out[name], value };
  }
  return out;
}

/**
 * Compare one measurement with its threshold. A metric that could not run (null) does not
 * pass — a scorecard that passes because nothing was measured says nothing (issue 14); one
 * left out by configuration (notRun) is kept out of the verdict and listed as not run.
 */
export function judgeMeasurement(m: Measurement, suite: string, thresholds: Record<string, Threshold>): Metric {
  const t = thresholds[m.name];
  if (!t) throw new Error(`eval metric "${m.name}" has no threshold in evals/thresholds.json`);
  const passed = m.value !== null && Number.isFinite(m.value) && (t.direction === 'min' ? m.value >= t.value : m.value <= t.value);
  const status: MetricStatus = m.value === null ? (m.notRun ? 'not run' : 'n/a') : passed ? 'pass' : 'fail';
  return { ...m, ...(m.notRun && !m.detail ? { detail: m.notRun } : {}), suite, threshold: t.value, direction: t.direction, passed, status, why: t.why };
}

/** The verdict: every metric that ran (or should have) passed, and at least one ran. */
export function verdict(metrics: Metric[]): boolean {
  const counted = metrics.filter((m) => m.status !== 'not run');
  return counted.length > 0 && counted.every((m) => m.passed);
}

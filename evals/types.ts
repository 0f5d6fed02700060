import type { Language } from '../src/util/script.js';

/**
 * The shapes every eval suite shares. A suite measures (returns values); the runner compares
 * them with evals/thresholds.json, so a threshold lives in one place and a flag can move it.
 */

/** 'min': the value must be ≥ the threshold; 'max': ≤ the threshold. */
export type Direction = 'min' | 'max';

export type MetricStatus = 'pass' | 'fail' | 'n/a' | 'not run';

/**
 * What a suite measured: a number, or null when the metric could not run (with a note why).
 * `notRun` marks a metric left out by configuration (the LLM judge with no LLM configured):
 * it is listed as not run and left out of the verdict. Any other null is "n/a" and fails.
 */
export interface Measurement {
  name: string;
  value: number | null;
  notRun?: string;
  /** One line for the scorecard: which segment, pair or text made the value what it is. */
  detail?: string;
}

export interface Metric extends Measurement {
  suite: string;
  threshold: number;
  direction: Direction;
  /** Only a value that meets its threshold passes: n/a (could not run) does not. */
  passed: boolean;
  /** pass, fail, n/a (could not run: fails), not run (left out by configuration: not in the verdict). */
  status: MetricStatus;
  why: string;
}

export interface EvalReport {
  runId: string;
  runDir: string;
  evaluatedAt: string;
  passed: boolean;
  /** Which judge assigned the held-out members ("offline" or "llm (model)"). */
  judge: string;
  metrics: Metric[];
  seconds: number;
  /** Lines a person should read besides the numbers (skipped suites, re-embedded vectors, …). */
  notes: string[];
  /** The language the scorecard's sentences are in (--lang, else the Run's); absent: English. */
  lang?: Language;
}

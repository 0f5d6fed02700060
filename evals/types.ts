/**
 * The shapes every eval suite shares. A suite measures (returns values); the runner compares
 * them with evals/thresholds.json, so a threshold lives in one place and a flag can move it.
 */

/** 'min': the value must be ≥ the threshold; 'max': ≤ the threshold. */
export type Direction = 'min' | 'max';

/** What a suite measured: a number, or null when the metric does not apply (with a note why). */
export interface Measurement {
  name: string;
  value: number | null;
  /** One line for the scorecard: which segment, pair or text made the value what it is. */
  detail?: string;
}

export interface Metric extends Measurement {
  suite: string;
  threshold: number;
  direction: Direction;
  /** A metric that does not apply (value null) passes: nothing was found to fail. */
  passed: boolean;
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
}

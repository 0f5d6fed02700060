import { join } from 'node:path';
import type { Config } from '../src/config.js';
import type { RunFile } from '../src/model/run.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { checkpoint } from '../src/util/cancel.js';
import { stageCounter, type ProgressHook } from '../src/util/progress.js';
import { loadEvalContext } from './context.js';
import { judgeMeasurement, loadThresholds, verdict, withOverrides } from './thresholds.js';
import type { EvalReport, Measurement, Metric } from './types.js';
import { measureClusterQuality } from './suites/cluster-quality.js';
import { measureCopyFit } from './suites/copy-fit.js';
import { measureDistinctiveness } from './suites/distinctiveness.js';
import { measureGrounding } from './suites/grounding.js';
import { heldoutCases, measureHeldout } from './suites/heldout.js';
import type { LlmJudgeRecord } from './suites/llm-judge.js';
import { startStability } from './suites/stability.js';
import { measureTruth } from './suites/truth.js';
import { measureSpillover } from './suites/spillover.js';
import { writerUnderTest } from './writer-under-test.js';
import { detailWords, evalLanguage } from './eval-words.js';

/**
 * The eval runner behind `segmenta eval`: load the Run's context once, run every suite, compare
 * each measurement with its threshold. Seeded by the Run's seed, so the same Run gives the same
 * scorecard (the offline judge and writer are deterministic; an LLM judge is not).
 */
export const EVALS_JSON = 'evals.json';

/**
 * The steps `segmenta eval` logs as "<step> done", in order: the CLI's bar counts them (as
 * `segment`'s). The LLM judge, when one is configured, comes after them.
 */
export const EVAL_STEPS = ['read', 'held-out split', 'held-out assignment', 'distinctiveness', 'grounding', 'copy fit', 'cluster quality', 'truth', 'label stability'];

export interface EvalOptions {
  /** Threshold overrides by metric name (`--threshold name=value`). */
  thresholds?: Record<string, number>;
  /** The customer file, when it is no longer where the Run says. */
  file?: string;
  seed?: number;
  bootstraps?: number;
  llm?: { members?: number; samples?: number };
  /** The user's cancellation: checked between suites; nothing is saved once it fires. */
  signal?: AbortSignal;
  /** Suites done of all, for a progress bar. */
  progress?: ProgressHook;
}

export interface FullEvalReport extends EvalReport {
  llm?: LlmJudgeRecord;
}

export async function runEvals(dir: string, run: RunFile, config: Config, log: (line: string) => void, options: EvalOptions = {}): Promise<FullEvalReport> {
  const started = performance.now();
  // Checked first: a mistyped --threshold should not cost a full eval.
  const thresholds = withOverrides(loadThresholds(), options.thresholds);
  const timed = async <T>(suite: string, fn: () => T | Promise<T>): Promise<T> => {
    await checkpoint(options.signal);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const out = await fn();
    // CPU time beside the wall time: on a shared machine the wall time says more about the load.
    const cpu = process.cpuUsage(c0);
    log(`${suite} done (${((performance.now() - t0) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
    return out;
  };
  const ctx = await timed('read', () => loadEvalContext(dir, run, config, log, options.file, options.progress));
  const seed = options.seed ?? run.config?.seed ?? 42;
  const metrics: Metric[] = [];
  // Seven offline suites and the LLM judge (counted done at once when no model is configured).
  const suites = stageCounter(options.progress, 'eval', 'suites', 8);
  suites.start();
  // The scorecard lists the suites in this order whatever order they finish in.
  const order = ['held-out assignment', 'label stability', 'distinctiveness', 'grounding', 'copy fit', 'cluster quality', 'truth', 'LLM judge'];
  const bySuite = new Map<string, Metric[]>();
  const add = (suite: string, ms: Measurement[]) => {
    bySuite.set(suite, ms.map((m) => judgeMeasurement(m, suite, thresholds)));
    suites.tick();
  };
  const { writer, why } = await writerUnderTest(ctx);
  // Started first: on a large Run its resamples run on worker threads while this thread does
  // the held-out split and the other suites (stability.ts); it is scored when their turn comes.
  const stability = startStability(ctx, { seed: seed + 1, bootstraps: options.bootstraps, writer, noWriter: why, progress: options.progress });
  let cases: Awaited<ReturnType<typeof heldoutCases>>;
  try {
    cases = await timed('held-out split', () => heldoutCases(ctx, seed));
    add('held-out assignment', await timed('held-out assignment', () => [...measureHeldout(ctx, cases), ...measureSpillover(ctx, cases)]));
    add('distinctiveness', await timed('distinctiveness', () => measureDistinctiveness(ctx)));
    add('grounding', await timed('grounding', () => measureGrounding(ctx)));
    add('copy fit', await timed('copy fit', () => measureCopyFit(ctx)));
    add('cluster quality', await timed('cluster quality', () => measureClusterQuality(ctx)));
    add('truth', await timed('truth', () => measureTruth(ctx)));
    add('label stability', await timed('label stability', () => stability.result()));
  } finally {
    await stability.close();
  }

  let llmRecord: LlmJudgeRecord | undefined;
  let judge = 'offline';
  if (config.llm) {
    // Loaded only now: the LLM client libraries cost seconds of start-up that offline evals skip.
    const { measureLlmJudge } = await import('./suites/llm-judge.js');
    const out = await timed('LLM judge', () => measureLlmJudge(ctx, config.llm!, cases, options.llm));
    add('LLM judge', out.measurements);
    llmRecord = out.record;
    judge = `offline and LLM (${config.llm.model})`;
  } else {
    const why = detailWords(ctx).noLlm;
    add('LLM judge', [
      { name: 'llm_heldout_accuracy', value: null, notRun: why },
      { name: 'judge_fleiss_kappa', value: null, notRun: why },
    ]);
  }
  for (const suite of order) metrics.push(...(bySuite.get(suite) ?? []));
  if (!run.segments.some((s) => s.texts)) ctx.notes.push(detailWords(ctx).noTexts);

  return {
    runId: run.id,
    runDir: dir,
    evaluatedAt: new Date().toISOString(),
    passed: verdict(metrics),
    judge,
    metrics,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    notes: ctx.notes,
    lang: evalLanguage(config, run),
    ...(llmRecord ? { llm: llmRecord } : {}),
  };
}

/** evals.json in the Run folder, written atomically (a reader sees the old report or the new one). */
export function saveEvalReport(dir: string, report: FullEvalReport): string {
  const path = join(dir, EVALS_JSON);
  writeFileAtomic(path, JSON.stringify(report, null, 2) + '\n');
  return path;
}

import { takeRows } from '../../src/cluster/assign.js';
import { CLUSTER_DEFAULTS } from '../../src/cluster/cluster.js';
import { maximizeAssignment } from '../../src/cluster/hungarian.js';
import { stageCounter, type ProgressHook } from '../../src/util/progress.js';
import { runResample, type ResampleResult, type ResampleTask } from './resample.js';
import { createResamplePool } from './stability-pool.js';
import { createRng, sampleIndices } from '../../src/util/random.js';
import type { Writer } from '../../src/model/writer.js';
import { readClaims } from '../checks/claim-reader.js';
import { sameName } from '../checks/name-shape.js';
import type { EvalContext } from '../context.js';
import { isOfflineWriter } from '../writer-under-test.js';
import { tableVocabulary } from '../lifts.js';
import { keywordJaccard } from '../stats/text-similarity.js';
import { detailWords } from '../eval-words.js';
import type { Measurement } from '../types.js';
import { describedSegments } from './labels.js';

/**
 * Label stability. The Run's clustering (its signal subspace, derived again on each resample, and
 * its restarts: resample.ts) is re-fitted (same k, a new seed each time) on bootstrap resamples
 * of a sample of the Run's vectors; each Run segment is matched one-to-one to a re-fitted
 * cluster (Hungarian on Jaccard) and scored by that Jaccard, averaged over resamples. On the
 * first few resamples everyone is assigned to the re-fitted clusters, those are profiled and
 * named again by the same writer, and the new names and claims are compared with the Run's —
 * the writer under test is handed in (evals/writer-under-test.ts); the comparison is the
 * evals' own (checks/name-shape.ts, checks/claim-reader.ts).
 */
export const STABILITY = {
  bootstraps: 10,
  /** Points the resamples are drawn from: the Jaccard of 2,000 points is within ±0.02 of all of them. */
  sample: 2000,
  /** Resamples whose segments are re-profiled and re-named (a profile of everyone each). */
  relabel: 3,
  /** The Run's restarts: every Run fits with CLUSTER_DEFAULTS.restarts (run.json does not record another). */
  restarts: CLUSTER_DEFAULTS.restarts,
  /**
   * Customers from which the resamples run on worker threads. Below it a thread's start-up
   * (loading the profile and writer modules, ~1 s under tsx) costs more than the three
   * re-profiles it shares out.
   */
  parallelFrom: 100_000,
};

export interface StabilityOptions {
  seed: number;
  bootstraps?: number;
  relabel?: number;
  /** The writer that re-names resampled segments; undefined skips the name and claim agreement. */
  writer?: Writer;
  /** Why there is no writer (for the scorecard). */
  noWriter?: string;
  /** Resample on worker threads (default: from STABILITY.parallelFrom customers); the results are the same either way. */
  parallel?: boolean;
  /** Resamples done, for the progress bar. */
  progress?: ProgressHook;
}

export async function measureStability(ctx: EvalContext, options: StabilityOptions): Promise<Measurement[]> {
  return startStability(ctx, options).result();
}

/** Stability under way: its resamples already running on worker threads (when they run there), its scorecard to come. */
export interface StabilityRun {
  result(): Promise<Measurement[]>;
  /** Stops the worker threads when the eval ends before result() (cancelled, a suite threw). */
  close(): Promise<void>;
}

/**
 * Starts the suite: on worker threads the resamples start now, and this thread is free for the
 * other suites until result() (run-evals.ts starts it before the held-out split — measured on
 * the 1M bench Run, the threads' 22 s of CPU had been 14 s of wall the main thread sat idle in);
 * in this thread they run when result() is called. The values are the same either way: every
 * random draw is made here, before any resample runs.
 */
export function startStability(ctx: EvalContext, options: StabilityOptions): StabilityRun {
  const k = ctx.run.segments.length;
  const n = ctx.labels.length;
  const B = options.bootstraps ?? STABILITY.bootstraps;
  const R = options.writer ? Math.min(B, options.relabel ?? STABILITY.relabel) : 0;
  const rng = createRng(options.seed);
  const rows = n > STABILITY.sample ? sampleIndices(n, STABILITY.sample, rng).sort() : Int32Array.from({ length: n }, (_, i) => i);
  const points = takeRows(ctx.vectors, rows);
  const reference = Int32Array.from(rows, (r) => ctx.labels[r]);

  // Every random draw first, in the order the sequential loop made them (a resample's indices,
  // then its k-means seed): each resample is then a task that gives the same result on any thread.
  const tasks: ResampleTask[] = [];
  for (let b = 0; b < B; b++) {
    const boot = new Int32Array(points.n);
    for (let i = 0; i < points.n; i++) boot[i] = Math.floor(rng() * points.n);
    const seed = Math.floor(rng() * 2 ** 31);
    tasks.push({ b, k, points, boot, seed, restarts: STABILITY.restarts, kGiven: ctx.run.metrics?.kChosen === 'given', relabel: b < R, minSegmentSize: ctx.run.config.minSegmentSize, lang: ctx.run.config.lang });
  }
  const running = startResamples(ctx, tasks, options);
  return {
    result: async () => scoreStability(ctx, options, { k, B, R, n: points.n, reference }, await running.results()),
    close: running.close,
  };
}

function scoreStability(ctx: EvalContext, options: StabilityOptions, at: { k: number; B: number; R: number; n: number; reference: Int32Array }, results: ResampleResult[]): Measurement[] {
  const { k, B, R, reference } = at;
  const jaccard = new Float64Array(k);
  const names: { id: number; before: string; after: string; score: number }[] = [];
  const claims: number[] = [];
  const vocab = tableVocabulary(ctx.table);
  const described = describedSegments(ctx.run);
  for (const r of results) {
    const matched = matchedJaccard(reference, r.pointLabels, k);
    for (let c = 0; c < k; c++) jaccard[c] += matched.jaccard[c] / B;
    if (!r.everyone || !r.rewritten) continue;

    const match = matchedJaccard(ctx.labels, r.everyone, k).match;
    for (const s of described) {
      const again = r.rewritten.find((x) => x.segment === match[s.id - 1] + 1);
      const score = !again ? 0 : sameName(again.name, s.texts.name) ? 1 : keywordJaccard(again.name, s.texts.name);
      names.push({ id: s.id, before: s.texts.name, after: again?.name ?? '(not described)', score });
      const keys = (text: string) => new Set(readClaims(text, vocab).map((c) => c.key));
      claims.push(again ? setJaccard(keys(`${s.texts.name}. ${s.texts.summary}`), keys(`${again.name}. ${again.summary}`)) : 0);
    }
  }

  let worst = 0;
  for (let c = 1; c < k; c++) if (jaccard[c] < jaccard[worst]) worst = c;
  const d = detailWords(ctx);
  const out: Measurement[] = [
    {
      name: 'min_bootstrap_jaccard',
      value: k > 0 ? jaccard[worst] : null,
      detail: d.jaccard(B, at.n, Array.from(jaccard, (j, c) => `${c + 1}: ${j.toFixed(2)}`).join(d.sep)),
    },
  ];
  if (R === 0 || names.length === 0) {
    const why = R === 0 ? (options.noWriter ? d.llmNoWriter : d.noRename) : d.noDescribedToRename;
    // No LLM to re-write an LLM Run's names is configuration (not run); anything else could not run (n/a, fails).
    const notRun = R === 0 && options.noWriter ? { notRun: why } : { detail: why };
    out.push({ name: 'name_agreement', value: null, ...notRun }, { name: 'claim_agreement', value: null, ...notRun });
    return out;
  }
  const exact = names.filter((x) => x.score === 1).length;
  const weakest = [...names].sort((a, b) => a.score - b.score)[0];
  out.push(
    {
      name: 'name_agreement',
      value: mean(names.map((x) => x.score)),
      detail: d.names(exact, names.length, R, weakest.id, weakest.before, weakest.after),
    },
    { name: 'claim_agreement', value: mean(claims), detail: d.claims(R) },
  );
  return out;
}

/**
 * The resamples, in order of b whatever order they finish in. On worker threads (piscina) when
 * the Run is large and the writer is the offline one (a thread makes its own; an LLM writer
 * stays here, with its client and its log): submitted at once, so they run while the caller
 * does other work. In this thread otherwise — or when the table and vectors are not in shared
 * memory (a Run whose table was re-read from the file) — when results() is called.
 */
function startResamples(ctx: EvalContext, tasks: ResampleTask[], options: StabilityOptions): { results(): Promise<ResampleResult[]>; close(): Promise<void> } {
  const offline = isOfflineWriter(options.writer);
  const parallel = options.parallel ?? ctx.labels.length >= STABILITY.parallelFrom;
  const pool = parallel && offline ? createResamplePool(ctx.table, ctx.vectors, tasks.length) : undefined;
  const done = stageCounter(options.progress, 'eval', 'bootstrap resamples', tasks.length);
  const tick = (r: ResampleResult) => (done.tick(), r);
  if (!pool) {
    return {
      results: async () => {
        done.start();
        const out: ResampleResult[] = [];
        for (const t of tasks) out.push(tick(await runResample(t, { table: ctx.table, vectors: ctx.vectors, writer: options.writer })));
        return out;
      },
      close: async () => {},
    };
  }
  done.start();
  ctx.log(`label stability: ${tasks.length} bootstrap resamples started on worker threads`);
  // The re-named resamples (a profile of everyone each) go first: the short ones fill in behind them.
  const order = [...tasks].sort((a, b) => Number(b.relabel) - Number(a.relabel) || a.b - b.b);
  const all = Promise.all(order.map((t) => pool.run(t).then(tick)));
  // Awaited in results(); until then a failure must not surface as an unhandled rejection.
  all.catch(() => {});
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= pool.close());
  return {
    results: async () => {
      try {
        return (await all).sort((a, b) => a.b - b.b);
      } finally {
        await close();
      }
    },
    close,
  };
}

/** One-to-one match of reference clusters to other clusters maximising Jaccard; match[c] = other cluster of c. */
export function matchedJaccard(reference: Int32Array, other: Int32Array, k: number): { match: Int32Array; jaccard: Float64Array } {
  const inter = Array.from({ length: k }, () => new Float64Array(k));
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  for (let i = 0; i < reference.length; i++) {
    inter[reference[i]][other[i]]++;
    a[reference[i]]++;
    b[other[i]]++;
  }
  const J = inter.map((row, c) => Float64Array.from(row, (x, d) => (x === 0 ? 0 : x / (a[c] + b[d] - x))));
  const match = maximizeAssignment(J);
  return { match, jaccard: Float64Array.from({ length: k }, (_, c) => (match[c] >= 0 ? J[c][match[c]] : 0)) };
}

function setJaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}


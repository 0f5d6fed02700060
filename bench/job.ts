/**
 * One benchmark job in its own process, so its peak RSS is its own (the generator and the
 * orchestrator never count). Prints one JSON line on stdout; progress goes to stderr.
 *
 *   tsx bench/job.ts run FILE --workspace DIR [--k K] [--seed S]   a complete offline Run
 *   tsx bench/job.ts features FILE                                  event log → per-customer features
 *   tsx bench/job.ts kmeans RUNDIR --iters M --init OUT.f32         Lloyd per-iteration time on the Run's vectors
 *   tsx bench/job.ts eval RUNDIR --workspace DIR                    `segmenta eval` of that Run, offline
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadCustomers } from '../src/data/load.js';
import { makeRun } from '../src/pipeline/make-run.js';
import { lloyd } from '../src/cluster/kmeans.js';
import { kmeansPlusPlus } from '../src/cluster/kmeans-pp.js';
import { createRng } from '../src/util/random.js';
import { readVectorsFile } from '../src/vectors/vectors-file.js';
import { VECTORS_FILE } from '../src/model/vector-index.js';
import type { RunFile } from '../src/model/run.js';
import { evalOp } from '../src/ops/eval.js';
import { runOperation } from '../src/ops/operation.js';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Peak resident set of this process so far, in MB (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export async function runJob(file: string, workspace: string, opts: { k?: number; seed?: number; quiet?: boolean } = {}) {
  const config = loadConfig({ workspace, offline: true }, {});
  const t0 = performance.now();
  const made = await makeRun({
    file,
    k: opts.k,
    seed: opts.seed ?? 42,
    config,
    log: opts.quiet ? () => {} : (l) => process.stderr.write(`  [run] ${l}\n`),
  });
  const seconds = (performance.now() - t0) / 1000;
  const m = made.run.metrics;
  return {
    kind: 'run' as const,
    n: m.customers,
    k: m.k,
    dim: made.run.embedding.dim,
    textWidth: made.run.embedding.blocks.find((b) => b.kind === 'text')?.width ?? 0,
    iterations: m.iterations,
    silhouette: m.silhouette,
    seconds: round(seconds),
    stages: m.seconds,
    peakRssMb: peakRssMb(),
    runDir: made.runDir,
  };
}

export async function featuresJob(file: string) {
  const t0 = performance.now();
  const table = await loadCustomers(file);
  const seconds = (performance.now() - t0) / 1000;
  return {
    kind: 'features' as const,
    events: table.quality.rowsRead,
    customers: table.ids.length,
    features: table.numeric.length + table.categorical.length,
    seconds: round(seconds),
    peakRssMb: peakRssMb(),
  };
}

/** `segmenta eval RUNDIR`, offline, as the CLI runs it (thresholds from evals/thresholds.json). */
export async function evalJob(runDir: string, workspace: string) {
  const config = loadConfig({ workspace, offline: true }, {});
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await runOperation(evalOp, { run: runDir }, { config, log: () => {} });
  // CPU time of the whole process (worker threads included): on a shared machine it moves less than the wall time.
  const cpu = process.cpuUsage(c0);
  return { kind: 'eval' as const, seconds: round((performance.now() - t0) / 1000), cpuSeconds: round((cpu.user + cpu.system) / 1e6), passed: r.passed, peakRssMb: peakRssMb() };
}

/**
 * Lloyd iterations on exactly the Run's vectors from a k-means++ start that is also written to
 * `initPath`, so scikit-learn can start from the same centres. tol = 0: only "no point moved"
 * or the iteration cap stops it (scikit-learn's tol=0 stops on the same condition). Best of
 * `repeats` (the first run also pays V8's compilation).
 */
export function kmeansJob(runDir: string, iters: number, initPath: string, repeats = 2) {
  const run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as RunFile;
  const n = run.metrics.customers;
  const dim = run.embedding.dim;
  const k = run.metrics.k;
  const vectors = readVectorsFile(join(runDir, VECTORS_FILE), n, dim);
  const init = kmeansPlusPlus(vectors, k, createRng(run.config.seed));
  writeFileSync(initPath, Float32Array.from(init));
  // Both start from the Float32-rounded centres scikit-learn reads.
  const start = Float64Array.from(Float32Array.from(init));
  let best = Infinity;
  let iterations = 0;
  let inertia = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const res = lloyd(vectors, start, k, { maxIterations: iters, tolerance: 0 });
    const s = (performance.now() - t0) / 1000;
    if (s < best) best = s;
    iterations = res.iterations;
    inertia = res.inertia;
  }
  return { kind: 'kmeans' as const, n, dim, k, iterations, inertia, seconds: round(best, 4), perIterationMs: round((best * 1000) / iterations, 3), peakRssMb: peakRssMb() };
}

async function main(): Promise<void> {
  const [mode, target, ...rest] = process.argv.slice(2);
  let out: unknown;
  if (mode === 'run') {
    const k = flag(rest, '--k');
    out = await runJob(target, flag(rest, '--workspace') ?? 'bench/data/workspace', { k: k ? Number(k) : undefined, seed: Number(flag(rest, '--seed') ?? 42) });
  } else if (mode === 'features') {
    out = await featuresJob(target);
  } else if (mode === 'eval') {
    out = await evalJob(target, flag(rest, '--workspace') ?? 'bench/data/workspace');
  } else if (mode === 'kmeans') {
    out = kmeansJob(target, Number(flag(rest, '--iters') ?? 20), flag(rest, '--init') ?? join(target, 'bench-init.f32'));
  } else {
    throw new Error(`unknown job ${mode}; expected run, features, eval or kmeans`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1]?.endsWith('job.ts')) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  });
}

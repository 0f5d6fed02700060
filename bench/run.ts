/**
 * `npm run bench`: segmenta at scale, side by side with pandas + scikit-learn in the same run.
 *
 *   npm run bench                  100k and 1M customers, 10M events, 10M order lines, 5 repetitions
 *   npm run bench -- --quick       100k customers (and 1M events, 1M order lines) only, 1 repetition
 *   (the full run also aggregates a 10M-line Online Retail–shaped order-line CSV: --order-lines N)
 *   options: --sizes 100k,1M  --events 10M  --iters 20  --seed 42  --reps 5  --no-peer  --no-truth  --out DIR  --data DIR
 *
 * Every timed job (our Run, the peer, `eval`, the features jobs, CLI start-up) runs --reps
 * times and is reported as min / median / max; the single figures (`seconds`, ratios) are
 * medians. The Run's stage table is the per-stage median.
 *
 * Per customer size: a complete offline Run (`makeRun`, as `segmenta segment` does) in its own
 * process for its peak RSS, with the stage timings it records in run.json; the peer job
 * (bench/peer.py: pandas + scikit-learn, same k and n_init) on the same file; and k-means per
 * iteration for both on exactly the Run's vectors from the same k-means++ start. Then the event
 * log → per-customer features. Results: bench/results/latest.json and latest.md.
 *
 * The machine is shared: timings are noisy, so ratios are taken within one run, and the load
 * average at each step is recorded beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, DEFAULT_DATA_DIR, ensureCustomers, ensureEvents, ensureOrderLines, sizeLabel } from './generate.js';
import { evalJob, featuresJob, kmeansJob, runJob } from './job.js';
import { runTruth, truthMarkdown } from './truth.js';
import { orderLinesBench } from './order-lines.js';
import { CLUSTER_DEFAULTS } from '../src/cluster/cluster.js';

export interface BenchOptions {
  sizes: number[];
  events: number;
  /** Lines of an Online Retail–shaped order-line CSV to aggregate into features (0 or absent: skipped). */
  orderLines?: number;
  seed: number;
  iters: number;
  peer: boolean;
  dataDir: string;
  outDir: string;
  /** The truth table of planted files (default on; --no-truth skips it). */
  truth?: boolean;
  /** Run the jobs in this process (tests): no child processes for our side, RSS is this process's. */
  inProcess?: boolean;
  log?: (line: string) => void;
  /** The command line, recorded in the results. */
  command?: string;
  /** Repetitions of every timed job (default 1). */
  reps?: number;
}

/** min / median / max of one measurement over the repetitions. */
export interface Spread {
  min: number;
  median: number;
  max: number;
  n: number;
}

export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { min: r3(s[0]), median: r3(m), max: r3(s[s.length - 1]), n: s.length };
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const fmtSpread = (x: Spread | undefined, d = 1) => (x ? `${x.min.toFixed(d)} / ${x.median.toFixed(d)} / ${x.max.toFixed(d)}` : '–');

export const PYTHON = '/usr/bin/python3';
const ROOT = resolve(BENCH_DIR, '..');

interface ProcResult {
  stdout: string;
  stderr: string;
  code: number | null;
  wallSeconds: number;
}

function runProc(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcResult> {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => res({ stdout, stderr, code, wallSeconds: (performance.now() - t0) / 1000 }));
  });
}

function lastJson<T>(p: ProcResult, what: string): T & { wallSeconds: number } {
  const line = p.stdout.trim().split('\n').pop() ?? '';
  if (p.code !== 0 || !line.startsWith('{')) throw new Error(`${what} failed (exit ${p.code}):\n${p.stderr.slice(-2000)}`);
  return { ...(JSON.parse(line) as T), wallSeconds: Math.round(p.wallSeconds * 1000) / 1000 };
}

/** Our jobs run as `node --import tsx bench/job.ts …` (tsx's loader, no npx in between). */
async function ourJob<T>(args: string[]): Promise<T & { wallSeconds: number }> {
  const p = await runProc(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'job.ts'), ...args]);
  return lastJson<T>(p, `bench/job.ts ${args[0]}`);
}

/**
 * The peer runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (both together, this command
 * only): they are set on this machine for old OpenBLAS builds and slow a current one, and the
 * peer should be at its fastest. The kernel it then ran is recorded (threadpoolctl).
 */
function peerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** True when /usr/bin/python3 has pandas and scikit-learn. */
export async function peerAvailable(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  try {
    const p = await runProc(PYTHON, ['-c', 'import pandas, sklearn']);
    return p.code === 0;
  } catch {
    return false;
  }
}

type RunOut = Awaited<ReturnType<typeof runJob>>;
type KmOut = ReturnType<typeof kmeansJob>;
type EvalOut = Awaited<ReturnType<typeof evalJob>>;
type FeatOut = Awaited<ReturnType<typeof featuresJob>>;
interface PeerJob {
  n: number;
  dim: number;
  k: number;
  iterations: number;
  seconds: number;
  importSeconds: number;
  stages: Record<string, number>;
  peakRssMb: number;
  env: Record<string, unknown>;
}
interface PeerKm {
  iterations: number;
  seconds: number;
  perIterationMs: number;
  inertia: number;
  env: Record<string, unknown>;
}

export interface SizeResult {
  n: number;
  file: string;
  load: number[];
  ours: RunOut & { wallSeconds: number };
  kmeans: KmOut & { wallSeconds: number };
  peer?: PeerJob & { wallSeconds: number };
  peerKmeans?: PeerKm & { wallSeconds: number };
  ratios?: { kmeansPerIteration: number; wholeJob: number };
  /** Over the repetitions: our Run (in-process seconds, process seconds, peak RSS), the peer, eval. */
  spreads: { runSeconds: Spread; processSeconds: Spread; peakRssMb: Spread; peerSeconds?: Spread; peerPeakRssMb?: Spread; evalSeconds?: Spread; evalCpuSeconds?: Spread; evalPeakRssMb?: Spread };
  eval?: { passed: boolean; seconds: number; cpuSeconds: number; peakRssMb: number };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const load = () => loadavg().map(r2);

export async function runBench(o: BenchOptions) {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  mkdirSync(o.outDir, { recursive: true });
  const work = join(tmpdir(), `segmenta-bench-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const peer = o.peer && (await peerAvailable());
  const reps = Math.max(1, o.reps ?? 1);
  if (o.peer && !peer) log(`peer skipped: ${PYTHON} lacks pandas or scikit-learn (apt-get install -y python3-pandas python3-sklearn)`);

  log(`load average ${load().join(' ')} on ${cpus().length} cores`);
  const sizes: SizeResult[] = [];
  try {
    for (const n of o.sizes) {
      let t0 = performance.now();
      const file = await ensureCustomers(n, o.seed, o.dataDir);
      log(`${sizeLabel(n)} customers: ${relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
      const ws = join(work, `ws-${n}`);
      const l0 = load();
      const runs: (RunOut & { wallSeconds: number })[] = [];
      for (let rep = 0; rep < reps; rep++) {
        // Each repetition makes its own Run; only the last is kept for the jobs that read one.
        if (rep > 0) rmSync(ws, { recursive: true, force: true });
        t0 = performance.now();
        const one = o.inProcess
          ? { ...(await runJob(file, ws, { seed: o.seed, quiet: true })), wallSeconds: 0 }
          : await ourJob<RunOut>(['run', file, '--workspace', ws, '--seed', String(o.seed)]);
        if (o.inProcess) one.wallSeconds = r2((performance.now() - t0) / 1000);
        log(`  segmenta${reps > 1 ? ` (${rep + 1}/${reps})` : ''}: ${one.wallSeconds.toFixed(1)} s (process), Run ${one.seconds.toFixed(1)} s, k ${one.k}, peak RSS ${one.peakRssMb} MB, load ${load()[0]} — ${fmtStages(one.stages)}`);
        runs.push(one);
      }
      const last = runs[runs.length - 1];
      const spreads: SizeResult['spreads'] = {
        runSeconds: spread(runs.map((r) => r.seconds)),
        processSeconds: spread(runs.map((r) => r.wallSeconds)),
        peakRssMb: spread(runs.map((r) => r.peakRssMb)),
      };
      // The figures reported for the Run are medians; the stage table is the per-stage median.
      const stages = Object.fromEntries(Object.keys(last.stages).map((k) => [k, spread(runs.map((r) => r.stages[k] ?? 0)).median]));
      const ours = { ...last, seconds: spreads.runSeconds.median, wallSeconds: spreads.processSeconds.median, peakRssMb: spreads.peakRssMb.median, stages };

      const initPath = join(work, `init-${n}.f32`);
      t0 = performance.now();
      const kmeans = o.inProcess
        ? { ...kmeansJob(ours.runDir, o.iters, initPath), wallSeconds: 0 }
        : await ourJob<KmOut>(['kmeans', ours.runDir, '--iters', String(o.iters), '--init', initPath]);
      log(`  k-means (ours): ${kmeans.perIterationMs.toFixed(1)} ms/iteration (${kmeans.iterations} iterations on ${n} × ${kmeans.dim}, k ${kmeans.k})`);

      // `segmenta eval` of the Run just made (offline), as the CLI runs it.
      const evals: (EvalOut & { wallSeconds: number })[] = [];
      for (let rep = 0; rep < reps; rep++) {
        t0 = performance.now();
        const e = o.inProcess ? { ...(await evalJob(ours.runDir, ws)), wallSeconds: 0 } : await ourJob<EvalOut>(['eval', ours.runDir, '--workspace', ws]);
        if (o.inProcess) e.wallSeconds = r2((performance.now() - t0) / 1000);
        log(`  eval${reps > 1 ? ` (${rep + 1}/${reps})` : ''}: ${e.seconds.toFixed(1)} s (${e.wallSeconds.toFixed(1)} s process, ${e.cpuSeconds.toFixed(1)} s CPU), peak RSS ${e.peakRssMb} MB, ${e.passed ? 'passed' : 'failed'}, load ${load()[0]}`);
        evals.push(e);
      }
      spreads.evalSeconds = spread(evals.map((e) => e.wallSeconds));
      spreads.evalCpuSeconds = spread(evals.map((e) => e.cpuSeconds));
      spreads.evalPeakRssMb = spread(evals.map((e) => e.peakRssMb));

      const result: SizeResult = { n, file: relative(ROOT, file), load: l0, ours, kmeans, spreads, eval: { passed: evals[0].passed, seconds: spreads.evalSeconds.median, cpuSeconds: spreads.evalCpuSeconds.median, peakRssMb: spreads.evalPeakRssMb.median } };
      if (peer) {
        const out = join(work, `peer-${n}`);
        const pjs: (PeerJob & { wallSeconds: number })[] = [];
        for (let rep = 0; rep < reps; rep++) {
          const one = lastJson<PeerJob>(
            await runProc(
              PYTHON,
              [join(BENCH_DIR, 'peer.py'), 'job', file, join(ours.runDir, 'run.json'), '--k', String(ours.k), '--n-init', String(CLUSTER_DEFAULTS.restarts), '--seed', String(o.seed), '--svd', String(ours.textWidth || 16), '--out', out],
              peerEnv(),
            ),
            'peer job',
          );
          log(`  pandas + scikit-learn${reps > 1 ? ` (${rep + 1}/${reps})` : ''}: ${one.wallSeconds.toFixed(1)} s (process), peak RSS ${one.peakRssMb} MB, load ${load()[0]} — ${fmtStages(one.stages)}`);
          pjs.push(one);
        }
        spreads.peerSeconds = spread(pjs.map((p) => p.wallSeconds));
        spreads.peerPeakRssMb = spread(pjs.map((p) => p.peakRssMb));
        const pj = { ...pjs[pjs.length - 1], wallSeconds: spreads.peerSeconds.median, peakRssMb: spreads.peerPeakRssMb.median };
        const pk = lastJson<PeerKm>(
          await runProc(
            PYTHON,
            [join(BENCH_DIR, 'peer.py'), 'kmeans', join(ours.runDir, 'index', 'vectors.f32'), initPath, '--n', String(n), '--dim', String(kmeans.dim), '--k', String(kmeans.k), '--iters', String(o.iters)],
            peerEnv(),
          ),
          'peer kmeans',
        );
        log(`  k-means (scikit-learn lloyd): ${pk.perIterationMs.toFixed(1)} ms/iteration (${pk.iterations} iterations)`);
        result.peer = pj;
        result.peerKmeans = pk;
        result.ratios = {
          kmeansPerIteration: r2(kmeans.perIterationMs / pk.perIterationMs),
          wholeJob: r2(ours.wallSeconds / pj.wallSeconds),
        };
        log(`  ratios (ours ÷ peer): k-means per iteration ${result.ratios.kmeansPerIteration}×, whole job ${result.ratios.wholeJob}×`);
      }
      sizes.push(result);
      // Runs of a million customers are ~1 GB on disk: keep only what the next step needs.
      rmSync(ws, { recursive: true, force: true });
    }

    let events: (FeatReps & { load: number[]; file: string }) | undefined;
    if (o.events > 0) {
      let t0 = performance.now();
      const file = await ensureEvents(o.events, o.seed, o.dataDir);
      log(`${sizeLabel(o.events)} events: ${relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
      const l0 = load();
      const f = await featuresReps(file, o, reps, log);
      events = { ...f, load: l0, file: relative(ROOT, file) };
      log(`  features: ${f.customers} customers × ${f.features} features in ${f.seconds.toFixed(1)} s, peak RSS ${f.peakRssMb} MB`);
    }

    // ── Order lines (issue #19: the 10M order-line row) ────────────────────────────────────
    // A colleague's bench/order-lines.ts (`benchOrderLines(opts)`) takes this step over: call it
    // here, in place of the block below, and keep `orderLines` in this shape — latest.json's
    // `orderLines` key and latest.md's "order lines" row are read from it.
    let orderLines: (FeatReps & { load: number[]; file: string }) | undefined;
    if ((o.orderLines ?? 0) > 0) {
      let t0 = performance.now();
      const file = await ensureOrderLines(o.orderLines!, o.seed, o.dataDir);
      log(`${sizeLabel(o.orderLines!)} order lines: ${relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
      const l0 = load();
      const f = await featuresReps(file, o, reps, log);
      orderLines = { ...f, load: l0, file: relative(ROOT, file) };
      log(`  order lines → features: ${f.customers} customers × ${f.features} features in ${f.seconds.toFixed(1)} s, peak RSS ${f.peakRssMb} MB`);
    }

    // ── end of the order-line step ─────────────────────────────────────────────────────────

    const startup = await startupTimes(reps, work, log);
    // Order lines → features with CPU seconds and the load beside each rep (bench/order-lines.ts → order-lines.json).
    if ((o.orderLines ?? 0) > 0) await orderLinesBench({ lines: o.orderLines!, reps, seed: o.seed, dataDir: o.dataDir, outDir: o.outDir, inProcess: o.inProcess, log });

    // The truth table (bench/truth.ts): planted files → ARI beside scikit-learn, and the scorecard.
    const truth = o.truth === false ? undefined : await runTruth({ seeds: 3, peer: o.peer, evals: true, log });
    const results = {
      ...summarize(o, sizes, events, startup),
      ...(truth ? { truth } : {}),
      ...(orderLines ? { orderLines: { n: orderLines.events, customers: orderLines.customers, seconds: orderLines.seconds, processSeconds: orderLines.wallSeconds, peakRssMb: orderLines.peakRssMb, file: orderLines.file, loadAverage: orderLines.load, spread: orderLines.spread } } : {}),
    };
    writeFileSync(join(o.outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(o.outDir, 'latest.md'), markdown(results) + (truth ? `\n${truthMarkdown(truth)}` : ''));
    log(`results: ${relative(ROOT, join(o.outDir, 'latest.md'))}, latest.json`);
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type FeatReps = FeatOut & { wallSeconds: number; spread: { seconds: Spread; processSeconds: Spread; peakRssMb: Spread } };

/** The features job `reps` times; the figures are medians, with their spread. */
async function featuresReps(file: string, o: BenchOptions, reps: number, log: (l: string) => void): Promise<FeatReps> {
  const all: (FeatOut & { wallSeconds: number })[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const t0 = performance.now();
    const f = o.inProcess ? { ...(await featuresJob(file)), wallSeconds: 0 } : await ourJob<FeatOut>(['features', file]);
    if (o.inProcess) f.wallSeconds = r2((performance.now() - t0) / 1000);
    log(`  features${reps > 1 ? ` (${rep + 1}/${reps})` : ''}: ${f.seconds.toFixed(1)} s (${f.wallSeconds.toFixed(1)} s process), peak RSS ${f.peakRssMb} MB, load ${load()[0]}`);
    all.push(f);
  }
  const sp = { seconds: spread(all.map((f) => f.seconds)), processSeconds: spread(all.map((f) => f.wallSeconds)), peakRssMb: spread(all.map((f) => f.peakRssMb)) };
  return { ...all[all.length - 1], seconds: sp.seconds.median, wallSeconds: sp.processSeconds.median, peakRssMb: sp.peakRssMb.median, spread: sp };
}

export interface Startup {
  /** `node bin/segmenta.js --version`, `… runs` on an empty workspace, and `node -e 0` beside them (wall seconds). */
  version: Spread;
  runs: Spread;
  node: Spread;
  /** Peak RSS (MB) of each, measured in runs of their own (bench/peak-rss.cjs preloaded), never the timed ones. */
  peakRssMb: { version: Spread; runs: Spread; node: Spread };
  loadAverage: number[];
}

const PEAK_RSS = join(BENCH_DIR, 'peak-rss.cjs');

function peakRssOf(p: ProcResult): number {
  const m = /peak-rss-kb (\d+)/.exec(p.stderr);
  if (p.code !== 0 || !m) throw new Error(`start-up RSS run failed (exit ${p.code}): ${p.stderr.slice(-500)}`);
  return Math.round(Number(m[1]) / 1024);
}

/**
 * CLI start-up as a user sees it: the installed bin runs dist/ (`npm run build`). Interleaved
 * with `node -e 0` so that the machine's load falls on both alike. Skipped without dist/.
 */
async function startupTimes(reps: number, work: string, log: (l: string) => void): Promise<Startup | null> {
  const bin = join(ROOT, 'bin', 'segmenta.js');
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    log('start-up skipped: no dist/ (run `npm run build` first)');
    return null;
  }
  const ws = join(work, 'ws-startup');
  const t = { version: [] as number[], runs: [] as number[], node: [] as number[] };
  const l0 = load();
  // At least five: one start takes a fraction of a second, and the first pays the disk cache.
  for (let rep = 0; rep < Math.max(5, reps); rep++) {
    t.node.push((await runProc(process.execPath, ['-e', '0'])).wallSeconds);
    const v = await runProc(process.execPath, [bin, '--version']);
    if (v.code !== 0) throw new Error(`segmenta --version failed: ${v.stderr.slice(-500)}`);
    t.version.push(v.wallSeconds);
    const r = await runProc(process.execPath, [bin, '--workspace', ws, 'runs']);
    if (r.code !== 0) throw new Error(`segmenta runs failed: ${r.stderr.slice(-500)}`);
    t.runs.push(r.wallSeconds);
  }
  // Peak RSS in runs of their own: the preload that reports it is kept out of the timed starts.
  const rss = { version: [] as number[], runs: [] as number[], node: [] as number[] };
  for (let rep = 0; rep < reps; rep++) {
    rss.node.push(peakRssOf(await runProc(process.execPath, ['-r', PEAK_RSS, '-e', '0'])));
    rss.version.push(peakRssOf(await runProc(process.execPath, ['-r', PEAK_RSS, bin, '--version'])));
    rss.runs.push(peakRssOf(await runProc(process.execPath, ['-r', PEAK_RSS, bin, '--workspace', ws, 'runs'])));
  }
  const out = {
    version: spread(t.version),
    runs: spread(t.runs),
    node: spread(t.node),
    peakRssMb: { version: spread(rss.version), runs: spread(rss.runs), node: spread(rss.node) },
    loadAverage: l0,
  };
  log(`start-up (min / median / max s): --version ${fmtSpread(out.version, 2)}, runs ${fmtSpread(out.runs, 2)}, node -e 0 ${fmtSpread(out.node, 2)}, load ${l0[0]}`);
  log(`start-up peak RSS (median MB): --version ${out.peakRssMb.version.median}, runs ${out.peakRssMb.runs.median}, node -e 0 ${out.peakRssMb.node.median}`);
  return out;
}

function fmtStages(s: Record<string, number>): string {
  return Object.entries(s)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
}

export type BenchResults = ReturnType<typeof summarize>;

function summarize(o: BenchOptions, sizes: SizeResult[], events?: FeatReps & { load: number[]; file: string }, startup?: Startup | null) {
  // The headline is the largest customer size measured.
  const top = sizes[sizes.length - 1];
  return {
    customers: top ? { n: top.n, seconds: top.ours.seconds, peakRssMb: top.ours.peakRssMb } : null,
    events: events ? { n: events.events, seconds: events.seconds } : null,
    peer: top?.peer ? { seconds: top.peer.wallSeconds } : null,
    ratios: top?.ratios ? { kmeansPerIteration: top.ratios.kmeansPerIteration, wholeJob: top.ratios.wholeJob } : null,
    // Issue #19's targets (medians); wholeJobRatio is the 1M one, wholeJobRatio100k the 100k one.
    targets: {
      runSeconds1M: 8,
      peakRssMb1M: 1200,
      eventsSeconds10M: 30,
      orderLinesSeconds10M: 8,
      evalSeconds1M: 10,
      startupSeconds: 0.3,
      kmeansPerIterationRatio: 2,
      wholeJobRatio: 0.3,
      wholeJobRatio100k: 0.5,
    },
    reps: Math.max(1, o.reps ?? 1),
    eval: top?.eval ? { n: top.n, seconds: top.eval.seconds, cpuSeconds: top.eval.cpuSeconds, peakRssMb: top.eval.peakRssMb, passed: top.eval.passed } : null,
    startup: startup ?? null,
    date: new Date().toISOString(),
    command: o.command ?? 'npm run bench',
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    notes: [
      'ratios are ours ÷ the peer’s, measured in the same run; wholeJob compares process wall times (start-up and imports included on both sides)',
      'kmeansPerIteration: Lloyd on exactly the Run’s vectors from the same k-means++ start, tol = 0, total time ÷ iterations, best of 2',
      'with --reps R every timed job ran R times: figures are medians, spreads min / median / max; eval seconds are process wall times',
    ],
    sizes: sizes.map((s) => ({
      n: s.n,
      file: s.file,
      loadAverage: s.load,
      ours: {
        processSeconds: s.ours.wallSeconds,
        runSeconds: s.ours.seconds,
        peakRssMb: s.ours.peakRssMb,
        k: s.ours.k,
        dim: s.ours.dim,
        stages: s.ours.stages,
        spread: { runSeconds: s.spreads.runSeconds, processSeconds: s.spreads.processSeconds, peakRssMb: s.spreads.peakRssMb },
      },
      eval: s.eval ? { ...s.eval, spread: { seconds: s.spreads.evalSeconds, cpuSeconds: s.spreads.evalCpuSeconds, peakRssMb: s.spreads.evalPeakRssMb } } : null,
      kmeans: { n: s.kmeans.n, dim: s.kmeans.dim, k: s.kmeans.k, iterations: s.kmeans.iterations, perIterationMs: s.kmeans.perIterationMs, inertia: s.kmeans.inertia },
      peer: s.peer
        ? { processSeconds: s.peer.wallSeconds, importSeconds: s.peer.importSeconds, peakRssMb: s.peer.peakRssMb, stages: s.peer.stages, kmeansIterations: s.peer.iterations, env: s.peer.env, spread: { processSeconds: s.spreads.peerSeconds, peakRssMb: s.spreads.peerPeakRssMb } }
        : null,
      peerKmeans: s.peerKmeans ? { iterations: s.peerKmeans.iterations, perIterationMs: s.peerKmeans.perIterationMs, inertia: s.peerKmeans.inertia } : null,
      ratios: s.ratios ?? null,
    })),
    eventsDetail: events
      ? { n: events.events, customers: events.customers, seconds: events.seconds, processSeconds: events.wallSeconds, peakRssMb: events.peakRssMb, loadAverage: events.load, file: events.file, spread: events.spread }
      : null,
  };
}

interface OrderLinesResult {
  n: number;
  customers: number;
  seconds: number;
  processSeconds: number;
  peakRssMb: number;
  loadAverage: number[];
  spread: FeatReps['spread'];
}

function markdown(r: BenchResults & { orderLines?: OrderLinesResult }): string {
  const lines: string[] = [];
  lines.push(`# segmenta benchmark`, '');
  lines.push(`\`${r.command}\` — ${r.date.slice(0, 10)} — ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}`, '');
  const stageNames = [...new Set(r.sizes.flatMap((s) => Object.keys(s.ours.stages)))];
  lines.push(`| customers | ${stageNames.join(' | ')} | Run (s) | process (s) | peak RSS (MB) | pandas + sklearn (s) | peer peak RSS (MB) | k-means ms/iter ours / sklearn | ratio k-means/iter | ratio whole job | load avg |`);
  lines.push(`|${'---|'.repeat(stageNames.length + 11)}`);
  for (const s of r.sizes) {
    const st = stageNames.map((k) => (s.ours.stages[k] !== undefined ? s.ours.stages[k].toFixed(2) : '–'));
    lines.push(
      `| ${s.n.toLocaleString('en-US')} | ${st.join(' | ')} | ${s.ours.runSeconds.toFixed(1)} | ${s.ours.processSeconds.toFixed(1)} | ${s.ours.peakRssMb} | ${s.peer ? s.peer.processSeconds.toFixed(1) : '–'} | ${s.peer?.peakRssMb ?? '–'} | ${s.kmeans.perIterationMs.toFixed(1)} / ${s.peerKmeans ? s.peerKmeans.perIterationMs.toFixed(1) : '–'} | ${s.ratios ? `${s.ratios.kmeansPerIteration}×` : '–'} | ${s.ratios ? `${s.ratios.wholeJob}×` : '–'} | ${s.loadAverage[0]} |`,
    );
  }
  lines.push('');
  lines.push(`Over ${r.reps} repetition${r.reps === 1 ? '' : 's'}, min / median / max:`, '');
  lines.push(`| customers | Run (s) | process (s) | peak RSS (MB) | pandas + sklearn (s) | eval (s) | eval CPU (s) | eval peak RSS (MB) |`, `|---|---|---|---|---|---|---|---|`);
  for (const s of r.sizes) {
    lines.push(
      `| ${s.n.toLocaleString('en-US')} | ${fmtSpread(s.ours.spread.runSeconds)} | ${fmtSpread(s.ours.spread.processSeconds)} | ${fmtSpread(s.ours.spread.peakRssMb, 0)} | ${fmtSpread(s.peer?.spread.processSeconds)} | ${fmtSpread(s.eval?.spread.seconds)} | ${fmtSpread(s.eval?.spread.cpuSeconds)} | ${fmtSpread(s.eval?.spread.peakRssMb, 0)} |`,
    );
  }
  lines.push('');
  const logRow = (what: string, e: { n: number; customers: number; seconds: number; processSeconds: number; peakRssMb: number; loadAverage: number[]; spread?: FeatReps['spread'] }) =>
    `| ${what} | ${e.n.toLocaleString('en-US')} | ${e.customers.toLocaleString('en-US')} | ${e.spread ? fmtSpread(e.spread.seconds) : e.seconds.toFixed(1)} | ${e.spread ? fmtSpread(e.spread.processSeconds) : e.processSeconds.toFixed(1)} | ${e.spread ? fmtSpread(e.spread.peakRssMb, 0) : e.peakRssMb} | ${e.loadAverage[0]} |`;
  if (r.eventsDetail || r.orderLines) {
    lines.push(`| log | lines | customers | features (s) | process (s) | peak RSS (MB) | load avg |`, `|---|---|---|---|---|---|---|`);
    if (r.eventsDetail) lines.push(logRow('events', r.eventsDetail));
    if (r.orderLines) lines.push(logRow('order lines', r.orderLines));
    lines.push('');
  }
  if (r.startup) {
    const u = r.startup;
    lines.push(`| start-up (min / median / max) | \`segmenta --version\` | \`segmenta runs\` | \`node -e 0\` | load avg |`, `|---|---|---|---|---|`);
    lines.push(`| ${u.version.n} starts each, bin → dist/ (s) | ${fmtSpread(u.version, 2)} | ${fmtSpread(u.runs, 2)} | ${fmtSpread(u.node, 2)} | ${u.loadAverage[0]} |`);
    lines.push(`| peak RSS (MB), ${u.peakRssMb.version.n} runs each | ${fmtSpread(u.peakRssMb.version, 0)} | ${fmtSpread(u.peakRssMb.runs, 0)} | ${fmtSpread(u.peakRssMb.node, 0)} | |`, '');
  }
  const peerStages = r.sizes.find((s) => s.peer)?.peer;
  if (peerStages) {
    const kern = (peerStages.env.kernels as { internal_api?: string; architecture?: string; num_threads?: number }[] | undefined)
      ?.map((k) => `${k.internal_api ?? '?'}${k.architecture ? ` ${k.architecture}` : ''} × ${k.num_threads ?? '?'} threads`)
      .join(', ');
    lines.push(`Peer: pandas ${peerStages.env.pandas}, scikit-learn ${peerStages.env.sklearn}, numpy ${peerStages.env.numpy} (${kern}); OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for the peer.`, '');
  }
  lines.push(
    `Targets: 1M customers → Run ≤ ${r.targets.runSeconds1M} s, peak RSS ≤ ${r.targets.peakRssMb1M} MB, eval ≤ ${r.targets.evalSeconds1M} s; 10M events → features ≤ ${r.targets.eventsSeconds10M} s; 10M order lines → features ≤ ${r.targets.orderLinesSeconds10M} s; start-up ≤ ${r.targets.startupSeconds} s; k-means/iteration ≤ ${r.targets.kmeansPerIterationRatio}× scikit-learn; whole job ≤ ${r.targets.wholeJobRatio}× pandas + scikit-learn at 1M, ≤ ${r.targets.wholeJobRatio100k}× at 100k.`,
    '',
    ...r.notes.map((n) => `- ${n}`),
    '',
  );
  return lines.join('\n');
}

function parseCount(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`not a size: ${s} (use e.g. 100k, 1M, 2000)`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

export function parseArgs(argv: string[]): BenchOptions {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    sizes: (get('--sizes') ?? (quick ? '100k' : '100k,1M')).split(',').map(parseCount),
    events: parseCount(get('--events') ?? (quick ? '1M' : '10M')),
    orderLines: parseCount(get('--order-lines') ?? (quick ? '1M' : '10M')),
    seed: Number(get('--seed') ?? 42),
    iters: Number(get('--iters') ?? 20),
    peer: !argv.includes('--no-peer'),
    truth: !argv.includes('--no-truth'),
    // --quick is one repetition unless --reps says otherwise.
    reps: Math.max(1, Number(get('--reps') ?? (quick ? 1 : 5))),
    dataDir: resolve(get('--data') ?? DEFAULT_DATA_DIR),
    outDir: resolve(get('--out') ?? join(BENCH_DIR, 'results')),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench(parseArgs(process.argv.slice(2))).catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

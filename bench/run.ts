/**
 * `npm run bench`: segmenta at scale, side by side with pandas + scikit-learn in the same run.
 *
 *   npm run bench                  100k and 1M customers, 10M events
 *   npm run bench -- --quick       100k customers (and 1M events, 1M order lines) only
 *   (the full run also aggregates a 10M-line Online Retail–shaped order-line CSV: --order-lines N)
 *   options: --sizes 100k,1M  --events 10M  --iters 20  --seed 42  --no-peer  --no-truth  --out DIR  --data DIR
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
import { featuresJob, kmeansJob, runJob } from './job.js';
import { runTruth, truthMarkdown } from './truth.js';
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
}

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
      t0 = performance.now();
      const ours = o.inProcess
        ? { ...(await runJob(file, ws, { seed: o.seed, quiet: true })), wallSeconds: 0 }
        : await ourJob<RunOut>(['run', file, '--workspace', ws, '--seed', String(o.seed)]);
      if (o.inProcess) ours.wallSeconds = r2((performance.now() - t0) / 1000);
      log(`  segmenta: ${ours.wallSeconds.toFixed(1)} s (process), Run ${ours.seconds.toFixed(1)} s, k ${ours.k}, peak RSS ${ours.peakRssMb} MB — ${fmtStages(ours.stages)}`);

      const initPath = join(work, `init-${n}.f32`);
      t0 = performance.now();
      const kmeans = o.inProcess
        ? { ...kmeansJob(ours.runDir, o.iters, initPath), wallSeconds: 0 }
        : await ourJob<KmOut>(['kmeans', ours.runDir, '--iters', String(o.iters), '--init', initPath]);
      log(`  k-means (ours): ${kmeans.perIterationMs.toFixed(1)} ms/iteration (${kmeans.iterations} iterations on ${n} × ${kmeans.dim}, k ${kmeans.k})`);

      const result: SizeResult = { n, file: relative(ROOT, file), load: l0, ours, kmeans };
      if (peer) {
        const out = join(work, `peer-${n}`);
        const pj = lastJson<PeerJob>(
          await runProc(
            PYTHON,
            [join(BENCH_DIR, 'peer.py'), 'job', file, join(ours.runDir, 'run.json'), '--k', String(ours.k), '--n-init', String(CLUSTER_DEFAULTS.restarts), '--seed', String(o.seed), '--svd', String(ours.textWidth || 16), '--out', out],
            peerEnv(),
          ),
          'peer job',
        );
        log(`  pandas + scikit-learn: ${pj.wallSeconds.toFixed(1)} s (process), peak RSS ${pj.peakRssMb} MB — ${fmtStages(pj.stages)}`);
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

    let events: (FeatOut & { wallSeconds: number; load: number[]; file: string }) | undefined;
    if (o.events > 0) {
      let t0 = performance.now();
      const file = await ensureEvents(o.events, o.seed, o.dataDir);
      log(`${sizeLabel(o.events)} events: ${relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
      const l0 = load();
      t0 = performance.now();
      const f = o.inProcess ? { ...(await featuresJob(file)), wallSeconds: 0 } : await ourJob<FeatOut>(['features', file]);
      if (o.inProcess) f.wallSeconds = r2((performance.now() - t0) / 1000);
      events = { ...f, load: l0, file: relative(ROOT, file) };
      log(`  features: ${f.customers} customers × ${f.features} features in ${f.seconds.toFixed(1)} s, peak RSS ${f.peakRssMb} MB`);
    }

    let orderLines: (FeatOut & { wallSeconds: number; load: number[]; file: string }) | undefined;
    if ((o.orderLines ?? 0) > 0) {
      let t0 = performance.now();
      const file = await ensureOrderLines(o.orderLines!, o.seed, o.dataDir);
      log(`${sizeLabel(o.orderLines!)} order lines: ${relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
      const l0 = load();
      t0 = performance.now();
      const f = o.inProcess ? { ...(await featuresJob(file)), wallSeconds: 0 } : await ourJob<FeatOut>(['features', file]);
      if (o.inProcess) f.wallSeconds = r2((performance.now() - t0) / 1000);
      orderLines = { ...f, load: l0, file: relative(ROOT, file) };
      log(`  order lines → features: ${f.customers} customers × ${f.features} features in ${f.seconds.toFixed(1)} s, peak RSS ${f.peakRssMb} MB`);
    }

    // The truth table (bench/truth.ts): planted files → ARI beside scikit-learn, and the scorecard.
    const truth = o.truth === false ? undefined : await runTruth({ seeds: 3, peer: o.peer, evals: true, log });
    const results = { ...summarize(o, sizes, events), ...(truth ? { truth } : {}), ...(orderLines ? { orderLines: { n: orderLines.events, customers: orderLines.customers, seconds: orderLines.seconds, processSeconds: orderLines.wallSeconds, peakRssMb: orderLines.peakRssMb, file: orderLines.file } } : {}) };
    writeFileSync(join(o.outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(o.outDir, 'latest.md'), markdown(results) + (truth ? `\n${truthMarkdown(truth)}` : ''));
    log(`results: ${relative(ROOT, join(o.outDir, 'latest.md'))}, latest.json`);
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fmtStages(s: Record<string, number>): string {
  return Object.entries(s)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
}

export type BenchResults = ReturnType<typeof summarize>;

function summarize(o: BenchOptions, sizes: SizeResult[], events?: { events: number; customers: number; seconds: number; wallSeconds: number; peakRssMb: number; load: number[]; file: string }) {
  // The headline is the largest customer size measured.
  const top = sizes[sizes.length - 1];
  return {
    customers: top ? { n: top.n, seconds: top.ours.seconds, peakRssMb: top.ours.peakRssMb } : null,
    events: events ? { n: events.events, seconds: events.seconds } : null,
    peer: top?.peer ? { seconds: top.peer.wallSeconds } : null,
    ratios: top?.ratios ? { kmeansPerIteration: top.ratios.kmeansPerIteration, wholeJob: top.ratios.wholeJob } : null,
    targets: {
      runSeconds1M: 60,
      peakRssMb1M: 4096,
      eventsSeconds10M: 30,
      kmeansPerIterationRatio: 2,
      wholeJobRatio: 1,
    },
    date: new Date().toISOString(),
    command: o.command ?? 'npm run bench',
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    notes: [
      'ratios are ours ÷ the peer’s, measured in the same run; wholeJob compares process wall times (start-up and imports included on both sides)',
      'kmeansPerIteration: Lloyd on exactly the Run’s vectors from the same k-means++ start, tol = 0, total time ÷ iterations, best of 2',
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
      },
      kmeans: { n: s.kmeans.n, dim: s.kmeans.dim, k: s.kmeans.k, iterations: s.kmeans.iterations, perIterationMs: s.kmeans.perIterationMs, inertia: s.kmeans.inertia },
      peer: s.peer
        ? { processSeconds: s.peer.wallSeconds, importSeconds: s.peer.importSeconds, peakRssMb: s.peer.peakRssMb, stages: s.peer.stages, kmeansIterations: s.peer.iterations, env: s.peer.env }
        : null,
      peerKmeans: s.peerKmeans ? { iterations: s.peerKmeans.iterations, perIterationMs: s.peerKmeans.perIterationMs, inertia: s.peerKmeans.inertia } : null,
      ratios: s.ratios ?? null,
    })),
    eventsDetail: events
      ? { n: events.events, customers: events.customers, seconds: events.seconds, processSeconds: events.wallSeconds, peakRssMb: events.peakRssMb, loadAverage: events.load, file: events.file }
      : null,
  };
}

function markdown(r: BenchResults): string {
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
  if (r.eventsDetail) {
    const e = r.eventsDetail;
    lines.push(`| events | customers | features (s) | process (s) | peak RSS (MB) | load avg |`, `|---|---|---|---|---|---|`);
    lines.push(`| ${e.n.toLocaleString('en-US')} | ${e.customers.toLocaleString('en-US')} | ${e.seconds.toFixed(1)} | ${e.processSeconds.toFixed(1)} | ${e.peakRssMb} | ${e.loadAverage[0]} |`, '');
  }
  const peerStages = r.sizes.find((s) => s.peer)?.peer;
  if (peerStages) {
    const kern = (peerStages.env.kernels as { internal_api?: string; architecture?: string; num_threads?: number }[] | undefined)
      ?.map((k) => `${k.internal_api ?? '?'}${k.architecture ? ` ${k.architecture}` : ''} × ${k.num_threads ?? '?'} threads`)
      .join(', ');
    lines.push(`Peer: pandas ${peerStages.env.pandas}, scikit-learn ${peerStages.env.sklearn}, numpy ${peerStages.env.numpy} (${kern}); OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for the peer.`, '');
  }
  lines.push(
    `Targets: 1M customers → Run ≤ ${r.targets.runSeconds1M} s, peak RSS ≤ ${r.targets.peakRssMb1M} MB; 10M events → features ≤ ${r.targets.eventsSeconds10M} s; k-means/iteration ≤ ${r.targets.kmeansPerIterationRatio}× scikit-learn; whole job ≤ ${r.targets.wholeJobRatio}× pandas + scikit-learn.`,
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

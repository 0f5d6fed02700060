import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, peerAvailable, runBench, spread } from '../../bench/run.js';

/**
 * `npm run bench`'s code path on a tiny size, so it cannot rot: seeded data generated, a
 * complete Run, the k-means per-iteration job, the event features, the peer (when Debian's
 * python3-pandas and python3-sklearn are installed; skipped otherwise) and both result files.
 * Timings are not checked: CI machines are shared. The real bench is not part of `npm test`.
 */
describe('bench (tiny size)', () => {
  it('parses its flags: --quick is 100k customers only', () => {
    expect(parseArgs(['--quick']).sizes).toEqual([100_000]);
    expect(parseArgs([]).sizes).toEqual([100_000, 1_000_000]);
    expect(parseArgs([]).events).toBe(10_000_000);
    expect(parseArgs(['--sizes', '2k,1.5M', '--no-peer']).sizes).toEqual([2_000, 1_500_000]);
    expect(parseArgs(['--no-peer']).peer).toBe(false);
    expect(parseArgs([]).reps).toBe(5);
    expect(parseArgs(['--quick']).reps).toBe(1);
    expect(parseArgs(['--quick', '--reps', '3']).reps).toBe(3);
  });

  it('reports min / median / max', () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3, n: 3 });
    expect(spread([4, 1, 2, 10])).toEqual({ min: 1, median: 3, max: 10, n: 4 });
  });

  it('runs every step on 2k customers and 20k events and writes latest.json and latest.md', async () => {
    const root = mkdtempSync(join(tmpdir(), 'segmenta-bench-'));
    const peer = await peerAvailable();
    const lines: string[] = [];
    const r = await runBench({
      sizes: [2000],
      events: 20_000,
      orderLines: 20_000,
      seed: 42,
      iters: 10,
      peer,
      truth: false,
      dataDir: join(root, 'data'),
      outDir: join(root, 'results'),
      inProcess: true,
      reps: 2,
      log: (l) => lines.push(l),
    });
    const json = JSON.parse(readFileSync(join(root, 'results', 'latest.json'), 'utf8'));
    expect(json.customers).toEqual({ n: 2000, seconds: expect.any(Number), peakRssMb: expect.any(Number) });
    expect(json.events).toEqual({ n: 20_000, seconds: expect.any(Number) });
    expect(json.orderLines).toMatchObject({ n: 20_000, customers: expect.any(Number), seconds: expect.any(Number) });
    expect(json.orderLines.customers).toBeGreaterThan(100);
    expect(json.sizes[0].ours.stages).toMatchObject({ ingest: expect.any(Number), embed: expect.any(Number), cluster: expect.any(Number), profile: expect.any(Number), briefs: expect.any(Number), index: expect.any(Number) });
    expect(json.sizes[0].ours.stages['cluster.chooseK']).toEqual(expect.any(Number));
    expect(json.sizes[0].kmeans.perIterationMs).toBeGreaterThan(0);
    // Two repetitions of every job: the figure is the median of its spread.
    const sp = json.sizes[0].ours.spread.runSeconds;
    expect(sp.n).toBe(2);
    expect(sp.min).toBeLessThanOrEqual(sp.median);
    expect(sp.median).toBeLessThanOrEqual(sp.max);
    expect(json.customers.seconds).toBe(sp.median);
    expect(json.eval).toMatchObject({ n: 2000, seconds: expect.any(Number), passed: expect.any(Boolean) });
    expect(json.sizes[0].eval.spread.seconds.n).toBe(2);
    expect(json.eval.cpuSeconds).toBeGreaterThan(0);
    expect(json.sizes[0].eval.spread.cpuSeconds.n).toBe(2);
    expect(json.orderLines.spread.seconds.n).toBe(2);
    // Start-up needs the built bin (dist/); without it the bench says so and records null.
    if (json.startup) {
      expect(json.startup.version.median).toBeGreaterThan(0);
      // Peak RSS of each start, from runs of their own: a Node process is never under 10 MB.
      for (const k of ['version', 'runs', 'node']) expect(json.startup.peakRssMb[k].median).toBeGreaterThan(10);
    }
    else expect(lines.some((l) => l.startsWith('start-up skipped'))).toBe(true);
    if (peer) {
      expect(json.peer).toEqual({ seconds: expect.any(Number) });
      expect(json.ratios).toEqual({ kmeansPerIteration: expect.any(Number), wholeJob: expect.any(Number) });
      // Both k-means ran from the same start on the same vectors: the same fixed point.
      expect(json.sizes[0].peerKmeans.inertia).toBeCloseTo(json.sizes[0].kmeans.inertia, -1);
    } else {
      expect(json.peer).toBeNull();
    }
    expect(r.customers?.n).toBe(2000);
    const md = readFileSync(join(root, 'results', 'latest.md'), 'utf8');
    expect(md).toMatch(/\| 2,000 \|/);
    expect(md).toMatch(/\| 20,000 \|/);
    expect(existsSync(join(root, 'data'))).toBe(true);
  }, 180_000); // the peer (pandas + scikit-learn) starts a Python process: slow on a busy machine
});

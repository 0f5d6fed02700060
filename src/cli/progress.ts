import { createRequire } from 'node:module';
import type { MultiBar, SingleBar } from 'cli-progress';
import type { ProgressEvent, ProgressHook } from '../model/progress.js';

/** The stages makeRun logs as "<stage> done", in order: a `segment` is these steps. */
export const SEGMENT_STEPS = ['ingest', 'embed', 'cluster', 'profile', 'write', 'save', 'briefs', 'index', 'quotes'];

const NEEDS_ATTENTION = /\b(warning|retr(y|ying|ied)|fall(s|ing)? back|fallback|failed|refused)\b/i;

export interface Progress {
  log(line: string): void;
  /** Counts inside a stage (ops' ProgressHook): a second bar on a terminal, nothing otherwise. */
  progress: ProgressHook;
  stop(): void;
}

/** Redraw counts at most this often: a k-means loop reports thousands of runs. */
const DRAW_EVERY_MS = 100;

/** "cluster: 34/120 k-means runs (28%)", "ingest: 45% of customers.csv read", "ingest: 12,000 rows". */
export function describeCount(e: ProgressEvent): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (e.total === undefined) return `${e.stage}: ${n(e.done)} ${e.unit}`;
  if (e.unit.startsWith('%')) return `${e.stage}: ${Math.floor(e.done)}${e.unit}`;
  return `${e.stage}: ${n(e.done)}/${n(e.total)} ${e.unit} (${e.total ? Math.floor((100 * e.done) / e.total) : 100}%)`;
}

/**
 * Progress on stderr for people. On a terminal, a command with known steps gets a bar (by
 * cli-progress) with steps done/total, percentage and elapsed time, and its progress lines
 * are printed above the bar; counts inside a stage (rows read, k-means runs, LLM calls, eval
 * suites) get a second bar under it. Otherwise (piped) each line is printed with the time since
 * the start, for logs, and counts are not shown. --quiet prints nothing, --json only what needs
 * attention.
 */
export function createProgress(opts: { quiet?: boolean; json?: boolean; steps?: string[] }, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const none = () => {};
  if (opts.quiet) return { log: none, progress: none, stop: none };
  const stamp = (line: string) => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s  ${line}`;
  // A script reading --json still hears what needs attention (a retry, a fallback, a warning).
  if (opts.json) return { log: (line) => void (NEEDS_ATTENTION.test(line) && stream.write(`${stamp(line)}\n`)), progress: none, stop: none };
  if (!stream.isTTY) return { log: (line) => void stream.write(`${stamp(line)}\n`), progress: none, stop: none };

  const steps = opts.steps ?? [];
  let multi: MultiBar | undefined;
  let bar: SingleBar | undefined;
  let counts: SingleBar | undefined;
  // The bars are drawn on demand: the stages are CPU-bound (k-means is one synchronous loop), so
  // the bars' own redraw timer may not fire until the work is over. MultiBar.update() (untyped
  // in @types/cli-progress) redraws now and flushes the lines logged above the bars.
  const draw = () => (multi as unknown as { update(): void } | undefined)?.update();
  const open = () => {
    // Required here, only when bars are drawn (a terminal): ~0.03 s of every command's start-up otherwise.
    const { MultiBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
    multi ??= new MultiBar(
      {
        stream,
        format: '{bar} {percentage}% | {value}/{total} steps | {stage} | {duration}s',
        hideCursor: true,
        clearOnComplete: false,
        // Redraw on a timer too, so the elapsed seconds move while a long stage waits on I/O.
        fps: 5,
      },
      Presets.shades_classic,
    );
    return multi;
  };
  if (steps.length > 0) bar = open().create(steps.length, 0, { stage: `${steps[0]}…` });
  const done = new Set<string>();
  let lastDraw = 0;
  return {
    log(line) {
      if (!multi) return void stream.write(`${stamp(line)}\n`);
      // A step may be several words ("held-out split done (5.7 s)", eval's steps).
      const stage = steps.find((s) => line.startsWith(`${s} done`) && !/\w/.test(line.charAt(s.length + 5)));
      if (stage) {
        done.add(stage);
        const next = steps.find((s) => !done.has(s));
        bar?.update(done.size, { stage: next ? `${next}…` : 'done' });
        // The stage's counts are over; the next stage's start with its first report.
        counts?.update(0, { detail: next ? `${next}…` : 'done' });
      }
      multi.log(`${stamp(line)}\n`);
      draw();
    },
    progress(e) {
      const m = open();
      const total = e.total ?? 0;
      counts ??= m.create(1, 0, { detail: '' }, { format: '{bar} {detail} | {duration}s' });
      // An unknown total draws an empty bar beside the count (a spinner's worth of information).
      counts.setTotal(Math.max(1, total));
      counts.update(e.total === undefined ? 0 : e.done, { detail: describeCount(e) });
      const now = performance.now();
      if (now - lastDraw >= DRAW_EVERY_MS || e.done === e.total) {
        lastDraw = now;
        draw();
      }
    },
    stop() {
      multi?.stop();
    },
  };
}

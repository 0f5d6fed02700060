import { MultiBar, Presets } from 'cli-progress';

/** The stages makeRun logs as "<stage> done", in order: a `segment` is these steps. */
export const SEGMENT_STEPS = ['ingest', 'embed', 'cluster', 'profile', 'write', 'save', 'briefs', 'index', 'quotes'];

const NEEDS_ATTENTION = /\b(warning|retr(y|ying|ied)|fall(s|ing)? back|fallback|failed|refused)\b/i;

export interface Progress {
  log(line: string): void;
  stop(): void;
}

/**
 * Progress on stderr for people. On a terminal, a command with known steps gets a bar (by
 * cli-progress) with steps done/total, percentage and elapsed time, and its progress lines
 * are printed above the bar; otherwise (piped, or no steps) each line is printed with the time
 * since the start, for logs. --quiet prints nothing, --json only what needs attention.
 */
export function createProgress(opts: { quiet?: boolean; json?: boolean; steps?: string[] }, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  if (opts.quiet) return { log: () => {}, stop: () => {} };
  const stamp = (line: string) => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s  ${line}`;
  // A script reading --json still hears what needs attention (a retry, a fallback, a warning).
  if (opts.json) return { log: (line) => void (NEEDS_ATTENTION.test(line) && stream.write(`${stamp(line)}\n`)), stop: () => {} };
  if (!stream.isTTY || !opts.steps?.length) return { log: (line) => void stream.write(`${stamp(line)}\n`), stop: () => {} };

  const steps = opts.steps;
  const multi = new MultiBar(
    {
      stream,
      format: '{bar} {percentage}% | {value}/{total} steps | {stage} | {duration}s',
      hideCursor: true,
      clearOnComplete: false,
      // Redraw on a timer too, so the elapsed seconds move while a long stage runs.
      fps: 5,
    },
    Presets.shades_classic,
  );
  const bar = multi.create(steps.length, 0, { stage: `${steps[0]}…` });
  const done = new Set<string>();
  return {
    log(line) {
      const stage = /^(\w+) done\b/.exec(line)?.[1];
      if (stage && steps.includes(stage)) {
        done.add(stage);
        const next = steps.find((s) => !done.has(s));
        bar.update(done.size, { stage: next ? `${next}…` : 'done' });
      }
      multi.log(`${stamp(line)}\n`);
      // Draw now: the stages are CPU-bound, so the bar's own redraw timer may not fire until
      // the work is over. MultiBar.update() (untyped in @types/cli-progress) flushes the log.
      (multi as unknown as { update(): void }).update();
    },
    stop() {
      multi.stop();
    },
  };
}

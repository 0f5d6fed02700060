// Here, not in src/model/, because the lowest floor (cluster/kmeans, data/) counts with it; model/progress.ts re-exports the types.
/**
 * Counts inside a stage, for a person watching a long step: `done` of `total` `unit`s (k-means
 * fits, LLM calls, eval suites, percent of the file read). A stage reports only counts that
 * grow; a surface decides how to show them (the CLI's bar on a terminal, nothing when piped,
 * in --json or in the REPL, whose prompt a bar would draw over).
 */
export interface ProgressEvent {
  /** The stage it belongs to, as makeRun logs "<stage> done" (ingest, cluster, write, …) or `eval`. */
  stage: string;
  done: number;
  /** Unknown (a row count not yet known): the surface shows a count and the time, not a bar. */
  total?: number;
  unit: string;
}

export type ProgressHook = (event: ProgressEvent) => void;

/**
 * A counter for one stage and unit: `tick()` adds one, `grow()` raises the total when more work
 * becomes known (the k candidates whose stability is measured). Never goes backwards.
 */
export function stageCounter(hook: ProgressHook | undefined, stage: string, unit: string, total?: number) {
  let done = 0;
  let all = total;
  const emit = () => hook?.({ stage, done, total: all, unit });
  return {
    start: emit,
    tick(n = 1) {
      done += n;
      if (all !== undefined && done > all) all = done;
      emit();
    },
    grow(n: number) {
      all = (all ?? done) + n;
      emit();
    },
    /** The work is over: whatever was not needed (a k range cut short) leaves the total. */
    finish() {
      all = done;
      emit();
    },
    get done() {
      return done;
    },
  };
}

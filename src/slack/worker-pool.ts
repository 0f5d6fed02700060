import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { OpOutcome, OpRunner, OpTask } from './dispatch.js';
import type { WorkerOutcome } from './op-worker.js';

// op-worker's WARM_UP (importing its value would load the operations on this thread too).
const WARM_UP = 'warm-up';

export interface WorkerPoolOptions {
  /** Worker threads (the queue never runs more operations than this at once). */
  threads: number;
  /** The operation's log lines, written by the worker, logged here. */
  log: (line: string) => void;
  /** Heap of one worker; past it the worker dies and that one command is answered as an error. */
  maxHeapMb?: number;
}

/** Past the operation's own time limit by this much, the worker is killed rather than asked. */
const HARD_STOP_GRACE_MS = 10_000;

/**
 * Slack operations run here, in worker threads (piscina), never on the bot's event loop: a
 * CPU-heavy eval or brief then cannot hold up the ack of anyone else's command. Threads are
 * started once and kept; a task past its time limit (plus a grace) is aborted, which makes
 * piscina terminate that thread and start a fresh one.
 */
export class WorkerPool implements OpRunner {
  private readonly pool: Piscina;

  constructor(private readonly opts: WorkerPoolOptions) {
    const { filename, execArgv } = workerEntry();
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // Never time out idle threads: starting one costs a second or more of module loading.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 2048 },
      // The threads yield the CPU to the event loop (acks) when both want it: on a busy machine
      // an operation takes a little longer, an ack does not (piscina renices via @napi-rs/nice).
      niceIncrement: 10,
    });
  }

  /** Resolves once every thread has loaded the operations (a thread takes seconds to start). */
  async ready(): Promise<void> {
    await Promise.all(Array.from({ length: this.opts.threads }, () => this.pool.run(WARM_UP)));
  }

  async run(task: OpTask): Promise<OpOutcome> {
    const out = (await this.pool.run(task, { signal: AbortSignal.timeout(task.timeoutMs + HARD_STOP_GRACE_MS) })) as WorkerOutcome;
    for (const line of out.log) this.opts.log(line);
    return { reply: out.reply, session: out.session };
  }

  /** Operations answered so far (tests check that the work really went to the threads). */
  get completed(): number {
    return this.pool.completed;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * The worker's file beside this one: op-worker.js when compiled, op-worker.ts when the sources
 * run through tsx or vitest, in which case the thread needs tsx's loader to import TypeScript.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  const ts = here.endsWith('.ts');
  const filename = fileURLToPath(new URL(`./op-worker.${ts ? 'ts' : 'js'}`, here));
  if (!ts || process.execArgv.some((a) => a.includes('tsx'))) return { filename, execArgv: process.execArgv };
  const loader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename, execArgv: [...process.execArgv, '--import', loader] };
}

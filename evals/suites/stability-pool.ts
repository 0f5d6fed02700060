import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { CustomerTable } from '../../src/model/data.js';
import type { Vectors } from '../../src/model/vectors.js';
import { sharedTableOf } from '../../src/run/table-file.js';
import type { ResampleResult, ResampleTask } from './resample.js';
import type { StabilityWorkerData } from './stability-worker.js';

/**
 * The bootstrap's worker threads (piscina, as the Slack bot's pool): one resample per task.
 * Only for a table and vectors in shared memory (the table the Run stored, its vectors read
 * into a SharedArrayBuffer): the threads read them where they are, nothing is copied; anything
 * else is resampled in the main thread. At most one thread per core, and no more than tasks.
 */
export interface ResamplePool {
  run(task: ResampleTask): Promise<ResampleResult>;
  close(): Promise<void>;
}

export function createResamplePool(table: CustomerTable, vectors: Vectors, tasks: number, threads = Math.min(availableParallelism(), 4)): ResamplePool | undefined {
  const t = sharedTableOf(table);
  if (!t || !(vectors.data.buffer instanceof SharedArrayBuffer)) return undefined;
  const n = Math.max(1, Math.min(threads, tasks));
  const { filename, execArgv } = workerEntry();
  const workerData: StabilityWorkerData = { table: t, vectors };
  const pool = new Piscina({ filename, execArgv, workerData, minThreads: n, maxThreads: n, idleTimeout: 1000 });
  return {
    run: (task) => pool.run(task) as Promise<ResampleResult>,
    close: () => pool.destroy(),
  };
}

/**
 * stability-worker.js beside this file when compiled; stability-worker.ts under tsx or vitest,
 * where the thread needs tsx's loader to import TypeScript (src/slack/worker-pool.ts does the same).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  const ts = here.endsWith('.ts');
  const filename = fileURLToPath(new URL(`./stability-worker.${ts ? 'ts' : 'js'}`, here));
  if (!ts || process.execArgv.some((a) => a.includes('tsx'))) return { filename, execArgv: process.execArgv };
  const loader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename, execArgv: [...process.execArgv, '--import', loader] };
}

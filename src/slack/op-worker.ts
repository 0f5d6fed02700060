import { dispatchOp, type OpOutcome, type OpTask } from './dispatch.js';

/** Sent once to each thread at start, so the first command does not pay for loading the operations. */
export const WARM_UP = 'warm-up';

/** What a worker hands back: the outcome, and the log lines the operation wrote on the way. */
export interface WorkerOutcome extends OpOutcome {
  log: string[];
}

/**
 * The entry of a Slack worker thread (worker-pool.ts starts it through piscina): one operation,
 * run exactly as the dispatcher would run it in-process, answered as plain data.
 */
export default async function runTask(task: OpTask | typeof WARM_UP): Promise<WorkerOutcome | undefined> {
  // The operations were loaded with this module: a warm-up has nothing left to do.
  if (task === WARM_UP) return undefined;
  const log: string[] = [];
  const session = { ...task.session };
  const reply = await dispatchOp(task, session, (line) => log.push(line));
  return { reply, session, log };
}

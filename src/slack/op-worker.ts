import { dispatchOp, type OpOutcome, type OpTask } from './dispatch.js';

/** What a worker hands back: the outcome, and the log lines the operation wrote on the way. */
export interface WorkerOutcome extends OpOutcome {
  log: string[];
}

/**
 * The entry of a Slack worker thread (worker-pool.ts starts it through piscina): one operation,
 * run exactly as the dispatcher would run it in-process, answered as plain data.
 */
export default async function runTask(task: OpTask): Promise<WorkerOutcome> {
  const log: string[] = [];
  const session = { ...task.session };
  const reply = await dispatchOp(task, session, (line) => log.push(line));
  return { reply, session, log };
}

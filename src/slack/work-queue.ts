/** What `submit` says at once, before any work starts: refused, or accepted at a place in line. */
export type Admission<T> =
  | { kind: 'refused'; text: string }
  /** position 0: running now; N: N-th in line. `done` settles with the job's own result. */
  | { kind: 'accepted'; position: number; done: Promise<T> };

export interface QueueLimits {
  /** Jobs running at once, across all users (the worker pool's size). */
  concurrency: number;
  /** Jobs one user may have running or waiting at once. */
  perUser: number;
  /** Jobs waiting at once across all users; past it, new ones are refused (memory stays bounded). */
  maxWaiting: number;
}

/**
 * The Slack bot's line of work: at most `concurrency` jobs run, the rest wait first come first
 * served, and each user may have `perUser` jobs in it. `submit` decides synchronously, so the
 * Slack ack itself can say "refused" or "you are 3rd in line" without waiting for anything.
 * (A library queue such as p-limit could cap concurrency, but not refuse per user or tell a
 * place in line before the job starts; this is the little that is left.)
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly perUser = new Map<string, number>();

  constructor(readonly limits: QueueLimits) {}

  submit<T>(user: string, job: () => Promise<T>): Admission<T> {
    const mine = this.perUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) {
      return { kind: 'refused', text: `you already have ${mine} command${mine === 1 ? '' : 's'} running or waiting; send more once I have answered one of them.` };
    }
    const mustWait = this.running >= this.limits.concurrency;
    if (mustWait && this.waiting.length >= this.limits.maxWaiting) {
      return { kind: 'refused', text: 'I have too many commands waiting right now. Try again in a minute.' };
    }
    this.perUser.set(user, mine + 1);
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    const done = started.then(job).finally(() => {
      this.running--;
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
      this.next();
    });
    if (!mustWait) {
      this.running++;
      start();
      return { kind: 'accepted', position: 0, done };
    }
    this.waiting.push(start);
    return { kind: 'accepted', position: this.waiting.length, done };
  }

  /** Jobs running and waiting now (for the log and tests). */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private next(): void {
    while (this.running < this.limits.concurrency && this.waiting.length) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}

/** "You're 3rd in line", for the ack of a command that has to wait. */
export function queuedText(position: number): string {
  return `:hourglass_flowing_sand: I'm busy with other commands: yours is number ${position} in line. The answer will follow here.`;
}

import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/slack/work-queue.js';

/** A job that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { open, job: () => done };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('WorkQueue (the Slack bot line)', () => {
  it('runs at most `concurrency` jobs, tells the others their place, and starts them first come first served', async () => {
    const q = new WorkQueue({ concurrency: 2, perUser: 3, maxWaiting: 10 });
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => ({ name, ...gate() }));
    const admitted = gates.map((g, i) => q.submit(`u${i}`, () => (started.push(g.name), g.job())));
    expect(admitted.map((a) => (a.kind === 'accepted' ? a.position : -1))).toEqual([0, 0, 1, 2]);
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(q.size).toEqual({ running: 2, waiting: 2 });
    gates[1].open();
    await tick();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.open();
    await Promise.all(admitted.map((a) => a.kind === 'accepted' && a.done));
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a user past their limit, in words, and takes them again once one is done', async () => {
    const q = new WorkQueue({ concurrency: 1, perUser: 2, maxWaiting: 10 });
    const g = gate();
    const first = q.submit('u', g.job);
    q.submit('u', async () => {});
    const third = q.submit('u', async () => {});
    expect(third).toEqual({ kind: 'refused', text: expect.stringMatching(/^you already have 2 commands running or waiting/) });
    expect(q.submit('v', async () => {}).kind).toBe('accepted'); // someone else is not affected
    g.open();
    await (first.kind === 'accepted' && first.done);
    await tick();
    expect(q.submit('u', async () => {}).kind).toBe('accepted');
  });

  it('refuses everyone once the line is full, and a failing job frees its place', async () => {
    const q = new WorkQueue({ concurrency: 1, perUser: 5, maxWaiting: 1 });
    const failing = q.submit('a', async () => {
      throw new Error('boom');
    });
    q.submit('b', async () => {});
    expect(q.submit('c', async () => {})).toMatchObject({ kind: 'refused', text: expect.stringContaining('too many commands waiting') });
    await expect(failing.kind === 'accepted' && failing.done).rejects.toThrow('boom');
    await tick();
    await tick();
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });
});

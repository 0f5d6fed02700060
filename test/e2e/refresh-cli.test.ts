import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from './cli.js';
import { baseCustomers, laterCustomers, writeSnapshot } from '../fixtures/refresh-snapshots.js';

/** Issue 21 through the real CLI: segment --since, refresh, diff and history, with --json. */
describe('refresh, diff and history on the command line', () => {
  const root = tempDir('segmenta-refresh-cli-');
  const ws = join(root, 'ws');
  const jan = join(root, 'jan.csv');
  const feb = join(root, 'feb.csv');
  const base = baseCustomers(1200, 7);
  const later = laterCustomers(base, 0.05, 100, 8);
  let first: { runId: string; segments: { id: number; name: string }[] };

  beforeAll(() => {
    writeSnapshot(jan, base, 21);
    writeSnapshot(feb, later.customers, 22);
    const r = segmenta(['segment', jan, '--k', '4', '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    first = JSON.parse(r.stdout);
  }, 180_000);

  it('segment FILE --since RUN keeps ids and names, and diff reports the movers', () => {
    const r = segmenta(['segment', feb, '--since', first.runId, '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.since).toBe(first.runId);
    expect(out.segments.map((s: { id: number; name: string }) => [s.id, s.name])).toEqual(first.segments.map((s) => [s.id, s.name]));
    expect(out.segments.every((s: { was: number; texts: string }) => s.texts === 'kept')).toBe(true);

    const d = segmenta(['diff', first.runId, out.runId, '--workspace', ws]);
    expect(d.status, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/What changed: Run/);
    expect(d.stdout).toMatch(/Transition matrix/);
    const dj = JSON.parse(segmenta(['diff', '--workspace', ws, '--json']).stdout);
    expect(dj.from.id).toBe(first.runId);
    expect(Math.abs(dj.movers - later.moved.size)).toBeLessThanOrEqual(0.01 * dj.shared);
    expect(readFileSync(join(out.runDir, 'changes.md'), 'utf8')).toContain(`Run ${first.runId} → Run ${out.runId}`);
  }, 180_000);

  it('refresh without arguments refreshes the latest Run with its own file; history follows one customer', () => {
    const r = segmenta(['refresh', '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.segments.map((s: { name: string }) => s.name)).toEqual(first.segments.map((s) => s.name));

    const moved = [...later.moved.keys()][0];
    const h = JSON.parse(segmenta(['history', moved, '--workspace', ws, '--json']).stdout);
    expect(h.runs).toHaveLength(3);
    expect(h.runs[0].segment).not.toBe(h.runs[1].segment);
    const csv = join(root, 'history.csv');
    expect(segmenta(['history', '--out', csv, '--workspace', ws]).status).toBe(0);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(1 + 1200 + 100);
    const bad = segmenta(['history', 'NOPE', '--workspace', ws]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/"NOPE" is in none of the 3 Runs/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 180_000);
});

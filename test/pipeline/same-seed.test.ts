import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCustomers } from '../../bench/generate.js';
import { runDifferences } from '../../bench/same-run.js';
import { loadConfig } from '../../src/config.js';
import { makeRun } from '../../src/pipeline/make-run.js';

/**
 * Same file, same seed → the same Run, byte for byte (issue #19: the speed work must not change
 * what a Run says). 20k customers of the bench's generated file, not 100k: two complete Runs at
 * 100k take ~25 s on a quiet 2-core machine and over a minute when it is shared, too much for
 * CI; 20k still has every column kind, k chosen by silhouette, text terms and representatives.
 * The comparison against the code before the change (a Run made at the base commit) is the
 * same function, run by hand: `tsx bench/same-run.ts BASE_RUN NEW_RUN`.
 */
describe('same seed, same Run', () => {
  it('two offline Runs of one file and seed are identical but for their id and timings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'segmenta-same-seed-'));
    try {
      const file = await ensureCustomers(20_000, 42, join(root, 'data'));
      const made = [];
      for (const ws of ['a', 'b']) {
        made.push(await makeRun({ file, seed: 42, config: loadConfig({ workspace: join(root, ws), offline: true }, {}), log: () => {} }));
      }
      expect(made[0].runDir).not.toBe(made[1].runDir);
      expect(made[0].run.metrics.customers).toBe(20_000);
      expect(runDifferences(made[0].runDir, made[1].runDir)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);

  it('notices a difference', async () => {
    const { comparableRunJson } = await import('../../bench/same-run.js');
    const a = JSON.stringify({ id: 'x', createdAt: 't1', metrics: { k: 3, seconds: { ingest: 1 } } });
    const b = JSON.stringify({ id: 'y', createdAt: 't2', metrics: { k: 3, seconds: { ingest: 2 } } });
    const c = JSON.stringify({ id: 'y', createdAt: 't2', metrics: { k: 4, seconds: { ingest: 2 } } });
    expect(comparableRunJson(a)).toBe(comparableRunJson(b));
    expect(comparableRunJson(a)).not.toBe(comparableRunJson(c));
  });
});

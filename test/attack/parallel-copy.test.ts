import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentaAsync, tempDir } from '../e2e/cli.js';
import { fixtureWorkspace } from '../ops/fixture.js';
import type { RunFile } from '../../src/model/run.js';
import { withRunLock } from '../../src/run/store.js';

/**
 * Issue 18: six `copy N sms --offer …` on one Run at once, as six separate processes (the way
 * six Slack users or terminals would). Each re-reads run.json under the Run's lock, so every
 * offer is kept: the last one as the current copy, the other five in textsHistory. Three trials.
 */
describe('parallel copy edits on one Run', () => {
  for (const trial of [1, 2, 3]) {
    it(`keeps all six offers (trial ${trial})`, async () => {
      const { runDir, workspace } = fixtureWorkspace();
      const offers = [1, 2, 3, 4, 5, 6].map((i) => `Offer ${trial}-${i}: free gift wrap`);
      const results = await Promise.all(offers.map((offer) => segmentaAsync(['copy', '1', 'sms', '--offer', offer, '--workspace', workspace])));
      for (const r of results) expect(r.status, r.stderr).toBe(0);
      const run: RunFile = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
      const seen = [run.segments.find((s) => s.id === 1)!.texts!.copy.offer, ...(run.textsHistory ?? []).map((h) => h.texts[1]?.copy.offer)].filter(Boolean).join('\n');
      for (const offer of offers) expect(seen, `offer "${offer}" lost`).toContain(offer);
    }, 120_000);
  }

  it('a waiting writer says so, then saves once the lock is free', async () => {
    const { runDir, workspace } = fixtureWorkspace();
    // The test holds the Run's lock (as a slow writer would) while a copy edit starts, so it must wait.
    let copyDone = false;
    // Wrapped in an object: returning the promise itself would keep the lock until the copy ends.
    const { copy } = await withRunLock(runDir, async () => {
      const copy = segmentaAsync(['copy', '1', 'sms', '--offer', 'Waited: free gift wrap', '--workspace', workspace]).then((r) => ((copyDone = true), r));
      await new Promise((r) => setTimeout(r, 4000));
      expect(copyDone, 'the copy finished while another writer held the lock').toBe(false);
      return { copy };
    });
    const r = await copy;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/waiting for another update of Run \S+ to finish/);
    const run: RunFile = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(run.segments.find((s) => s.id === 1)!.texts!.copy.offer).toContain('Waited: free gift wrap');
  }, 120_000);
});

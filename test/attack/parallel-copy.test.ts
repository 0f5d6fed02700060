import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentaAsync, tempDir } from '../e2e/cli.js';
import { fixtureWorkspace } from '../ops/fixture.js';
import type { RunFile } from '../../src/model/run.js';

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

  it('a waiting writer says so', async () => {
    const { workspace } = fixtureWorkspace();
    const results = await Promise.all([1, 2, 3, 4].map((i) => segmentaAsync(['copy', '1', 'sms', '--offer', `Wait ${i}`, '--workspace', workspace])));
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    // Not every run has to wait, but the message is the only thing a waiter prints about the lock.
    for (const r of results) if (/waiting/.test(r.stderr)) expect(r.stderr).toMatch(/waiting for another update of Run \S+ to finish/);
  }, 120_000);
});

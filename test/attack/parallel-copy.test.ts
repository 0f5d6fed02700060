import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { segmentaAsync, tempDir } from '../e2e/cli.js';
import { fixtureWorkspace } from '../ops/fixture.js';
import type { RunFile } from '../../src/model/run.js';
import { withRunLock } from '../../src/run/store.js';

const ROOT = resolve(import.meta.dirname, '../..');

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
    // The test holds the Run's lock (as a slow writer would) until the copy edit reports that it
    // waits — however long its start-up takes on a loaded machine — then lets it go.
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'copy', '1', 'sms', '--offer', 'Waited: free gift wrap', '--workspace', workspace], {
      cwd: ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NO_COLOR: '1' },
    });
    let stderr = '';
    let exited = false;
    const closed = new Promise<number | null>((res) => child.on('close', (code) => ((exited = true), res(code))));
    await withRunLock(runDir, async () => {
      const until = Date.now() + 90_000;
      child.stderr.on('data', (d) => (stderr += d));
      while (!/waiting for another update/.test(stderr) && !exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(exited, `the copy ended while another writer held the lock: ${stderr}`).toBe(false);
    });
    expect(await closed, stderr).toBe(0);
    expect(stderr).toMatch(/waiting for another update of Run \S+ to finish/);
    const run: RunFile = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(run.segments.find((s) => s.id === 1)!.texts!.copy.offer).toContain('Waited: free gift wrap');
  }, 150_000);
});

/**
 * Cancellation is real: the user's signal (Ctrl-C in the REPL, the Slack per-operation time-out)
 * reaches every stage, stops the work, and leaves the workspace as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { writeTextsOp } from '../../src/ops/write-texts.js';
import { Dispatcher } from '../../src/slack/dispatch.js';
import { CancelledError } from '../../src/errors.js';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';

const FILE = 'examples/customers.csv';
let scratch: string;
let fake: FakeOpenAI;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'segmenta-cancel-'));
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Everything under runs/ — Runs and staging folders alike. */
function runsIn(workspace: string): string[] {
  const dir = join(workspace, 'runs');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('a cancelled segment leaves no Run', () => {
  for (const stage of ['ingest', 'embed', 'cluster', 'profile', 'write', 'briefs', 'index', 'quotes']) {
    it(`cancelled right after ${stage}: CancelledError, and the workspace is unchanged`, async () => {
      const workspace = mkdtempSync(join(scratch, `ws-${stage}-`));
      const controller = new AbortController();
      const log = (line: string) => {
        if (line.startsWith(`${stage} done`)) controller.abort();
      };
      await expect(makeRun({ file: FILE, seed: 1, config: loadConfig({ workspace }, {}), log, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
      expect(runsIn(workspace)).toEqual([]);
    });
  }

  it('cancelled while DuckDB is still reading a large file: the query is interrupted', async () => {
    const workspace = mkdtempSync(join(scratch, 'ws-read-'));
    const big = join(scratch, 'big.csv');
    const lines = ['customer_id,spend,visits,channel'];
    for (let i = 0; i < 400_000; i++) lines.push(`c${i},${(i * 7919) % 1000},${i % 37},${['web', 'app', 'store'][i % 3]}`);
    writeFileSync(big, lines.join('\n'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const seen: string[] = [];
    await expect(makeRun({ file: big, seed: 1, config: loadConfig({ workspace }, {}), log: (l) => seen.push(l), signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(seen.some((l) => l.startsWith('embed done'))).toBe(false);
    expect(runsIn(workspace)).toEqual([]);
  });
});

describe('a cancelled write sends no further requests', () => {
  it('aborting during the first LLM request stops the write: no more requests, run.json untouched', async () => {
    const workspace = mkdtempSync(join(scratch, 'ws-write-'));
    const made = await makeRun({ file: FILE, seed: 1, config: loadConfig({ workspace }, {}), log: () => {} });
    const before = JSON.stringify(made.run.segments.map((s) => s.texts?.name));
    const controller = new AbortController();
    const first = fake.chatRequests().length;
    fake.setResponder(() => {
      controller.abort();
      return undefined;
    });
    try {
      const config = loadConfig({ workspace, baseUrl: fake.url, apiKey: 'sk-test', maxRetries: 2 }, {});
      await expect(runOperation(writeTextsOp, { run: made.runId }, { config, log: () => {}, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
      await new Promise((r) => setTimeout(r, 500));
      expect(fake.chatRequests().length - first).toBe(1);
    } finally {
      fake.setResponder(undefined);
    }
    const { readRunFile } = await import('../../src/run/store.js');
    expect(JSON.stringify(readRunFile(made.runDir).segments.map((s) => s.texts?.name))).toBe(before);
  });
});

describe('a Slack operation past its time-out is stopped, not abandoned', () => {
  it('eval under a 50 ms time-out answers "timed out" and saves no evals.json', async () => {
    const workspace = mkdtempSync(join(scratch, 'ws-slack-'));
    const made = await makeRun({ file: FILE, seed: 1, config: loadConfig({ workspace }, {}), log: () => {} });
    const dispatcher = new Dispatcher({ config: loadConfig({ workspace }, {}), timeoutMs: 50 });
    const reply = await dispatcher.run('eval', {}, 'C1');
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply.messages)).toMatch(/timed out/);
    expect(existsSync(join(made.runDir, 'evals.json'))).toBe(false);
  });
});

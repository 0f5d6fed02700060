import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { loadConfig } from '../../src/config.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { segmentOp } from '../../src/ops/segment.js';
import { evalOp } from '../../src/ops/eval.js';
import type { RunFile } from '../../src/model/run.js';
import { testContext } from '../ops/run-fixture.js';

/**
 * Issue 15: one set of checks. A model whose copy has no call to action used to pass the
 * write-time checks and then fail `eval` (24 copy violations). Now the write-time check is the
 * eval's own function: the copy is re-asked, rejected, the offline writer stands in (marked),
 * and `eval` finds nothing to reject.
 */
let fake: FakeOpenAI;
const root = mkdtempSync(join(tmpdir(), 'segmenta-cta-'));
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

// Copy a careless model writes: within every limit, no link, no number, and no call to action.
const NO_CTA = {
  email: { subject: 'Something nice this season', body: 'Hello,\n\nWe have been thinking about you and the season ahead.\n\nWarm wishes,\nThe team' },
  sms: 'A little something nice is here this season. Reply STOP to opt out.',
  push: 'A little something nice is here this season.',
  ad: { headline: 'A season of nice things', primaryText: 'Nice things, all season long, for people like you.' },
  offer: 'A seasonal note',
};

describe('copy without a call to action from the LLM', () => {
  it('is rejected at write time, the offline writer stands in marked as a fallback, and eval shows 0 copy violations', async () => {
    fake.setResponder(({ json }) => (json?.response_format?.json_schema?.name === 'campaign_copy' ? { content: JSON.stringify(NO_CTA) } : undefined));
    const workspace = join(root, 'ws');
    const ctx: OpContext = { config: loadConfig({ workspace, baseUrl: fake.url, apiKey: 'sk-test', maxRetries: 0 }, {}), log: () => {} };
    const made = await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    fake.setResponder(undefined);

    // The model was asked for copy, and asked again with the problem named.
    const copyCalls = fake.chatRequests().filter((r) => r.json?.response_format?.json_schema?.name === 'campaign_copy');
    expect(copyCalls.length).toBeGreaterThanOrEqual(2);
    expect(copyCalls.some((r) => r.body.includes('has no call to action'))).toBe(true);

    const run: RunFile = JSON.parse(readFileSync(join(made.runDir, 'run.json'), 'utf8'));
    const described = run.segments.filter((s) => s.texts);
    expect(described.length).toBeGreaterThan(0);
    for (const s of described) {
      expect(s.texts!.writer).toMatchObject({ kind: 'offline', fallback: true });
      expect(s.texts!.writer.fallbackReason).toMatch(/copy: .*has no call to action/);
      expect(s.texts!.copy.sms).not.toBe(NO_CTA.sms);
    }
    expect(run.llm!.fallbacks.filter((f) => f.item === 'copy')).toHaveLength(described.length);

    const report = await runOperation(evalOp, {}, testContext(workspace));
    const metric = (name: string) => report.metrics.find((m) => m.name === name)!;
    expect(metric('copy_violations').value).toBe(0);
    expect(metric('name_violations').value).toBe(0);
  }, 240_000);
});

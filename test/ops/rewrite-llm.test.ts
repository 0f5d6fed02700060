import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { loadConfig } from '../../src/config.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { personaOp } from '../../src/ops/persona.js';
import { copyOp } from '../../src/ops/copy.js';
import type { RunFile } from '../../src/model/run.js';
import { fixtureWorkspace, INJECTION } from './fixture.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function setup() {
  const { workspace, runDir } = fixtureWorkspace();
  const ctx: OpContext = { config: loadConfig({ workspace, baseUrl: fake.url, apiKey: 'sk-test', maxRetries: 0 }, {}), log: () => {} };
  return { ctx, readRun: () => JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as RunFile };
}

describe('persona and copy re-written by the LLM', () => {
  it('persona rewrite: true asks the server, saves the new persona and keeps the old one', async () => {
    const { ctx, readRun } = setup();
    const before = fake.chatRequests().length;
    const r = await runOperation(personaOp, { segment: 2, rewrite: true }, ctx);
    expect(fake.chatRequests().length).toBeGreaterThan(before);
    expect(r).toMatchObject({ rewritten: true, segment: 2 });
    expect(r.writer).toMatch(/llm|fallback/);
    const run = readRun();
    expect(run.segments[1].texts!.persona).toEqual(r.persona);
    expect(run.textsHistory[0].texts[2].persona.archetype).toBe('The loyal big spender');
  });

  it('copy with a language writes fresh copy through the server and saves it', async () => {
    const { ctx, readRun } = setup();
    const r = await runOperation(copyOp, { segment: 1, channel: 'sms', language: 'French' }, ctx);
    expect(r.fresh).toBe(true);
    expect(readRun().segments[0].texts!.copy).toEqual(r.copy);
    for (const req of fake.chatRequests()) expect(req.body).not.toContain(INJECTION);
  });
});

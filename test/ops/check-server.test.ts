import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { checkServer } from '../../src/ops/check-server.js';
import { loadConfig } from '../../src/config.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: 'sk-right' });
});
afterAll(async () => {
  await fake.close();
});

const fast = { baseDelayMs: 5, maxDelayMs: 10, timeoutMs: 2_000 };

describe('checkServer (segmenta doctor)', () => {
  it('says there is nothing to check without an LLM', async () => {
    const r = await checkServer(loadConfig({}, {}));
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.line)).toEqual(['offline writer (no OPENAI_API_KEY or OPENAI_BASE_URL set)']);
  });

  it('lists models, makes one structured call, embeds one text', async () => {
    for (const structuredMethod of ['jsonSchema', 'functionCalling'] as const) {
      const r = await checkServer(loadConfig({ baseUrl: fake.url, apiKey: 'sk-right', embeddingModel: 'text-embedding-3-small', structuredMethod }, {}), { retry: fast });
      expect(r.ok).toBe(true);
      expect(r.steps.map((s) => s.step)).toEqual(['config', 'models', 'structured', 'embeddings']);
      expect(r.steps[1].line).toMatch(/models listed, including gpt-4o-mini/);
      expect(r.steps[2].line).toMatch(new RegExp(`^structured output \\(${structuredMethod}\\) works: "`));
      expect(r.steps[3].line).toBe('embeddings with text-embedding-3-small work (64 dimensions)');
    }
  });

  it('says what is wrong in one line: a bad key, an unknown model, no server', async () => {
    const badKey = await checkServer(loadConfig({ baseUrl: fake.url, apiKey: 'sk-wrong' }, {}), { retry: fast });
    expect(badKey.ok).toBe(false);
    expect(badKey.steps.at(-1)!.line).toMatch(/rejected the API key \(401\)\. Fix: set OPENAI_API_KEY/);

    const badModel = await checkServer(loadConfig({ baseUrl: fake.url, apiKey: 'sk-right', model: 'llama9' }, {}), { retry: fast });
    expect(badModel.steps[1].line).toMatch(/not including llama9/);
    expect(badModel.steps.at(-1)).toMatchObject({ step: 'structured', ok: false });
    expect(badModel.steps.at(-1)!.line).toMatch(/has no model "llama9" \(404\)/);

    const none = await checkServer(loadConfig({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' }, {}), { retry: fast });
    expect(none.ok).toBe(false);
    expect(none.steps.at(-1)!.line).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/v1/);
    for (const r of [badKey, badModel, none]) for (const s of r.steps) expect(s.line).not.toContain('\n');
  });
});

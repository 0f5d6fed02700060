import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { fakeLlm, fixtureProfiles, FAST_RETRY } from '../llm/fixtures.js';
import { createResilientWriter } from '../../src/write/resilient-writer.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';

/**
 * Issue 18: a hung LLM server costs one total deadline per Run, not every retry of every item:
 * once the deadline passes, the request in flight is cut and every remaining item is written
 * offline with the deadline as its reason.
 */
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ['fake-model'], mode: 'hang' });
});
afterAll(() => fake?.close());

describe('LLM deadline per Run', () => {
  it('a hung server: the Run completes offline, the deadline named as the reason', async () => {
    const llm = { ...fakeLlm(fake.url), timeoutMs: 60_000, maxRetries: 0, concurrency: 1 };
    // The per-attempt timeout (60 s) would never fire in this test; only the deadline can end it.
    const writer = createResilientWriter(llm, new OfflineWriter(), { retry: FAST_RETRY, deadlineMs: 300, breakerThreshold: 100 });
    const profiles = fixtureProfiles();
    const texts = await writeAllTexts(writer, profiles, { concurrency: 1 });
    for (const p of profiles.filter((x) => !x.small)) expect(texts[p.id]).toBeDefined();
    expect(writer.fallbacks.length).toBeGreaterThan(0);
    for (const f of writer.fallbacks) expect(f.reason).toMatch(/deadline for this Run/);
  }, 30_000);
});

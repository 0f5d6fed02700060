import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '../servers/fake-openai.js';
import { createResilientWriter } from '../../src/write/resilient-writer.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { SegmentTextsSchema } from '../../src/model/texts.js';
import { ConfigError } from '../../src/errors.js';
import { FAST_RETRY, fakeLlm, fixtureProfiles, FORBIDDEN_IN_REQUESTS, PII_VALUES } from './fixtures.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ retryAfterMs: 5 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.setMode('ok');
  fake.setResponder(undefined);
});

const profiles = fixtureProfiles();

/** A whole write of the fixture, as the CLI does it: names, then persona + copy per segment. */
async function writeAll(extra: Parameters<typeof fakeLlm>[1] = {}, retry = FAST_RETRY) {
  const logs: string[] = [];
  const writer = createResilientWriter(fakeLlm(fake.url, extra), new OfflineWriter(), { piiValues: PII_VALUES, retry, log: (l) => logs.push(l) });
  const texts = await writeAllTexts(writer, profiles, { concurrency: 3 });
  return { writer, texts, logs };
}

function expectComplete(texts: Awaited<ReturnType<typeof writeAll>>['texts']) {
  expect(Object.keys(texts).map(Number).sort()).toEqual([1, 2, 3]); // never the small segment
  for (const t of Object.values(texts)) expect(SegmentTextsSchema.safeParse(t).success).toBe(true);
}

describe('resilient writer: every fault mode ends with complete texts', () => {
  it('ok: every text from the LLM, usage recorded', async () => {
    const { writer, texts } = await writeAll();
    expectComplete(texts);
    for (const t of Object.values(texts)) expect(t.writer).toEqual({ kind: 'llm', model: 'gpt-4o-mini' });
    const record = writer.record();
    expect(record).toMatchObject({ model: 'gpt-4o-mini', baseUrl: fake.url, fallbacks: [] });
    expect(record.usage).toMatchObject({ calls: 7, retries: 0 });
    expect(record.usage.completionTokens).toBeGreaterThan(0);
    expect(Object.keys(record.promptHashes).sort()).toEqual(['copy', 'persona', 'segment-names']);
  });

  it.each<[FakeMode, number]>([
    ['429', 2],
    ['500', 2],
    ['hang', 1],
  ])('%s for %i requests: retried, then every text from the LLM; retries on the log', async (mode, times) => {
    fake.setMode(mode, times);
    // Client and server share this process's event loop (and two busy cores): leave room.
    const { writer, texts, logs } = await writeAll({ timeoutMs: 1_000 });
    expectComplete(texts);
    for (const t of Object.values(texts)) expect(t.writer.kind).toBe('llm');
    expect(writer.record().usage.retries, logs.join("\n")).toBe(times);
    const why = mode === 'hang' ? 'a timeout \\(1\\.0 s\\)' : mode;
    expect(logs[0]).toMatch(new RegExp(`^retrying segment names after ${why} \\(attempt 2/4, waiting \\d\\.\\d s\\)$`));
  });

  it.each<FakeMode>(['429', '500', 'hang', 'refusal', 'invalid-json', 'injection'])('%s on every request: offline fallbacks, marked, never a crash', async (mode) => {
    fake.setMode(mode);
    const t0 = Date.now();
    const { writer, texts, logs } = await writeAll({ timeoutMs: 200, maxRetries: 1 });
    expectComplete(texts);
    for (const t of Object.values(texts)) {
      expect(t.writer).toMatchObject({ kind: 'offline', fallback: true });
      expect(t.writer.fallbackReason).toMatch(/^name: .*; persona: .*; copy: /);
    }
    const { fallbacks } = writer.record();
    expect(fallbacks.map((f) => `${f.segment}:${f.item}`).sort()).toEqual(['1:copy', '1:name', '1:persona', '2:copy', '2:name', '2:persona', '3:copy', '3:name', '3:persona']);
    expect(logs.some((l) => /using the offline writer/.test(l))).toBe(true);
    // Transport faults trip the breaker instead of paying every timeout for every item.
    expect(Date.now() - t0).toBeLessThan(10_000);
    for (const t of Object.values(texts)) expect(JSON.stringify(t)).not.toMatch(/HACKED|evil\.example/);
  });

  it('injection: "HACKED" never reaches a name, even when only some answers are injected', async () => {
    fake.setMode('injection', 3); // names (twice) and the first persona
    const { texts, writer } = await writeAll();
    expectComplete(texts);
    for (const t of Object.values(texts)) expect(`${t.name} ${t.summary}`).not.toMatch(/HACKED|http/);
    expect(writer.fallbacks.filter((f) => f.item === 'name')).toHaveLength(3);
    expect(writer.fallbacks.some((f) => f.item === 'persona')).toBe(false); // re-asked and fixed
  });

  it('sends no PII in any request body, whatever the write', async () => {
    const start = fake.requests.length;
    fake.setMode('injection', 2); // re-asks carry the model's earlier answer back: still clean
    await writeAll();
    const bodies = fake.requests.slice(start).map((r) => r.body.toLowerCase());
    expect(bodies.length).toBeGreaterThanOrEqual(8);
    for (const body of bodies) for (const bad of [...FORBIDDEN_IN_REQUESTS, 'small segment secret']) expect(body).not.toContain(bad);
  });

  it('does not hide a wrong configuration behind fallbacks', async () => {
    await expect(writeAll({ model: 'no-such-model' })).rejects.toBeInstanceOf(ConfigError);
  });
});

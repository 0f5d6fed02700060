import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { LlmWriter } from '../../src/write/llm-writer.js';
import { CopySchema, PersonaSchema, type SegmentName } from '../../src/model/texts.js';
import { ModelOutputError } from '../../src/errors.js';
import { PrivacyError } from '../../src/llm/privacy.js';
import { promptHash } from '../../src/llm/prompts.js';
import type { WriteContext } from '../../src/model/writer.js';
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
const ctx = (): WriteContext => ({ profiles: profiles.filter((p) => !p.small) });
const writerFor = (method: 'jsonSchema' | 'functionCalling' = 'jsonSchema', logs: string[] = []) =>
  new LlmWriter(fakeLlm(fake.url, { structuredMethod: method }), { piiValues: PII_VALUES, retry: FAST_RETRY, log: (l) => logs.push(l) });
const name1: SegmentName = { segment: 1, name: 'Weekend Bargain Hunters', summary: '600 customers who spend 412.50 on average' };

describe.each(['jsonSchema', 'functionCalling'] as const)('LLM writer over HTTP (%s)', (method) => {
  it('names every describable segment in one call, distinct, from the server', async () => {
    const w = writerFor(method);
    const start = fake.chatRequests().length;
    const names = await w.names({ profiles });
    expect(names.map((n) => n.segment)).toEqual([1, 2, 3]); // the small segment is not named by the LLM
    expect(new Set(names.map((n) => n.name)).size).toBe(3);
    const sent = fake.chatRequests().slice(start);
    expect(sent).toHaveLength(1);
    const body = sent[0].body;
    expect(body).toContain('segment_1');
    expect(body).not.toContain('segment_4');
    expect(body).not.toContain('SMALL SEGMENT SECRET');
    if (method === 'jsonSchema') expect(sent[0].json.response_format.type).toBe('json_schema');
    else expect(sent[0].json.tool_choice.function.name).toBe('segment_names');
    expect(w.usage.snapshot()).toMatchObject({ calls: 1, retries: 0 });
    expect(w.usage.snapshot().promptTokens).toBeGreaterThan(0);
    expect(w.promptHashes['segment-names']).toBe(promptHash('segment-names'));
  });

  it('writes a persona and copy that parse with the shared schemas, and keeps the transcript', async () => {
    const w = writerFor(method);
    const persona = await w.persona(profiles[0], name1, ctx());
    expect(PersonaSchema.parse(persona)).toEqual(persona);
    const copy = await w.copy(profiles[0], name1, persona, ctx(), { tone: 'playful', offer: '20% off this weekend' });
    expect(CopySchema.parse(copy)).toEqual(copy);
    expect(w.transcript.map((t) => [t.task, t.segment, t.attempt, t.problems.length])).toEqual([
      ['persona', 1, 1, 0],
      ['copy', 1, 1, 0],
    ]);
    const copyCall = w.transcript[1];
    expect(copyCall.messages[1].content).toContain('Offer to build the copy around: 20% off this weekend');
    expect(copyCall.messages[1].content).toContain('<customer_snippets>');
    expect(copyCall.reply).toBe(JSON.stringify(copy));
  });
});

describe('LLM writer: checks, re-ask, refusals', () => {
  it('rejects an injected reply, re-asks once with the problems, and accepts the corrected answer', async () => {
    const logs: string[] = [];
    const w = writerFor('jsonSchema', logs);
    fake.setMode('injection', 1);
    const start = fake.chatRequests().length;
    const names = await w.names({ profiles });
    expect(names.map((n) => n.name).join(' ')).not.toMatch(/HACKED|http/);
    const [first, second] = w.transcript;
    expect(first.problems.join('\n')).toMatch(/contains a URL/);
    expect(first.problems.join('\n')).toMatch(/withheld customer snippet/);
    expect(second.problems).toEqual([]);
    expect(second.messages.at(-1)!.content).toMatch(/It was rejected for these reasons:\n- segment_1\.name: /);
    expect(logs.some((l) => /^re-asking segment names: \d+ problems/.test(l))).toBe(true);
    expect(fake.chatRequests().length - start).toBe(2);
    expect(w.usage.snapshot().calls).toBe(2);
  });

  it('gives up with ModelOutputError when the second answer fails too — "HACKED" never becomes a name', async () => {
    const w = writerFor();
    fake.setMode('injection', 2);
    const err = await w.names({ profiles }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelOutputError);
    expect(err.message).toMatch(/^segment names: the answer failed its checks twice/);
    expect(err.message).not.toContain('HACKED');
  });

  it('treats a refusal as final: ModelOutputError without a re-ask', async () => {
    const w = writerFor();
    fake.setMode('refusal', 1);
    const err = await w.persona(profiles[1], { ...name1, segment: 2 }, ctx()).catch((e) => e);
    expect(err).toBeInstanceOf(ModelOutputError);
    expect(err.message).toMatch(/persona for segment 2: the model refused/);
    expect(w.transcript).toHaveLength(1);
    expect(w.transcript[0].refusal).toMatch(/can't help/);
  });

  it('re-asks after malformed JSON (either method)', async () => {
    for (const method of ['jsonSchema', 'functionCalling'] as const) {
      const w = writerFor(method);
      fake.setMode('invalid-json', 1);
      const persona = await w.persona(profiles[2], { ...name1, segment: 3 }, ctx());
      expect(PersonaSchema.safeParse(persona).success).toBe(true);
      expect(w.transcript[0].problems).toEqual(['the answer was not valid JSON; answer with one JSON object that matches the schema']);
    }
  });

  it('rejects numbers the profile does not have, and duplicate names', async () => {
    const w = writerFor();
    let calls = 0;
    fake.setResponder(() => {
      calls++;
      const summary = calls === 1 ? 'They spend 999.99 on average' : 'They spend 412.50 on average';
      const names = { segment_1: { name: 'Deal Seekers', summary }, segment_2: { name: 'Deal Seekers', summary: 'Gone quiet for 210 days' }, segment_3: { name: calls === 1 ? 'Deal Seeker' : 'App Regulars', summary: 'Use the app daily' } };
      return { content: JSON.stringify({ names }) };
    });
    const err = await w.names({ profiles }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelOutputError); // segment 2 still duplicates segment 1 on the second try
    const problems = w.transcript[0].problems.join('\n');
    expect(problems).toMatch(/segment_1\.summary: cites 999\.99, which is not a number of segment 1's profile/);
    expect(problems).toMatch(/segment_2\.name: is the same name as segment_1/);
    expect(problems).toMatch(/segment_3\.name: is the same name as segment_1/);
    expect(w.transcript[1].problems.join('\n')).not.toMatch(/999|segment_3/);
  });

  it('never sends a small segment, and never sends PII', async () => {
    const w = writerFor();
    const start = fake.requests.length;
    await expect(w.persona(profiles[3], { ...name1, segment: 4 }, { profiles })).rejects.toBeInstanceOf(PrivacyError);
    expect(fake.requests.length).toBe(start);
    const names = await w.names({ profiles });
    for (const p of profiles.filter((x) => !x.small)) {
      const n = names.find((x) => x.segment === p.id)!;
      const persona = await w.persona(p, n, { profiles });
      await w.copy(p, n, persona, { profiles });
    }
    const bodies = fake.requests.slice(start).map((r) => r.body.toLowerCase());
    expect(bodies.length).toBe(7);
    for (const body of bodies) {
      for (const bad of [...FORBIDDEN_IN_REQUESTS, 'hacked', 'small segment secret']) expect(body).not.toContain(bad);
    }
  });
});

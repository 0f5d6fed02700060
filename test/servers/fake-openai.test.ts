import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { z } from 'zod';
import { ChatOpenAI } from '@langchain/openai';
import { fakeEmbedding, sampleFromSchema, startFakeOpenAI, type FakeOpenAI } from './fake-openai.js';
import { CopySchema, PersonaSchema, SegmentNamesSchema } from '../../src/model/texts.js';

let fake: FakeOpenAI;
let client: OpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ retryAfterMs: 10 });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0, timeout: 2_000 });
});
afterAll(async () => {
  await fake.close();
});

describe('fake OpenAI-compatible server', () => {
  it('lists models', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toContain('gpt-4o-mini');
  });

  it('generates schema-valid objects from any JSON schema the app sends', () => {
    for (const schema of [PersonaSchema, CopySchema, SegmentNamesSchema]) {
      const json = z.toJSONSchema(schema);
      for (let seed = 0; seed < 20; seed++) {
        let s = seed;
        const rand = () => ((s = (s * 16807 + 7) % 2147483647) / 2147483647);
        const v = sampleFromSchema(json, { root: json, rand, injection: false });
        expect(schema.safeParse(v).success).toBe(true);
      }
    }
  });

  it('answers a json_schema request with JSON matching it, and logs the raw body', async () => {
    const schema = z.toJSONSchema(PersonaSchema);
    const before = fake.requests.length;
    const r = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'persona please' }],
      response_format: { type: 'json_schema', json_schema: { name: 'persona', schema, strict: true } },
    });
    expect(PersonaSchema.safeParse(JSON.parse(r.choices[0].message.content!)).success).toBe(true);
    expect(r.usage!.prompt_tokens).toBeGreaterThan(0);
    const logged = fake.requests[before];
    expect(logged.path).toBe('/v1/chat/completions');
    expect(logged.body).toContain('persona please');
  });

  it('answers a forced tool choice with a tool call whose arguments match the tool schema', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'copy' }],
      tools: [{ type: 'function', function: { name: 'campaign_copy', parameters: z.toJSONSchema(CopySchema) as Record<string, unknown> } }],
      tool_choice: { type: 'function', function: { name: 'campaign_copy' } },
    });
    const call = r.choices[0].message.tool_calls![0];
    expect(call.type === 'function' && call.function.name).toBe('campaign_copy');
    expect(CopySchema.safeParse(JSON.parse(call.type === 'function' ? call.function.arguments : '')).success).toBe(true);
    expect(r.choices[0].finish_reason).toBe('tool_calls');
  });

  it('streams (SSE) through LangChain, token by token, and plays scripted replies', async () => {
    fake.setResponder(() => ({ content: 'Three segments, the biggest is Weekend Bargain Hunters.' }));
    const model = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', streaming: true, maxRetries: 0, configuration: { baseURL: fake.url } });
    let text = '';
    let chunks = 0;
    for await (const chunk of await model.stream('hi')) {
      text += chunk.content;
      chunks++;
    }
    fake.setResponder(undefined);
    expect(text).toBe('Three segments, the biggest is Weekend Bargain Hunters.');
    expect(chunks).toBeGreaterThan(3);
  });

  it('serves deterministic embeddings as floats, or base64 when asked (the openai client decodes both alike)', async () => {
    const asFloat = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['fast delivery', 'too expensive'], encoding_format: 'float' });
    const asDefault = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['fast delivery', 'too expensive'] });
    expect(fake.requests.at(-1)!.json.encoding_format).toBe('base64'); // openai 6's default
    expect(asFloat.data[0].embedding).toHaveLength(64);
    expect(asFloat.data[0].embedding[0]).toBeCloseTo(fakeEmbedding('fast delivery', 64)[0], 6);
    expect(asDefault.data[1].embedding[5]).toBeCloseTo(asFloat.data[1].embedding[5], 6);
  });

  it('switches fault modes for a number of requests, then goes back to ok', async () => {
    const ask = () =>
      fetch(`${fake.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }) });

    fake.setMode('429', 1);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('retry-after-ms')).toBe('10');
    expect((await ask()).status).toBe(200);

    fake.setMode('500', 2);
    expect((await ask()).status).toBe(500);
    expect((await ask()).status).toBe(500);
    expect((await ask()).status).toBe(200);

    fake.setMode('refusal', 1);
    expect((await (await ask()).json()).choices[0].message).toMatchObject({ content: null, refusal: expect.stringMatching(/can't help/) });

    fake.setMode('invalid-json', 1);
    const broken = (await (await ask()).json()).choices[0].message.content;
    expect(() => JSON.parse(broken)).toThrow();

    fake.setMode('injection', 1);
    expect((await (await ask()).json()).choices[0].message.content).toMatch(/HACKED.*http:\/\/evil\.example/);

    fake.setMode('hang', 1);
    await expect(fetch(`${fake.url}/chat/completions`, { method: 'POST', body: '{"model":"gpt-4o-mini","messages":[]}', signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect((await ask()).status).toBe(200);
    expect(fake.requests.slice(-2).map((r) => r.mode)).toEqual(['hang', 'ok']);
  });

  it('rejects a wrong key when it has one, and unknown models', async () => {
    const strict = await startFakeOpenAI({ apiKey: 'sk-right' });
    try {
      const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: strict.url, maxRetries: 0 });
      await expect(wrong.models.list()).rejects.toMatchObject({ status: 401 });
    } finally {
      await strict.close();
    }
    await expect(client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
  });
});

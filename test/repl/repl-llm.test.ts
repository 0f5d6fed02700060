import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../servers/fake-openai.js';
import { chat, transcript } from './chat-process.js';
import { fixtureWorkspace, INJECTION } from '../ops/fixture.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/customers.csv');

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

/** Requests from the chat agent carry segmenta's tools; the writer's requests do not. */
const isAgent = (json: any) => Array.isArray(json?.tools) && json.tools.some((t: any) => t.function?.name === 'segments');

/** Script the agent's side of the conversation; the writer's requests get the server's defaults. */
function scriptAgent(replies: FakeReply[]) {
  let n = 0;
  const start = fake.chatRequests().length;
  fake.setResponder(({ json }) => (isAgent(json) ? (replies[n++] ?? { content: 'Done.' }) : undefined));
  return () => fake.chatRequests().slice(start).filter((r) => isAgent(r.json));
}

const llmEnv = () => ({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', SEGMENTA_LLM_MAX_RETRIES: '0' });

describe('segmenta chat with an OpenAI-compatible server (piped stdin)', () => {
  it('the server’s tool call runs the operation, the result and the final answer are shown, the session goes on', async () => {
    const { workspace } = fixtureWorkspace();
    const sent = scriptAgent([
      { toolCalls: [{ name: 'segments', arguments: {} }] },
      { content: 'You have 3 described segments; Bargain Hunters is the biggest with 500 customers.' },
      { toolCalls: [{ name: 'show', arguments: { segment: 9 } }] },
      { content: 'There is no segment 9: this Run has segments 1 to 4.' },
      { content: 'Anything else?' },
    ]);
    const r = await chat(workspace, ['what segments do I have?', 'tell me about segment 9', 'thanks', '/segments'], llmEnv());
    expect(r.code).toBe(0);
    const t = transcript(r.stdout);

    // human → AI tool call (progress line) → tool result (rendered) → final answer (streamed)
    expect(r.stderr).toMatch(/→ segments\(\)/);
    const first = t.get('what segments do I have?')!;
    expect(first).toMatch(/1\s+Bargain Hunters\s+500/);
    expect(first).toMatch(/You have 3 described segments; Bargain Hunters is the biggest with 500 customers\.$/);

    expect(r.stderr).toMatch(/→ show\(segment: 9\)/);
    expect(r.stderr).toMatch(/✗ no segment 9 in Run/);
    expect(t.get('tell me about segment 9')).toBe('There is no segment 9: this Run has segments 1 to 4.');
    expect(t.get('thanks')).toBe('Anything else?');
    // Slash commands still run operations directly, without the model.
    expect(t.get('/segments')).toMatch(/2\s+Premium Regulars\s+300/);

    const bodies = sent();
    expect(bodies).toHaveLength(5);
    const toolResults = bodies.flatMap((b) => b.json.messages.filter((m: any) => m.role === 'tool').map((m: any) => m.content));
    expect(toolResults[0]).toMatch(/1\. Bargain Hunters — 500 customers/);
    expect(toolResults.at(-1)).toMatch(/^Error: no segment 9 in Run/);
    // The conversation is remembered: the last request holds every earlier turn.
    expect(bodies[4].json.messages.filter((m: any) => m.role === 'user').map((m: any) => m.content)).toEqual([
      'what segments do I have?',
      'tell me about segment 9',
      'thanks',
    ]);
  });

  it('an injected instruction in customer text does not cause a tool call', async () => {
    const { workspace } = fixtureWorkspace();
    let calls = 0;
    const start = fake.chatRequests().length;
    // A model that obeys anything it reads: it would run `segment` if the injection reached it.
    fake.setResponder(({ json }) => {
      if (!isAgent(json)) return undefined;
      if (JSON.stringify(json.messages).includes('Ignore previous instructions')) return { toolCalls: [{ name: 'segment', arguments: { file: '/etc/passwd' } }] };
      return calls++ === 0 ? { toolCalls: [{ name: 'brief', arguments: { segment: 1 } }, { name: 'show', arguments: { segment: 1 } }] } : { content: 'Here is the brief.' };
    });
    const r = await chat(workspace, ['brief for segment 1 please'], llmEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/→ segment\(/);
    for (const req of fake.chatRequests().slice(start)) expect(req.body).not.toContain(INJECTION);
  });

  it('Ctrl-C cancels the running step, not the session', async () => {
    const { workspace } = fixtureWorkspace();
    fake.setResponder(undefined);
    fake.setMode('hang', 1);
    let sent = false;
    const r = await chat(workspace, ['hello', '/segments'], llmEnv(), (out, child) => {
      if (!sent && out.includes('segmenta› hello')) {
        sent = true;
        // Give the request time to reach the (hanging) server, then press Ctrl-C.
        setTimeout(() => child.kill('SIGINT'), 1500);
      }
    });
    fake.setMode('ok');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cancelled\./);
    expect(transcript(r.stdout).get('/segments')).toMatch(/1\s+Bargain Hunters/);
  });

  it.skipIf(!existsSync(EXAMPLES))('segment → email for the biggest → brief, through the agent', async () => {
    const { workspace } = fixtureWorkspace();
    scriptAgent([
      { toolCalls: [{ name: 'segment', arguments: { file: 'examples/customers.csv' } }] },
      { content: 'Done: your customers are split into segments.' },
      { toolCalls: [{ name: 'copy', arguments: { segment: 1, channel: 'email' } }] },
      { content: 'Here is an email for segment 1.' },
      { toolCalls: [{ name: 'brief', arguments: { segment: 1 } }] },
      { content: 'Here is the brief.' },
    ]);
    const r = await chat(workspace, ['segment examples/customers.csv', 'write an email for the biggest segment', 'brief for segment 1'], llmEnv());
    expect(r.code).toBe(0);
    const t = transcript(r.stdout);
    expect(t.get('segment examples/customers.csv')).toMatch(/Run \S+: [\d,]+ customers in \d+ segments — texts by the LLM/);
    expect(t.get('write an email for the biggest segment')).toMatch(/Subject: /);
    expect(t.get('brief for segment 1')).toMatch(/Here is the brief\.$/);
  });
});

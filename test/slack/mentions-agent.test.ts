import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/slack/blocks.js';
import { loadConfig } from '../../src/config.js';
import { loadSlackSettings } from '../../src/slack/config.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import { SLACK_OPS } from '../../src/slack/commands.js';
import { startFakeSlack, type FakeSlack, type FakeSlackCall } from '../servers/fake-slack.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../servers/fake-openai.js';
import { FIXTURE_RUN_ID, fixtureWorkspace } from './fixture-run.js';
import { mentionBody, send } from './signed-request.js';

/**
 * @mentions with an LLM configured: the real Bolt app on 127.0.0.1 between a fake Slack Web API
 * and a fake OpenAI-compatible server whose replies are scripted tool calls. The agent is offered
 * only SLACK_OPS; nothing that reads server files is ever a tool it could call.
 */
const SECRET = 'test-signing-secret-0123456789abcdef';
const FILE_OPS = ['segment', 'inspect', 'export', 'assign'];
let slack: FakeSlack;
let openai: FakeOpenAI;
let bot: SlackBot;
let url: string;
let workspace: string;
const logLines: string[] = [];
let seq = 0;

const blocksText = (args: Record<string, unknown>) => ((args.blocks as Block[] | undefined) ?? []).map(blockText).join('\n');
const toolNames = (json: any): string[] => (json.tools ?? []).map((t: any) => t.function.name).sort();

/** A scripted model: reply i answers the i-th chat request from now on; returns the requests sent. */
function script(replies: FakeReply[]) {
  const start = openai.chatRequests().length;
  openai.setResponder(({ index }) => replies[index - start] ?? { content: 'done' });
  return () => openai.chatRequests().slice(start);
}

/** Mention the bot; resolves with the thread's posts once `done` holds for one of them. */
async function mention(text: string, done: (c: FakeSlackCall) => boolean, opts: { channel?: string; user?: string } = {}) {
  const ts = `1700000100.${String(++seq).padStart(6, '0')}`;
  const res = await send(url, mentionBody(`<@U0BOT> ${text}`, { ts, ...opts }), { secret: SECRET });
  expect(res.status).toBe(200);
  const inThread = () => slack.calls.filter((c) => c.method.startsWith('chat.') && c.args.thread_ts === ts);
  await slack.waitFor(() => inThread().some(done), 15_000);
  return inThread();
}

beforeAll(async () => {
  [slack, openai] = await Promise.all([startFakeSlack(), startFakeOpenAI()]);
  workspace = fixtureWorkspace();
  const config = loadConfig({ workspace, baseUrl: openai.url, apiKey: 'sk-test', maxRetries: 0 }, {});
  const settings = loadSlackSettings(
    { botToken: 'xoxb-test', signingSecret: SECRET },
    { port: 0, host: '127.0.0.1' },
    { SLACK_API_URL: slack.url, SLACK_ALLOWED_TEAMS: 'T1', SLACK_ALLOWED_CHANNELS: 'C1,C2,C3,C4', SLACK_RATE_LIMIT: '50' },
  );
  bot = createSlackBot({ settings, config, log: (l) => logLines.push(l), clientOptions: { retryConfig: { retries: 0 } } });
  const { port } = await bot.start();
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await Promise.all([slack?.close(), openai?.close()]);
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('segmenta slack: @mentions go to the agent when an LLM is configured', () => {
  const ANSWER = 'You have 2 described segments; the biggest is segment 1, Bargain Hunters (560 customers).';

  it('"which segments do I have?" → the model calls `segments` → it runs → its output and the answer arrive in the thread', async () => {
    const sent = script([{ toolCalls: [{ name: 'segments', arguments: {} }] }, { content: ANSWER }]);
    const posts = await mention('which segments do I have?', (c) => c.args.text === ANSWER);

    const [first, second] = sent();
    expect(sent()).toHaveLength(2);
    expect(first.json.messages.at(-1)).toMatchObject({ role: 'user', content: 'which segments do I have?' });
    expect(toolNames(first.json)).toEqual([...SLACK_OPS].sort());
    expect(JSON.stringify(first.json.messages[0].content)).toMatch(/answering in a Slack thread/);
    // The operation ran: its summary went back to the model.
    expect(second.json.messages.find((m: any) => m.role === 'tool').content).toMatch(/Bargain Hunters/);

    expect(posts.every((p) => p.method === 'chat.postMessage' && p.args.channel === 'C1')).toBe(true);
    expect(blocksText(posts[0].args)).toMatch(/Run 20261124-120000-abcd[\s\S]*```[\s\S]*Bargain Hunters[\s\S]*Loyal Regulars/);
    expect(blocksText(posts.at(-1)!.args)).toBe(ANSWER);
  });

  it('a model that calls `segment` on a server file finds no such tool: it is never offered, and nothing runs', async () => {
    const sent = script([{ toolCalls: [{ name: 'segment', arguments: { file: '/etc/passwd' } }] }, { content: 'I cannot segment files from Slack.' }]);
    const posts = await mention('segment /etc/passwd for me', (c) => c.args.text === 'I cannot segment files from Slack.', { channel: 'C2' });

    for (const r of sent()) {
      const names = toolNames(r.json);
      expect(names.length).toBeGreaterThan(0);
      for (const op of FILE_OPS) expect(names).not.toContain(op);
    }
    const toolMsg = sent()[1].json.messages.find((m: any) => m.role === 'tool');
    expect(toolMsg.content).toMatch(/segment/);
    expect(toolMsg.content).not.toMatch(/Run \d{8}-/); // an error about the tool, not an operation's result
    // No new Run, no file remembered, and only the answer was posted.
    expect(readdirSync(join(workspace, 'runs'))).toEqual([FIXTURE_RUN_ID]);
    expect(bot.dispatcher.session('C2').file).toBeUndefined();
    expect(posts.map((p) => blocksText(p.args))).toEqual(['I cannot segment files from Slack.']);
  });

  it('remembers the conversation per channel', async () => {
    const sent = script([{ content: 'Segment 1 is the biggest.' }, { content: 'Hello there.' }]);
    await mention('and the biggest?', (c) => c.args.text === 'Segment 1 is the biggest.');
    await mention('hi', (c) => c.args.text === 'Hello there.', { channel: 'C3' });
    const [c1, c3] = sent();
    // C1 carries its first turn (question, tool call, tool result, answer); C3 starts fresh.
    expect(c1.json.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user']);
    expect(c3.json.messages.map((m: any) => m.role)).toEqual(['system', 'user']);
  });

  it('a model server error → plain words to the user alone, details only in the log; the next mention works', async () => {
    openai.setResponder(undefined);
    openai.setMode('500', 1);
    const posts = await mention('which segments?', (c) => c.method === 'chat.postEphemeral', { channel: 'C4', user: 'U9' });
    expect(posts).toHaveLength(1);
    expect(posts[0].args.user).toBe('U9');
    expect(posts[0].args.text).toMatch(/could not reach the chat model just now.*\/segmenta help/);
    expect(posts[0].args.text).not.toMatch(/127\.0\.0\.1|500/);
    expect(logLines.some((l) => /mention in C4: the agent failed \(the chat model did not answer/.test(l))).toBe(true);

    openai.setResponder(() => ({ content: 'Back again.' }));
    const again = await mention('still there?', (c) => c.args.text === 'Back again.', { channel: 'C4', user: 'U9' });
    expect(again.at(-1)!.method).toBe('chat.postMessage');
  });
});

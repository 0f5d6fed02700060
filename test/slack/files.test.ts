import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi, type RespondFn } from '@slack/bolt';
import { loadSlackSettings } from '../../src/slack/config.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import { deliverToCommand } from '../../src/slack/deliver.js';
import { plainMessage } from '../../src/slack/blocks.js';
import { startFakeSlack, type FakeSlack } from '../servers/fake-slack.js';
import { send, slashBody } from './signed-request.js';
import { piiValues, smallRun } from './small-run.js';

/**
 * Issue #17 item 6 against the fake Slack API: the report and briefs are uploaded as files
 * (files.uploadV2: getUploadURLExternal → upload → completeUploadExternal), and an answer longer
 * than one message goes in a thread under its first message. The bot runs its operations in
 * worker threads here (no test seam replaces them).
 */
const SECRET = 'files-test-signing-secret';
let fake: FakeSlack;
let bot: SlackBot;
let url: string;
let made: Awaited<ReturnType<typeof smallRun>>;

beforeAll(async () => {
  made = await smallRun(200);
  fake = await startFakeSlack();
  const settings = loadSlackSettings({ botToken: 'xoxb-files', signingSecret: SECRET }, { port: 0, host: '127.0.0.1' }, { SLACK_API_URL: fake.url, SLACK_RATE_LIMIT: '0' });
  bot = createSlackBot({ settings, config: made.config, log: () => {}, clientOptions: { retryConfig: { retries: 0 } } });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  if (made?.workspace) rmSync(made.workspace, { recursive: true, force: true });
});

describe('segmenta slack: files and threads', () => {
  it('`/segmenta report` uploads the HTML report as a file, with no PII and no server path in it', async () => {
    const res = await send(url, slashBody({ text: 'report', channel: 'C7', responseUrl: fake.responseUrl('report') }), { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C7'), 60_000);
    const get = fake.calls.find((c) => c.method === 'files.getUploadURLExternal')!;
    expect(get.args.filename).toMatch(/^segmenta-report-\d{8}-\d{6}-[0-9a-f]{4}\.html$/);
    const complete = fake.calls.find((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C7')!;
    const upload = fake.uploads.find((u) => u.fileId === (complete.args.files as { id: string }[])[0].id)!;
    expect(upload.raw).toMatch(/<html[\s>]/i);
    expect(upload.raw).toContain('<svg');
    expect(upload.raw).not.toContain(made.workspace);
    expect(piiValues(made.csv).filter((v) => upload.raw.includes(v))).toEqual([]);
    expect(fake.responses.some((r) => r.id === 'report')).toBe(false); // the file is the answer
  });

  it('`/segmenta brief 1` uploads a Markdown file into the channel', async () => {
    await send(url, slashBody({ text: 'brief 1', channel: 'C8', responseUrl: fake.responseUrl('brief') }), { secret: SECRET });
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C8'), 60_000);
    expect(fake.calls.some((c) => c.method === 'files.getUploadURLExternal' && c.args.filename === 'segment-1-brief.md')).toBe(true);
  });

  it('an answer of several messages: the first in the channel, the rest in its thread', async () => {
    const client = new webApi.WebClient('xoxb-files', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    const messages = [1, 2, 3].map((i) => plainMessage(`part ${i} of a long answer`));
    const responded: unknown[] = [];
    await deliverToCommand({ ok: true, op: 'eval', messages }, (async (m: unknown) => void responded.push(m)) as unknown as RespondFn, client, { channel: 'C9', user: 'U9' }, () => {});
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C9');
    expect(posts.map((p) => p.args.text)).toEqual(['part 1 of a long answer', 'part 2 of a long answer', 'part 3 of a long answer']);
    expect(posts[0].args.thread_ts).toBeUndefined();
    // The fake answers each chat.postMessage with a fresh ts; the thread hangs off the first one's.
    expect(posts[1].args.thread_ts).toMatch(/^1700000000\.\d{6}$/);
    expect(posts[2].args.thread_ts).toBe(posts[1].args.thread_ts);
    expect(responded).toEqual([]);
  });

  it('…and through the response_url when the bot may not post in the channel', async () => {
    fake.failMethod('chat.postMessage', 'not_in_channel');
    try {
      const client = new webApi.WebClient('xoxb-files', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
      const responded: { text?: string }[] = [];
      await deliverToCommand({ ok: true, op: 'eval', messages: [plainMessage('one'), plainMessage('two')] }, (async (m: { text?: string }) => void responded.push(m)) as unknown as RespondFn, client, { channel: 'C10', user: 'U9' }, () => {});
      expect(responded.map((m) => m.text)).toEqual(['one', 'two']);
    } finally {
      fake.failMethod('chat.postMessage', undefined);
    }
  });
});

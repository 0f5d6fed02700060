import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/slack/blocks.js';
import { loadConfig } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { loadSlackSettings } from '../../src/slack/config.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import type { RefusalReason } from '../../src/slack/receiver.js';
import { ConfigError } from '../../src/errors.js';
import { startFakeSlack, type FakeSlack } from '../servers/fake-slack.js';
import { fixtureRun, fixtureWorkspace, LEAKY_EMAIL, LEAKY_PHONE } from './fixture-run.js';
import { mentionBody, send, sign, slashBody } from './signed-request.js';

/**
 * The real Bolt app (our guard in front of Bolt's HTTPReceiver) on 127.0.0.1, pointed at a fake
 * Slack Web API; requests are signed with node:crypto exactly as Slack signs them.
 */
const SECRET = 'test-signing-secret-0123456789abcdef';
let fake: FakeSlack;
let bot: SlackBot;
let url: string;
let workspace: string;
const ran: string[] = [];
const refused: RefusalReason[] = [];
const logLines: string[] = [];
let seq = 0;

/** What the bot sent besides its start-up auth.test. */
const outgoing = () => fake.calls.filter((c) => c.method !== 'auth.test');
const blocksText = (body: Record<string, unknown>) => ((body.blocks as Block[] | undefined) ?? []).map(blockText).join('\n');

async function command(text: string, who: { team?: string; channel?: string; user?: string } = {}) {
  const id = `r${++seq}`;
  const sent = await send(url, slashBody({ text, responseUrl: fake.responseUrl(id), ...who }), { secret: SECRET });
  return { id, sent };
}

async function responseTo(id: string) {
  await fake.waitFor(() => fake.responses.some((r) => r.id === id));
  return fake.responses.filter((r) => r.id === id).map((r) => r.body);
}

beforeAll(async () => {
  fake = await startFakeSlack();
  workspace = fixtureWorkspace();
  const config = loadConfig({ workspace, offline: true }, {});
  const settings = loadSlackSettings(
    { botToken: 'xoxb-test', signingSecret: SECRET },
    { port: 0, host: '127.0.0.1' },
    { SLACK_API_URL: fake.url, SLACK_ALLOWED_TEAMS: 'T1', SLACK_ALLOWED_CHANNELS: 'C1,C2', SLACK_RATE_LIMIT: '5' },
  );
  bot = createSlackBot({
    settings,
    config,
    log: (l) => logLines.push(l),
    run: (op, input, ctx) => {
      ran.push(op.name);
      return runOperation(op, input, ctx);
    },
    onRefused: (r) => refused.push(r),
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const { port } = await bot.start();
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

beforeEach(() => fake.failMethod('files.getUploadURLExternal', undefined));

describe('segmenta slack: commands', () => {
  it('checks the bot token against the (fake) Web API at start', () => {
    expect(fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
    expect(fake.calls[0].token).toBe('xoxb-test');
  });

  it('acks a signed `/segmenta segments` within 3 s, then the segment list arrives at the response_url', async () => {
    const { id, sent } = await command('segments');
    expect(sent.status).toBe(200);
    // The acceptance criterion: Slack's 3-second ack window. Generous on a shared machine; typically a few ms.
    expect(sent.ms).toBeLessThan(3000);
    const [body] = await responseTo(id);
    expect(body.response_type).toBe('in_channel');
    const text = blocksText(body);
    expect(text).toContain('Run 20261124-120000-abcd');
    // Issue #17: Block Kit, the table as fields (no code block).
    expect(text).toMatch(/Bargain Hunters[\s\S]*Loyal Regulars/);
    expect(text).not.toContain('```');
    expect(ran).toContain('segments');
  });

  it('`/segmenta copy 2 sms` posts the SMS, at most 160 characters', async () => {
    const { id } = await command('copy 2 sms', { user: 'U2' });
    const [body] = await responseTo(id);
    const lines = blocksText(body).split('\n');
    // Issue 15: the SMS header counts as carriers count ("SMS (94/160 GSM-7)").
    const sms = lines[lines.findIndex((l) => /^SMS \(\d+\/160 GSM-7\)$/.test(l)) + 1];
    expect(sms).toBe(fixtureRun().segments[1].texts!.copy.sms);
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(blocksText(body)).not.toMatch(/EMAIL|PUSH/); // only the channel asked for
  });

  it('never posts PII: the last scrub removes a phone and an email planted in a summary', async () => {
    const { id } = await command('show 2', { user: 'U2' });
    const text = blocksText((await responseTo(id))[0]);
    expect(text).toContain('Loyal Regulars');
    expect(text).toContain('[phone]');
    expect(text).toContain('[email]');
    expect(text).not.toContain(LEAKY_PHONE);
    expect(text).not.toContain(LEAKY_EMAIL);
  });

  it('`/segmenta brief 1` uploads the brief as a Markdown file (files.uploadV2)', async () => {
    const { id } = await command('brief 1', { user: 'U2' });
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'files.completeUploadExternal'));
    const complete = fake.calls.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.args.channel_id).toBe('C1');
    expect(complete.args.files).toEqual([{ id: expect.any(String), title: expect.stringContaining('segment 1') }]);
    const upload = fake.uploads.find((u) => u.fileId === (complete.args.files as { id: string }[])[0].id)!;
    expect(upload.raw).toContain('Bargain Hunters');
    expect(fake.responses.some((r) => r.id === id)).toBe(false); // the file is the answer
  });

  it('falls back to blocks when the file upload is refused (bot not in the channel)', async () => {
    fake.failMethod('files.getUploadURLExternal', 'not_in_channel');
    const { id } = await command('brief 1', { user: 'U2' });
    const bodies = await responseTo(id);
    expect(bodies[0].response_type).toBe('in_channel');
    expect(bodies.map(blocksText).join('\n')).toContain('Bargain Hunters');
    expect(logLines.some((l) => l.includes('file upload refused (not_in_channel)'))).toBe(true);
  });

  it('posts to the response_url once more when the first post fails on the network', async () => {
    fake.dropNextResponse();
    const { id } = await command('runs', { user: 'U2' });
    const bodies = await responseTo(id);
    expect(bodies).toHaveLength(1);
    expect(blocksText(bodies[0])).toContain('20261124-120000-abcd');
  });

  it('answers a mistake in plain words, only to the user, and help straight in the ack', async () => {
    const { id } = await command('show 9', { user: 'U3' });
    const [body] = await responseTo(id);
    expect(body.response_type).toBe('ephemeral');
    expect(blocksText(body)).toMatch(/no segment 9 in Run 20261124-120000-abcd/);

    const help = await command('help', { user: 'U3' });
    expect(help.sent.status).toBe(200);
    const ack = JSON.parse(help.sent.body);
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('/segmenta copy N email|sms|push|ad');

    const unknown = await command('launch rockets', { user: 'U3' });
    expect(JSON.parse(unknown.sent.body).text).toContain("I don't know `launch`");
  });
});

describe('segmenta slack: refused requests run nothing', () => {
  /** Send, then give a wrongly accepted request time to reach an operation or the fake API. */
  async function expectRefused(status: 401 | 413, reason: RefusalReason, sendIt: () => Promise<{ status: number; body: string }>) {
    const before = { ran: ran.length, calls: outgoing().length, responses: fake.responses.length, refused: refused.length };
    const res = await sendIt();
    expect(res.status).toBe(status);
    expect(res.body).toBe('');
    await new Promise((r) => setTimeout(r, 300));
    expect(ran.length).toBe(before.ran);
    expect(outgoing().length).toBe(before.calls);
    expect(fake.responses.length).toBe(before.responses);
    expect(refused.slice(before.refused)).toEqual([reason]);
  }

  it('a bad signature → 401', async () => {
    const body = slashBody({ text: 'segments', responseUrl: fake.responseUrl('forged') });
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(401, 'bad_signature', () => send(url, body, { secret: SECRET, signature: sign('not-the-secret', now, body), timestamp: now }));
    // Signed, then tampered with: the text changed after signing.
    const tampered = body.replace('text=segments', 'text=brief+1');
    await expectRefused(401, 'bad_signature', () => send(url, tampered, { secret: SECRET, signature: sign(SECRET, now, body), timestamp: now }));
  });

  it('a timestamp older than 5 minutes → 401', async () => {
    const body = slashBody({ text: 'segments', responseUrl: fake.responseUrl('stale') });
    await expectRefused(401, 'stale', () => send(url, body, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 30 }));
  });

  it('a replayed request → 401 (the original ran once)', async () => {
    const body = slashBody({ text: 'runs', responseUrl: fake.responseUrl('replay'), user: 'U4' });
    const timestamp = Math.floor(Date.now() / 1000);
    const runsBefore = ran.filter((n) => n === 'runs').length;
    const first = await send(url, body, { secret: SECRET, timestamp });
    expect(first.status).toBe(200);
    await responseTo('replay');
    await expectRefused(401, 'replayed', () => send(url, body, { secret: SECRET, timestamp }));
    expect(ran.filter((n) => n === 'runs')).toHaveLength(runsBefore + 1);
  });

  it('a 1 MB body → 413, before anything reads it as a command', async () => {
    const body = slashBody({ text: `segments ${'x'.repeat(1024 * 1024)}`, responseUrl: fake.responseUrl('huge') });
    await expectRefused(413, 'too_large', () => send(url, body, { secret: SECRET }));
  });

  it("Slack's unsigned ssl_check gets 200 and runs nothing, even with a command smuggled in", async () => {
    const before = { ran: ran.length, responses: fake.responses.length };
    const body = `ssl_check=1&token=x&${slashBody({ text: 'segments', responseUrl: fake.responseUrl('smuggled') })}`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(ran.length).toBe(before.ran);
    expect(fake.responses.length).toBe(before.responses);
  });

  it('a workspace or channel not on the allow-list → a plain ephemeral refusal', async () => {
    const before = ran.length;
    const team = await command('segments', { team: 'T2', user: 'U5' });
    expect(team.sent.status).toBe(200);
    expect(JSON.parse(team.sent.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('not enabled for this workspace') });
    const channel = await command('segments', { channel: 'C9', user: 'U5' });
    expect(JSON.parse(channel.sent.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('not enabled in this channel') });
    await new Promise((r) => setTimeout(r, 200));
    expect(ran.length).toBe(before);
  });

  it('a user over the rate limit (5 a minute here) → a plain ephemeral refusal', async () => {
    for (let i = 0; i < 5; i++) expect(JSON.parse((await command('help', { user: 'U6' })).sent.body).text).toContain('/segmenta');
    const before = ran.length;
    const over = await command('segments', { user: 'U6' });
    expect(JSON.parse(over.sent.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/faster than I can take them \(5 a minute\)\. Try again in \d+ seconds?/) });
    // Someone else is not affected.
    const other = await command('runs', { user: 'U7' });
    expect(other.sent.body).toBe('');
    await responseTo(other.id);
    expect(ran.length).toBe(before + 1);
  });
});

describe('segmenta slack: mentions', () => {
  it('answers an @mention in its thread through the offline intent parser', async () => {
    const ts = '1700000002.000200';
    const res = await send(url, mentionBody('<@U0BOT> write an sms for segment 2', { ts, user: 'U8' }), { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts));
    const post = fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts)!;
    expect(post.args.channel).toBe('C1');
    expect(blocksText(post.args)).toContain(fixtureRun().segments[1].texts!.copy.sms);
  });

  it('refuses, in plain words and only to the user, an @mention asking to read a server file', async () => {
    const before = ran.length;
    const res = await send(url, mentionBody('<@U0BOT> segment /etc/passwd.csv', { ts: '1700000003.000300', user: 'U8' }), { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U8'));
    const eph = fake.calls.find((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U8')!;
    expect(eph.args.text).toMatch(/I can't `segment` from Slack/);
    expect(ran.length).toBe(before);
  });
});

describe('segmenta slack: start-up', () => {
  it('a token Slack refuses is one ConfigError line at start', async () => {
    const other = await startFakeSlack();
    other.failMethod('auth.test', 'invalid_auth');
    const settings = loadSlackSettings({ botToken: 'xoxb-bad', signingSecret: SECRET }, { port: 0, host: '127.0.0.1' }, { SLACK_API_URL: other.url });
    const b = createSlackBot({ settings, config: loadConfig({ workspace, offline: true }, {}), log: () => {}, clientOptions: { retryConfig: { retries: 0 } } });
    await expect(b.start()).rejects.toThrowError(ConfigError);
    await expect(b.start()).rejects.toThrowError(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    await other.close();
    // Nothing listening: a network error, said as such, in seconds rather than after long retries.
    const gone = createSlackBot({
      settings: loadSlackSettings({ botToken: 'xoxb-x', signingSecret: SECRET }, { port: 0, host: '127.0.0.1' }, { SLACK_API_URL: other.url }),
      config: loadConfig({ workspace, offline: true }, {}),
      log: () => {},
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const err = (await gone.start().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/^could not reach the Slack Web API at http:\/\/127\.0\.0\.1:\d+\/api\/ \([A-Z_]+\): check the network or proxy, and SLACK_API_URL\.$/);
  });
});

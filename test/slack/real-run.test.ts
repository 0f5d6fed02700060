import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/slack/blocks.js';
import { loadConfig } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { segmentOp } from '../../src/ops/segment.js';
import { loadSlackSettings } from '../../src/slack/config.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import { startFakeSlack, type FakeSlack } from '../servers/fake-slack.js';
import { mentionBody, send, slashBody } from './signed-request.js';

/**
 * The Slack surface over a real Run of examples/customers.csv (offline writer): every command
 * answers, and nothing the bot sends — messages, response_url posts, uploaded files — holds a
 * customer id, name, email, phone or street address from the file.
 */
const SECRET = 'real-run-signing-secret';
let fake: FakeSlack;
let bot: SlackBot;
let url: string;
let workspace: string;
let k = 0;
let seq = 0;

async function command(text: string, timeoutMs = 20_000) {
  const id = `q${++seq}`;
  const sent = await send(url, slashBody({ text, responseUrl: fake.responseUrl(id), user: `U${seq}` }), { secret: SECRET });
  expect(sent.status).toBe(200);
  expect(sent.ms).toBeLessThan(3000);
  await fake.waitFor(() => fake.responses.some((r) => r.id === id), timeoutMs);
  return fake.responses.filter((r) => r.id === id).map((r) => blocksText(r.body)).join('\n');
}

/** Enough CSV for examples/customers.csv: quoted fields may hold commas, never newlines. */
function parseCsv(text: string): string[][] {
  return text.trim().split('\n').map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const blocksText = (body: Record<string, unknown>) => ((body.blocks as Block[] | undefined) ?? []).map(blockText).join('\n');

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'segmenta-slack-real-'));
  const config = loadConfig({ workspace, offline: true }, {});
  const made = await runOperation(segmentOp, { file: 'examples/customers.csv' }, { config, log: () => {} });
  k = made.k;
  fake = await startFakeSlack();
  const settings = loadSlackSettings({ botToken: 'xoxb-real', signingSecret: SECRET }, { port: 0, host: '127.0.0.1' }, { SLACK_API_URL: fake.url, SLACK_RATE_LIMIT: '0' });
  bot = createSlackBot({ settings, config, log: (l) => process.env.SLACK_TEST_LOG && console.error(l), clientOptions: { retryConfig: { retries: 0 } } });
  url = `http://127.0.0.1:${(await bot.start()).port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('segmenta slack over a real Run', () => {
  it('answers every command with real results', async () => {
    expect(await command('segments')).toMatch(new RegExp(`Run \\d{8}-\\d{6}-[0-9a-f]{4} — 3,000 customers`));
    for (let i = 1; i <= k; i++) expect(await command(`show ${i}`)).toContain(`Segment ${i}`);
    expect(await command('persona 1')).toMatch(/Goals:/);
    expect(await command('compare 1 2')).toMatch(/#1 .*#2 /);
    expect(await command('runs')).toContain('examples/customers.csv');
    expect(await command('eval', 60_000)).toMatch(/\S/);
  });

  it('`/segmenta copy 2 sms` is an SMS of at most 160 characters', async () => {
    const lines = (await command('copy 2 sms')).split('\n');
    const at = lines.findIndex((l) => /^SMS \(\d+\/160 GSM-7\)$/.test(l)); // issue 15: carrier counting
    expect(at).toBeGreaterThanOrEqual(0);
    const sms = lines[at + 1];
    expect(sms.length).toBeGreaterThan(10);
    expect(sms.length).toBeLessThanOrEqual(160);
  });

  it('posts a brief as a file and answers a mention in its thread', async () => {
    await send(url, slashBody({ text: 'brief 1', responseUrl: fake.responseUrl('brief') }), { secret: SECRET });
    await fake.waitFor(() => fake.uploads.length > 0);
    expect(fake.uploads[0].raw).toMatch(/#/);
    await send(url, mentionBody('<@U0BOT> write an email for the biggest segment', { ts: '1700000009.000900' }), { secret: SECRET });
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'chat.postMessage'));
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1); // the "biggest is #1" note heads the answer, in one message
    const text = blocksText(posts[0].args);
    expect(text).toMatch(/^The biggest segment is #1 /);
    expect(text).toMatch(/EMAIL\nSubject: /);
  });

  it('sent no customer id, name, email, phone or address from the file', () => {
    const rows = parseCsv(readFileSync('examples/customers.csv', 'utf8'));
    const header = rows[0];
    const cols = ['customer_id', 'name', 'email', 'phone', 'street_address'].map((c) => header.indexOf(c));
    expect(cols.every((c) => c >= 0)).toBe(true);
    const outgoing = [JSON.stringify(fake.responses), JSON.stringify(fake.calls.map((c) => c.args)), ...fake.uploads.map((u) => u.raw)].join('\n');
    expect(outgoing.length).toBeGreaterThan(5000);
    const leaks = rows.slice(1).flatMap((r) => cols.map((c) => r[c]).filter((v) => v && outgoing.includes(v)));
    expect(leaks).toEqual([]);
  });
});

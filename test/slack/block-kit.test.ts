import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { loadSlackSettings } from '../../src/slack/config.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import { blockText, type Block } from '../../src/slack/blocks.js';
import { helpText, SLACK_OPS } from '../../src/slack/commands.js';
import { startFakeSlack, type FakeSlack } from '../servers/fake-slack.js';
import { fixtureRun, fixtureWorkspace, LEAKY_EMAIL, LEAKY_PHONE, FIXTURE_RUN_ID } from './fixture-run.js';
import { send, slashBody } from './signed-request.js';

/**
 * Issue #17: Slack answers are Block Kit — headers, sections with fields, context, buttons —
 * built from the operation's result, not its CLI text pasted into a code block. The real Bolt
 * app against the fake Slack API; button presses are signed block_actions payloads.
 */
const SECRET = 'test-signing-secret-0123456789abcdef';
let fake: FakeSlack;
let bot: SlackBot;
let url: string;
let workspace: string;
const ran: { op: string; input: unknown }[] = [];
let seq = 0;

async function command(text: string, user = `U${++seq}`) {
  const id = `bk${++seq}`;
  await send(url, slashBody({ text, responseUrl: fake.responseUrl(id), user }), { secret: SECRET });
  await fake.waitFor(() => fake.responses.some((r) => r.id === id));
  return fake.responses.filter((r) => r.id === id).map((r) => r.body);
}

const blocksOf = (body: Record<string, unknown>) => (body.blocks ?? []) as Block[];
const types = (blocks: Block[]) => blocks.map((b) => b.type);
const fieldsOf = (blocks: Block[]) => blocks.flatMap((b) => ('fields' in b ? b.fields.map((f) => f.text) : []));
const buttonsOf = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : 'accessory' in b && b.accessory ? [b.accessory] : []));

beforeAll(async () => {
  fake = await startFakeSlack();
  workspace = fixtureWorkspace();
  const config = loadConfig({ workspace, offline: true }, {});
  const settings = loadSlackSettings({ botToken: 'xoxb-test', signingSecret: SECRET }, { port: 0, host: '127.0.0.1' }, { SLACK_API_URL: fake.url, SLACK_RATE_LIMIT: '100' });
  bot = createSlackBot({
    settings,
    config,
    log: () => {},
    run: (op, input, ctx) => {
      ran.push({ op: op.name, input });
      return runOperation(op, input, ctx);
    },
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

describe('Slack Block Kit views', () => {
  it('`segments` is a header, a section per segment with a button to its card, and size/stability as fields', async () => {
    const [body] = await command('segments');
    const blocks = blocksOf(body);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `Run ${FIXTURE_RUN_ID} — 1,000 customers`, emoji: false } });
    expect(types(blocks)).toContain('context');
    const all = blocks.map(blockText).join('\n');
    expect(all).not.toContain('```'); // no CLI table pasted as code
    expect(fieldsOf(blocks)).toEqual(expect.arrayContaining(['*Customers*\n560 (56.0%)', '*Customers*\n410 (41.0%)', '*Stability*\n0.85']));
    // Described segments get an "Open card" button; the one under the minimum size does not.
    const buttons = buttonsOf(blocks);
    expect(buttons.map((b) => JSON.parse(b.value))).toEqual([
      { op: 'show', input: { segment: 1, run: FIXTURE_RUN_ID } },
      { op: 'show', input: { segment: 2, run: FIXTURE_RUN_ID } },
    ]);
    expect(all).not.toContain(LEAKY_PHONE);
  });

  it('`show 2` is a segment card: header, fields, persona, and buttons for persona, copy per channel and brief', async () => {
    const [body] = await command('show 2');
    const blocks = blocksOf(body);
    const seg = fixtureRun().segments[1];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Segment 2: Loyal Regulars' } });
    expect(fieldsOf(blocks)).toEqual(expect.arrayContaining(['*Customers*\n410', '*Share*\n41.0%', '*Offer*\n15% off the next order', '*region = north*\n60.0% vs 30.0% overall']));
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions && actions.type === 'actions' && actions.elements.map((e) => e.text.text)).toEqual(['Persona', 'Copy: email', 'Copy: SMS', 'Copy: push', 'Copy: ad', 'Brief']);
    const values = buttonsOf(blocks).map((b) => JSON.parse(b.value));
    expect(values).toContainEqual({ op: 'copy', input: { segment: 2, run: FIXTURE_RUN_ID, channel: 'sms' } });
    for (const v of values) expect(SLACK_OPS.has(v.op)).toBe(true); // every button is something Slack may run
    const all = blocks.map(blockText).join('\n');
    expect(all).toContain(seg.texts!.persona.archetype);
    expect(all).toContain('[phone]'); // the planted PII is scrubbed in fields and sections too
    expect(all).not.toContain(LEAKY_EMAIL);
    expect(body.text).toBe('Segment 2: Loyal Regulars');
  });

  it('`compare 1 2` lays the table out as aligned fields: both segments, then one row per feature', async () => {
    const [body] = await command('compare 1 2');
    const blocks = blocksOf(body);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '#1 Bargain Hunters vs #2 Loyal Regulars' } });
    const fields = fieldsOf(blocks);
    expect(fields.slice(0, 2)).toEqual(['*#1 Bargain Hunters*\n560 customers (56.0%)\nThe bargain hunters shopper', '*#2 Loyal Regulars*\n410 customers (41.0%)\nThe loyal regulars shopper']);
    // A row is a label field followed by its values field.
    const row = fields.indexOf('*total_spend*');
    expect(row).toBeGreaterThan(1);
    expect(fields[row + 1]).toMatch(/^#1 100.00 · #2 200.00 · overall 150.00$/);
    expect(blocks.map(blockText).join('\n')).not.toContain('```');
  });

  it('a card button runs its operation and answers in the thread of the card', async () => {
    const before = ran.length;
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'U42', name: 'maria', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: '1700000100.000100', channel_id: 'C1', is_ephemeral: false },
      trigger_id: '1.2.3',
      channel: { id: 'C1', name: 'marketing' },
      message: { type: 'message', ts: '1700000100.000100', text: 'Segment 2: Loyal Regulars' },
      response_url: fake.responseUrl('button-1'),
      actions: [{ type: 'button', action_id: 'segmenta:persona:2:x', block_id: 'segment-2', value: JSON.stringify({ op: 'persona', input: { segment: 2, run: FIXTURE_RUN_ID } }), text: { type: 'plain_text', text: 'Persona' }, action_ts: '1700000101.000' }],
    };
    const res = await send(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000100.000100'));
    const post = fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000100.000100')!;
    expect(post.args.channel).toBe('C1');
    expect(Array.isArray(post.args.blocks)).toBe(true);
    expect((post.args.blocks as Block[]).map(blockText).join('\n')).toContain('The loyal regulars shopper');
    expect(ran.slice(before).map((r) => r.op)).toEqual(['persona']);
  });

  it('a forged button asking for an operation Slack may not run, or a Run by path, runs nothing', async () => {
    const before = ran.length;
    const forged = (value: unknown, ts: string) => ({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U43', team_id: 'T1' },
      container: { type: 'message', message_ts: ts, channel_id: 'C1' },
      channel: { id: 'C1' },
      message: { type: 'message', ts },
      actions: [{ type: 'button', action_id: 'segmenta:x', value: JSON.stringify(value), text: { type: 'plain_text', text: 'x' } }],
    });
    for (const [value, ts] of [[{ op: 'segment', input: { file: '/etc/passwd' } }, '1700000200.1'], [{ op: 'show', input: { segment: 1, run: '/tmp' } }, '1700000200.2']] as const) {
      await send(url, new URLSearchParams({ payload: JSON.stringify(forged(value, ts)) }).toString(), { secret: SECRET });
    }
    await fake.waitFor(() => fake.calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U43').length === 2);
    const said = fake.calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U43').map((c) => String(c.args.text));
    expect(said[0]).toMatch(/`segment` is not available from Slack/);
    expect(said[1]).toMatch(/name a Run by its id/);
    expect(ran.length).toBe(before);
  });

  it('help lists only what Slack may run', () => {
    const help = helpText();
    const listed = [...help.matchAll(/`\/segmenta (\w+)/g)].map((m) => m[1]).filter((w) => w !== 'help');
    expect(listed.length).toBeGreaterThan(5);
    for (const w of listed) expect(SLACK_OPS.has(w === 'segments' ? 'segments' : w)).toBe(true);
    expect(help).not.toMatch(/\b(segment FILE|inspect|export|assign)\b/);
  });
});

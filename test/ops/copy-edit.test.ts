import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOperation } from '../../src/ops/operation.js';
import { segmentOp } from '../../src/ops/segment.js';
import { copyOp } from '../../src/ops/copy.js';
import { briefOp } from '../../src/ops/brief.js';
import type { RunFile } from '../../src/model/run.js';
import { testContext } from './run-fixture.js';

/** Issue 15: edits that stay put — one channel of one segment, settings kept, briefs regenerated. */
const root = mkdtempSync(join(tmpdir(), 'segmenta-copy-edit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('copy N CHANNEL edits', () => {
  it('copy 2 sms --tone playful changes only segment 2’s SMS, and brief 2 shows it; settings and history stay', async () => {
    const ctx = testContext(join(root, 'ws'));
    const made = await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    const read = (): RunFile => JSON.parse(readFileSync(join(made.runDir, 'run.json'), 'utf8'));
    const before = read();

    const r = await runOperation(copyOp, { segment: 2, channel: 'sms', tone: 'playful' }, ctx);
    expect(r).toMatchObject({ fresh: true, changed: true, segment: 2 });
    const after = read();
    const old2 = before.segments[1].texts!.copy;
    const new2 = after.segments[1].texts!.copy;
    expect(new2.sms).not.toBe(old2.sms);
    expect(new2.sms).toMatch(/^Psst! /);
    expect({ ...new2, sms: old2.sms }).toEqual(old2); // every other channel and the offer idea as they were
    for (const i of [0, 2, 3, 4, 5]) expect(after.segments[i].texts).toEqual(before.segments[i].texts);
    expect(after.textsHistory.at(-1)!.texts[2].copy).toEqual(old2);

    const brief = await runOperation(briefOp, { segment: 2 }, ctx);
    // The SMS section quotes the new text (the old one is a part of it: "Psst! " + …).
    expect(brief.markdown).toMatch(/### SMS \(\d+\/160 GSM-7 characters\)\n\n> Psst! /);
    expect(brief.markdown).toContain(`> ${new2.sms}`);
    expect(brief.markdown).not.toContain(`> ${old2.sms}`);
    expect(readFileSync(join(made.runDir, 'briefs', 'segment-2.md'), 'utf8')).toContain(new2.sms);

    // A later --offer keeps the earlier --tone, and says what it kept.
    const o = await runOperation(copyOp, { segment: 2, channel: 'sms', offer: '20% off' }, ctx);
    expect(o.settings).toEqual({ tone: 'playful', offer: '20% off' });
    expect(o.copy.sms).toMatch(/^Psst! .*20% off your next order/);
    expect(copyOp.render(o)).toMatch(/kept for this segment: tone playful, offer "20% off"/);
    expect(read().segments[1].texts!.copySettings).toEqual({ tone: 'playful', offer: '20% off' });
  }, 120_000);

  it('says so when the offline writer has no such tone, instead of claiming fresh copy', async () => {
    const ctx = testContext(join(root, 'ws2'));
    await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    const r = await runOperation(copyOp, { segment: 1, tone: 'luxury' }, ctx);
    expect(r.changed).toBe(false);
    expect(r.note).toMatch(/no "luxury" tone.*friendly, playful, formal, urgent/);
    expect(copyOp.render(r)).toMatch(/Written again: the same text as before/);
    expect(copyOp.render(r)).not.toMatch(/Freshly written/);
  }, 120_000);
});

import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runOperation } from '../../src/ops/operation.js';
import { segmentOp } from '../../src/ops/segment.js';
import { copyOp } from '../../src/ops/copy.js';
import { briefOp } from '../../src/ops/brief.js';
import { reportOp } from '../../src/ops/report.js';
import { writeTextsOp } from '../../src/ops/write-texts.js';
import { describeSegmentOp } from '../../src/ops/describe-segment.js';
import { esc } from '../../src/brief/report/html.js';
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

  it('a later --tone keeps an earlier --offer; settings are per segment and survive `write`; history, briefs and report follow every change', async () => {
    const ctx = testContext(join(root, 'ws3'));
    const made = await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    const read = (): RunFile => JSON.parse(readFileSync(join(made.runDir, 'run.json'), 'utf8'));
    const report = () => readFileSync(join(made.runDir, 'report.html'), 'utf8');
    const brief = (id: number) => readFileSync(join(made.runDir, 'briefs', `segment-${id}.md`), 'utf8');
    await runOperation(reportOp, {}, ctx);
    const history0 = read().textsHistory.length;

    await runOperation(copyOp, { segment: 3, offer: 'free delivery' }, ctx);
    const afterOffer = read();
    expect(afterOffer.textsHistory).toHaveLength(history0 + 1);
    const push1 = afterOffer.segments[2].texts!.copy.push;
    expect(push1).toContain('free delivery on your next order');

    // Only the push is re-written, in the new tone, and the offer stays in it.
    const t = await runOperation(copyOp, { segment: 3, channel: 'push', tone: 'urgent' }, ctx);
    expect(t.settings).toEqual({ tone: 'urgent', offer: 'free delivery' });
    const afterTone = read();
    expect(afterTone.textsHistory).toHaveLength(history0 + 2);
    const c3 = afterTone.segments[2].texts!.copy;
    expect(c3.push).not.toBe(push1);
    expect(c3.push).toMatch(/^Don't miss out: .*free delivery on your next order/);
    expect(c3.sms).toBe(afterOffer.segments[2].texts!.copy.sms);
    expect(afterTone.textsHistory.at(-1)!.texts[3].copy.push).toBe(push1);
    // No other segment got the settings.
    for (const s of afterTone.segments) if (s.id !== 3 && s.texts) expect(s.texts.copySettings, `segment ${s.id}`).toBeUndefined();
    // The brief and the report were made again from the Run.
    expect(brief(3)).toContain(c3.push);
    expect(report()).toContain(`<dt>Push</dt><dd>${esc(c3.push)}</dd>`);
    expect(report()).not.toContain(`<dt>Push</dt><dd>${esc(push1)}</dd>`);

    // A full re-write keeps what the marketer set for segment 3, and writes the others as before.
    await runOperation(writeTextsOp, {}, ctx);
    const rewritten = read();
    expect(rewritten.textsHistory).toHaveLength(history0 + 3);
    const r3 = rewritten.segments[2].texts!;
    expect(r3.copySettings).toEqual({ tone: 'urgent', offer: 'free delivery' });
    expect(r3.copy.sms).toContain('free delivery on your next order');
    expect(r3.copy.push).toMatch(/^Don't miss out: /);
    expect(rewritten.segments[0].texts!.copy).toEqual(afterTone.segments[0].texts!.copy);
    expect(brief(3)).toContain(r3.copy.email.subject);
    expect(report()).toContain(`<dt>SMS</dt><dd>${esc(r3.copy.sms)}</dd>`);
  }, 180_000);

  it('says so when the offline writer has no such tone, and neither keeps it nor re-writes anything', async () => {
    const ctx = testContext(join(root, 'ws2'));
    const made = await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    const read = (): RunFile => JSON.parse(readFileSync(join(made.runDir, 'run.json'), 'utf8'));
    const r = await runOperation(copyOp, { segment: 1, tone: 'luxury' }, ctx);
    expect(r.changed).toBe(false);
    expect(r.note).toMatch(/no "luxury" tone.*friendly, playful, formal, urgent/);
    expect(copyOp.render(r)).toMatch(/Nothing re-written/);
    expect(copyOp.render(r)).not.toMatch(/Freshly written/);

    // After a playful SMS, an unknown tone for the whole segment leaves every channel as it was
    // (it used to re-write them all friendly and keep "luxury" as the segment's tone).
    await runOperation(copyOp, { segment: 1, channel: 'sms', tone: 'playful' }, ctx);
    const before = read();
    const l = await runOperation(copyOp, { segment: 1, tone: 'luxury' }, ctx);
    expect(l.note).toMatch(/not applied; the copy stays playful/);
    const after = read();
    expect(after.segments[0].texts).toEqual(before.segments[0].texts);
    expect(after.segments[0].texts!.copySettings).toEqual({ tone: 'playful' });
    expect(after.textsHistory).toHaveLength(before.textsHistory.length);
    // With an offer as well, the offer is applied in the segment's kept tone.
    const o = await runOperation(copyOp, { segment: 1, channel: 'sms', tone: 'luxury', offer: 'free delivery' }, ctx);
    expect(o.settings).toEqual({ tone: 'playful', offer: 'free delivery' });
    expect(o.copy.sms).toMatch(/^Psst! .*free delivery on your next order/);
  }, 120_000);

  it('show N lists the segment’s earlier texts from the Run, with what each edit changed', async () => {
    const ctx = testContext(join(root, 'ws4'));
    await runOperation(segmentOp, { file: resolve(import.meta.dirname, '../../examples/customers.csv'), seed: 42 }, ctx);
    const none = await runOperation(describeSegmentOp, { segment: 2 }, ctx);
    expect(none.history).toEqual([]);
    expect(describeSegmentOp.render(none)).not.toMatch(/Earlier texts/);

    await runOperation(copyOp, { segment: 2, channel: 'sms', tone: 'playful' }, ctx);
    await runOperation(copyOp, { segment: 2, channel: 'push', offer: '20% off' }, ctx);
    const d = await runOperation(describeSegmentOp, { segment: 2 }, ctx);
    expect(d.history!.map((h) => h.changed)).toEqual([['sms', 'settings'], ['offer', 'push', 'settings']]);
    const text = describeSegmentOp.render(d);
    expect(text).toMatch(/Earlier texts \(2, kept in the Run\):/);
    expect(text).toMatch(/then changed: sms, settings\n.*then changed: offer, push, settings/);
    expect(describeSegmentOp.summarize!(d)).toMatch(/Earlier texts kept: 2/);
    // Other segments have no history.
    expect((await runOperation(describeSegmentOp, { segment: 1 }, ctx)).history).toEqual([]);
  }, 120_000);
});

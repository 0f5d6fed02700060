import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { runOperation, type OpContext, type Session } from '../../src/ops/operation.js';
import { operations } from '../../src/ops/index.js';
import { personaOp } from '../../src/ops/persona.js';
import { copyOp } from '../../src/ops/copy.js';
import { compareOp } from '../../src/ops/compare.js';
import { useRunOp } from '../../src/ops/use-run.js';
import { listSegmentsOp } from '../../src/ops/list-segments.js';
import { describeSegmentOp } from '../../src/ops/describe-segment.js';
import { briefOp } from '../../src/ops/brief.js';
import type { RunFile } from '../../src/model/run.js';
import { fixtureRun, fixtureWorkspace, INJECTION } from './fixture.js';

function setup(run?: RunFile) {
  const { workspace, runDir } = fixtureWorkspace(run);
  const session: Session = {};
  const ctx: OpContext = { config: loadConfig({ workspace, offline: true }, {}), log: () => {}, session };
  const readRun = () => JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as RunFile;
  return { ctx, session, readRun, workspace };
}

describe('operations registry', () => {
  it('has unique names a model can call, each with a description and an object schema', () => {
    const names = operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const op of operations) {
      expect(op.name).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(op.description.length).toBeGreaterThan(10);
      expect(op.input.safeParse({}).success || op.input.safeParse({ segment: 1, a: 1, b: 2, file: 'x', run: 'x' }).success).toBe(true);
    }
    expect(names).toEqual(expect.arrayContaining(['inspect', 'segment', 'runs', 'use', 'segments', 'show', 'persona', 'copy', 'compare', 'brief']));
  });
});

describe('persona', () => {
  it('returns the stored persona by number or by a word of the name', async () => {
    const { ctx } = setup();
    const r = await runOperation(personaOp, { segment: 'premium' }, ctx);
    expect(r).toMatchObject({ segment: 2, name: 'Premium Regulars', rewritten: false, writer: 'offline' });
    expect(personaOp.render(r)).toMatch(/The loyal big spender/);
  });

  it('says plainly that a rewrite needs an LLM', async () => {
    const { ctx, readRun } = setup();
    const r = await runOperation(personaOp, { segment: 1, rewrite: true }, ctx);
    expect(r.rewritten).toBe(false);
    expect(r.note).toMatch(/OPENAI_API_KEY/);
    expect(readRun().textsHistory).toHaveLength(0);
  });

  it('refuses a segment under the minimum size', async () => {
    const { ctx } = setup();
    await expect(runOperation(personaOp, { segment: 4 }, ctx)).rejects.toThrow(/under the minimum/);
  });
});

describe('copy', () => {
  it('returns the stored copy for one channel', async () => {
    const { ctx, readRun } = setup();
    const r = await runOperation(copyOp, { segment: 1, channel: 'sms' }, ctx);
    expect(r.fresh).toBe(false);
    const text = copyOp.render(r);
    expect(text).toMatch(/SMS \(\d+\/160 GSM-7\)/); // issue 15: counted as carriers count
    expect(text).not.toMatch(/Subject:/);
    expect(readRun().textsHistory).toHaveLength(0);
  });

  it('writes fresh copy with an offer, saves it, and keeps the previous copy in textsHistory', async () => {
    const { ctx, readRun } = setup();
    const before = fixtureRun().segments[0].texts!.copy;
    const r = await runOperation(copyOp, { segment: 1, channel: 'email', offer: 'free shipping this week', tone: 'playful' }, ctx);
    expect(r.fresh).toBe(true);
    const saved = readRun();
    expect(saved.segments[0].texts!.copy).toEqual(r.copy);
    expect(saved.textsHistory).toHaveLength(1);
    expect(saved.textsHistory[0].texts[1].copy).toEqual(before);
    expect(r.copy.email.subject.length).toBeLessThanOrEqual(60);
    expect(r.copy.sms.length).toBeLessThanOrEqual(160);
  });

  it('rejects an unknown channel in plain words', async () => {
    const { ctx } = setup();
    await expect(runOperation(copyOp, { segment: 1, channel: 'fax' }, ctx)).rejects.toThrow(/copy: channel/);
  });
});

describe('compare', () => {
  it('puts two segments side by side, biggest differences first', async () => {
    const { ctx } = setup();
    const r = await runOperation(compareOp, { a: 1, b: 'lapsed' }, ctx);
    expect(r.a).toMatchObject({ id: 1, name: 'Bargain Hunters', size: 500 });
    expect(r.b).toMatchObject({ id: 3, name: 'Lapsed Browsers', size: 180 });
    const gaps = r.features.map((f) => Math.abs(f.gap));
    expect(gaps).toEqual([...gaps].sort((x, y) => y - x));
    expect(r.features[0].feature).toBe('days_since_last_order');
    expect(compareOp.render(r)).toMatch(/Where they differ most/);
  });
});

describe('use', () => {
  it('sets the session Run, which later operations then use', async () => {
    const older = fixtureRun('20250101-000000-aaaa');
    const { ctx, session, workspace } = setup(older);
    const newer = fixtureWorkspace(fixtureRun('20260101-120000-bbbb'));
    // Put the newer Run into the same workspace.
    const { cpSync } = await import('node:fs');
    cpSync(join(newer.workspace, 'runs'), join(workspace, 'runs'), { recursive: true });
    expect((await runOperation(listSegmentsOp, {}, ctx)).runId).toBe('20260101-120000-bbbb');
    await runOperation(useRunOp, { run: '20250101' }, ctx);
    expect(session.runId).toBe('20250101-000000-aaaa');
    expect((await runOperation(listSegmentsOp, {}, ctx)).runId).toBe('20250101-000000-aaaa');
    await expect(runOperation(useRunOp, { run: 'nope' }, ctx)).rejects.toThrow(/no Run "nope"/);
  });
});

describe('summaries for the model', () => {
  it('carry aggregates, never raw customer text', async () => {
    const { ctx } = setup();
    const calls: [typeof operations[number], unknown][] = [
      [listSegmentsOp, {}],
      [describeSegmentOp, { segment: 1 }],
      [personaOp, { segment: 1 }],
      [copyOp, { segment: 1 }],
      [compareOp, { a: 1, b: 2 }],
      [briefOp, { segment: 1 }],
    ];
    for (const [op, input] of calls) {
      const r = await runOperation(op, input, ctx);
      const summary = op.summarize ? op.summarize(r) : op.render(r);
      expect(summary, op.name).not.toContain('Ignore previous');
      expect(summary, op.name).not.toContain(INJECTION);
    }
  });
});

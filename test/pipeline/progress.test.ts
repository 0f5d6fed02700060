/**
 * Counts inside stages: makeRun and eval tell their ProgressHook how far each stage is, in
 * counts that only grow and end at their total; the CLI draws them only on a terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { evalOp } from '../../src/ops/eval.js';
import { createProgress, describeCount } from '../../src/cli/progress.js';
import type { ProgressEvent } from '../../src/model/progress.js';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';

const FILE = 'examples/customers.csv';
let scratch: string;
let fake: FakeOpenAI;
let made: MadeRun;
const events: ProgressEvent[] = [];
const lines: string[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'segmenta-progress-'));
  fake = await startFakeOpenAI();
  // An LLM writer, so the write stage counts real calls to a server.
  const config = loadConfig({ workspace: scratch, baseUrl: fake.url, apiKey: 'sk-test', maxRetries: 0 }, {});
  made = await makeRun({ file: FILE, seed: 1, config, log: (l) => lines.push(l), onProgress: (e) => events.push({ ...e }) });
});
afterAll(async () => {
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The events of one stage, grouped by unit, in order. */
function byUnit(stage: string): Map<string, ProgressEvent[]> {
  const out = new Map<string, ProgressEvent[]>();
  for (const e of events.filter((x) => x.stage === stage)) out.set(e.unit, [...(out.get(e.unit) ?? []), e]);
  return out;
}

function expectMonotone(list: ProgressEvent[]) {
  for (let i = 1; i < list.length; i++) {
    expect(list[i].done).toBeGreaterThanOrEqual(list[i - 1].done);
    if (list[i].total !== undefined) expect(list[i].done).toBeLessThanOrEqual(list[i].total!);
  }
}

describe('the pipeline reports counts inside its stages', () => {
  it('every counted stage reports counts that only grow, and ends at its total', () => {
    for (const stage of ['ingest', 'embed', 'cluster', 'profile', 'write', 'briefs']) {
      const units = byUnit(stage);
      expect(units.size, stage).toBeGreaterThan(0);
      for (const [unit, list] of units) {
        expectMonotone(list);
        const last = list[list.length - 1];
        if (last.total !== undefined) expect(last.done, `${stage} ${unit}`).toBe(last.total);
      }
    }
  });

  it('stages report in pipeline order, each before its "done" line', () => {
    const first = (stage: string) => events.findIndex((e) => e.stage === stage);
    const order = ['ingest', 'embed', 'cluster', 'profile', 'write', 'briefs'].map(first);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('ingest: the percentage of the file read, then the rows it holds', () => {
    const units = byUnit('ingest');
    const read = units.get('% of customers.csv read')!;
    expect(read[0].done).toBe(0);
    expect(read.at(-1)).toMatchObject({ done: 100, total: 100 });
    expect(units.get('rows read; cleaning them')).toEqual([{ stage: 'ingest', done: 3000, total: undefined, unit: 'rows read; cleaning them' }]);
  });

  it('cluster: k-means runs over the k candidates, the final fit and the stability resamples', () => {
    const runs = byUnit('cluster').get('k-means runs')!;
    const last = runs.at(-1)!;
    // 11 k candidates (2–12) × 10 restarts + the final fit's 10 restarts, at least.
    expect(last.done).toBeGreaterThanOrEqual(120);
    expect(runs.length).toBeGreaterThan(last.done); // one report per run, plus the totals as they grow
  });

  it('write: one LLM call for the names, then a persona and a copy call per described segment', () => {
    const described = made.run.segments.filter((s) => !s.small).length;
    const calls = byUnit('write').get('LLM calls')!;
    expect(calls[0]).toMatchObject({ done: 0, total: 1 + 2 * described });
    expect(calls.map((c) => c.done)).toEqual(Array.from({ length: 2 + 2 * described }, (_, i) => i));
  });

  it('briefs: one per described segment and the index', () => {
    const described = made.run.segments.filter((s) => !s.small).length;
    expect(byUnit('briefs').get('briefs')!.at(-1)).toMatchObject({ done: described + 1, total: described + 1 });
  });

  it('eval: suites done of all', async () => {
    const seen: ProgressEvent[] = [];
    const config = loadConfig({ workspace: scratch }, {});
    await runOperation(evalOp, { run: made.runId }, { config, log: () => {}, progress: (e) => seen.push({ ...e }) });
    const of = (unit: string) => seen.filter((e) => e.unit === unit).map((e) => `${e.done}/${e.total} ${e.unit}`);
    expect(of('suites')).toEqual(Array.from({ length: 9 }, (_, i) => `${i}/8 suites`));
    // Inside label stability: the bootstrap resamples, one by one.
    expect(of('bootstrap resamples')).toEqual(Array.from({ length: 11 }, (_, i) => `${i}/10 bootstrap resamples`));
  });
});

/** A stream that records what is written, as a terminal or as a pipe. */
function capture(isTTY: boolean) {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, cb) => ((text += String(chunk)), cb()) }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 120, rows: 40, cursorTo: () => true, moveCursor: () => true, clearLine: () => true, clearScreenDown: () => true });
  return { stream, text: () => text };
}

describe('the CLI draws counts only on a terminal', () => {
  const event: ProgressEvent = { stage: 'cluster', done: 30, total: 120, unit: 'k-means runs' };

  it('reads as counts and a percentage', () => {
    expect(describeCount(event)).toBe('cluster: 30/120 k-means runs (25%)');
    expect(describeCount({ stage: 'ingest', done: 45, total: 100, unit: '% of a.csv read' })).toBe('ingest: 45% of a.csv read');
    expect(describeCount({ stage: 'ingest', done: 12000, unit: 'rows read; cleaning them' })).toBe('ingest: 12,000 rows read; cleaning them');
  });

  it('on a terminal: a bar with the counts', () => {
    const out = capture(true);
    const p = createProgress({ steps: ['ingest', 'cluster'] }, out.stream);
    p.log('ingest done (1.00 s)');
    p.progress(event);
    p.progress({ ...event, done: 120 });
    p.stop();
    expect(out.text()).toMatch(/cluster: 120\/120 k-means runs \(100%\)/);
  });

  it("counts a step of several words done (eval's steps)", () => {
    const out = capture(true);
    const p = createProgress({ steps: ['held-out split', 'held-out assignment'] }, out.stream);
    p.log('held-out split done (5.7 s, 3.1 s CPU)');
    p.stop();
    expect(out.text()).toMatch(/1\/2 steps \| held-out assignment…/);
    const piped = capture(false);
    const q = createProgress({ steps: ['held-out split'] }, piped.stream);
    q.log('held-out split done (5.7 s, 3.1 s CPU)');
    expect(piped.text()).toMatch(/^\s+\d+\.\ds {2}held-out split done \(5\.7 s, 3\.1 s CPU\)\n$/);
  });

  it('piped, --json or --quiet: no count is written', () => {
    for (const opts of [{}, { json: true }, { quiet: true }]) {
      const out = capture(false);
      const p = createProgress({ ...opts, steps: ['ingest'] }, out.stream);
      p.progress(event);
      p.stop();
      expect(out.text()).toBe('');
    }
    const tty = capture(true);
    const p = createProgress({ json: true, steps: ['ingest'] }, tty.stream);
    p.progress(event);
    p.log('ingest done (1.00 s)');
    p.stop();
    expect(tty.text()).toBe('');
  });
});

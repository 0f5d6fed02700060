/**
 * Mutation-style checks (issue 14): every metric of the scorecard is measured on the good
 * examples Run (it passes) and on a copy made bad for that metric (it fails), so replacing the
 * metric's code by a constant, or breaking what it reads, turns one of the two red. The
 * metrics the CLI test (eval-cli.test.ts) already covers this way are left to it; the list of
 * which test guards which metric is in evals/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { loadEvalContext, type EvalContext } from '../../evals/context.js';
import { judgeMeasurement, loadThresholds } from '../../evals/thresholds.js';
import { measureDistinctiveness } from '../../evals/suites/distinctiveness.js';
import { measureGrounding } from '../../evals/suites/grounding.js';
import { measureCopyFit } from '../../evals/suites/copy-fit.js';
import { measureClusterQuality } from '../../evals/suites/cluster-quality.js';
import { measureTruth } from '../../evals/suites/truth.js';
import { measureStability } from '../../evals/suites/stability.js';
import { readClaims } from '../../evals/checks/claim-reader.js';
import { readLabel } from '../../evals/judge/read-label.js';
import { isRetryableStatus } from '../../src/llm/retry.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import type { Writer } from '../../src/model/writer.js';
import type { Measurement } from '../../evals/types.js';
import type { RunFile } from '../../src/model/run.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-mutations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const thresholds = loadThresholds();
let good: EvalContext;

beforeAll(async () => {
  const config = loadConfig({ workspace: join(dir, 'ws'), offline: true }, {});
  const made = await makeRun({ file: 'examples/customers.csv', seed: 42, config, log: () => {} });
  good = await loadEvalContext(made.runDir, made.run, config, () => {});
}, 180_000);

/** The context with a deep-copied, edited Run. */
function bad(edit: (run: RunFile) => void): EvalContext {
  const run = structuredClone(good.run);
  edit(run);
  return { ...good, run, notes: [] };
}
const texts = (run: RunFile, id: number) => run.segments.find((s) => s.id === id)!.texts!;
const verdictOf = (ms: Measurement[], name: string) => {
  const m = ms.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return judgeMeasurement(m, 'test', thresholds);
};

// Each row: metric, suite, the edit that must make it fail.
const cases: [string, (ctx: EvalContext) => Measurement[], (run: RunFile) => void][] = [
  // Segment 1 (deal hunters: low spend, recent) named after the opposite traits: the claim lift is under 1.
  ['min_name_claim_lift', measureDistinctiveness, (run) => void (texts(run, 1).name = 'Lapsed Big Spenders')],
  ['contradicted_claims', measureGrounding, (run) => void (texts(run, 1).summary = `${texts(run, 1).summary} Big spenders.`)],
  ['name_violations', measureCopyFit, (run) => void (texts(run, 2).name = 'Customers Who Have Not Ordered In A Long While')],
  // Segment 1 spends under everyone: a name claiming the opposite, of a good shape.
  ['name_violations', measureCopyFit, (run) => void (texts(run, 1).name = 'Big Spenders')],
  // The evals' own checks (evals/checks/), at the metric: each a form the writer's checks count differently or not at all.
  ['ungrounded_numbers', measureGrounding, (run) => void texts(run, 1).persona.evidence.push('Average basket of 9.876,54 per order')],
  // 72 characters with a curly apostrophe: under 160, but the apostrophe is not GSM-7, so the carrier sends UCS-2 (70).
  ['copy_violations', measureCopyFit, (run) => void (texts(run, 1).copy.sms = 'It’s your turn: grab the deal on new picks today. Reply STOP to opt out.')],
  ['copy_violations', measureCopyFit, (run) => void (texts(run, 2).copy.push = 'A reward is waiting on your next order.')],
  ['copy_violations', measureCopyFit, (run) => void (texts(run, 2).copy.sms = 'We miss you! Come back to a reward on your next order.')],
  // 35 Chinese characters: 70 display columns, over the subject's 60.
  ['copy_violations', measureCopyFit, (run) => void (texts(run, 3).copy.email.subject = '感谢一直以来的支持，您的专属积分已经到账，快来看看本周为您准备的新品吧')],
  ['copy_violations', measureCopyFit, (run) => void (texts(run, 4).copy.ad.primaryText += ' More at shop.example.com/new')],
  // A customer of the examples file, her name's words in another order and case.
  ['pii_findings', measureCopyFit, (run) => void (texts(run, 1).persona.description += ' Like adams ella.')],
  ['silhouette', measureClusterQuality, (run) => void (run.metrics.silhouette = 0.02)],
  ['size_balance', measureClusterQuality, (run) => void (run.segments[run.segments.length - 1].size = 20)],
  [
    'small_segments_described',
    measureClusterQuality,
    (run) => {
      const s = run.segments[run.segments.length - 1];
      s.size = run.config.minSegmentSize - 1;
    },
  ],
  [
    'coverage',
    measureTruth,
    (run) => {
      // Only the largest segment is described: the rest of the customers have no label.
      for (const s of run.segments.slice(1)) {
        delete s.texts;
        s.small = true;
      }
    },
  ],
];

describe('every metric passes on the good Run and fails on a Run made bad for it', () => {
  cases.forEach(([name, measure, edit], i) => {
    const again = cases.slice(0, i).filter(([n]) => n === name).length;
    it(again ? `${name} (${again + 1})` : name, () => {
      expect(verdictOf(measure(good), name).passed, `${name} on the good Run`).toBe(true);
      const m = verdictOf(measure(bad(edit)), name);
      expect(m.passed, `${name} on the bad Run: ${m.value} (${m.detail})`).toBe(false);
      expect(m.status).toBe('fail');
    });
  });

  it('name_agreement and claim_agreement: a writer that re-names resampled segments otherwise fails both', async () => {
    const options = { seed: 43, bootstraps: 2, relabel: 1 };
    const same = await measureStability(good, { ...options, writer: new OfflineWriter() });
    for (const n of ['name_agreement', 'claim_agreement', 'min_bootstrap_jaccard']) expect(verdictOf(same, n).passed, n).toBe(true);
    // A writer whose names say nothing the Run's did (and claim nothing).
    const offline = new OfflineWriter();
    const drifting: Writer = Object.assign(Object.create(Object.getPrototypeOf(offline)) as Writer, offline, {
      names: async (ctx: Parameters<Writer['names']>[0]) => (await offline.names(ctx)).map((n, i) => ({ ...n, name: `Cohort Number ${i + 1}`, summary: 'A group of customers.' })),
    });
    const other = await measureStability(good, { ...options, writer: drifting });
    expect(verdictOf(other, 'name_agreement').passed).toBe(false);
    expect(verdictOf(other, 'claim_agreement').passed).toBe(false);
  }, 120_000);
});

describe('a middle claim on a segment that stands high fails', () => {
  // The examples Run's segment of the biggest orders (2.9× everyone's average order value) named
  // as if its orders sat in the middle of everyone's. (Its total spend is near everyone's — z 0.4
  // — so "Moderate Spenders", a claim over both spend columns, would be half true.)
  const middleOnTop = (run: RunFile) => {
    const aov = (id: number) => run.segments.find((s) => s.id === id)!.profile.numeric.find((f) => f.feature === 'avg_order_value')?.z ?? -Infinity;
    const top = run.segments.filter((s) => s.texts).sort((a, b) => aov(b.id) - aov(a.id))[0];
    top.texts!.name = 'Moderate Average Order Value';
    top.texts!.summary = 'Customers whose average order value is typical.';
  };
  it.each([
    ['min_name_claim_lift', measureDistinctiveness],
    ['contradicted_claims', measureGrounding],
    ['name_violations', measureCopyFit],
    ['min_claim_majority', measureTruth],
  ] as const)('%s', (name, measure) => {
    expect(verdictOf(measure(good), name).passed, `${name} on the good Run`).toBe(true);
    const m = verdictOf(measure(bad(middleOnTop)), name);
    expect(m.passed, `${name} on the bad Run: ${m.value} (${m.detail})`).toBe(false);
    expect(m.detail).toMatch(/Moderate Average Order Value|middle/);
  });
});

describe('what the metrics read', () => {
  it('"595.17 vs 1,623" is a low claim for the claim reader and for the judge (the comma is a thousands separator)', () => {
    const vocab = { numeric: ['total_spend'], levels: [] };
    expect(readClaims('Total spend: 595.17 on average vs 1,623 for everyone', vocab).map((c) => c.key)).toEqual(['spend:low']);
    expect(readLabel('Total spend: 595.17 on average vs 1,623 for everyone', ['total_spend'], []).numeric.get('total_spend')).toBe('low');
    expect(readLabel('Total spend: 1,623 on average vs 595.17 for everyone', ['total_spend'], []).numeric.get('total_spend')).toBe('high');
  });

  it('a stated 1.0× is no claim either way', () => {
    expect(readLabel('Total spend: 495.22 on average vs 505.50 for everyone (1.0×)', ['total_spend'], []).numeric.has('total_spend')).toBe(false);
  });

  it('retries 408, 409, 429 and 5xx, and no other 4xx', () => {
    for (const s of [408, 409, 429, 500, 502, 503]) expect(isRetryableStatus(s), String(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 422]) expect(isRetryableStatus(s), String(s)).toBe(false);
  });
});

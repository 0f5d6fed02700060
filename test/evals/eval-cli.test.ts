import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRng } from '../../src/util/random.js';
import { toCsv } from '../../src/util/csv.js';
import { join } from 'node:path';
import { segmenta, tempDir } from '../e2e/cli.js';
import { copyRunWith, texts } from './run-copy.js';

/**
 * `segmenta eval` on a Run made by the real pipeline from examples/customers.csv: the scorecard
 * passes; then copies of that Run with deliberately bad labels, each of which must make its
 * metric fail and the command exit 1. These tests exist to fail when the evals stop seeing
 * what they are for.
 */
interface Scorecard {
  passed: boolean;
  metrics: { name: string; value: number | null; threshold: number; passed: boolean; status: string }[];
}

describe('segmenta eval', () => {
  const root = tempDir('segmenta-evals-');
  const ws = join(root, 'ws');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let runDir: string;
  let runId: string;
  let goodAccuracy: number;

  beforeAll(() => {
    const r = segmenta(['segment', 'examples/customers.csv', '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    ({ runDir, runId } = JSON.parse(r.stdout));
  }, 180_000);

  const evalJson = (id: string): { status: number | null; card: Scorecard; stderr: string } => {
    const r = segmenta(['eval', id, '--workspace', ws, '--json', '-q']);
    return { status: r.status, card: JSON.parse(r.stdout) as Scorecard, stderr: r.stderr };
  };
  const metric = (card: Scorecard, name: string) => {
    const m = card.metrics.find((x) => x.name === name);
    if (!m) throw new Error(`no metric ${name} in ${card.metrics.map((x) => x.name).join(', ')}`);
    return m;
  };

  it('passes on the examples Run, prints every metric with its threshold, and stores evals.json', () => {
    const r = segmenta(['eval', runId, '--workspace', ws]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASSED/);
    const saved = JSON.parse(readFileSync(join(runDir, 'evals.json'), 'utf8'));
    expect(saved.passed).toBe(true);
    for (const m of saved.metrics) expect(r.stdout).toMatch(new RegExp(`^${m.name}\\s.*[≥≤] ${String(m.threshold).replace('.', '\\.')}`, 'm'));
    expect(saved.metrics.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['heldout_accuracy', 'min_bootstrap_jaccard']));
  }, 120_000);

  it('--json prints the contract { passed, metrics: [{ name, value, threshold, passed }] }, and a missed --threshold exits 1', () => {
    const r = segmenta(['eval', runId, '--workspace', ws, '--json', '-q', '--threshold', 'heldout_accuracy=0.999']);
    expect(r.status, r.stderr).toBe(1);
    const card = JSON.parse(r.stdout) as Scorecard;
    expect(Object.keys(card).sort()).toEqual(['metrics', 'passed']);
    for (const m of card.metrics) expect(Object.keys(m).sort()).toEqual(['name', 'passed', 'status', 'threshold', 'value']);
    expect(metric(card, 'heldout_accuracy')).toMatchObject({ threshold: 0.999, passed: false });
    expect(metric(card, 'heldout_accuracy').value).toBeGreaterThanOrEqual(0.8);
    expect(metric(card, 'min_bootstrap_jaccard').value).toBeGreaterThanOrEqual(0.75);
    goodAccuracy = metric(card, 'heldout_accuracy').value!;
    expect(card.metrics.filter((m) => m.status === 'fail' || m.status === 'n/a').map((m) => m.name)).toEqual(['heldout_accuracy']);
    // No LLM is configured here: its metrics are listed as not run, not as passes.
    expect(metric(card, 'llm_heldout_accuracy')).toMatchObject({ value: null, passed: false, status: 'not run' });
  }, 120_000);

  it('refuses an unknown --threshold name in one line, before evaluating anything', () => {
    const typo = segmenta(['eval', runId, '--workspace', ws, '--threshold', 'heldout_acuracy=0.9']);
    expect(typo.status).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    expect(typo.stderr).toMatch(/no metric "heldout_acuracy"/);
  }, 60_000);

  const bad: [string, string, (run: import('../../src/model/run.js').RunFile) => void][] = [
    [
      // The facts under the names stay right, so the names-alone reading is the one that fails;
      // the whole-label accuracy drops too (checked below).
      'two segments’ names swapped',
      'heldout_name_accuracy',
      (run) => {
        const a = texts(run, 1);
        const b = texts(run, 2);
        [a.name, b.name] = [b.name, a.name];
      },
    ],
    ['two identical names', 'max_name_similarity', (run) => void (texts(run, 2).name = texts(run, 1).name)],
    [
      'a persona citing a wrong number',
      'ungrounded_numbers',
      (run) => void texts(run, 1).persona.evidence.push('Average basket of 9,876.54 per order'),
    ],
    ['an SMS over 160 characters', 'copy_violations', (run) => void (texts(run, 1).copy.sms = `Shop now: ${'our best picks for you, '.repeat(8)}Reply STOP to opt out.`)],
    ['a name containing an email address', 'pii_findings', (run) => void (texts(run, 1).name = 'Deals jane.doe@example.com')],
    // Issue 14: each bad Run fails for its own reason.
    [
      // Segment 2 (lapsed customers) named after segment 1's channel, which few of its members use.
      'a name claiming a trait that under half of its members have',
      'min_claim_majority',
      (run) => void (texts(run, 2).name = 'SMS Lapsed Customers'),
    ],
    ['two segments with the same copy', 'max_copy_similarity', (run) => void (texts(run, 2).copy = structuredClone(texts(run, 1).copy))],
    [
      // Segment 1's persona also lists segment 4's facts: its label pulls in segment 4's members.
      'a label that claims a neighbour’s traits too',
      'max_spillover',
      (run) => void texts(run, 1).persona.evidence.push(...texts(run, 4).persona.evidence.slice(1)),
    ],
  ];

  for (const [what, name, edit] of bad) {
    it(`fails ${name} and exits 1 on ${what}`, () => {
      const id = `${runId}-bad-${name}`;
      copyRunWith(runDir, id, edit);
      const { status, card, stderr } = evalJson(id);
      expect(status, stderr).toBe(1);
      expect(card.passed).toBe(false);
      expect(metric(card, name).passed).toBe(false);
      expect(existsSync(join(runDir, '..', id, 'evals.json'))).toBe(true);
      if (name === 'heldout_name_accuracy') {
        expect(metric(card, 'heldout_accuracy').value).toBeLessThan(goodAccuracy);
        expect(metric(card, 'heldout_name_kappa').passed).toBe(false);
      }
      // Its own reason: the copy and majority cases leave the held-out and stability metrics passing.
      if (name === 'max_copy_similarity' || name === 'min_claim_majority') {
        for (const other of ['min_bootstrap_jaccard', 'coverage', 'small_segments_described']) expect(metric(card, other).passed, other).toBe(true);
      }
    }, 120_000);
  }

  it('fails min_bootstrap_jaccard on segments that dissolve under resampling (k forced on data with no groups)', () => {
    // Three independent uniform columns: any 5-way split is arbitrary and moves with each resample.
    const rng = createRng(5);
    const rows = Array.from({ length: 800 }, (_, i) => [`U${i}`, (rng() * 100).toFixed(2), (rng() * 100).toFixed(2), (rng() * 100).toFixed(2)]);
    const file = join(root, 'no-groups.csv');
    writeFileSync(file, toCsv(['customer_id', 'a', 'b', 'c'], rows));
    const made = segmenta(['segment', file, '--k', '5', '--workspace', ws, '--json', '-q']);
    expect(made.status, made.stderr).toBe(0);
    const { status, card } = evalJson(JSON.parse(made.stdout).runId);
    expect(status).toBe(1);
    expect(metric(card, 'min_bootstrap_jaccard').passed).toBe(false);
    expect(metric(card, 'min_bootstrap_jaccard').value).toBeLessThan(0.75);
  }, 120_000);
});

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { segmenta, tempDir } from './cli.js';

/**
 * Issue 15, item 1, as a user types it: `segment FILE --labels labels.json` names the features
 * in the user's words everywhere, keeps them in the Run, says which entry matched no feature,
 * and a bad labels file stops before anything is made.
 */
const EXAMPLES = resolve(import.meta.dirname, '../../examples/customers.csv');
const root = tempDir('segmenta-labels-cli-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('segment --labels FILE', () => {
  it('uses the labels in show, the briefs and the report, keeps them in the Run, and names an entry that is no feature', () => {
    const ws = join(root, 'ws');
    const labels = join(root, 'labels.json');
    writeFileSync(labels, JSON.stringify({ discount_rate: { label: 'share bought on promotion', unit: 'rate' }, orders_12m: 'purchases this year', loyalty_points: 'points' }));
    const r = segmenta(['segment', EXAMPLES, '--labels', labels, '--workspace', ws]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/labels file: "loyalty_points" is not a feature of \S*customers\.csv; its label is not used/);
    const dir = join(ws, 'runs', readdirSync(join(ws, 'runs')).filter((d) => !d.startsWith('.'))[0]);
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(run.labels.discount_rate).toEqual({ label: 'share bought on promotion', unit: 'rate' });
    expect(run.labels.orders_12m.label).toBe('purchases this year');
    expect(run.labels.loyalty_points).toBeUndefined();

    // The deal-driven segment says it in the user's words.
    const deal = run.segments.find((s: { profile: { numeric: { feature: string; lift: number }[] } }) => s.profile.numeric.some((f) => f.feature === 'discount_rate' && f.lift > 1.5));
    expect(deal).toBeDefined();
    const show = segmenta(['show', String(deal.id), '--workspace', ws]);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/share bought on promotion: \d+% vs \d+% overall/);
    expect(show.stdout).not.toContain('discount_rate');
    const brief = readFileSync(join(dir, 'briefs', `segment-${deal.id}.md`), 'utf8');
    expect(brief).toMatch(/share bought on promotion/i);
    expect(segmenta(['report', '--workspace', ws]).status).toBe(0);
    const report = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(report).toMatch(/Share bought on promotion/);
    expect(report).not.toContain('discount_rate');
  }, 180_000);

  it('stops on a bad labels file with one line naming file and line, exit 1, and no Run', () => {
    const ws = join(root, 'ws-bad');
    const labels = join(root, 'labels.csv');
    writeFileSync(labels, 'discount_rate,share on promotion,percent\n');
    const r = segmenta(['segment', EXAMPLES, '--labels', labels, '--workspace', ws]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !/^\s*\d+(\.\d+)?s\b/.test(l) && /labels\.csv/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/labels\.csv line 1: unit "percent" is not one of money, rate, count, days, number/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(ws, 'runs')) ? readdirSync(join(ws, 'runs')).filter((d) => !d.startsWith('.')) : []).toEqual([]);
  }, 120_000);
});

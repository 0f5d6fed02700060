import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelOf, makeLabels, readLabelsFile, unitOf } from '../../src/write/labels.js';
import type { SegmentProfile } from '../../src/model/profile.js';

/** Issue 15, item 1: a plain-language label and a unit for every feature, from its name, overridable by a file. */
const root = mkdtempSync(join(tmpdir(), 'segmenta-labels-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('labels from column names', () => {
  it.each([
    ['signup_date_days_ago', 'days since signup', 'days'],
    ['Last Purchase_days_ago', 'days since last purchase', 'days'],
    ['days_since_last_order', 'days since last order', 'days'],
    ['orders_12m', 'orders in the last year', 'count'],
    ['logins_30d', 'logins in the last thirty days', 'count'],
    ['support_tickets_90d', 'support tickets in the last ninety days', 'count'],
    ['monthlyFee', 'monthly fee', 'money'],
    ['avgOrderValue', 'average order value', 'money'],
    ['ltv_eur', 'lifetime value', 'money'],
    ['discount_rate', 'discount rate', 'rate'],
    ['num_sessions', 'number of sessions', 'count'],
    // The mall file's headers: a bracketed unit or range is not part of the label; a score is no money.
    ['Annual Income (k$)', 'annual income', 'money'],
    ['Spending Score (1-100)', 'spending score', 'number'],
  ])('%s → "%s" (%s)', (column, label, unit) => {
    expect(labelOf(column)).toBe(label);
    expect(unitOf(column)).toBe(unit);
  });

  it('a yes/no feature reads as a share; a unit the loader knows wins, its "number" does not hide the name', () => {
    expect(unitOf('newsletter', 'boolean')).toBe('rate');
    expect(unitOf('seats', 'numeric', 'money')).toBe('money');
    expect(unitOf('seats', 'numeric', 'number')).toBe('count');
  });
});

describe('--labels FILE', () => {
  const profile = {
    numeric: [{ feature: 'ltv_eur', kind: 'numeric' }, { feature: 'seg_q', kind: 'numeric' }],
    categories: [{ column: 'plan_tier' }],
    terms: [],
  } as unknown as SegmentProfile;

  it('reads JSON labels (a string or {label, unit}) and overrides the guess', () => {
    const f = join(root, 'labels.json');
    writeFileSync(f, JSON.stringify({ ltv_eur: { label: 'customer value', unit: 'money' }, seg_q: 'survey score', plan_tier: 'plan' }));
    const labels = makeLabels([profile], readLabelsFile(f));
    expect(labels).toEqual({ ltv_eur: { label: 'customer value', unit: 'money' }, seg_q: { label: 'survey score', unit: 'number' }, plan_tier: { label: 'plan', unit: 'number' } });
  });

  it('reads CSV lines column,label[,unit], with or without a header', () => {
    const f = join(root, 'labels.csv');
    writeFileSync(f, 'column,label,unit\nseg_q,survey score,count\n# a comment\nltv_eur,customer value\n');
    expect(readLabelsFile(f)).toEqual({ seg_q: { label: 'survey score', unit: 'count' }, ltv_eur: { label: 'customer value' } });
  });

  it.each([
    ['bad.json', '{"a": ', /bad\.json: not valid JSON/],
    ['unit.json', '{"a": {"label": "x", "unit": "euros"}}', /unit\.json: "a": unit "euros" is not one of money, rate, count, days, number/],
    ['long.json', `{"a": "${'x'.repeat(61)}"}`, /long\.json: "a" .*1–60 characters/],
    ['short.csv', 'a,label\nb\n', /short\.csv line 2: expected column,label\[,unit\]/],
    ['unit.csv', 'a,label,euros\n', /unit\.csv line 1: unit "euros" is not one of money, rate, count, days, number/],
  ])('says in one line what is wrong with %s', (name, content, message) => {
    const f = join(root, name);
    writeFileSync(f, content);
    expect(() => readLabelsFile(f)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { profileSegments } from '../../src/profile/profile.js';
import { SNIPPET_MAX, snippetOf } from '../../src/profile/representatives.js';
import { createScrubber } from '../../src/util/pii.js';
import { makeTable, plantedTable } from './fixtures.js';

const PII = ['Jane Doe', 'jane.doe@example.com', '+1 415 555 0134', 'Omar Haddad'];

describe('representative snippets', () => {
  const scrub = createScrubber(PII);

  it('remove emails, phones, names and id-like tokens', () => {
    const raw = 'Hi, I am Jane Doe (jane.doe@example.com, +1 415 555 0134). Order C-0042917 was late; ask Omar about it.';
    const s = snippetOf(raw, scrub);
    for (const bad of ['Jane', 'Doe', 'jane.doe', '@', '415', '555', '0134', '0042917', 'Omar']) expect(s).not.toContain(bad);
    expect(s).toContain('was late');
  });

  it('are one line of at most 160 characters, cut at a word', () => {
    const s = snippetOf(`great\nproduct ${'really lovely stuff '.repeat(30)}`, scrub);
    expect(s.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(s).not.toMatch(/\n/);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toMatch(/stuff…$|lovely…$|really…$/);
  });

  it('catch an email the pattern cannot read, e.g. one cut short', () => {
    expect(snippetOf('write to jane.doe@exam', scrub)).not.toContain('@');
  });
});

describe('representative members', () => {
  it('are the members closest to the centroid when vectors are given', () => {
    const n = 100;
    const labels = new Int32Array(n); // one segment
    const data = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) data[i * 2] = i; // row i at distance |i - 49.5| from the mean
    const table = makeTable({ numeric: { x: Array.from({ length: n }, (_, i) => i) }, text: { note: Array.from({ length: n }, (_, i) => `note ${i % 2 ? 'odd' : 'even'}`) } });
    const [p] = profileSegments(table, labels, 1, { minSegmentSize: 1, vectors: { data, dim: 2 } });
    expect(p.representatives.map((r) => r.traits.x).sort()).toEqual([47, 48, 49, 50, 51]);
  });

  it('never show ids or PII values, and are seeded when random', () => {
    const { table, labels } = plantedTable(1200, 5, 3);
    const a = profileSegments(table, labels, 3, { minSegmentSize: 50, seed: 3 });
    const b = profileSegments(table, labels, 3, { minSegmentSize: 50, seed: 3 });
    expect(a.map((p) => p.representatives)).toEqual(b.map((p) => p.representatives));
    const json = JSON.stringify(a);
    for (const id of table.ids.slice(0, 200)) expect(json).not.toContain(id);
    for (const v of table.piiValues) expect(json).not.toContain(v);
    for (const p of a) {
      expect(p.representatives.length).toBeGreaterThanOrEqual(3);
      expect(p.representatives.length).toBeLessThanOrEqual(5);
      for (const r of p.representatives) {
        expect(Object.keys(r.traits).length).toBeGreaterThan(0);
        expect(r.snippet ?? '').not.toMatch(/@|\d{4}/);
      }
    }
  });
});

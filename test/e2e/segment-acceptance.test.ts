import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from './cli.js';
import { writeHoldoutCustomers } from '../fixtures/holdout-customers.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';

/**
 * Issue 3's acceptance, as a new user would try it: a 5,000-customer file of a familiar shape
 * with 6 planted groups that the project has never seen; `segment --json` must pick k = 6 by
 * itself and recover the groups (ARI ≥ 0.95), and no PII value may reach run.json or a brief.
 */
describe('segmenta segment on an unseen file with 6 planted groups', () => {
  const dir = tempDir();
  const file = join(dir, 'shop-export.csv');
  let truth: number[];
  let out: { runId: string; runDir: string; k: number; segments: { id: number; name: string; size: number }[] };

  beforeAll(() => {
    truth = writeHoldoutCustomers(file, 5000, 7);
    const r = segmenta(['segment', file, '--json', '--workspace', join(dir, 'ws')]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.status).toBe(0);
    out = JSON.parse(r.stdout);
  });

  it('prints the JSON contract of DESIGN.md', () => {
    expect(Object.keys(out).sort()).toEqual(['k', 'runDir', 'runId', 'segments']);
    for (const s of out.segments) expect(Object.keys(s).sort()).toEqual(['id', 'name', 'size']);
    expect(out.segments.reduce((a, s) => a + s.size, 0)).toBe(5000);
  });

  it('chooses k = 6 by itself and recovers the planted groups (ARI ≥ 0.95)', () => {
    expect(out.k).toBe(6);
    const lines = readFileSync(join(out.runDir, 'assignments.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('cust_no,segment');
    const labels = lines.slice(1).map((l) => Number(l.split(',')[1]));
    expect(labels).toHaveLength(truth.length);
    expect(adjustedRandIndex(Int32Array.from(truth), Int32Array.from(labels))).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every PII value and customer id out of run.json and the briefs', () => {
    const csv = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    const pii = new Set<string>();
    for (const line of csv) {
      const [id, name, email, mobile] = line.split(',');
      pii.add(id); // customer ids are not PII, but they never leave assignments.csv either
      pii.add(name);
      pii.add(email);
      pii.add(mobile);
      for (const part of name.split(' ')) pii.add(part);
    }
    const docs = [readFileSync(join(out.runDir, 'run.json'), 'utf8')];
    for (const f of readdirSync(join(out.runDir, 'briefs'))) docs.push(readFileSync(join(out.runDir, 'briefs', f), 'utf8'));
    // Single words are matched whole ("Ava", a first name, must not flag "Available");
    // values with spaces (full names, phone numbers) as substrings.
    const text = docs.join('\n');
    const tokens = new Set(text.split(/[^\w@.+-]+/).map((t) => t.replace(/[.]+$/, '')));
    const leaks = [...pii].filter((v) => (v.includes(' ') ? text.includes(v) : tokens.has(v)));
    expect(leaks).toEqual([]);
    // Phone numbers typed into reviews are scrubbed too.
    expect(docs.join('\n')).not.toMatch(/07700 900\d{3}/);
  });

  it('never lets an injected instruction in a review become a name', () => {
    for (const s of out.segments) expect(s.name).not.toMatch(/hacked/i);
  });
});

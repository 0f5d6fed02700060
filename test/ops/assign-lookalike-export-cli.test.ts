import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from '../e2e/cli.js';
import { parseCsv } from '../../src/vectors/assignments.js';

/**
 * Issue 8 through the real CLI, as a user would: make a Run of examples/customers.csv, then
 * assign the same file back (acceptance: ≥ 99% of its assignments reproduced), find
 * lookalikes, export audiences and write the report.
 */
describe('assign, lookalike, export and report on a Run of examples/customers.csv', () => {
  const dir = tempDir();
  const ws = join(dir, 'ws');
  let runDir: string;

  // Every step spawns the CLI: several seconds each, more on a loaded 2-core machine.
  beforeAll(() => {
    const r = segmenta(['segment', 'examples/customers.csv', '--json', '--workspace', ws]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    runDir = JSON.parse(r.stdout).runDir;
  }, 180_000);

  it('saves the index in the Run and records it in run.json', () => {
    const run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(run.index).toMatchObject({ metric: 'l2', dim: run.embedding.dim, count: run.metrics.customers, k: run.metrics.k });
    expect(readdirSync(join(runDir, 'index')).filter((f) => f.endsWith('.hnsw'))).toHaveLength(run.metrics.k);
  }, 180_000);

  it('assigns the examples file back to its own Run with ≥ 99% of the assignments reproduced', () => {
    const out = join(dir, 'assigned.csv');
    const r = segmenta(['assign', 'examples/customers.csv', '--out', out, '--workspace', ws]);
    expect(r.status, r.stderr).toBe(0);
    const truth = parseCsv(readFileSync(join(runDir, 'assignments.csv'), 'utf8'));
    const got = parseCsv(readFileSync(out, 'utf8'));
    expect(got[0]).toEqual(truth[0]);
    const byId = new Map(got.slice(1).map(([id, s]) => [id, s]));
    const same = truth.slice(1).filter(([id, s]) => byId.get(id) === s).length;
    console.log(`assign examples/customers.csv back: ${same}/${truth.length - 1} = ${((100 * same) / (truth.length - 1)).toFixed(2)}% reproduced`);
    expect(same / (truth.length - 1)).toBeGreaterThanOrEqual(0.99);
  }, 180_000);

  it('lists lookalikes of segment 1 with distances, none of them in segment 1', () => {
    const r = segmenta(['lookalike', '--segment', '1', '--top', '15', '--workspace', ws, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lookalikes).toHaveLength(15);
    for (const l of out.lookalikes) {
      expect(l.segment).not.toBe(1);
      expect(l.distance).toBeGreaterThan(0);
    }
  }, 180_000);

  it('exports audiences with hashed emails and writes the report', () => {
    const e = segmenta(['export', '--workspace', ws]);
    expect(e.status, e.stderr).toBe(0);
    const files = readdirSync(join(runDir, 'exports'));
    expect(files.length).toBeGreaterThan(0);
    const rows = parseCsv(readFileSync(join(runDir, 'exports', files[0]), 'utf8'));
    expect(rows[0]).toEqual(['customer_id', 'email_sha256']);
    expect(rows.slice(1).every(([, h]) => /^[0-9a-f]{64}$/.test(h))).toBe(true);

    const r = segmenta(['report', '--workspace', ws]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(join(runDir, 'report.html'));
    expect(existsSync(join(runDir, 'report.html'))).toBe(true);
  }, 180_000);

  it('an unknown segment or a missing index file is one line on stderr and exit 1', () => {
    const r = segmenta(['lookalike', '--segment', '42', '--workspace', ws]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    rmSync(join(runDir, 'index', 'segment-2.hnsw'));
    const m = segmenta(['lookalike', '--segment', '1', '--workspace', ws]);
    expect(m.status).toBe(1);
    expect(m.stderr.trim()).toMatch(/^segmenta: .*segment-2\.hnsw is missing.*segmenta segment FILE/);
  }, 180_000);
});

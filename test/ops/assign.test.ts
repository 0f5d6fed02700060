import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHoldoutCustomers } from '../fixtures/holdout-customers.js';
import { makeFixtureRun, testContext } from './run-fixture.js';
import { runOperation } from '../../src/ops/operation.js';
import { assignOp } from '../../src/ops/assign.js';
import { parseCsv } from '../../src/vectors/assignments.js';

/** Issue 8, point 2: new customers get a segment with the Run's saved preprocessing, no refit. */
describe('assign', () => {
  const root = mkdtempSync(join(tmpdir(), 'segmenta-assign-'));
  const file = join(root, 'customers.csv');
  const workspace = join(root, 'ws');
  let fx: Awaited<ReturnType<typeof makeFixtureRun>>;

  beforeAll(async () => {
    writeHoldoutCustomers(file, 2000, 5);
    fx = await makeFixtureRun(workspace, file, { k: 6 });
  }, 120_000);

  it('reproduces ≥ 99% of a Run\'s own assignments when its file is assigned back', async () => {
    const out = join(root, 'assigned.csv');
    const r = await runOperation(assignOp, { file, out }, testContext(workspace));
    expect(r.out).toBe(out);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['cust_no', 'segment']);
    const byId = new Map(rows.slice(1).map(([id, s]) => [id, Number(s)]));
    let same = 0;
    fx.table.ids.forEach((id, i) => (same += byId.get(id) === fx.labels[i] + 1 ? 1 : 0));
    const agreement = same / fx.table.ids.length;
    console.log(`assign back to its own Run: ${same}/${fx.table.ids.length} = ${(agreement * 100).toFixed(2)}% agree`);
    expect(agreement).toBeGreaterThanOrEqual(0.99);
    expect(r.counts.reduce((a, c) => a + c.count, 0)).toBe(2000);
  });

  it('assigns a handful of brand-new customers and prints CSV without --out', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const fresh = [lines[0], ...lines.slice(1, 6).map((l, i) => l.replace(/^[^,]+/, `NEW${i}`))].join('\n') + '\n';
    const small = join(root, 'new.csv');
    writeFileSync(small, fresh);
    const r = await runOperation(assignOp, { file: small }, testContext(workspace));
    const rows = parseCsv(r.csv!);
    expect(rows[0]).toEqual(['cust_no', 'segment']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['NEW0', 'NEW1', 'NEW2', 'NEW3', 'NEW4']);
    // Same features as customers 1–5, so the same segments.
    expect(rows.slice(1).map((x) => Number(x[1]))).toEqual(Array.from(fx.labels.slice(0, 5), (l) => l + 1));
    expect(assignOp.render(r)).toBe(r.csv!.trimEnd());
    expect(assignOp.summarize!(r)).not.toMatch(/NEW0/); // ids never go to a model
  });

  it('a file without a column the Run was built on is one clear error', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const drop = (l: string) => parseCsv(l)[0].filter((_, j) => j !== 6).map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const bad = join(root, 'no-spend.csv');
    writeFileSync(bad, lines.slice(0, 60).map(drop).join('\n') + '\n');
    await expect(runOperation(assignOp, { file: bad }, testContext(workspace))).rejects.toThrow(/lifetime_spend/);
  });
});

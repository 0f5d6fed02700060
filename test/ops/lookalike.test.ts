import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHoldoutCustomers } from '../fixtures/holdout-customers.js';
import { makeFixtureRun, testContext } from './run-fixture.js';
import { runOperation } from '../../src/ops/operation.js';
import { lookalikeOp } from '../../src/ops/lookalike.js';
import { parseCsv } from '../../src/vectors/assignments.js';

/** Issue 8, point 3, through the operation: segment and seed lookalikes on a real Run. */
describe('lookalike', () => {
  const root = mkdtempSync(join(tmpdir(), 'segmenta-lookalike-'));
  const file = join(root, 'customers.csv');
  const workspace = join(root, 'ws');
  let fx: Awaited<ReturnType<typeof makeFixtureRun>>;

  beforeAll(async () => {
    writeHoldoutCustomers(file, 2000, 9);
    fx = await makeFixtureRun(workspace, file, { k: 6 });
  }, 120_000);

  it('finds customers outside the segment, nearest first, with distances', async () => {
    const r = await runOperation(lookalikeOp, { segment: 2, top: 25 }, testContext(workspace));
    expect(r.lookalikes).toHaveLength(25);
    const segOf = new Map(fx.table.ids.map((id, i) => [id, fx.labels[i] + 1]));
    for (const l of r.lookalikes) {
      expect(l.segment).not.toBe(2);
      expect(segOf.get(l.id)).toBe(l.segment);
    }
    expect(new Set(r.lookalikes.map((l) => l.id)).size).toBe(25);
    const d = r.lookalikes.map((l) => l.distance);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(lookalikeOp.render(r)).toMatch(/25 customers most like segment 2/);
    expect(lookalikeOp.summarize!(r)).not.toMatch(new RegExp(r.lookalikes[0].id));
  });

  it('writes the list as CSV with --out', async () => {
    const out = join(root, 'look.csv');
    const r = await runOperation(lookalikeOp, { segment: '1', top: 10, out }, testContext(workspace));
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['cust_no', 'segment', 'distance']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(r.lookalikes.map((l) => l.id));
  });

  it('finds lookalikes of a seed file: seeds left out, and most lookalikes share the seeds\' segment', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const members = fx.table.ids.map((_, i) => i).filter((i) => fx.labels[i] === 3).slice(0, 30);
    const seedFile = join(root, 'seeds.csv');
    writeFileSync(seedFile, [lines[0], ...members.map((i) => lines[i + 1])].join('\n') + '\n');
    const r = await runOperation(lookalikeOp, { seed: seedFile, top: 20 }, testContext(workspace));
    expect(r.seeds).toBe(30);
    expect(r.seedsInRun).toBe(30);
    const seedIds = new Set(members.map((i) => fx.table.ids[i]));
    for (const l of r.lookalikes) expect(seedIds.has(l.id)).toBe(false);
    expect(r.lookalikes.filter((l) => l.segment === 4).length).toBeGreaterThanOrEqual(16);
  });

  it('asks for exactly one of --segment and --seed', async () => {
    await expect(runOperation(lookalikeOp, { top: 5 }, testContext(workspace))).rejects.toThrow(/exactly one of a segment .* or a seed file/);
    await expect(runOperation(lookalikeOp, { segment: 99 }, testContext(workspace))).rejects.toThrow(/no segment 99/);
  });
});

import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHoldoutCustomers } from '../fixtures/holdout-customers.js';
import { makeFixtureRun, testContext } from './run-fixture.js';
import { runOperation } from '../../src/ops/operation.js';
import { exportAudienceOp } from '../../src/ops/export-audience.js';
import { parseCsv } from '../../src/vectors/assignments.js';
import { hashEmail } from '../../src/brief/audience/hash-email.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issue 8, point 4: audiences per segment with hashed emails, safe CSV, JSON, small segments held back. */
describe('export', () => {
  const root = mkdtempSync(join(tmpdir(), 'segmenta-export-'));
  const file = join(root, 'customers.csv');
  const workspace = join(root, 'ws');
  let fx: Awaited<ReturnType<typeof makeFixtureRun>>;
  let small: number;
  /** What each customer's email should hash to (undefined: no usable email). */
  const expected = new Map<string, string | undefined>();

  beforeAll(async () => {
    writeHoldoutCustomers(file, 1500, 21);
    // Make the file awkward: ids that a spreadsheet would run, emails in mixed case with spaces, a bad and a missing email.
    const rows = parseCsv(readFileSync(file, 'utf8')).filter((r) => r.length > 1);
    rows.slice(1).forEach((r, i) => {
      if (i === 0) r[0] = '=HYPERLINK("http://evil.example","x")';
      if (i === 1) r[0] = '@SUM(A1)';
      if (i === 2) r[2] = `  ${r[2].toUpperCase()}  `;
      if (i === 3) r[2] = 'not-an-email';
      if (i === 4) r[2] = '';
      expected.set(r[0], i === 3 || i === 4 ? undefined : sha(r[2].trim().toLowerCase()));
    });
    const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    writeFileSync(file, rows.map((r) => r.map(cell).join(',')).join('\n') + '\n');
    fx = await makeFixtureRun(workspace, file, { k: 5 });
    // Hold the smallest segment under the minimum size, as the pipeline would mark it.
    const run = JSON.parse(readFileSync(join(fx.dir, 'run.json'), 'utf8'));
    const smallest = run.segments.reduce((a: { size: number }, s: { size: number }) => (s.size < a.size ? s : a));
    small = smallest.id;
    run.config.minSegmentSize = smallest.size + 1;
    smallest.small = true;
    smallest.profile.small = true;
    delete smallest.texts;
    writeFileSync(join(fx.dir, 'run.json'), JSON.stringify(run));
  }, 120_000);

  it('hashes normalised emails the way ad platforms take them', () => {
    expect(hashEmail('  Jane.Doe@Example.COM ')).toBe(sha('jane.doe@example.com'));
    // A published test vector: SHA-256 of "test@example.com".
    expect(hashEmail('Test@Example.com')).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
    expect(hashEmail('no at sign')).toBeUndefined();
  });

  it('writes one CSV per exportable segment: ids, hashed emails, formula-injection safe; small segments not exported', async () => {
    const r = await runOperation(exportAudienceOp, {}, testContext(workspace));
    expect(r.exported.map((e) => e.segment).sort()).toEqual(fx.run.segments.map((s) => s.id).filter((id) => id !== small));
    expect(r.skipped).toEqual([{ segment: small, size: expect.any(Number), reason: expect.stringMatching(/under the minimum/) }]);
    expect(existsSync(join(fx.dir, 'exports', `segment-${small}.csv`))).toBe(false);
    expect(exportAudienceOp.render(r)).toMatch(new RegExp(`Not exported: segment ${small} \\(.*under the minimum`));

    const seen = new Map<string, string>();
    for (const e of r.exported) {
      const text = readFileSync(e.path, 'utf8');
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(['cust_no', 'email_sha256']);
      expect(rows.length - 1).toBe(e.customers);
      for (const [id, hash] of rows.slice(1)) seen.set(id, hash);
      // Nothing in the file starts like a formula; plain emails never appear.
      for (const line of text.split('\n')) expect(line).not.toMatch(/^[=+@]|^"[=+@-]/);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
    }
    const segOf = new Map(fx.table.ids.map((id, i) => [id, fx.labels[i] + 1]));
    for (const [id, want] of expected) {
      if (segOf.get(id) === small) continue;
      const key = /^[=+\-@]/.test(id) ? `'${id}` : id;
      expect(seen.get(key), id).toBe(want ?? '');
    }
    expect(seen.has(`'=HYPERLINK("http://evil.example","x")`) || segOf.get('=HYPERLINK("http://evil.example","x")') === small).toBe(true);
    expect(exportAudienceOp.summarize!(r)).not.toMatch(/[0-9a-f]{64}|HYPERLINK/);
  });

  it('writes JSON too, with the hashing recipe, to a folder of your choice', async () => {
    const out = join(root, 'json-out');
    const big = fx.run.segments.find((s) => s.id !== small)!.id;
    const r = await runOperation(exportAudienceOp, { segment: big, format: 'json', out }, testContext(workspace));
    expect(r.exported).toHaveLength(1);
    const doc = JSON.parse(readFileSync(join(out, `segment-${big}.json`), 'utf8'));
    expect(doc).toMatchObject({ runId: fx.run.id, segment: big, idColumn: 'cust_no', hashing: 'sha256(lowercase(trim(email))), hex' });
    expect(doc.members).toHaveLength(fx.run.segments.find((s) => s.id === big)!.size);
    for (const m of doc.members) expect(m.emailSha256 === null || /^[0-9a-f]{64}$/.test(m.emailSha256)).toBe(true);
  });

  it('refuses a segment under the minimum size, and says how to find a moved data file', async () => {
    await expect(runOperation(exportAudienceOp, { segment: small }, testContext(workspace))).rejects.toThrow(/under the minimum of \d+: it is not exported/);
    const moved = join(root, 'moved.csv');
    renameSync(file, moved);
    try {
      await expect(runOperation(exportAudienceOp, {}, testContext(workspace))).rejects.toThrow(/not there any more; pass its new path with --file/);
      const r = await runOperation(exportAudienceOp, { file: moved, out: join(root, 'moved-out') }, testContext(workspace));
      expect(r.exported.length).toBeGreaterThan(0);
    } finally {
      renameSync(moved, file);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectOp } from '../../src/ops/inspect-data.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { loadConfig } from '../../src/config.js';

function customersCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-inspect-'));
  const rows = ['customer_id,email,age,total_spend,favourite_category,review'];
  for (let i = 1; i <= 80; i++) {
    rows.push(`C${i},person${i}@example.com,${20 + (i % 40)},${(i * 37) % 900},${['books', 'games', 'garden'][i % 3]},"great value, fast shipping ${i % 5}"`);
  }
  const file = join(dir, 'customers.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('inspect operation', () => {
  it('shows column roles and data quality, remembers the file, and never shows a value', async () => {
    const file = customersCsv();
    const session = {};
    const ctx: OpContext = { config: loadConfig({ workspace: tmpdir(), offline: true }, {}), log: () => {}, session };
    const r = await runOperation(inspectOp, { file }, ctx);
    expect(r.customers).toBe(80);
    expect(r.schema.idColumn).toBe('customer_id');
    expect(r.schema.columns.find((c) => c.name === 'email')?.role).toBe('pii');
    expect(session).toMatchObject({ file });
    const text = inspectOp.render(r) + inspectOp.summarize!(r);
    expect(text).toMatch(/Data quality/);
    expect(text).not.toMatch(/@example\.com/);
  });

  it('a missing file is one plain error', async () => {
    const ctx: OpContext = { config: loadConfig({ workspace: tmpdir(), offline: true }, {}), log: () => {} };
    await expect(runOperation(inspectOp, { file: '/nope/missing.csv' }, ctx)).rejects.toThrow(/missing\.csv/);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { runOperation } from '../../src/ops/operation.js';
import { segmentOp } from '../../src/ops/segment.js';

/**
 * A real but small Run, for the Slack tests that need real operations (eval, brief, report)
 * at a cost a load test can afford: the first `rows` customers of examples/customers.csv
 * (names, emails, phones and addresses included), segmented offline at k = 3.
 */
export async function smallRun(rows = 250): Promise<{ workspace: string; config: Config; file: string; csv: string[][] }> {
  const workspace = mkdtempSync(join(tmpdir(), 'segmenta-slack-small-'));
  const lines = readFileSync('examples/customers.csv', 'utf8').trim().split('\n').slice(0, rows + 1);
  const file = join(workspace, 'customers-small.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const config = loadConfig({ workspace, offline: true }, {});
  await runOperation(segmentOp, { file, k: 3 }, { config, log: () => {} });
  return { workspace, config, file, csv: parseCsv(lines.join('\n')) };
}

/** Enough CSV for examples/customers.csv: quoted fields may hold commas, never newlines. */
export function parseCsv(text: string): string[][] {
  return text.trim().split('\n').map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

/** The PII cells of the file (id, name, email, phone, street address), to look for in what was sent. */
export function piiValues(csv: string[][]): string[] {
  const cols = ['customer_id', 'name', 'email', 'phone', 'street_address'].map((c) => csv[0].indexOf(c));
  if (cols.some((c) => c < 0)) throw new Error('examples/customers.csv lost a PII column');
  return csv.slice(1).flatMap((r) => cols.map((c) => r[c]).filter((v) => v && v.length >= 4));
}

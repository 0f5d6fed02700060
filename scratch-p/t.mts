import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { runOperation } from '../src/ops/operation.js';
import { findOperation } from '../src/ops/index.js';
const ws = mkdtempSync(join(tmpdir(), 'seg-load-'));
const lines = readFileSync('examples/customers.csv', 'utf8').split('\n');
const f = join(ws, 'small.csv'); writeFileSync(f, lines.slice(0, 251).join('\n') + '\n');
const config = loadConfig({ workspace: ws, offline: true }, {});
const ctx = { config, log: () => {} };
let t = performance.now();
const made: any = await runOperation(findOperation('segment')!, { file: f, k: 3 }, ctx);
console.log('segment', Math.round(performance.now() - t), made.k);
for (const [op, input] of [['eval', {}], ['brief', { segment: '1' }], ['write', {}], ['report', {}], ['eval', {}], ['brief', { segment: '2' }], ['diff', {}], ['show', {segment:'1'}]] as const) {
  t = performance.now();
  try { await runOperation(findOperation(op)!, input, ctx); console.log(op, Math.round(performance.now() - t)); } catch (e) { console.log(op, 'ERR', (e as Error).message); }
}

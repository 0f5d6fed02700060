import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { runOperation } from '../src/ops/operation.js';
import { findOperation } from '../src/ops/index.js';
const ws = mkdtempSync(join(tmpdir(), 'seg-load-'));
const lines = readFileSync('examples/customers.csv', 'utf8').split('\n');
const f = join(ws, 'small.csv'); writeFileSync(f, lines.slice(0, 201).join('\n') + '\n');
const config = loadConfig({ workspace: ws, offline: true, minSegmentSize: 20 }, {});
const ctx = { config, log: (l: string) => process.env.V && console.log(performance.now()|0, l) };
let t = performance.now();
const made: any = await runOperation(findOperation('segment')!, { file: f, k: 3 }, ctx);
console.log('segment', Math.round(performance.now() - t), made.k);
for (let i = 0; i < 4; i++) { t = performance.now(); await runOperation(findOperation('eval')!, {}, ctx); console.log('eval', Math.round(performance.now() - t)); }

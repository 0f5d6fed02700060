import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { makeRun } from '../../src/pipeline/make-run.js';
import type { RunFile } from '../../src/model/run.js';
import { loadEvalContext, type EvalContext } from '../../evals/context.js';
import { measureStability } from '../../evals/suites/stability.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { createScrubber } from '../../src/util/pii.js';
import { sharedTableOf } from '../../src/run/table-file.js';

/**
 * `segmenta eval` reads the table a Run stored (src/run/table-file.ts) instead of the customer
 * file, and resamples on worker threads: both must measure exactly what the file and the
 * sequential loop measure.
 */
describe('eval on the Run’s stored table, bootstrap on worker threads', () => {
  const root = mkdtempSync(join(tmpdir(), 'segmenta-stored-table-'));
  const config = loadConfig({ workspace: join(root, 'ws'), offline: true }, {});
  let dir: string;
  let run: RunFile;
  let stored: EvalContext;
  let reread: EvalContext;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    const made = await makeRun({ file: 'examples/customers.csv', seed: 3, config, log: () => {} });
    dir = made.runDir;
    run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunFile;
    stored = await loadEvalContext(dir, run, config, () => {});
    reread = await loadEvalContext(dir, run, config, () => {}, run.config.file);
  }, 120_000);

  it('the stored table is the table re-read from the file, column by column', () => {
    expect(sharedTableOf(stored.table)).toBeDefined();
    expect(sharedTableOf(reread.table)).toBeUndefined();
    const plain = (c: EvalContext) => ({
      ids: c.table.ids,
      schema: c.table.schema,
      quality: c.table.quality,
      numeric: c.table.numeric.map((x) => ({ ...x, values: Array.from(x.values), original: x.original && { rows: Array.from(x.original.rows), values: Array.from(x.original.values) } })),
      categorical: c.table.categorical.map((x) => ({ ...x, codes: Array.from(x.codes) })),
      text: c.table.text.map((t) => ({ name: t.name, values: t.values.map(c === reread ? scrubRead : (x: string) => x) })),
      labels: Array.from(c.labels),
      vectors: Array.from(c.vectors.data),
    });
    // The stored text is the file's, scrubbed by the table's own scrubber (no PII on disk).
    const scrubRead = createScrubber(reread.table.piiValues);
    expect(plain(stored)).toEqual(plain(reread));
  });

  it('scrubs as the PII values themselves do (the Run keeps only the matcher’s words)', () => {
    const a = createScrubber(stored.table.piiValues);
    const b = createScrubber(reread.table.piiValues);
    const texts = [...reread.table.text.flatMap((c) => c.values.slice(0, 300))];
    // Names from the file's own PII columns, mixed into text, must go in both.
    const names = [...reread.table.piiValues].filter((v) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(v)).slice(0, 20);
    expect(names.length).toBeGreaterThan(5);
    for (const t of [...texts, ...names.map((n) => `Thanks, ${n} here — loved it`)]) expect(a(t)).toBe(b(t));
    expect(names.every((n) => a(`Thanks, ${n} here`) !== `Thanks, ${n} here`)).toBe(true);
  });

  it('gives the same stability measurements on worker threads as in one thread', async () => {
    const opts = { seed: 7, bootstraps: 4, relabel: 2, writer: new OfflineWriter() };
    const one = await measureStability(stored, { ...opts, parallel: false });
    const many = await measureStability(stored, { ...opts, parallel: true });
    expect(many).toEqual(one);
    // And the same as on the re-read table, which never leaves this thread.
    expect(await measureStability(reread, { ...opts, parallel: true })).toEqual(one);
    expect(one.find((m) => m.name === 'name_agreement')?.value).toEqual(expect.any(Number));
  }, 120_000);
});

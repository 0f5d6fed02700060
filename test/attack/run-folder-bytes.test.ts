import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { makeRun } from '../../src/pipeline/make-run.js';
import type { RunFile } from '../../src/model/run.js';
import { loadEvalContext, type EvalContext } from '../../evals/context.js';
import { measureCopyFit } from '../../evals/suites/copy-fit.js';
import { createPiiFinder } from '../../evals/checks/pii.js';
import { sharedTableOf, storedFinderDigests } from '../../src/run/table-file.js';
import { createScrubber } from '../../src/util/pii.js';
import { CN_NAMES, FIRST, LAST, leaksIn, writeHostileCustomers } from './hostile-customers.js';

/**
 * The Run folder at rest (issue: the stored table held the raw reviews and the PII matcher's
 * name words in clear). Every byte of every file, binary ones too, read as UTF-8 and as
 * latin1, must hold no PII value of the hostile file in any form; and the eval, reading that
 * stored table and not the file, must still find a customer's name in a text.
 */
describe('no PII value in any byte of a Run folder; the stored table still catches names', () => {
  const root = mkdtempSync(join(tmpdir(), 'segmenta-run-bytes-'));
  const file = join(root, 'hostile.csv');
  const hostile = writeHostileCustomers(file, 600);
  const config = loadConfig({ workspace: join(root, 'ws'), offline: true }, {});
  let dir: string;
  let stored: EvalContext;
  let reread: EvalContext;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    const made = await makeRun({ file, k: 3, seed: 5, config, log: () => {} });
    dir = made.runDir;
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunFile;
    stored = await loadEvalContext(dir, run, config, () => {});
    reread = await loadEvalContext(dir, run, config, () => {}, file);
  }, 180_000);

  const everyFile = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? everyFile(join(d, n)) : [join(d, n)]));

  it('every file, read as UTF-8 and as latin1, holds none of the names, emails, phones or ids', () => {
    const files = everyFile(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expect.arrayContaining(['table.json', 'table.bin']));
    for (const f of files) {
      const name = f.slice(dir.length + 1);
      if (name === 'assignments.csv') continue; // customer ids and segment numbers only
      const bytes = readFileSync(f);
      for (const enc of ['utf8', 'latin1'] as const) {
        const text = bytes.toString(enc);
        expect(leaksIn(text, hostile), `${name} as ${enc}`).toEqual([]);
        expect(text, `${name} as ${enc}`).not.toMatch(/@example\.com|\(at\)mail|dot com/i);
      }
    }
    // The stored table does hold the reviews (scrubbed): the test reads what is there.
    const bin = readFileSync(join(dir, 'table.bin'));
    expect(bin.toString('utf8')).toMatch(/\[phone\]/);
    expect(bin.toString('utf8')).toMatch(/grinder was late/);
  });

  it('the eval reads the stored table, whose text is the file’s, scrubbed as the profile scrubs it', () => {
    expect(sharedTableOf(stored.table)).toBeDefined();
    expect(storedFinderDigests(stored.table.piiValues)).toBeDefined();
    const scrub = createScrubber(reread.table.piiValues);
    expect(stored.table.text.map((c) => c.values)).toEqual(reread.table.text.map((c) => c.values.map(scrub)));
    // And a scrubber built from the stored digests scrubs new text as one built from the values.
    const a = createScrubber(stored.table.piiValues);
    for (let i = 0; i < 10; i++) {
      const t = `Thanks ${FIRST[i]} — ${LAST[i].toUpperCase()}, ${FIRST[(i + 3) % 10]} ${LAST[(i + 1) % 10]} wrote; 联系人${CN_NAMES[i % 5]}`;
      expect(a(t)).toBe(scrub(t));
      expect(leaksIn(a(t), hostile)).toEqual([]);
    }
  });

  it('the PII finder over the stored digests finds what it finds over the values', () => {
    const digests = createPiiFinder(storedFinderDigests(stored.table.piiValues));
    const values = createPiiFinder(reread.table.piiValues);
    const texts = [...FIRST.flatMap((f) => [`Hi ${f}, your beans are here`, `${f}, your order`, `Dear ${f.toLowerCase()}`]), 'Hi Maria, hello', 'Deals for Haddad Ana', 'Great coffee'];
    for (const t of texts) expect(digests(t), t).toEqual(values(t));
    expect(digests('Hi Zofia, your beans are here')).toContain('known value');
  });

  it('pii_findings fails through the stored table when a customer’s name is put in a segment name', () => {
    expect(measureCopyFit(stored).find((m) => m.name === 'pii_findings')?.value).toBe(0);
    const run = structuredClone(stored.run);
    const s = run.segments.find((x) => x.texts)!;
    s.texts!.name = `Hi ${FIRST[1]} Deals`;
    const m = measureCopyFit({ ...stored, run, notes: [] }).find((x) => x.name === 'pii_findings')!;
    expect(m.value, m.detail).toBeGreaterThan(0);
    expect(m.detail).toMatch(/value of a PII column/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, gaussian } from '../../src/util/random.js';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import type { StructureReport } from '../../src/model/vectors.js';

/**
 * fitEmbedding's featureChoice (issue 14): the eval's split refits a Run on 80 % of its
 * customers with the Run's feature choice, so the structure test on fewer rows cannot pick other
 * features than the Run did.
 */
describe('fitEmbedding with an earlier feature choice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-feature-choice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rng = createRng(11);
  const lines = ['id,spend,visits,noise,tier'];
  for (let i = 0; i < 600; i++) {
    const g = i % 3;
    lines.push([`C${i}`, (100 + 80 * g + 10 * gaussian(rng)).toFixed(2), (5 + 4 * g + gaussian(rng)).toFixed(2), (rng() * 100).toFixed(2), ['bronze', 'silver', 'gold'][rng() < 0.85 ? g : Math.floor(rng() * 3)]].join(','));
  }
  const file = join(dir, 'c.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const factorOf = (report: StructureReport | undefined, name: string) => report?.features.find((f) => f.name === name)?.factor;

  it('without one, tests every feature: the independent column is left out', async () => {
    const { model } = await fitEmbedding(await loadCustomers(file, {}), { seed: 3 });
    expect(factorOf(model.structure, 'noise')).toBe(0);
    expect(factorOf(model.structure, 'spend')).toBe(1);
    expect(factorOf(model.structure, 'tier')).toBe(1);
  });

  it('with one, takes its factors for the features it names instead of testing them again', async () => {
    const table = await loadCustomers(file, {});
    const { model: first } = await fitEmbedding(table, { seed: 3 });
    // A choice that differs from what the test would find, so following it is visible.
    const choice: StructureReport = { ...first.structure!, features: first.structure!.features.map((f) => (f.name === 'noise' ? { ...f, kept: true, factor: 1 } : f.name === 'visits' ? { ...f, kept: false, factor: 0 } : f)) };
    const { model, vectors } = await fitEmbedding(table, { seed: 3, featureChoice: choice });
    expect(factorOf(model.structure, 'noise')).toBe(1);
    expect(factorOf(model.structure, 'visits')).toBe(0);
    expect(factorOf(model.structure, 'spend')).toBe(1);
    const numeric = model.blocks.find((b) => b.kind === 'numeric')!;
    const col = (name: string) => numeric.offset + numeric.features.indexOf(name);
    const values = (d: number) => Array.from({ length: vectors.n }, (_, i) => vectors.data[i * vectors.dim + d]);
    expect(new Set(values(col('visits')))).toEqual(new Set([0]));
    expect(new Set(values(col('noise'))).size).toBeGreaterThan(100);
  });
});

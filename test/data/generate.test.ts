import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCustomers, generateEvents, toCsv, writeExamples } from '../../examples/generate.js';
import { loadCustomers } from '../../src/data/load.js';
import { makeTempDir } from './helpers.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('examples/generate.ts', () => {
  it('is deterministic: same seed, same bytes; another seed, other data', () => {
    const a = generateCustomers({ n: 300, seed: 11 });
    const b = generateCustomers({ n: 300, seed: 11 });
    const c = generateCustomers({ n: 300, seed: 12 });
    expect(toCsv(a.header, a.rows)).toBe(toCsv(b.header, b.rows));
    expect(toCsv(a.header, a.rows)).not.toBe(toCsv(c.header, c.rows));
    const e1 = generateEvents({ customers: 50, seed: 3 });
    const e2 = generateEvents({ customers: 50, seed: 3 });
    expect(toCsv(e1.header, e1.rows)).toBe(toCsv(e2.header, e2.rows));
  });

  it('the committed example files are exactly what the generator writes', () => {
    for (const path of writeExamples(tmp.dir)) {
      const name = path.split('/').pop()!;
      expect(readFileSync(path, 'utf8'), name).toBe(readFileSync(`examples/${name}`, 'utf8'));
    }
  });

  it('respects n and groups, and plants PII and hostile text in the reviews', () => {
    const g = generateCustomers({ n: 2000, seed: 5, groups: 4 });
    expect(g.rows).toHaveLength(2000);
    expect(new Set(g.truth.map((t) => t.group)).size).toBe(4);
    const reviews = g.rows.map((r) => r[g.header.indexOf('review')]);
    expect(reviews.some((r) => /@example\.(com|org|net)/.test(r))).toBe(true);
    expect(reviews.some((r) => /\+1 555-\d{3}-\d{4}/.test(r))).toBe(true);
    expect(reviews.some((r) => /Ignore (previous|all prior)/.test(r))).toBe(true);
    expect(() => generateCustomers({ groups: 9 })).toThrow(RangeError);
  });

  it('an event log of about 20 events per customer', () => {
    const e = generateEvents({ customers: 1000, seed: 7 });
    expect(e.rows.length).toBeGreaterThan(15_000);
    expect(e.rows.length).toBeLessThan(25_000);
    expect(e.header).toEqual(['customer_id', 'timestamp', 'amount', 'category']);
  });

  it('the planted groups survive loading: nearest planted centroid recovers ≥ 95% of customers', async () => {
    // An oracle check of the data, not of clustering: robust-scaled numeric features plus
    // one-hot categories, each customer assigned to the closest group centroid.
    const table = await loadCustomers('examples/customers.csv');
    const truth = new Map(
      readFileSync('examples/customers.truth.csv', 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',') as [string, string]),
    );
    const groups = [...new Set(truth.values())].sort();
    const label = table.ids.map((id) => groups.indexOf(truth.get(id)!));
    const columns: Float64Array[] = [];
    for (const c of table.numeric) {
      const v = Float64Array.from(c.values, (x) => (c.transform === 'log1p' ? Math.log1p(x) : x));
      const sorted = Float64Array.from(v).sort();
      const med = sorted[sorted.length >> 1];
      const iqr = sorted[Math.floor(sorted.length * 0.75)] - sorted[Math.floor(sorted.length * 0.25)] || 1;
      columns.push(Float64Array.from(v, (x) => (x - med) / iqr));
    }
    for (const c of table.categorical) for (let l = 0; l < c.levels.length; l++) columns.push(Float64Array.from(c.codes, (code) => (code === l ? 1 : 0)));
    const n = table.ids.length;
    const dim = columns.length;
    const centroids = groups.map(() => new Float64Array(dim));
    const counts = new Float64Array(groups.length);
    for (let i = 0; i < n; i++) {
      counts[label[i]]++;
      for (let d = 0; d < dim; d++) centroids[label[i]][d] += columns[d][i];
    }
    centroids.forEach((c, g) => c.forEach((_, d) => (c[d] /= counts[g])));
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestDist = Infinity;
      centroids.forEach((c, g) => {
        let dist = 0;
        for (let d = 0; d < dim; d++) dist += (columns[d][i] - c[d]) ** 2;
        if (dist < bestDist) [best, bestDist] = [g, dist];
      });
      if (best === label[i]) correct++;
    }
    expect(groups).toHaveLength(6);
    expect(correct / n).toBeGreaterThanOrEqual(0.95);
  });
});

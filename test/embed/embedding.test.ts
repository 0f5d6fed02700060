import { describe, expect, it } from 'vitest';
import { applyEmbedding } from '../../src/embed/apply.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { fitNumericColumn, scaleNumeric } from '../../src/embed/numeric-block.js';
import { fitCategoricalColumn } from '../../src/embed/categorical-block.js';
import type { EmbeddingModel, TextEmbedder, Vectors } from '../../src/model/vectors.js';
import { BLOCK_IMPORTANCE } from '../../src/embed/weights.js';
import { plantedTable } from '../fixtures/planted.js';
import { table } from './fixtures.js';

function blockOf(v: Vectors, model: EmbeddingModel, kind: string): Float32Array {
  const b = model.blocks.find((x) => x.kind === kind)!;
  const out = new Float32Array(v.n * b.width);
  for (let i = 0; i < v.n; i++) out.set(v.data.subarray(i * v.dim + b.offset, i * v.dim + b.offset + b.width), i * b.width);
  return out;
}

function totalVariance(data: Float32Array, n: number, width: number): number {
  let s = 0;
  for (let c = 0; c < width; c++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += data[i * width + c] / n;
    for (let i = 0; i < n; i++) s += (data[i * width + c] - m) ** 2 / n;
  }
  return s;
}

describe('numeric block', () => {
  it('robust-scales (median / IQR) after log1p, and clips at 3 IQR fences', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i); // 0..100
    const p = fitNumericColumn({ name: 'x', values, kind: 'numeric', transform: 'none' });
    expect(p.center).toBe(50);
    expect(p.scale).toBe(50);
    expect(scaleNumeric(75, p)).toBe(0.5);
    expect(scaleNumeric(1e9, p)).toBe(p.high);
    expect(p.high).toBe((75 + 150 - 50) / 50);
    const logged = fitNumericColumn({ name: 'y', values, kind: 'numeric', transform: 'log1p' });
    expect(logged.center).toBeCloseTo(Math.log1p(50), 12);
  });

  it('gives booleans unit scale, mostly-constant columns a standard-deviation scale, constants 0', () => {
    const flag = fitNumericColumn({ name: 'f', values: Float64Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0)), kind: 'boolean', transform: 'none' });
    expect(flag.scale).toBe(1);
    expect(scaleNumeric(1, flag) - scaleNumeric(0, flag)).toBe(1);
    const spiky = fitNumericColumn({ name: 's', values: Float64Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : i)), kind: 'numeric', transform: 'none' });
    expect(spiky.scale).toBeGreaterThan(0);
    const constant = fitNumericColumn({ name: 'c', values: new Float64Array(50).fill(3), kind: 'numeric', transform: 'none' });
    expect(scaleNumeric(3, constant)).toBe(0);
    expect(scaleNumeric(Number.NaN, constant)).toBe(0);
    const holed = fitNumericColumn({ name: 'h', values: Float64Array.from([1, 2, Number.NaN, 3, 4, 5]), kind: 'numeric', transform: 'none' });
    expect(holed.center).toBe(3);
  });
});

describe('categorical block', () => {
  it('pools levels under 1 % into "(other)" and drops unused levels', () => {
    const codes = Int32Array.from({ length: 1000 }, (_, i) => (i < 5 ? 2 : i % 2));
    const p = fitCategoricalColumn({ name: 'c', levels: ['a', 'b', 'rare', 'unused'], codes });
    expect(p.levels).toEqual(['a', 'b', '(other)']);
  });
});

describe('fitEmbedding / applyEmbedding', () => {
  const planted = plantedTable({ n: 1500, groups: 5, seed: 77 });

  it('builds weighted Float32 blocks whose total variance is importance² over the features that carry structure', async () => {
    const { vectors, model } = await fitEmbedding(planted.table, { seed: 1 });
    expect(vectors.data).toBeInstanceOf(Float32Array);
    expect(vectors.n).toBe(1500);
    expect(vectors.dim).toBe(model.dim);
    expect(model.blocks.map((b) => b.kind)).toEqual(['numeric', 'categorical', 'text']);
    expect(model.blocks.reduce((s, b) => s + b.width, 0)).toBe(model.dim);
    for (const b of model.blocks) {
      expect(b.features).toHaveLength(b.width);
      const v = totalVariance(blockOf(vectors, model, b.kind), vectors.n, b.width);
      // Issue 14: each feature is scaled by its structure factor (0–1) inside the block, so the
      // kept features (factor > 0), unscaled by their factors, have total variance importance²,
      // and the block's variance is Σ f²·var over them.
      const data = blockOf(vectors, model, b.kind);
      const f = b.featureWeights ?? new Array<number>(b.width).fill(1);
      let weighted = 0;
      let kept = 0;
      for (let c = 0; c < b.width; c++) {
        if (f[c] === 0) continue;
        const col = Float32Array.from({ length: vectors.n }, (_, i) => data[i * b.width + c] / f[c]);
        const vc = totalVariance(col, vectors.n, 1);
        weighted += f[c] ** 2 * vc;
        kept += vc;
      }
      expect(kept).toBeCloseTo(BLOCK_IMPORTANCE[b.kind] ** 2, 3);
      expect(v).toBeCloseTo(weighted, 3);
      if (!b.featureWeights) expect(v).toBeCloseTo(BLOCK_IMPORTANCE[b.kind] ** 2, 3);
    }
    expect(model.text?.kind).toBe('tfidf-svd');
    expect(model.text!.width).toBeGreaterThanOrEqual(8);
    expect(model.blocks[1].features).toContain('channel=email');
    for (const x of vectors.data) expect(Number.isFinite(x)).toBe(true);
  });

  it('applyEmbedding with the saved model (through JSON) reproduces the fitted vectors', async () => {
    const { vectors, model } = await fitEmbedding(planted.table, { seed: 1 });
    const saved: EmbeddingModel = JSON.parse(JSON.stringify(model));
    const again = await applyEmbedding(saved, planted.table);
    expect(again.dim).toBe(vectors.dim);
    let maxDiff = 0;
    for (let i = 0; i < vectors.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(again.data[i] - vectors.data[i]));
    expect(maxDiff).toBeLessThan(1e-6);
  });

  it('is deterministic for a seed', async () => {
    const a = await fitEmbedding(planted.table, { seed: 3 });
    const b = await fitEmbedding(planted.table, { seed: 3 });
    expect(Array.from(a.vectors.data)).toEqual(Array.from(b.vectors.data));
  });

  it('maps unseen levels to "(other)", uses saved scalers for new customers, fills empty text', async () => {
    const n = 400;
    const fitTable = table(
      {
        numeric: [{ name: 'spend', values: Float64Array.from({ length: n }, (_, i) => i), kind: 'numeric', transform: 'none' }],
        categorical: [{ name: 'channel', levels: ['email', 'sms', 'fax'], codes: Int32Array.from({ length: n }, (_, i) => (i === 0 ? 2 : i % 2)) }],
        text: [{ name: 'review', values: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'fast delivery great' : i % 3 === 1 ? 'slow delivery bad' : 'great price cheap')) }],
      },
      n,
    );
    const { model } = await fitEmbedding(fitTable, { seed: 1 });
    expect(model.categorical[0].levels).toEqual(['email', 'sms', '(other)']);
    const newcomers = table(
      {
        numeric: [{ name: 'spend', values: Float64Array.from([199.5, 1e9]), kind: 'numeric', transform: 'none' }],
        categorical: [{ name: 'channel', levels: ['pigeon', 'sms'], codes: Int32Array.from([0, 1]) }],
        text: [{ name: 'review', values: ['', 'fast delivery'] }],
      },
      2,
    );
    const v = await applyEmbedding(model, newcomers);
    const num = model.blocks[0];
    const cat = model.blocks[1];
    const txt = model.blocks[2];
    expect(v.data[num.offset]).toBeCloseTo(0, 5); // the median
    expect(v.data[v.dim + num.offset]).toBeCloseTo(model.numeric[0].high * num.weight, 5); // clipped at the saved fence
    const catRow = (i: number) => Array.from(v.data.subarray(i * v.dim + cat.offset, i * v.dim + cat.offset + cat.width)).map((x) => (x === 0 ? 0 : 1));
    expect(catRow(0)).toEqual([0, 0, 1]); // unseen "pigeon" → (other)
    expect(catRow(1)).toEqual([0, 1, 0]);
    const fill = model.text!.fill!;
    for (let c = 0; c < txt.width; c++) expect(v.data[txt.offset + c]).toBeCloseTo(fill[c] * txt.weight, 5);
  });

  it('says which column is missing when new customers lack one', async () => {
    const { model } = await fitEmbedding(planted.table, { seed: 1 });
    const lacking = { ...planted.table, numeric: planted.table.numeric.slice(1) };
    await expect(applyEmbedding(model, lacking)).rejects.toThrow(/no numeric column "age"/);
  });

  it('refuses a table with nothing to embed', async () => {
    await expect(fitEmbedding(table({}, 10))).rejects.toThrow(/no numeric, categorical or text columns/);
  });

  it('uses a plugged-in TextEmbedder (PCA-projected) and needs it again to apply', async () => {
    // A deterministic stand-in for an OpenAI-compatible embedder: hashed words into 64 dims.
    let calls = 0;
    const embedder: TextEmbedder = {
      name: 'fake-hash-64',
      async embed(texts) {
        calls++;
        return texts.map((t) => {
          const v = new Float32Array(64);
          for (const w of t.toLowerCase().split(/\W+/).filter(Boolean)) {
            let h = 0;
            for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
            v[h % 64] += 1;
          }
          return v;
        });
      },
    };
    const { vectors, model } = await fitEmbedding(planted.table, { seed: 1, textEmbedder: embedder });
    expect(calls).toBe(1); // fitting and embedding everyone share one call per distinct text
    expect(model.text?.kind).toBe('openai');
    expect(model.text?.model).toBe('fake-hash-64');
    expect(model.text!.width).toBeLessThanOrEqual(32);
    const again = await applyEmbedding(JSON.parse(JSON.stringify(model)), planted.table, embedder);
    let maxDiff = 0;
    for (let i = 0; i < vectors.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(again.data[i] - vectors.data[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    await expect(applyEmbedding(model, planted.table)).rejects.toThrow(/configure the same embedder/);
  });
});

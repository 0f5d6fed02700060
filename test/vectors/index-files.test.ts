import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunIndex } from '../../src/vectors/build.js';
import { indexMeta, loadCentroids, loadVectorRows, loadVectors, openSegmentIndex } from '../../src/vectors/load.js';
import { readHnswHeader } from '../../src/vectors/hnsw.js';
import { readAssignments, parseCsv } from '../../src/vectors/assignments.js';
import { IndexError } from '../../src/errors.js';
import { toCsv } from '../../src/util/csv.js';
import { blobs, fakeRunFile, writeAssignments } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'segmenta-index-'));

describe('the Run index: build, save, verify, load', () => {
  const b = blobs(3000, 12, 4, 3);

  it('saves one graph per segment, the vectors and the centroids, and loads them back', () => {
    const dir = tmp();
    const meta = buildRunIndex(dir, b.vectors, b);
    expect(meta).toMatchObject({ metric: 'l2', dim: 12, count: 3000, k: 4 });
    expect(meta.segments.map((s) => s.count).reduce((a, c) => a + c, 0)).toBe(3000);
    // Only the final files: no temporaries left behind.
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(['centroids.json', 'segment-1.hnsw', 'segment-2.hnsw', 'segment-3.hnsw', 'segment-4.hnsw', 'vectors.f32']);
    expect(readHnswHeader(join(dir, 'index/segment-1.hnsw'))).toMatchObject({ dim: 12, count: meta.segments[0].count, M: meta.M });
    const run = fakeRunFile(b, { index: meta });
    const vectors = loadVectors(dir, run);
    expect(vectors.data).toEqual(b.vectors.data);
    expect(loadCentroids(dir, run).data).toEqual(b.centroids);
    const rows = loadVectorRows(dir, run, [2999, 0, 17]);
    expect(rows.data).toEqual(Float32Array.from([...b.vectors.data.subarray(2999 * 12, 3000 * 12), ...b.vectors.data.subarray(0, 12), ...b.vectors.data.subarray(17 * 12, 18 * 12)]));
    const g = openSegmentIndex(dir, run, 2)!;
    // A member of segment 2 finds itself; labels are global rows.
    const row = b.labels.indexOf(1);
    const r = g.searchKnn(Array.from(b.vectors.data.subarray(row * 12, row * 12 + 12)), 1);
    expect(r.neighbors[0]).toBe(row);
  });

  it('refuses to write into a folder that does not exist (hnswlib would silently write nothing)', () => {
    expect(() => buildRunIndex(join(tmp(), 'missing'), b.vectors, b)).toThrow(/folder .* does not exist/);
  });

  it('refuses NaN vectors and labels outside 0…k−1', () => {
    const data = b.vectors.data.slice();
    data[5 * 12 + 3] = NaN;
    expect(() => buildRunIndex(tmp(), { ...b.vectors, data }, b)).toThrow(/vector 5 has a non-finite value at dimension 3/);
    const labels = b.labels.slice();
    labels[7] = 9;
    expect(() => buildRunIndex(tmp(), b.vectors, { ...b, labels })).toThrow(/row 7 has segment label 9/);
  });

  describe('a missing or mismatched index is one clear IndexError', () => {
    const dir = tmp();
    const meta = buildRunIndex(dir, b.vectors, b);
    const run = fakeRunFile(b, { index: meta });

    it('no index in run.json (an older Run)', () => {
      expect(() => indexMeta(fakeRunFile(b))).toThrow(IndexError);
      expect(() => indexMeta(fakeRunFile(b))).toThrow(/has no vector index.*segmenta segment/);
    });

    it('a graph file deleted', () => {
      const d = tmp();
      const m = buildRunIndex(d, b.vectors, b);
      rmSync(join(d, 'index/segment-3.hnsw'));
      expect(() => openSegmentIndex(d, fakeRunFile(b, { index: m }), 3)).toThrow(/segment-3\.hnsw is missing/);
    });

    it('a graph of another dimension put in its place (hnswlib would load it and answer garbage)', () => {
      const other = blobs(3000, 16, 4, 3);
      const d = tmp();
      buildRunIndex(d, other.vectors, other);
      copyFileSync(join(d, 'index/segment-1.hnsw'), join(dir, 'index/segment-1.hnsw'));
      expect(() => openSegmentIndex(dir, run, 1)).toThrow(/has dimension 16 but run\.json says 12/);
    });

    it('run.json disagreeing with the embedding dimension or the customer count', () => {
      expect(() => indexMeta({ ...run, embedding: { ...run.embedding, dim: 13 } })).toThrow(/dimension 12 but the embedding has 13/);
      expect(() => indexMeta({ ...run, metrics: { ...run.metrics, customers: 2999 } })).toThrow(/holds 3000 customers but the Run has 2999/);
      expect(() => indexMeta({ ...run, index: { ...meta, metric: 'cosine' as 'l2' } })).toThrow(/metric "cosine" is not supported/);
    });

    it('a graph with the right dimension but another count', () => {
      const d = tmp();
      const m = buildRunIndex(d, b.vectors, b);
      const swapped = { ...m, segments: m.segments.map((s, j) => (j === 0 ? { ...s, file: m.segments[1].file } : s)) };
      expect(() => openSegmentIndex(d, fakeRunFile(b, { index: swapped }), 1)).toThrow(/holds \d+ customers but run\.json says \d+: the index belongs to another Run/);
    });

    it('a truncated vectors file', () => {
      const d = tmp();
      const m = buildRunIndex(d, b.vectors, b);
      writeFileSync(join(d, 'index/vectors.f32'), new Uint8Array(100));
      expect(() => loadVectors(d, fakeRunFile(b, { index: m }))).toThrow(/holds 100 bytes but run\.json says 3000 × 12/);
    });
  });
});

describe('assignments.csv read back', () => {
  it('undoes toCsv exactly: quotes, commas, newlines and formula neutralising', () => {
    const dir = tmp();
    const b = blobs(6, 2, 2, 1);
    const ids = ['c1', '=HYPERLINK("x")', 'a,b', 'line\nbreak', '-12', '@home'];
    writeAssignments(dir, b, 'customer id', (i) => ids[i]);
    const a = readAssignments(dir);
    expect(a.idColumn).toBe('customer id');
    expect(a.ids).toEqual(ids);
    expect(Array.from(a.segments)).toEqual(Array.from(b.labels, (l) => l + 1));
  });

  it('parses CRLF and a last line without a newline', () => {
    expect(parseCsv('a,b\r\n1,"x""y"\r\n2,3')).toEqual([['a', 'b'], ['1', 'x"y'], ['2', '3']]);
    expect(parseCsv(toCsv(['id', 'segment'], [['x', 1]]))).toEqual([['id', 'segment'], ['x', '1']]);
  });

  it('a missing file is an IndexError naming it', () => {
    const dir = tmp();
    expect(existsSync(join(dir, 'assignments.csv'))).toBe(false);
    expect(() => readAssignments(dir)).toThrow(/assignments\.csv is missing/);
  });
});

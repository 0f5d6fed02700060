/**
 * The pipeline as a library: the same makeRun the CLI runs, with stages swapped in — a user's
 * own embeddings, their own writer, their own labels, the ml-kmeans reference clusterer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRun } from '../../src/pipeline/make-run.js';
import { givenLabelsClusterer, mlKmeansClusterer, precomputedEmbedder } from '../../src/pipeline/stages.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { loadConfig } from '../../src/config.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { embedNewCustomers } from '../../src/vectors/embed-new.js';
import type { Writer } from '../../src/model/writer.js';
import type { Vectors } from '../../src/model/vectors.js';

const FILE = 'examples/customers.csv';
let workspace: string;
const config = () => loadConfig({ workspace }, {});
const quiet = () => {};

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'segmenta-stages-'));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** The file's truth, in its row order (written by examples/generate.ts, never read by the pipeline). */
function truth(): string[] {
  const rows = readFileSync('examples/customers.truth.csv', 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split(',')[1]);
}

/** The segment column of a Run's assignments.csv, in row order. */
function segmentsOf(runDir: string): number[] {
  return readFileSync(join(runDir, 'assignments.csv'), 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
}

/** "Embeddings from elsewhere": one-hot of the true group plus a little seeded noise. */
function userVectors(groups: string[]): Vectors {
  const names = [...new Set(groups)];
  const dim = names.length + 1;
  const data = new Float32Array(groups.length * dim);
  let s = 7;
  const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.1;
  groups.forEach((g, i) => {
    data[i * dim + names.indexOf(g)] = 1;
    for (let d = 0; d < dim; d++) data[i * dim + d] += noise();
  });
  return { n: groups.length, dim, data };
}

/** A writer of the user's own: fixed wording, numbered names. Proves the pipeline calls it, not ours. */
function userWriter(): Writer & { calls: string[] } {
  const offline = new OfflineWriter();
  const calls: string[] = [];
  return {
    calls,
    info: { kind: 'offline', model: 'house-style' },
    async names(ctx) {
      calls.push('names');
      return ctx.profiles.map((p) => ({ segment: p.id, name: `House Segment ${p.id}`, summary: `Segment ${p.id} in our house style.` }));
    },
    async persona(profile, name, ctx) {
      calls.push(`persona ${profile.id}`);
      return offline.persona(profile, name, ctx);
    },
    async copy(profile, name, persona, ctx) {
      calls.push(`copy ${profile.id}`);
      return offline.copy(profile, name, persona, ctx);
    },
  };
}

describe('makeRun with stages of the user\'s own', () => {
  it('segments a file with precomputed vectors and a custom writer, through the same pipeline the CLI uses', async () => {
    const groups = truth();
    const writer = userWriter();
    const made = await makeRun({ file: FILE, seed: 3, config: config(), log: quiet, stages: { embedder: precomputedEmbedder(userVectors(groups), 'crm-embedding'), writer } });

    expect(made.run.embedding.textEmbedder).toBe('crm-embedding');
    expect(made.run.embedding.dim).toBe(new Set(groups).size + 1);
    // The user's vectors separate the true groups perfectly, so k-means finds them.
    const labels = segmentsOf(made.runDir);
    expect(made.run.metrics.k).toBe(new Set(groups).size);
    expect(adjustedRandIndex(labels, groups.map((g) => [...new Set(groups)].indexOf(g)))).toBeGreaterThan(0.99);
    // Every described segment was named, described and written by the user's writer.
    const described = made.run.segments.filter((s) => !s.small);
    expect(writer.calls[0]).toBe('names');
    expect(writer.calls.filter((c) => c.startsWith('copy')).length).toBe(described.length);
    for (const s of described) expect(s.texts?.name).toBe(`House Segment ${s.id}`);
    expect(readFileSync(join(made.runDir, 'briefs', 'segment-1.md'), 'utf8')).toContain('House Segment 1');
    expect(made.run.config.model).toBe('house-style');
  });

  it('refuses to embed new customers for a Run of precomputed vectors, in one clear line', async () => {
    const made = await makeRun({ file: FILE, seed: 3, config: config(), log: quiet, stages: { embedder: precomputedEmbedder(userVectors(truth())) } });
    await expect(embedNewCustomers(made.runDir, made.run, FILE)).rejects.toThrow(/precomputed vectors .* no preprocessing to embed new customers/);
  });

  it('keeps the labels a user already has: segments are their groups, largest first', async () => {
    const groups = truth();
    const made = await makeRun({ file: FILE, seed: 3, config: config(), log: quiet, stages: { clusterer: givenLabelsClusterer(groups) } });
    const labels = segmentsOf(made.runDir);
    expect(adjustedRandIndex(labels, groups.map((g) => [...new Set(groups)].indexOf(g)))).toBe(1);
    const sizes = made.run.segments.map((s) => s.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(made.run.metrics.kScores).toEqual([]);
  });

  it('runs with the ml-kmeans reference clusterer and finds the same segments as ours on separable vectors', async () => {
    const groups = truth();
    const vectors = userVectors(groups);
    const ours = await makeRun({ file: FILE, seed: 5, k: 6, config: config(), log: quiet, stages: { embedder: precomputedEmbedder(vectors) } });
    const theirs = await makeRun({ file: FILE, seed: 5, k: 6, config: config(), log: quiet, stages: { embedder: precomputedEmbedder(vectors), clusterer: mlKmeansClusterer() } });
    expect(adjustedRandIndex(segmentsOf(ours.runDir), segmentsOf(theirs.runDir))).toBeGreaterThan(0.99);
    expect(readdirSync(join(workspace, 'runs')).filter((d) => d.startsWith('.staging'))).toEqual([]);
  });
});

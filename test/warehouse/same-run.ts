import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import type { MadeRun } from '../../src/pipeline/make-run.js';

/** customer id → segment of a file Run (its assignments.csv). */
export function fileLabels(run: MadeRun): Map<string, number> {
  const lines = readFileSync(join(run.runDir, 'assignments.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => [l.split(',')[0], Number(l.split(',')[1])]));
}

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The acceptance check of warehouse mode: the engine's assignment of every customer gives the
 * file Run's segments (ARI 1, the same ids), and every profile number — size, share, mean,
 * median, overall mean, lift, z, category shares — agrees to 1e-9.
 */
export function expectSameRun(fileRun: MadeRun, whRun: MadeRun, engine: Map<string, number>): void {
  const labels = fileLabels(fileRun);
  expect(engine.size).toBe(labels.size);
  const ids = [...labels.keys()];
  const a = ids.map((id) => labels.get(id)!);
  const b = ids.map((id) => engine.get(id) ?? -1);
  expect(adjustedRandIndex(a, b)).toBe(1);
  expect(b).toEqual(a); // same ids too: segment 1 is the largest on both paths

  expect(whRun.run.metrics.k).toBe(fileRun.run.metrics.k);
  expect(whRun.run.segments.length).toBe(fileRun.run.segments.length);
  for (const [j, s] of fileRun.run.segments.entries()) {
    const w = whRun.run.segments[j];
    expect(w.size).toBe(s.size);
    expect(close(w.share, s.share)).toBe(true);
    expect(w.profile.numeric.map((f) => f.feature)).toEqual(s.profile.numeric.map((f) => f.feature));
    s.profile.numeric.forEach((f, i) => {
      const g = w.profile.numeric[i];
      for (const key of ['mean', 'median', 'overallMean', 'lift', 'z'] as const) {
        if (!close(g[key], f[key])) throw new Error(`segment ${s.id} ${f.feature}.${key}: engine ${g[key]} vs file ${f[key]}`);
      }
    });
    expect(w.profile.categories.map((c) => `${c.column}=${c.level}`)).toEqual(s.profile.categories.map((c) => `${c.column}=${c.level}`));
    s.profile.categories.forEach((c, i) => {
      for (const key of ['share', 'overallShare', 'lift'] as const) {
        if (!close(w.profile.categories[i][key], c[key])) throw new Error(`segment ${s.id} ${c.column}=${c.level}.${key}: engine ${w.profile.categories[i][key]} vs file ${c[key]}`);
      }
    });
  }
}

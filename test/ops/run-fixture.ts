/**
 * A real Run folder made from a customer file with the real stages (ingest, embed, cluster,
 * profile, offline writer) and this index, written the way make-run writes it. The
 * ops tests use it so that they do not depend on the whole CLI pipeline (briefs, config).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { profileSegments } from '../../src/profile/profile.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { buildRunIndex } from '../../src/vectors/build.js';
import { toCsv } from '../../src/util/csv.js';
import type { RunFile } from '../../src/model/run.js';
import { loadConfig } from '../../src/config.js';
import type { OpContext } from '../../src/ops/operation.js';

export async function makeFixtureRun(workspace: string, file: string, opts: { k?: number; seed?: number; minSegmentSize?: number; id?: string } = {}) {
  const seed = opts.seed ?? 42;
  const minSegmentSize = opts.minSegmentSize ?? 50;
  const table = await loadCustomers(file);
  const { vectors, model } = await fitEmbedding(table, { seed });
  const cluster = clusterVectors(vectors, { k: opts.k, seed, bootstraps: 0 });
  const profiles = profileSegments(table, cluster.labels, cluster.k, { stability: cluster.stability, minSegmentSize, vectors, centroids: cluster.centroids });
  const texts = await writeAllTexts(new OfflineWriter(), profiles);
  const id = opts.id ?? '20260101-000000-fx01';
  const dir = join(workspace, 'runs', id);
  mkdirSync(dir, { recursive: true });
  const run: RunFile = {
    version: 1,
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    config: { file, seed, minSegmentSize, writer: 'offline', k: opts.k },
    schema: table.schema,
    quality: table.quality,
    embedding: { dim: model.dim, blocks: model.blocks.map(({ features: _f, ...b }) => b), textEmbedder: model.text ? model.text.kind : 'none' },
    metrics: { customers: table.ids.length, k: cluster.k, kChosen: opts.k ? 'given' : 'auto', silhouette: cluster.silhouette, inertia: cluster.inertia, iterations: cluster.iterations, kScores: cluster.kScores, seconds: {} },
    segments: profiles.map((p) => ({ id: p.id, size: p.size, share: p.share, small: p.small, profile: p, texts: texts[p.id] })),
    textsHistory: [],
  };
  writeFileSync(join(dir, 'embedding.json'), JSON.stringify(model));
  writeFileSync(join(dir, 'assignments.csv'), toCsv([table.schema.idColumn, 'segment'], table.ids.map((cid, i) => [cid, cluster.labels[i] + 1])));
  run.index = buildRunIndex(dir, vectors, cluster);
  writeFileSync(join(dir, 'run.json'), JSON.stringify(run, null, 2));
  return { dir, run, table, labels: cluster.labels, vectors };
}

/** An operation context on a workspace, with log lines collected. */
export function testContext(workspace: string): OpContext & { lines: string[] } {
  const lines: string[] = [];
  return { config: loadConfig({ workspace }, {}), log: (l) => lines.push(l), lines };
}

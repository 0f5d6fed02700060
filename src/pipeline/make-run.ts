import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadCustomers, assertEnoughCustomers } from '../data/load.js';
import type { CustomerTable, LoadOptions } from '../model/data.js';
import { fitEmbedding } from '../embed/fit.js';
import { clusterVectors } from '../cluster/cluster.js';
import { profileSegments } from '../profile/profile.js';
import type { Config } from '../config.js';
import { createTextEmbedder, createWriter } from '../write/create-writer.js';
import { writeAllTexts } from '../write/write-all.js';
import { writeBriefs } from '../brief/write-briefs.js';
import { buildRunIndex } from '../vectors/build.js';
import { toCsv } from '../util/csv.js';
import { newRunId, stageRun, ASSIGNMENTS_CSV, RUN_JSON } from '../run/store.js';
import type { RunFile } from '../model/run.js';

export interface MakeRunOptions extends LoadOptions {
  file: string;
  k?: number;
  seed: number;
  config: Config;
  log: (line: string) => void;
}

export interface MadeRun {
  runId: string;
  runDir: string;
  run: RunFile;
  table: CustomerTable;
}

/** Time one stage and log it; the timings go into run.json for `segmenta show` and the bench. */
async function timed<T>(seconds: Record<string, number>, stage: string, log: (l: string) => void, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  seconds[stage] = Math.round((performance.now() - t0) / 10) / 100;
  log(`${stage} done (${seconds[stage].toFixed(2)} s)`);
  return out;
}

/**
 * The whole offline-or-LLM pipeline, data → Run folder: ingest, embed, cluster, profile,
 * write, brief. Everything is assembled in a staging folder and moved into place at the end.
 */
export async function makeRun(opts: MakeRunOptions): Promise<MadeRun> {
  const { log } = opts;
  const seconds: Record<string, number> = {};
  const table = await timed(seconds, 'ingest', log, () =>
    loadCustomers(opts.file, { idColumn: opts.idColumn, ignore: opts.ignore, text: opts.text, events: opts.events }),
  );
  log(`read ${table.ids.length.toLocaleString('en-US')} customers from ${opts.file}`);
  assertEnoughCustomers(table, opts.k ?? 2, opts.file);
  // Made after loading so the privacy guard knows the values of the file's PII columns.
  const writer = await createWriter(opts.config, log, table.piiValues);
  const textEmbedder = await createTextEmbedder(opts.config, log, table.piiValues);
  const minSegmentSize = opts.config.minSegmentSize;

  const { vectors, model } = await timed(seconds, 'embed', log, () => fitEmbedding(table, { textEmbedder, seed: opts.seed }));
  const cluster = await timed(seconds, 'cluster', log, () => clusterVectors(vectors, { k: opts.k, seed: opts.seed, minSegmentSize, timings: seconds }));
  log(`${cluster.k} segments (${opts.k ? 'k given' : `k chosen by silhouette ${cluster.silhouette.toFixed(3)}`})`);
  const profiles = await timed(seconds, 'profile', log, () =>
    profileSegments(table, cluster.labels, cluster.k, {
      stability: cluster.stability,
      minSegmentSize,
      vectors,
      centroids: cluster.centroids,
    }),
  );
  const texts = await timed(seconds, 'write', log, () => writeAllTexts(writer, profiles, { log, concurrency: opts.config.llm?.concurrency }));

  const runId = newRunId();
  const run: RunFile = {
    version: 1,
    id: runId,
    createdAt: new Date().toISOString(),
    config: {
      file: opts.file,
      k: opts.k,
      seed: opts.seed,
      minSegmentSize,
      idColumn: opts.idColumn,
      ignore: opts.ignore,
      text: opts.text,
      writer: writer.info.kind,
      model: writer.info.model,
    },
    schema: table.schema,
    quality: table.quality,
    embedding: {
      dim: model.dim,
      blocks: model.blocks.map(({ features: _features, ...b }) => b),
      textEmbedder: textEmbedder?.name ?? (model.text ? model.text.kind : 'none'),
    },
    metrics: {
      customers: table.ids.length,
      k: cluster.k,
      kChosen: opts.k ? 'given' : 'auto',
      silhouette: cluster.silhouette,
      inertia: cluster.inertia,
      iterations: cluster.iterations,
      kScores: cluster.kScores,
      seconds,
    },
    segments: profiles.map((p) => ({ id: p.id, size: p.size, share: p.share, small: p.small, profile: p, texts: texts[p.id] })),
    textsHistory: [],
    llm: writer.record?.(),
  };

  const stage = stageRun(opts.config.workspace, runId);
  try {
    {
      // Files inside the staging folder need no temp+rename of their own: the folder is
      // invisible until commit() renames it into place.
      await timed(seconds, 'save', log, () => {
        writeFileSync(join(stage.dir, 'embedding.json'), JSON.stringify(model));
        writeFileSync(
          join(stage.dir, ASSIGNMENTS_CSV),
          toCsv([table.schema.idColumn, 'segment'], (function* () {
            for (let i = 0; i < table.ids.length; i++) yield [table.ids[i], cluster.labels[i] + 1];
          })()),
        );
      });
      await timed(seconds, 'briefs', log, () => writeBriefs(stage.dir, run));
      // Every prompt sent and reply received, so evals and debugging can replay them.
      if (writer.transcript?.length) writeFileSync(join(stage.dir, 'llm-transcript.jsonl'), writer.transcript.map((t) => JSON.stringify(t)).join('\n') + '\n');
      // The vector index (src/index/): per-segment hnswlib graphs, vectors and centroids under index/.
      run.index = await timed(seconds, 'index', log, () => buildRunIndex(stage.dir, vectors, cluster));
      writeFileSync(join(stage.dir, RUN_JSON), JSON.stringify(run, null, 2) + '\n');
    }
    const runDir = stage.commit();
    return { runId, runDir, run, table };
  } catch (err) {
    stage.abort();
    throw err;
  }
}

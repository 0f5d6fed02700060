import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { assertEnoughCustomers } from '../data/load.js';
import type { Config } from '../config.js';
import { createTextEmbedder } from '../embed/create-text-embedder.js';
import { writeBriefs } from '../brief/write-briefs.js';
import { buildRunIndex } from '../vectors/build.js';
import { writeTableFile } from '../run/table-file.js';
import { collectQuoteSnippets, writeQuoteStore } from '../vectors/quotes.js';
import { offlineQuoteEmbeddings } from '../embed/quote-embeddings.js';
import { minimumSegmentSize } from '../cluster/min-segment-size.js';
import { toCsv } from '../util/csv.js';
import { checkpoint } from '../util/cancel.js';
import { newRunId, stageRun, ASSIGNMENTS_CSV, RUN_JSON } from '../run/store.js';
import type { CustomerTable, LoadOptions } from '../model/data.js';
import type { RunFile } from '../model/run.js';
import type { Clusterer, Embedder, Profiler, Source, StageContext } from '../model/stages.js';
import type { Writer } from '../model/writer.js';
import type { ProgressHook } from '../model/progress.js';
import { blockEmbedder, defaultProfiler, fileSource, kmeansClusterer } from './stages.js';
import { appendTranscript, writePhase } from './write-phase.js';
import { makeLabels, readLabelsFile } from '../write/labels.js';
import { writerLanguageOf } from '../util/script.js';

/** The stages a caller may replace; each defaults to today's implementation (./stages.ts). */
export interface Stages {
  source: Source;
  embedder: Embedder;
  clusterer: Clusterer;
  profiler: Profiler;
  writer: Writer;
}

export interface MakeRunOptions extends Omit<LoadOptions, 'signal'> {
  /** A file to read (the CLI's case); or give `stages.source`. */
  file?: string;
  k?: number;
  seed: number;
  config: Config;
  log: (line: string) => void;
  /** Counts inside each stage (percent of the file read, k-means fits, LLM calls, briefs), for a progress bar. */
  onProgress?: ProgressHook;
  /** The user's cancellation: every stage stops at its next checkpoint and no Run is left. */
  signal?: AbortSignal;
  stages?: Partial<Stages>;
  /** A labels file (column → label, unit) overriding the guessed feature labels. */
  labels?: string;
  /** Brand name the copy signs with (else the config's). */
  brand?: string;
  /** The Run's id, when a stage needs it before the Run is saved (warehouse mode writes it into the engine's tables). */
  runId?: string;
}

export interface MadeRun {
  runId: string;
  runDir: string;
  run: RunFile;
  table: CustomerTable;
}

/** Time one stage and log it; the timings go into run.json for `segmenta show` and the bench. */
async function timed<T>(seconds: Record<string, number>, stage: string, ctx: StageContext, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  seconds[stage] = Math.round((performance.now() - t0) / 10) / 100;
  ctx.log(`${stage} done (${seconds[stage].toFixed(2)} s)`);
  await checkpoint(ctx.signal);
  return out;
}

/** The LoadOptions within the pipeline's options. */
function loadOptionsOf(o: LoadOptions): LoadOptions {
  const { idColumn, ignore, text, events, orderId, time, amount, quantity, price, category, join } = o;
  return { idColumn, ignore, text, events, orderId, time, amount, quantity, price, category, join };
}

/**
 * The whole pipeline, data → Run folder: source, embed, cluster, profile, write, brief, index.
 * Stages come in as objects (src/model/stages.ts), so a library user can bring their own
 * embeddings, labels or writer and keep the rest. Everything is assembled in a staging folder
 * and moved into place at the end; a failure or a cancel leaves the workspace as it was.
 */
export async function makeRun(opts: MakeRunOptions): Promise<MadeRun> {
  const ctx: StageContext = { seed: opts.seed, signal: opts.signal, log: opts.log, progress: opts.onProgress };
  const seconds: Record<string, number> = {};
  // Read before anything is computed: a bad labels file stops the Run before it starts.
  const labelOverrides = opts.labels ? readLabelsFile(opts.labels) : {};
  const brand = opts.brand?.trim() || opts.config.brand;
  const source = opts.stages?.source ?? fileSource(requireFile(opts), loadOptionsOf(opts));
  await checkpoint(opts.signal);
  const table = await timed(seconds, 'ingest', ctx, () => source.load(ctx));
  ctx.log(`read ${table.ids.length.toLocaleString('en-US')} customers from ${source.name}`);
  assertEnoughCustomers(table, opts.k ?? 2, source.name);
  // The privacy minimum marks small segments; it does not choose k. Small tables get one that fits them.
  const minimum = minimumSegmentSize(table.ids.length, opts.config.minSegmentSize, opts.config.minSegmentSizeSet === true);
  const minSegmentSize = minimum.value;
  ctx.log(minimum.why);
  // --lang / SEGMENTA_LANG, else the language of the data's own text.
  const lang = opts.config.lang ?? writerLanguageOf(table.text.flatMap((c) => c.values), table.categorical.flatMap((c) => c.levels));
  ctx.log(`writing in ${lang === 'zh' ? 'Simplified Chinese' : 'English'}${opts.config.lang ? '' : ' (the language of the data)'}`);

  // Made after loading so the privacy guard knows the values of the file's PII columns.
  const textEmbedder = opts.stages?.embedder ? undefined : await createTextEmbedder(opts.config, ctx.log, table.piiValues);
  const embedder = opts.stages?.embedder ?? blockEmbedder(textEmbedder);
  const clusterer = opts.stages?.clusterer ?? kmeansClusterer();
  const profiler = opts.stages?.profiler ?? defaultProfiler();

  const { vectors, model } = await timed(seconds, 'embed', ctx, () => embedder.embed(table, ctx));
  const cluster = await timed(seconds, 'cluster', ctx, () => clusterer.cluster(vectors, { k: opts.k, timings: seconds }, ctx));
  ctx.log(`${cluster.k} segments (${opts.k ? 'k given' : cluster.kScores.length ? `k chosen by silhouette ${cluster.silhouette.toFixed(3)} and stability` : `by ${clusterer.name}`})`);
  const left = model.structure?.features.filter((f) => !f.kept) ?? [];
  if (left.length > 0) ctx.log(`left out of the segmentation (independent of every other column, so no group structure): ${left.map((f) => f.name).join(', ')}`);
  const profiles = await timed(seconds, 'profile', ctx, () => profiler.profile(table, { cluster, vectors, minSegmentSize }, ctx));
  const labels = makeLabels(profiles, labelOverrides);
  for (const column of Object.keys(labelOverrides)) {
    if (!labels[column]) ctx.log(`labels file: "${column}" is not a feature of ${source.name}; its label is not used`);
  }
  const { writer, texts } = await timed(seconds, 'write', ctx, () =>
    writePhase(profiles, { config: opts.config, log: ctx.log, progress: ctx.progress, signal: ctx.signal, piiValues: table.piiValues, writer: opts.stages?.writer, labels, brand, lang }),
  );

  const runId = opts.runId ?? newRunId();
  const run: RunFile = {
    version: 1,
    id: runId,
    createdAt: new Date().toISOString(),
    config: {
      file: source.name,
      k: opts.k,
      seed: opts.seed,
      minSegmentSize,
      minSegmentSizeWhy: minimum.why,
      idColumn: opts.idColumn,
      ignore: opts.ignore,
      text: opts.text,
      // The role mapping as given; the one inferred is in schema.mapping.
      ...Object.fromEntries(Object.entries(loadOptionsOf(opts)).filter(([k, v]) => v !== undefined && ['orderId', 'time', 'amount', 'quantity', 'price', 'category', 'join'].includes(k))),
      writer: writer.info.kind,
      model: writer.info.model,
      ...(brand ? { brand } : {}),
      lang,
    },
    schema: table.schema,
    quality: table.quality,
    embedding: {
      dim: model.dim,
      blocks: model.blocks.map(({ features: _features, ...b }) => b),
      textEmbedder: textEmbedder?.name ?? (model.text ? model.text.kind : embedder.name === 'blocks' ? 'none' : embedder.name),
      ...(model.structure ? { structure: model.structure } : {}),
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
    labels,
    llm: writer.record?.(),
  };

  const stage = stageRun(opts.config.workspace, runId);
  try {
    // Files inside the staging folder need no temp+rename of their own: the folder is
    // invisible until commit() renames it into place.
    await timed(seconds, 'save', ctx, () => {
      writeFileSync(join(stage.dir, 'embedding.json'), JSON.stringify(model));
      // The cleaned table, for `segmenta eval` (src/run/table-file.ts: no second read of the file).
      writeTableFile(stage.dir, table);
      writeFileSync(
        join(stage.dir, ASSIGNMENTS_CSV),
        toCsv([table.schema.idColumn, 'segment'], (function* () {
          for (let i = 0; i < table.ids.length; i++) yield [table.ids[i], cluster.labels[i] + 1];
        })()),
      );
    });
    await timed(seconds, 'briefs', ctx, () => writeBriefs(stage.dir, run, ctx.progress));
    appendTranscript(stage.dir, writer);
    // The vector index (src/vectors/): per-segment hnswlib graphs, vectors and centroids under index/.
    run.index = await timed(seconds, 'index', ctx, () => buildRunIndex(stage.dir, vectors, cluster));
    // The quote store (src/vectors/quotes.ts): scrubbed snippets per segment in a LangChain
    // HNSWLib store, for "what do customers in segment 3 say about delivery?". Cut now, while
    // the table's PII values are known to scrub them; offline embeddings (a server model's
    // store is built on the first question).
    const quotes = await timed(seconds, 'quotes', ctx, () =>
      writeQuoteStore(stage.dir, collectQuoteSnippets(table, cluster.labels, profiles, opts.seed), offlineQuoteEmbeddings(), ctx.signal),
    );
    if (quotes.withheld > 0) ctx.log(`quotes: ${quotes.withheld} snippets that read like instructions were withheld`);
    writeFileSync(join(stage.dir, RUN_JSON), JSON.stringify(run, null, 2) + '\n');
    await checkpoint(opts.signal);
    const runDir = stage.commit();
    return { runId, runDir, run, table };
  } catch (err) {
    stage.abort();
    throw err;
  }
}

function requireFile(opts: MakeRunOptions): string {
  if (!opts.file) throw new TypeError('makeRun needs a file or stages.source');
  return opts.file;
}

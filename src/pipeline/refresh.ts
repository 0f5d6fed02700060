/**
 * A refresh (issue 21): new data segmented in the PREVIOUS Run's vector space (its saved
 * preprocessing, as `assign` uses), k-means warm-started from its centroids, and the new
 * segments matched to the old ones so that a segment that is still there keeps its id, name,
 * persona and copy. makeRun does the rest (profiles, briefs, index) with three stages swapped:
 * the table read once here, the previous model as embedder, and the warm-start clusterer that
 * numbers segments by identity.
 */
import type { Config } from '../config.js';
import { resolveRun, writeRunFile } from '../run/store.js';
import { readEmbeddingModel } from '../vectors/embed-new.js';
import { loadCustomers } from '../data/load.js';
import { applyEmbedding } from '../embed/apply.js';
import { IndexError } from '../errors.js';
import type { LoadOptions } from '../model/data.js';
import { loadCentroids, loadVectors } from '../vectors/load.js';
import { readAssignments } from '../vectors/assignments.js';
import { textEmbedderFor } from '../embed/create-text-embedder.js';
import { createWriter } from '../write/create-writer.js';
import { assignToCentroids, distPointCentre } from '../cluster/assign.js';
import { warmStartCluster } from '../cluster/warm-start.js';
import { MATCH_DEFAULTS, matchSegments, overlapTable, type MatchResult } from '../cluster/segment-matching.js';
import { segmentPsi } from '../cluster/psi.js';
import { checkpoint } from '../util/cancel.js';
import type { ClusterResult } from '../model/cluster.js';
import type { MatchThresholds, RefreshRecord, RunFile } from '../model/run.js';
import type { Clusterer } from '../model/stages.js';
import type { SegmentTexts } from '../model/texts.js';
import type { Vectors } from '../model/vectors.js';
import { makeRun, type MadeRun } from './make-run.js';
import { keptTextsWriter } from './kept-texts-writer.js';
import { writeChanges } from './changes-file.js';
import { eventLine } from './diff-markdown.js';

export interface RefreshOptions {
  /** The new snapshot; the previous Run's file when omitted (`segmenta refresh`). */
  file?: string;
  /** The Run to refresh (id, prefix or "latest"). */
  since?: string;
  k?: number;
  seed: number;
  config: Config;
  log: (line: string) => void;
  signal?: AbortSignal;
  thresholds?: Partial<MatchThresholds>;
}

export interface RefreshedRun extends MadeRun {
  previous: RunFile;
  refresh: RefreshRecord;
}

export async function refreshRun(opts: RefreshOptions): Promise<RefreshedRun> {
  const thresholds: MatchThresholds = { ...MATCH_DEFAULTS, ...opts.thresholds };
  const { dir: prevDir, run: prev } = resolveRun(opts.config.workspace, opts.since);
  const file = opts.file ?? prev.config.file;
  opts.log(`refreshing Run ${prev.id} with ${file}, in its saved vector space`);
  const centroids = loadCentroids(prevDir, prev);
  const prevVectors = loadVectors(prevDir, prev);
  const prevAssign = readAssignments(prevDir);
  const model = readEmbeddingModel(prevDir, prev);
  if (model.precomputed) {
    throw new IndexError(`Run ${prev.id} was made from precomputed vectors (${model.precomputed}), so it has no preprocessing to embed a new snapshot with. Make a new Run from the file instead`);
  }
  // The earlier Run's column choices and role mapping, so the new snapshot is read the same way.
  const c = prev.config;
  const load: LoadOptions = { idColumn: prev.schema.idColumn, ignore: c.ignore, text: c.text, orderId: c.orderId, time: c.time, amount: c.amount, quantity: c.quantity, price: c.price, category: c.category, join: c.join };
  const table = await loadCustomers(file, { ...load, signal: opts.signal });
  const vectors = await applyEmbedding(model, table, await textEmbedderFor(model, opts.config, opts.log, table.piiValues));
  await checkpoint(opts.signal);

  const oldOf = previousMembership(table.ids, vectors, prevAssign, prevVectors, centroids, thresholds.radiusQuantile);
  const oldIds = prev.segments.map((s) => s.id);
  const oldSizes = prev.segments.map((s) => s.size);
  let matched: MatchResult | undefined;
  const drift = new Map<number, number>();

  const clusterer: Clusterer = {
    name: `k-means warm-started from Run ${prev.id}`,
    async cluster(v, request, ctx) {
      await checkpoint(ctx.signal);
      const warm = warmStartCluster(v, centroids, { ...request, seed: ctx.seed });
      ctx.log(`${warm.warmStarts} of ${warm.k} segments started from Run ${prev.id}'s centroids`);
      matched = matchSegments(overlapTable(oldOf, warm.labels, warm.k, oldIds, oldSizes), thresholds);
      const result = numberByIdentity(warm, matched.idOf);
      for (const m of matched.matches) {
        const a = rowsWhere(prevAssign.segments, (s) => s === m.from);
        const b = rowsWhere(result.labels, (l) => l === m.to - 1);
        drift.set(m.to, Math.round(segmentPsi(prevVectors, a, v, b).psi * 1e4) / 1e4);
      }
      await checkpoint(ctx.signal);
      return result;
    },
  };

  const oldTexts = new Map(prev.segments.map((s) => [s.id, s.texts]));
  const keptOf = (segment: number): SegmentTexts | undefined => {
    const m = matched?.matches.find((x) => x.to === segment);
    if (!m || (drift.get(segment) ?? Infinity) >= thresholds.rewritePsi) return undefined;
    return oldTexts.get(m.from);
  };
  const inner = await createWriter(opts.config, { log: opts.log, piiValues: table.piiValues, signal: opts.signal });
  const k = opts.k ?? (prev.metrics.kChosen === 'given' ? prev.config.k : undefined);

  const made = await makeRun({
    file,
    k,
    seed: opts.seed,
    config: opts.config,
    log: opts.log,
    signal: opts.signal,
    ...load,
    stages: {
      source: { name: file, load: async () => table },
      embedder: { name: `Run ${prev.id}'s preprocessing`, embed: async () => ({ vectors, model }) },
      clusterer,
      writer: keptTextsWriter(inner, keptOf),
    },
  });

  const result = matched!;
  const refresh: RefreshRecord = {
    runId: prev.id,
    matches: result.matches,
    events: result.events,
    thresholds,
    drift: result.matches.map((m) => ({ segment: m.to, psi: drift.get(m.to) ?? 0, rewritten: !keptOf(m.to) })),
  };
  const run = made.run;
  run.refreshedFrom = refresh;
  // The previous words of segments that kept their identity but were rewritten (they drifted).
  const replaced: Record<number, SegmentTexts> = {};
  for (const d of refresh.drift) {
    const before = oldTexts.get(result.matches.find((m) => m.to === d.segment)!.from);
    if (d.rewritten && before) replaced[d.segment] = before;
  }
  if (Object.keys(replaced).length) run.textsHistory.push({ writtenAt: prev.createdAt, writer: prev.config.writer, texts: replaced });
  writeRunFile(made.runDir, run);
  writeChanges(prevDir, prev, made.runDir, run);
  for (const e of refresh.events) if (e.kind !== 'survive') opts.log(eventLine(e, run.config.lang));
  return { ...made, previous: prev, refresh };
}

/**
 * The old segment each new-data customer belongs to: returning customers their old segment;
 * new customers the nearest old centre, if they are as close to it as the old members were
 * (within the `quantile` of their distances), else none.
 */
function previousMembership(
  ids: string[],
  vectors: Vectors,
  prevAssign: { ids: string[]; segments: Int32Array },
  prevVectors: Vectors,
  centroids: { k: number; data: Float32Array },
  quantile: number,
): Int32Array {
  const before = new Map<string, number>();
  prevAssign.ids.forEach((id, i) => before.set(id, prevAssign.segments[i]));
  const dim = vectors.dim;
  const c64 = Float64Array.from(centroids.data);
  const radius = new Float64Array(centroids.k);
  for (let s = 0; s < centroids.k; s++) {
    const d: number[] = [];
    for (let i = 0; i < prevVectors.n; i++) if (prevAssign.segments[i] === s + 1) d.push(distPointCentre(prevVectors.data, i * dim, c64, s * dim, dim));
    d.sort((a, b) => a - b);
    radius[s] = d.length ? d[Math.min(d.length - 1, Math.floor(quantile * d.length))] : 0;
  }
  const nearest = assignToCentroids(vectors, centroids.data, centroids.k);
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const old = before.get(ids[i]);
    if (old !== undefined) out[i] = old;
    else if (distPointCentre(vectors.data, i * dim, c64, nearest[i] * dim, dim) <= radius[nearest[i]]) out[i] = nearest[i] + 1;
  }
  return out;
}

/** Relabel so that label j + 1 is the id the matching gave it. */
function numberByIdentity(r: ClusterResult, idOf: number[]): ClusterResult {
  const { k, dim } = r;
  const labels = r.labels.map((l) => idOf[l] - 1);
  const centroids = new Float32Array(k * dim);
  const stability = new Array<number>(r.stability.length).fill(0);
  for (let j = 0; j < k; j++) {
    centroids.set(r.centroids.subarray(j * dim, j * dim + dim), (idOf[j] - 1) * dim);
    if (r.stability.length) stability[idOf[j] - 1] = r.stability[j];
  }
  return { ...r, labels, centroids, stability };
}

function rowsWhere(values: ArrayLike<number>, keep: (v: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep(values[i])) out.push(i);
  return out;
}

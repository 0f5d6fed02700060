/**
 * The stages makeRun uses unless it is given others: today's implementations behind the small
 * contracts of src/model/stages.ts, plus the swaps a library user asks for most — precomputed
 * embeddings, labels they already have, and the ml-kmeans reference clusterer.
 */
import { loadCustomers } from '../data/load.js';
import { fitEmbedding } from '../embed/fit.js';
import { clusterVectors } from '../cluster/cluster.js';
import { clusterFromLabels } from '../cluster/given-labels.js';
import { clusterWithMlKmeans } from '../cluster/ml-kmeans.js';
import { profileSegments } from '../profile/profile.js';
import { SegmentaError } from '../errors.js';
import { checkpoint } from '../util/cancel.js';
import type { LoadOptions } from '../model/data.js';
import type { Clusterer, Embedder, Profiler, Source } from '../model/stages.js';
import type { EmbeddingModel, TextEmbedder, Vectors } from '../model/vectors.js';

/** A customer file or event log read by DuckDB (CSV, TSV, JSONL, Parquet). */
export function fileSource(file: string, options: LoadOptions = {}): Source {
  return { name: file, load: (ctx) => loadCustomers(file, { ...options, signal: ctx.signal, progress: ctx.progress }) };
}

/** Numeric, categorical and text blocks, weighted (src/embed/); text by TF-IDF → SVD or a server's embeddings. */
export function blockEmbedder(textEmbedder?: TextEmbedder): Embedder {
  return {
    name: textEmbedder ? `blocks + ${textEmbedder.name}` : 'blocks',
    embed: (table, ctx) => fitEmbedding(table, { textEmbedder, seed: ctx.seed, signal: ctx.signal, progress: ctx.progress }),
  };
}

/**
 * Vectors the user computed elsewhere, one row per customer in the file's order. The Run keeps
 * them (lookalikes work), but it has no preprocessing for new customers: `assign` says so.
 */
export function precomputedEmbedder(vectors: Vectors, name = 'precomputed'): Embedder {
  return {
    name,
    async embed(table) {
      if (vectors.n !== table.ids.length) {
        throw new SegmentaError('input', `${vectors.n} precomputed vectors were given for ${table.ids.length} customers; give one vector per customer, in the file's order`);
      }
      const model: EmbeddingModel = {
        version: 1,
        dim: vectors.dim,
        blocks: [{ name, kind: 'numeric', offset: 0, width: vectors.dim, weight: 1, features: Array.from({ length: vectors.dim }, (_, d) => `${name}${d}`) }],
        numeric: [],
        categorical: [],
        precomputed: name,
      };
      return { vectors, model };
    },
  };
}

/** Our k-means (src/cluster/): k from structure unless given, fitted on a sample, everyone assigned. */
export function kmeansClusterer(): Clusterer {
  return {
    name: 'kmeans',
    // clusterVectors is synchronous (seconds at 1M customers): a cancel is seen on either side of it.
    async cluster(vectors, request, ctx) {
      await checkpoint(ctx.signal);
      const result = clusterVectors(vectors, { ...request, seed: ctx.seed, progress: ctx.progress });
      await checkpoint(ctx.signal);
      return result;
    },
  };
}

/** ml-kmeans, the reference implementation: for small tables and cross-checks (slow at scale). */
export function mlKmeansClusterer(): Clusterer {
  return { name: 'ml-kmeans', cluster: async (vectors, request, ctx) => clusterWithMlKmeans(vectors, { k: request.k, seed: ctx.seed }) };
}

/** Segments the user already has: one label per customer, in the file's order. */
export function givenLabelsClusterer(labels: ArrayLike<string | number>): Clusterer {
  return { name: 'given labels', cluster: async (vectors, _request, ctx) => clusterFromLabels(vectors, labels, ctx.seed) };
}

/** Sizes, lifts, terms, RFM mix and representatives per segment (src/profile/). */
export function defaultProfiler(): Profiler {
  return {
    async profile(table, { cluster, vectors, minSegmentSize }, ctx) {
      await checkpoint(ctx.signal);
      return profileSegments(table, cluster.labels, cluster.k, { stability: cluster.stability, minSegmentSize, vectors, centroids: cluster.centroids, progress: ctx.progress });
    },
  };
}

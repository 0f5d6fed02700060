import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCustomers } from '../data/load.js';
import type { CustomerTable } from '../model/data.js';
import { applyEmbedding } from '../embed/apply.js';
import type { EmbeddingModel, TextEmbedder, Vectors } from '../model/vectors.js';
import { IndexError } from '../errors.js';
import type { RunFile } from '../model/run.js';
import { assignToCentroids } from '../cluster/assign.js';

export const EMBEDDING_JSON = 'embedding.json';

/** The Run's saved preprocessing (scalers, vocabularies, SVD basis, weights). */
export function readEmbeddingModel(dir: string, run: RunFile): EmbeddingModel {
  const path = join(dir, EMBEDDING_JSON);
  let model: EmbeddingModel;
  try {
    model = JSON.parse(readFileSync(path, 'utf8')) as EmbeddingModel;
  } catch (err) {
    throw new IndexError(`${path}: cannot read Run ${run.id}'s saved preprocessing (${(err as Error).message}). Make the Run again with \`segmenta segment FILE\`.`);
  }
  if (run.index && model.dim !== run.index.dim) {
    throw new IndexError(`${path} makes ${model.dim}-dimensional vectors but the Run's index has ${run.index.dim}: they belong to different Runs.`);
  }
  return model;
}

/**
 * Customers from a file not seen when the Run was made, in the Run's vector space: read the
 * file with the Run's id column and overrides, then apply the SAVED preprocessing (no refit),
 * so the vectors are comparable with the Run's own.
 */
export async function embedNewCustomers(
  dir: string,
  run: RunFile,
  file: string,
  /** The text embedder the model needs, if any (only an OpenAI-compatible text block needs one). */
  embedderFor: (model: EmbeddingModel, table: CustomerTable) => Promise<TextEmbedder | undefined> = async () => undefined,
): Promise<{ table: CustomerTable; vectors: Vectors; model: EmbeddingModel }> {
  const model = readEmbeddingModel(dir, run);
  if (model.precomputed) {
    throw new IndexError(`Run ${run.id} was made from precomputed vectors (${model.precomputed}), so it has no preprocessing to embed new customers with. Embed them the same way and assign them with the library, or make the Run from the file itself`);
  }
  const table = await loadCustomers(file, { idColumn: run.schema.idColumn, ignore: run.config.ignore, text: run.config.text });
  const vectors = await applyEmbedding(model, table, await embedderFor(model, table));
  return { table, vectors, model };
}

/** `segmenta assign`: a new file's customers, each in the nearest of the Run's saved centres, through the saved preprocessing. */
export async function assignNewCustomers(
  dir: string,
  run: RunFile,
  file: string,
  centroids: { k: number; data: Float32Array },
  embedderFor: (model: EmbeddingModel, table: CustomerTable) => Promise<TextEmbedder | undefined> = async () => undefined,
): Promise<{ table: CustomerTable; labels: Int32Array }> {
  const model = readEmbeddingModel(dir, run);
  if (model.precomputed) {
    throw new IndexError(`Run ${run.id} was made from precomputed vectors (${model.precomputed}), so it has no preprocessing to embed new customers with. Embed them the same way and assign them with the library, or make the Run from the file itself`);
  }
  const table = await loadCustomers(file, { idColumn: run.schema.idColumn, ignore: run.config.ignore, text: run.config.text });
  const { labels } = await assignWithSavedModel(model, centroids, table, await embedderFor(model, table));
  return { table, labels };
}

/**
 * Segments for customers the model never saw: the saved preprocessing applied (no refit), then
 * each customer's nearest saved centre. `segmenta assign` goes through here, and so do the
 * evals' held-out members (evals/split.ts), so what the judge reads is what assign would give.
 */
export async function assignWithSavedModel(
  model: EmbeddingModel,
  centroids: { k: number; data: Float32Array },
  table: CustomerTable,
  embedder?: TextEmbedder,
): Promise<{ vectors: Vectors; labels: Int32Array }> {
  const vectors = await applyEmbedding(model, table, embedder);
  return { vectors, labels: assignToCentroids(vectors, centroids.data, centroids.k) };
}

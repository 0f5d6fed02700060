/**
 * fitEmbedding: fit the preprocessing of every block on a customer table, weight the blocks,
 * and return the vectors with the model that reproduces them (applyEmbedding).
 */
import type { CustomerTable } from '../model/data.js';
import { SegmentaError } from '../errors.js';
import { checkpoint } from '../util/cancel.js';
import { assemble, rawBlocks } from './apply.js';
import { categoricalFeatures, fitCategoricalColumn } from './categorical-block.js';
import { fitNumericColumn } from './numeric-block.js';
import { fitTextModel, meanRow } from './text-block.js';
import type { BlockInfo, EmbedResult, EmbeddingModel, TextEmbedder } from '../model/vectors.js';
import { BLOCK_IMPORTANCE, blockMultiplier, totalVariance } from './weights.js';

/** Remembers what an embedder returned, so fitting and then embedding everyone asks once per text. */
function caching(embedder: TextEmbedder): TextEmbedder {
  const cache = new Map<string, Float32Array>();
  return {
    name: embedder.name,
    async embed(texts) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing);
        missing.forEach((t, i) => vectors[i] && cache.set(t, vectors[i]));
      }
      return texts.map((t) => cache.get(t) ?? new Float32Array(0));
    },
  };
}

export async function fitEmbedding(table: CustomerTable, options: { textEmbedder?: TextEmbedder; seed?: number; signal?: AbortSignal } = {}): Promise<EmbedResult> {
  const n = table.ids.length;
  const seed = options.seed ?? 42;
  const embedder = options.textEmbedder ? caching(options.textEmbedder) : undefined;
  const text = await fitTextModel(table.text, n, { seed, embedder });
  await checkpoint(options.signal);
  const model: EmbeddingModel = {
    version: 1,
    dim: 0,
    blocks: [],
    numeric: table.numeric.map(fitNumericColumn),
    categorical: table.categorical.map(fitCategoricalColumn).filter((p) => p.levels.length > 0),
    ...(text ? { text } : {}),
  };
  const raw = await rawBlocks(model, table, embedder);
  await checkpoint(options.signal);
  if (raw.length === 0) {
    throw new SegmentaError('input', 'no numeric, categorical or text columns left to segment on (ids and PII are never used); check the column roles');
  }

  let offset = 0;
  for (const block of raw) {
    if (block.kind === 'text' && block.empty && model.text) model.text.fill = meanRow(block.data, block.empty, block.width);
    const features =
      block.kind === 'numeric'
        ? model.numeric.map((p) => p.name)
        : block.kind === 'categorical'
          ? categoricalFeatures(model.categorical)
          : Array.from({ length: block.width }, (_, c) => `${model.text?.kind === 'openai' ? 'pc' : 'svd'}${c}`);
    const info: BlockInfo = {
      name: block.kind,
      kind: block.kind,
      offset,
      width: block.width,
      weight: 0,
      features,
    };
    // Variance with empty text rows filled, as the vectors will be.
    if (block.kind === 'text' && block.empty && model.text?.fill) {
      const filled = block.data.slice();
      const fill = model.text.fill;
      for (let i = 0; i < n; i++) if (block.empty[i]) for (let c = 0; c < block.width; c++) filled[i * block.width + c] = fill[c];
      info.weight = blockMultiplier(totalVariance(filled, n, block.width), BLOCK_IMPORTANCE.text);
    } else {
      info.weight = blockMultiplier(totalVariance(block.data, n, block.width), BLOCK_IMPORTANCE[block.kind]);
    }
    model.blocks.push(info);
    offset += block.width;
  }
  model.dim = offset;
  return { vectors: assemble(model, raw, n), model };
}

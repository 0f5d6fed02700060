/**
 * Customers → vectors with a saved EmbeddingModel, no refitting: the path new customers take
 * into an existing Run, and the path fitEmbedding itself uses once the model is fitted (so
 * the two agree by construction).
 */
import type { CategoricalColumn, CustomerTable, NumericColumn } from '../model/data.js';
import { SegmentaError } from '../errors.js';
import { categoricalBlock } from './categorical-block.js';
import { numericBlock } from './numeric-block.js';
import { fillEmpty, projectText } from './text-block.js';
import type { BlockInfo, EmbeddingModel, TextEmbedder, Vectors } from '../model/vectors.js';

export interface RawBlock {
  kind: BlockInfo['kind'];
  width: number;
  /** n × width, unweighted. */
  data: Float32Array;
  /** Text only: rows with nothing to embed (filled with TextModel.fill). */
  empty?: Uint8Array;
}

function missingColumn(name: string, kind: string): SegmentaError {
  return new SegmentaError('input', `the customers have no ${kind} column "${name}", which this Run's segments were built on; supply the same columns as the original file`);
}

function byName<T extends { name: string }>(columns: T[], names: string[], kind: string): T[] {
  const map = new Map(columns.map((c) => [c.name, c]));
  return names.map((name) => {
    const column = map.get(name);
    if (!column) throw missingColumn(name, kind);
    return column;
  });
}

/** The unweighted blocks of `table` under `model` (text rows without text are not yet filled). */
export async function rawBlocks(model: EmbeddingModel, table: CustomerTable, embedder?: TextEmbedder): Promise<RawBlock[]> {
  const n = table.ids.length;
  const blocks: RawBlock[] = [];
  if (model.numeric.length > 0) {
    const columns: NumericColumn[] = byName(table.numeric, model.numeric.map((p) => p.name), 'numeric');
    blocks.push({ kind: 'numeric', width: model.numeric.length, data: numericBlock(model.numeric, columns, n) });
  }
  if (model.categorical.length > 0) {
    const columns: CategoricalColumn[] = byName(table.categorical, model.categorical.map((p) => p.name), 'categorical');
    const width = model.categorical.reduce((s, p) => s + p.levels.length, 0);
    if (width > 0) blocks.push({ kind: 'categorical', width, data: categoricalBlock(model.categorical, columns, n) });
  }
  if (model.text) {
    byName(table.text, model.text.columns, 'text');
    const { data, empty } = await projectText(model.text, table.text, n, embedder);
    blocks.push({ kind: 'text', width: model.text.width, data, empty });
  }
  return blocks;
}

/** Weighted concatenation of the blocks into one n × model.dim Float32 matrix. */
export function assemble(model: EmbeddingModel, raw: RawBlock[], n: number): Vectors {
  const dim = model.dim;
  const data = new Float32Array(n * dim);
  for (const info of model.blocks) {
    const block = raw.find((b) => b.kind === info.kind);
    if (!block || block.width !== info.width) throw new Error(`embedding block ${info.name} does not match the model (internal)`);
    if (block.kind === 'text' && block.empty) fillEmpty(block.data, block.empty, model.text?.fill, block.width);
    const w = Float64Array.from({ length: block.width }, (_, c) => info.weight * (info.featureWeights?.[c] ?? 1));
    for (let i = 0; i < n; i++) {
      const src = i * block.width;
      const dst = i * dim + info.offset;
      for (let c = 0; c < block.width; c++) data[dst + c] = block.data[src + c] * w[c];
    }
  }
  return { n, dim, data };
}

/** Vectors for `table` in the space of a saved model (numeric scalers, levels, text basis and weights reused). */
export async function applyEmbedding(model: EmbeddingModel, table: CustomerTable, textEmbedder?: TextEmbedder): Promise<Vectors> {
  if (model.version !== 1) throw new SegmentaError('usage', `embedding model version ${String(model.version)} is not supported by this segmenta`);
  const raw = await rawBlocks(model, table, textEmbedder);
  return assemble(model, raw, table.ids.length);
}

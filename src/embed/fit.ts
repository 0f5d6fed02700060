/**
 * fitEmbedding: fit the preprocessing of every block on a customer table, weight the blocks,
 * and return the vectors with the model that reproduces them (applyEmbedding).
 */
import { stageCounter, type ProgressHook } from '../util/progress.js';
import type { CustomerTable } from '../model/data.js';
import { SegmentaError } from '../errors.js';
import { checkpoint } from '../util/cancel.js';
import { assemble, rawBlocks } from './apply.js';
import { categoricalFeatures, fitCategoricalColumn } from './categorical-block.js';
import { fitNumericColumn } from './numeric-block.js';
import { fitTextModel, meanRow } from './text-block.js';
import type { BlockInfo, EmbedResult, EmbeddingModel, StructureReport, TextEmbedder } from '../model/vectors.js';
import { BLOCK_IMPORTANCE, binsFor, blockMultiplier, measureStructure, quantileBins, recodeBins, STRUCTURE_SAMPLE, totalVariance, type FeatureColumn } from './weights.js';
import { createRng, sampleIndices } from '../util/random.js';
import { createPiiMatcher } from '../util/pii.js';
import type { RawBlock } from './apply.js';

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

export interface FitEmbeddingOptions {
  textEmbedder?: TextEmbedder;
  seed?: number;
  signal?: AbortSignal;
  progress?: ProgressHook;
  /**
   * The feature choice of an earlier fit (its model.structure): a numeric or categorical
   * feature it names keeps that fit's factor instead of being tested again. The eval's split
   * (evals/split.ts) refits a Run on 80 % of its customers; on a small table the structure test
   * on fewer rows can drop a feature the Run kept (or keep one it dropped), and the split then
   * checks a different segmentation from the Run's. Text dimensions are tested again: they are
   * the split's own SVD components, not the Run's, so a factor by position would not carry over.
   */
  featureChoice?: StructureReport;
}

export async function fitEmbedding(table: CustomerTable, options: FitEmbeddingOptions = {}): Promise<EmbedResult> {
  const n = table.ids.length;
  const seed = options.seed ?? 42;
  const embedder = options.textEmbedder ? caching(options.textEmbedder) : undefined;
  // Five parts, each seconds at a million customers: the text model, the blocks, the structure test, the weights, the vectors.
  const parts = stageCounter(options.progress, 'embed', 'parts', 5);
  parts.start();
  // PII-derived terms never enter the vocabulary (piiTermFilter): the table's PII values where the data stage read them, patterns always.
  const pii = table.text.length > 0 ? createPiiMatcher(table.piiValues) : undefined;
  const text = await fitTextModel(table.text, n, { seed, embedder, ...(pii ? { pii } : {}) });
  parts.tick();
  await checkpoint(options.signal);
  const model: EmbeddingModel = {
    version: 1,
    dim: 0,
    blocks: [],
    numeric: table.numeric.map(fitNumericColumn),
    // Attributes (describeOnly: a log's country) are profiled, never segmented on.
    categorical: table.categorical.filter((c) => !c.describeOnly).map(fitCategoricalColumn).filter((p) => p.levels.length > 0),
    ...(text ? { text } : {}),
  };
  const raw = await rawBlocks(model, table, embedder);
  parts.tick();
  await checkpoint(options.signal);
  if (raw.length === 0) {
    throw new SegmentaError('input', 'no numeric, categorical or text columns left to segment on (ids and PII are never used); check the column roles');
  }

  // Text rows without text take the fill value before anything is measured, as the vectors will.
  for (const block of raw) {
    if (block.kind === 'text' && block.empty && model.text) {
      model.text.fill = meanRow(block.data, block.empty, block.width);
      const fill = model.text.fill;
      for (let i = 0; i < n; i++) if (block.empty[i]) for (let c = 0; c < block.width; c++) block.data[i * block.width + c] = fill[c];
      block.empty = undefined;
    }
  }
  const structure = featureStructure(model, raw, n, seed, options.featureChoice);
  model.structure = structure.report;
  parts.tick();

  let offset = 0;
  for (const [b, block] of raw.entries()) {
    const features =
      block.kind === 'numeric'
        ? model.numeric.map((p) => p.name)
        : block.kind === 'categorical'
          ? categoricalFeatures(model.categorical)
          : Array.from({ length: block.width }, (_, c) => `${model.text?.kind === 'openai' ? 'pc' : 'svd'}${c}`);
    const factors = structure.factors[b];
    const info: BlockInfo = {
      name: block.kind,
      kind: block.kind,
      offset,
      width: block.width,
      weight: 0,
      features,
      ...(factors.some((f) => f !== 1) ? { featureWeights: factors } : {}),
    };
    // The block's variance over the features it keeps, so left-out noise does not use up its
    // share; the factors then scale each feature within it, so a block of weak features stays weak.
    // Copied only when a feature is left out (the copy and the loop over every cell were ~1 s at 1M customers).
    const w = block.width;
    const dropped = factors.flatMap((f, c) => (f === 0 ? [c] : []));
    const kept = dropped.length > 0 ? block.data.slice() : block.data;
    for (const c of dropped) for (let i = 0; i < n; i++) kept[i * w + c] = 0;
    info.weight = blockMultiplier(totalVariance(kept, n, block.width), BLOCK_IMPORTANCE[block.kind]);
    model.blocks.push(info);
    offset += block.width;
  }
  model.dim = offset;
  parts.tick();
  const vectors = assemble(model, raw, n);
  parts.tick();
  return { vectors, model };
}

/**
 * The structure test of weights.ts over every feature of the raw blocks: a numeric column, a
 * categorical column (its one-hot read back as levels), a text dimension. Returns the factor
 * (0 or 1) of every dimension of every block, and the report saved in the model.
 */
function featureStructure(model: EmbeddingModel, raw: RawBlock[], n: number, seed: number, choice?: StructureReport): { factors: number[][]; report: StructureReport } {
  const rows = n > STRUCTURE_SAMPLE ? sampleIndices(n, STRUCTURE_SAMPLE, createRng(seed + 17)).sort() : Int32Array.from({ length: n }, (_, i) => i);
  const bins = binsFor(rows.length);
  const features: (FeatureColumn & { block: number; dims: number[] })[] = [];
  const scratch = new Float64Array(n);
  raw.forEach((block, b) => {
    const w = block.width;
    // The test reads the sampled rows only (quantileBins reads values[rows[j]]): only they are copied out.
    // One scratch column for all: quantileBins keeps nothing of it.
    const column = (c: number) => {
      for (const r of rows) scratch[r] = block.data[r * w + c];
      return scratch;
    };
    if (block.kind === 'categorical') {
      let offset = 0;
      for (const p of model.categorical) {
        const L = p.levels.length;
        const codes = Int32Array.from(rows, (r) => {
          for (let j = 0; j < L; j++) if (block.data[r * w + offset + j] > 0) return j;
          return L;
        });
        features.push({ name: p.name, ...recodeBins(codes), block: b, dims: Array.from({ length: L }, (_, j) => offset + j) });
        offset += L;
      }
      return;
    }
    for (let c = 0; c < w; c++) {
      const name = block.kind === 'numeric' ? model.numeric[c].name : `${model.text?.columns.join('+') ?? 'text'} (dimension ${c + 1})`;
      features.push({ name, ...quantileBins(column(c), rows, bins), block: b, dims: [c], ...(block.kind === 'text' ? { group: 'text' } : {}) });
    }
  });
  const factors = raw.map((block) => new Array<number>(block.width).fill(1));
  // A feature with a single bin (constant on the sample) says nothing either way: not tested, kept.
  const tested = features.filter((f) => f.count > 1);
  const { features: measured, critical } = measureStructure(tested);
  const chosen = new Map(choice?.features.map((f) => [f.name, f]));
  const found = measured.map((f, j) => {
    const earlier = tested[j].group === 'text' ? undefined : chosen.get(f.name);
    return earlier ? { ...f, kept: earlier.kept, factor: earlier.factor } : f;
  });
  if (choice?.noneFound && found.every((f, j) => tested[j].group === 'text' || chosen.has(f.name))) {
    // The earlier fit found no structure and kept everything: so does this one.
    return { factors, report: { critical: Math.round(critical * 100) / 100, features: found.map((f) => ({ ...f, kept: true, factor: 1 })), noneFound: true } };
  }
  const report: StructureReport = { critical: Math.round(critical * 100) / 100, features: found };
  if (found.length >= 2 && found.every((f) => !f.kept)) {
    // No feature depends on any other: there is no group structure to protect; keep them all.
    report.noneFound = true;
    report.features = found.map((f) => ({ ...f, kept: true, factor: 1 }));
    return { factors, report };
  }
  tested.forEach((f, j) => {
    for (const d of f.dims) factors[f.block][d] = found[j].factor;
  });
  return { factors, report };
}

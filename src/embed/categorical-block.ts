/**
 * Categorical block: one-hot per column, with levels held by fewer than 1 % of customers
 * pooled into "(other)" — rare levels would each add a dimension that separates a handful of
 * customers from everyone, which k-means then spends segments on. At apply time a level
 * unseen at fit time is treated as rare: it goes to "(other)" (or to no column if nothing
 * was pooled at fit time).
 */
import type { CategoricalColumn } from '../model/data.js';
import type { EmbeddingModel } from '../model/vectors.js';

export type CategoricalParams = EmbeddingModel['categorical'][number];

export const POOLED_LEVEL = '(other)';
/** Levels below this share of customers are pooled. */
export const RARE_SHARE = 0.01;

/** The one-hot columns of a categorical column: frequent levels in their original order, then "(other)" if any was pooled. */
export function fitCategoricalColumn(column: CategoricalColumn): CategoricalParams {
  const n = column.codes.length;
  const counts = new Float64Array(column.levels.length);
  for (let i = 0; i < n; i++) {
    const c = column.codes[i];
    if (c >= 0 && c < counts.length) counts[c]++;
  }
  const kept: string[] = [];
  let pooled = false;
  column.levels.forEach((level, c) => {
    if (counts[c] === 0) return;
    if (counts[c] >= RARE_SHARE * n && level !== POOLED_LEVEL) kept.push(level);
    else pooled = true;
  });
  return { name: column.name, levels: pooled ? [...kept, POOLED_LEVEL] : kept, pooled: POOLED_LEVEL };
}

/** Column (within this categorical's one-hot) of each of the table column's level codes; −1 for none. */
function codeMap(params: CategoricalParams, column: CategoricalColumn): Int32Array {
  const position = new Map(params.levels.map((level, j) => [level, j]));
  const fallback = position.get(params.pooled) ?? -1;
  return Int32Array.from(column.levels, (level) => (level === params.pooled ? fallback : position.get(level) ?? fallback));
}

/** Write the block (n × Σ levels) for the given columns, in params order. */
export function categoricalBlock(params: CategoricalParams[], columns: CategoricalColumn[], n: number): Float32Array {
  const width = params.reduce((s, p) => s + p.levels.length, 0);
  const out = new Float32Array(n * width);
  let offset = 0;
  params.forEach((p, c) => {
    const map = codeMap(p, columns[c]);
    const fallback = p.levels.indexOf(p.pooled);
    const codes = columns[c].codes;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      const j = code >= 0 && code < map.length ? map[code] : fallback;
      if (j >= 0) out[i * width + offset + j] = 1;
    }
    offset += p.levels.length;
  });
  return out;
}

/** Feature names of the block's dimensions: "column=level". */
export function categoricalFeatures(params: CategoricalParams[]): string[] {
  return params.flatMap((p) => p.levels.map((level) => `${p.name}=${level}`));
}

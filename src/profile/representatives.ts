import type { CustomerTable } from '../model/data.js';
import type { CategoryFact, NumericFact, Representative } from '../model/profile.js';
import { rowsOf, type Groups } from './groups.js';
import { createRng } from '../util/random.js';

export const SNIPPET_MAX = 160;
/** Members shown per segment. */
export const REPRESENTATIVES = 5;
// Candidates kept per segment before preferring members who wrote something.
const POOL = 20;

export interface RepresentativeOptions {
  vectors?: { data: Float32Array; dim: number };
  centroids?: Float32Array;
  seed: number;
  skip: (segment: number) => boolean;
}

/**
 * Row indices of each segment's representative members: the members closest to the centroid
 * when vectors are given (centroids are computed from them if not given), otherwise a seeded
 * random sample. Among the candidates, members with some text come first — a quote says more
 * than a row of numbers.
 */
export function pickRepresentatives(table: CustomerTable, labels: Int32Array, groups: Groups, opts: RepresentativeOptions): number[][] {
  const pools = opts.vectors ? closestToCentroid(labels, groups, opts.vectors, opts.centroids) : randomPools(groups, opts.seed);
  const hasText = (row: number) => table.text.some((c) => (c.values[row] ?? '').trim().length > 0);
  return pools.map((pool, s) => {
    if (opts.skip(s)) return [];
    const withText = pool.filter(hasText);
    const rest = pool.filter((r) => !hasText(r));
    return [...withText, ...rest].slice(0, REPRESENTATIVES);
  });
}

function closestToCentroid(labels: Int32Array, groups: Groups, vectors: { data: Float32Array; dim: number }, given?: Float32Array): number[][] {
  const { k, n, sizes } = groups;
  const { data, dim } = vectors;
  const centroids = given && given.length === k * dim ? given : meanVectors(labels, groups, vectors);
  // Per segment, the POOL nearest rows kept sorted by distance (insertion into a tiny array).
  const best: { d: number[]; r: number[] }[] = Array.from({ length: k }, () => ({ d: [], r: [] }));
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    let d = 0;
    const off = i * dim;
    const c = s * dim;
    for (let j = 0; j < dim; j++) {
      const x = data[off + j] - centroids[c + j];
      d += x * x;
    }
    const b = best[s];
    if (b.d.length === POOL && d >= b.d[POOL - 1]) continue;
    let at = b.d.length;
    while (at > 0 && b.d[at - 1] > d) at--;
    b.d.splice(at, 0, d);
    b.r.splice(at, 0, i);
    if (b.d.length > POOL) {
      b.d.pop();
      b.r.pop();
    }
  }
  return best.map((b, s) => (sizes[s] > 0 ? b.r : []));
}

function meanVectors(labels: Int32Array, groups: Groups, vectors: { data: Float32Array; dim: number }): Float32Array {
  const { k, n, sizes } = groups;
  const { data, dim } = vectors;
  const sums = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) {
    const c = labels[i] * dim;
    for (let j = 0; j < dim; j++) sums[c + j] += data[i * dim + j];
  }
  const out = new Float32Array(k * dim);
  for (let s = 0; s < k; s++) for (let j = 0; j < dim; j++) out[s * dim + j] = sizes[s] > 0 ? sums[s * dim + j] / sizes[s] : 0;
  return out;
}

function randomPools(groups: Groups, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: groups.k }, (_, s) => {
    const rows = rowsOf(groups, s);
    // Reservoir sample, then back in row order so the choice reads the same every run.
    const pool: number[] = [];
    for (let j = 0; j < rows.length; j++) {
      if (pool.length < POOL) pool.push(rows[j]);
      else {
        const r = Math.floor(rng() * (j + 1));
        if (r < POOL) pool[r] = rows[j];
      }
    }
    return pool;
  });
}

/**
 * What a brief or an LLM may see of one member: the values of the segment's most distinctive
 * features and a short scrubbed quote. Never the id or any PII column (those are not in
 * `numeric`, `categorical` or `text`), and the quote goes through the PII scrubber.
 */
export function describeMember(
  table: CustomerTable,
  row: number,
  facts: { numeric: NumericFact[]; categories: CategoryFact[] },
  scrub: (text: string) => string,
): Representative {
  const traits: Record<string, string | number> = {};
  const topNumeric = [...facts.numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3);
  for (const f of topNumeric) {
    const col = table.numeric.find((c) => c.name === f.feature);
    if (!col) continue;
    const v = col.values[row];
    traits[f.feature] = col.kind === 'boolean' ? (v >= 0.5 ? 'yes' : 'no') : round2(v);
  }
  const catColumns = [...new Set([...facts.categories].sort((a, b) => b.lift - a.lift).map((c) => c.column))].slice(0, 2);
  for (const name of catColumns) {
    const col = table.categorical.find((c) => c.name === name);
    if (col) traits[name] = col.levels[col.codes[row]] ?? '';
  }
  const text = table.text.map((c) => c.values[row] ?? '').find((t) => t.trim().length > 0);
  const rep: Representative = { traits };
  if (text) rep.snippet = snippetOf(text, scrub);
  return rep;
}

// Long digit-bearing tokens (order numbers, account ids, card fragments) are scrubbed too:
// a customer id typed into a review must not survive into a quote.
const ID_LIKE = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}_-]*\d)[\p{L}\p{N}_-]{5,}(?![\p{L}\p{N}])|\d{4,}/gu;

/** A scrubbed, single-line quote of at most SNIPPET_MAX characters, cut at a word. */
export function snippetOf(text: string, scrub: (text: string) => string): string {
  const clean = scrub(text.slice(0, 4 * SNIPPET_MAX))
    .replace(ID_LIKE, '[id]')
    // Whatever the pattern scrubber could not read as an email (a cut or mangled one) still has an @.
    .replace(/[^\s[\]]*@[^\s[\]]*/g, '[email]')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= SNIPPET_MAX) return clean;
  const cut = clean.slice(0, SNIPPET_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Text block: one document per customer (the text columns joined), embedded either offline —
 * TF-IDF over unigrams and bigrams, then a truncated SVD (latent semantic analysis) — or by a
 * TextEmbedder (an OpenAI-compatible server), then projected on its top principal components.
 * Rows are L2-normalised (cosine geometry: the length of a review says nothing about the
 * customer); customers without text get the mean text vector (TextModel.fill).
 */
import type { TextColumn } from '../model/data.js';
import { ProviderError } from '../errors.js';
import { createRng, sampleIndices } from '../util/random.js';
import { denseOperator, svd } from './svd.js';
import { fitTfidf, tfidfRow, transformTfidf, vocabularyIndex } from './tfidf.js';
import { EMBED_CJK, tokenize } from '../util/tokenize.js';
import type { PiiMatcher } from '../util/pii.js';
import type { TextEmbedder, TextModel } from '../model/vectors.js';

/**
 * Dimensions kept from TF-IDF (the brief's range is 16–32). Measured on planted data
 * (test/cluster/planted.ts, 6 groups, 3 seeds): the share of the text block's variance that
 * lies between groups fell with the rank — 8: 0.45–0.50, 16: 0.26–0.33, 32: 0.17–0.19 — because
 * extra dimensions resolve individual phrases, not groups; the ARI of the whole pipeline at
 * the true k moved little (0.985–0.993 at 8, 0.979–0.995 at 16, 0.972–0.993 at 32). 16 keeps
 * room for real text with more topics than our generator has. Damping the lower components
 * by (σ_c/σ_1)^β (β = 1–3) was tried and gained < 0.005 ARI: not kept.
 */
export const TFIDF_RANK = 16;
/** Principal components kept from dense embeddings (1,536 dims for OpenAI's small model). */
export const EMBEDDER_RANK = 32;
/** Documents the vocabulary, idf and SVD are fitted on (everyone is transformed afterwards). */
export const TEXT_FIT_SAMPLE = 20_000;
/** Distinct texts remembered by projectText (row index per text). */
const PROJECTION_MEMO = 250_000;

/** The document of each customer: the non-empty texts of the text columns, joined. */
export function documents(columns: TextColumn[], n: number): string[] {
  const docs = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    let doc = '';
    for (const column of columns) {
      const v = column.values[i];
      if (v && v.trim()) doc = doc ? `${doc}\n${v}` : v;
    }
    docs[i] = doc;
  }
  return docs;
}

/** Six significant digits: components are stored in the Run as JSON, and 6 digits is far below their sampling noise. */
const round6 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(6)));

/** Indices of non-empty documents, at most `max`, seeded, in increasing order. */
function fitRows(docs: string[], max: number, seed: number): number[] {
  const nonEmpty: number[] = [];
  docs.forEach((d, i) => d && nonEmpty.push(i));
  if (nonEmpty.length <= max) return nonEmpty;
  const pick = sampleIndices(nonEmpty.length, max, createRng(seed)).sort();
  return Array.from(pick, (j) => nonEmpty[j]);
}

/** Embed the distinct non-empty documents once each; checks what the embedder returns. */
async function embedDistinct(docs: string[], embedder: TextEmbedder): Promise<Map<string, Float32Array>> {
  const distinct = [...new Set(docs.filter((d) => d))];
  const vectors = distinct.length ? await embedder.embed(distinct) : [];
  if (vectors.length !== distinct.length) {
    throw new ProviderError(`text embedder ${embedder.name} returned ${vectors.length} vectors for ${distinct.length} texts`);
  }
  const width = vectors[0]?.length ?? 0;
  for (const v of vectors) {
    if (v.length !== width || width === 0) throw new ProviderError(`text embedder ${embedder.name} returned vectors of differing or zero width`);
    for (let t = 0; t < v.length; t++) {
      if (!Number.isFinite(v[t])) throw new ProviderError(`text embedder ${embedder.name} returned a non-finite value`);
    }
  }
  return new Map(distinct.map((d, i) => [d, vectors[i]]));
}

function unit(v: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(v);
  let s = 0;
  for (let t = 0; t < out.length; t++) s += out[t] * out[t];
  const norm = Math.sqrt(s);
  if (norm > 0) for (let t = 0; t < out.length; t++) out[t] /= norm;
  return out;
}

/**
 * Fit the text model on the customers' documents. Returns undefined when there is no usable
 * text (no text column, no text, or fewer than 2 terms above the document-frequency floor).
 */
export async function fitTextModel(columns: TextColumn[], n: number, options: { seed: number; embedder?: TextEmbedder; pii?: PiiMatcher }): Promise<TextModel | undefined> {
  if (columns.length === 0) return undefined;
  const docs = documents(columns, n);
  const rows = fitRows(docs, TEXT_FIT_SAMPLE, options.seed);
  if (rows.length < 3) return undefined;
  const names = columns.map((c) => c.name);
  const sampleDocs = rows.map((i) => docs[i]);

  if (options.embedder) {
    const embedded = await embedDistinct(sampleDocs, options.embedder);
    const width = embedded.values().next().value!.length;
    const data = new Float64Array(rows.length * width);
    sampleDocs.forEach((d, r) => data.set(unit(embedded.get(d)!), r * width));
    if (width <= EMBEDDER_RANK) return { kind: 'openai', columns: names, model: options.embedder.name, width };
    const center = new Float64Array(width);
    for (let r = 0; r < rows.length; r++) for (let t = 0; t < width; t++) center[t] += data[r * width + t] / rows.length;
    const rank = Math.min(EMBEDDER_RANK, rows.length - 1);
    const fit = svd(denseOperator(data, rows.length, width, center), rank, { seed: options.seed });
    return {
      kind: 'openai',
      columns: names,
      model: options.embedder.name,
      center: Array.from(center, round6),
      components: splitRows(fit.components, fit.rank, width),
      width: fit.rank,
    };
  }

  const vocab = fitTfidf(sampleDocs, options.pii ? { exclude: piiTermFilter(sampleDocs, options.pii) } : {});
  if (vocab.vocabulary.length < 2) return undefined;
  const rank = Math.min(TFIDF_RANK, vocab.vocabulary.length - 1, rows.length - 1);
  const fit = svd(transformTfidf(sampleDocs, vocab), rank, { seed: options.seed });
  return {
    kind: 'tfidf-svd',
    columns: names,
    vocabulary: vocab.vocabulary,
    idf: Array.from(vocab.idf),
    components: splitRows(fit.components, fit.rank, vocab.vocabulary.length),
    width: fit.rank,
  };
}

/**
 * Terms made from PII: the words inside every PII span the matcher finds in the fit documents
 * (an email's "example", a phone's "555"), and any bigram with such a word in it. They are left
 * out of the vocabulary, so the Run's model (and, in warehouse mode, the term table uploaded to
 * the engine, src/warehouse/text-plan.ts) never holds a piece of an email, a phone or a name.
 *
 * The documents themselves are tokenised as written, not scrubbed first: the engine tokenises
 * the raw text of everyone with SQL, which cannot run the scrubber, so the token stream has to
 * be the raw one on both paths for the engine to reproduce the vectors; only which terms count
 * is decided from the scrubber's spans. (A placeholder such as "[phone]" would otherwise be a
 * term the engine never sees.)
 */
export function piiTermFilter(docs: readonly string[], pii: PiiMatcher): (term: string) => boolean {
  const words = new Set<string>();
  // Each distinct document once: the words found are a set, and fit samples repeat their texts (bench/'s 1M customers: 62k distinct reviews).
  for (const doc of new Set(docs)) for (const s of pii.spans(doc)) for (const w of tokenize(doc.slice(s.start, s.end), { cjk: EMBED_CJK })) words.add(w);
  if (words.size === 0) return () => false;
  return (term) => {
    if (words.has(term)) return true;
    if (term.includes(' ')) return term.split(' ').some((w) => words.has(w));
    // A CJK bigram join has no space ("会员" + "福利"): try every split point.
    for (let i = 1; i < term.length; i++) if (words.has(term.slice(0, i)) || words.has(term.slice(i))) return true;
    return false;
  };
}

function splitRows(flat: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(flat.subarray(r * cols, (r + 1) * cols), round6));
}

/** components (width × inputWidth) transposed to inputWidth × width, for accumulating one input coordinate at a time. */
function transposed(components: number[][], inputWidth: number): Float64Array {
  const width = components.length;
  const out = new Float64Array(inputWidth * width);
  components.forEach((row, c) => row.forEach((v, t) => (out[t * width + c] = v)));
  return out;
}

/**
 * The block (n × model.width), unit rows, before the empty rows are filled: returns the data
 * and which rows had nothing to embed.
 */
export async function projectText(model: TextModel, columns: TextColumn[], n: number, embedder?: TextEmbedder): Promise<{ data: Float32Array; empty: Uint8Array }> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const docs = documents(
    model.columns.map((name) => byName.get(name) ?? { name, values: [] }),
    n,
  );
  const width = model.width;
  const data = new Float32Array(n * width);
  const empty = new Uint8Array(n);
  const row = new Float64Array(width);
  const write = (i: number) => {
    let s = 0;
    for (let c = 0; c < width; c++) s += row[c] * row[c];
    if (!(s > 0)) {
      empty[i] = 1;
      return;
    }
    const inv = 1 / Math.sqrt(s);
    for (let c = 0; c < width; c++) data[i * width + c] = row[c] * inv;
  };

  if (model.kind === 'tfidf-svd') {
    const vocabulary = model.vocabulary ?? [];
    const index = vocabularyIndex(vocabulary);
    const idf = model.idf ?? [];
    const basis = transposed(model.components ?? [], vocabulary.length);
    // Repeated texts ("ok", "great service", blanks) are projected once: the written row is
    // copied for the next customer with the same text. Measured on bench/'s 1M customers
    // (62k distinct reviews): 1.8–2.2 s, against 10–11.5 s for the same texts made all
    // distinct (the cost without the memo; load ≈ 5). Capped so a column of all-distinct
    // texts costs no more than a bounded map.
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const doc = docs[i];
      const first = doc ? seen.get(doc) : undefined;
      if (first !== undefined) {
        if (empty[first]) empty[i] = 1;
        else data.copyWithin(i * width, first * width, first * width + width);
        continue;
      }
      row.fill(0);
      if (doc) {
        const { cols, weights } = tfidfRow(doc, index, idf);
        for (let p = 0; p < cols.length; p++) {
          const o = cols[p] * width;
          const w = weights[p];
          for (let c = 0; c < width; c++) row[c] += w * basis[o + c];
        }
        if (seen.size < PROJECTION_MEMO) seen.set(doc, i);
      }
      write(i);
    }
    return { data, empty };
  }

  if (!embedder) {
    throw new ProviderError(`this Run's text was embedded with ${model.model ?? 'an embedding model'}; configure the same embedder to assign new customers`);
  }
  const embedded = await embedDistinct(docs, embedder);
  const components = model.components;
  const center = model.center;
  for (let i = 0; i < n; i++) {
    row.fill(0);
    const v = docs[i] ? embedded.get(docs[i]) : undefined;
    if (v) {
      const u = unit(v);
      if (components) {
        if (u.length !== components[0].length) throw new ProviderError(`text embedder ${embedder.name} returned width ${u.length}; this Run was fitted with ${components[0].length}`);
        if (center) for (let t = 0; t < u.length; t++) u[t] -= center[t];
        for (let c = 0; c < width; c++) {
          const comp = components[c];
          let s = 0;
          for (let t = 0; t < u.length; t++) s += comp[t] * u[t];
          row[c] = s;
        }
      } else {
        if (u.length !== width) throw new ProviderError(`text embedder ${embedder.name} returned width ${u.length}; this Run was fitted with ${width}`);
        row.set(u);
      }
    }
    write(i);
  }
  return { data, empty };
}

/** The mean of the non-empty rows: the fill for customers without text. */
export function meanRow(data: Float32Array, empty: Uint8Array, width: number): number[] {
  const mean = new Float64Array(width);
  let count = 0;
  for (let i = 0; i < empty.length; i++) {
    if (empty[i]) continue;
    count++;
    for (let c = 0; c < width; c++) mean[c] += data[i * width + c];
  }
  return Array.from(mean, (s) => (count ? s / count : 0));
}

/** Put `fill` in every empty row. */
export function fillEmpty(data: Float32Array, empty: Uint8Array, fill: number[] | undefined, width: number): void {
  if (!fill) return;
  for (let i = 0; i < empty.length; i++) if (empty[i]) for (let c = 0; c < width; c++) data[i * width + c] = fill[c];
}

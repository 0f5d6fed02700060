import { Embeddings } from '@langchain/core/embeddings';
import { terms } from '../util/tokenize.js';

/**
 * Offline, deterministic text embeddings for LangChain vector stores (the quote store): the
 * project's own terms (src/util/tokenize.ts — unigrams and bigrams, Chinese as character
 * bigrams) hashed into a fixed width with a sign bit, sublinear term frequency, unit length.
 * This is scikit-learn's HashingVectorizer written out: the query has to be embedded in the
 * same space long after the store was built, and hashing needs no fitted vocabulary to save,
 * so a store built today answers a query typed next year. No model, no network; two texts are
 * near when they share terms — "delivery" finds what mentions delivery, not what means it.
 */
export const TERM_HASH_DIM = 512;

export class TermHashEmbeddings extends Embeddings {
  /** Names the space: a store is only ever queried with the embeddings it was built with. */
  readonly name: string;

  constructor(readonly dim: number = TERM_HASH_DIM) {
    super({});
    // The version names the algorithm: a store built by another one is rebuilt, never queried.
    this.name = `term-hash-v1-${dim}`;
  }

  /** The vector of one text; all zeros when it has no term (callers leave such texts out). */
  vector(text: string): number[] {
    const v = new Float64Array(this.dim);
    const counts = new Map<string, number>();
    for (const t of terms(text).map(foldPlural)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, n] of counts) {
      // Each term lands in two slots, the top bit of each hash picking the sign: colliding terms
      // cancel on average instead of adding up, and a term is only lost when both of its slots
      // are cancelled (with one slot, 物流 vanished from a ten-term review by one collision).
      const w = (1 + Math.log(n)) * Math.SQRT1_2;
      for (const h of [fnv1a(term, 0x811c9dc5), fnv1a(term, 0x01000193)]) v[h % this.dim] += (h & 0x80000000 ? -w : w);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    return Array.from(v, (x) => (norm > 0 ? x / norm : 0));
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.vector(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vector(document);
  }
}

/**
 * "discounts" and "discount" as one term: a trailing -s of a Latin word of four letters or more
 * is dropped (not -ss: "address"). A question says "prices" where a review says "price"; this is
 * the one inflection worth folding for that, short of a stemmer per language.
 */
function foldPlural(term: string): string {
  return term.replace(/(?<=[a-z]{3}[a-rt-z])s\b/g, '');
}

/** 32-bit FNV-1a over the UTF-16 code units (the offset basis picks one of two hashes): stable across machines. */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

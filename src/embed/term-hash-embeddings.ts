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
    this.name = `term-hash-${dim}`;
  }

  /** The vector of one text; all zeros when it has no term (callers leave such texts out). */
  vector(text: string): number[] {
    const v = new Float64Array(this.dim);
    const counts = new Map<string, number>();
    for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, n] of counts) {
      const h = fnv1a(term);
      // The top bit picks the sign, so colliding terms cancel on average instead of adding up.
      v[h % this.dim] += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(n));
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

/** 32-bit FNV-1a over the UTF-16 code units: fast, stable across versions and machines. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

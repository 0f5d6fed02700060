import { tokenize } from '../../src/util/tokenize.js';

/**
 * How alike two short texts (segment names) read, three ways, each 0..1:
 *  - keywords: Jaccard of content tokens (the project's tokenizer: stop words dropped), so
 *    "The Bargain Hunters" and "Bargain Hunters" are the same name;
 *  - edit: 1 − Levenshtein distance / longer length, for near-spellings ("Deal Hunter" / "Deal Hunters");
 *  - trigram: cosine of character-trigram counts, a cheap text embedding that needs no model and
 *    sees shared word stems ("Lapsing Buyers" / "Lapsed Buyer").
 */
export function keywordJaccard(a: string, b: string): number {
  const A = new Set(tokenize(a));
  const B = new Set(tokenize(b));
  if (A.size === 0 && B.size === 0) return norm(a) === norm(b) ? 1 : 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / (A.size + B.size - inter);
}

export function editSimilarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

export function trigramCosine(a: string, b: string): number {
  const A = trigrams(a);
  const B = trigrams(b);
  let dot = 0;
  for (const [g, c] of A) dot += c * (B.get(g) ?? 0);
  const n = Math.sqrt(sumSq(A) * sumSq(B));
  return n === 0 ? (norm(a) === norm(b) ? 1 : 0) : dot / n;
}

/** The largest of the three: two names are as alike as their most alike reading. */
export function nameSimilarity(a: string, b: string): number {
  return Math.max(keywordJaccard(a, b), editSimilarity(a, b), trigramCosine(a, b));
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function trigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  // Each word padded on its own: trigrams never span two words, so word order does not matter.
  for (const w of norm(s).split(' ').filter(Boolean)) {
    const p = ` ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.set(p.slice(i, i + 3), (out.get(p.slice(i, i + 3)) ?? 0) + 1);
  }
  return out;
}

function sumSq(m: Map<string, number>): number {
  let s = 0;
  for (const c of m.values()) s += c * c;
  return s;
}

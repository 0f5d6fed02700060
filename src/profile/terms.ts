import type { TextColumn } from '../model/data.js';
import type { TermFact } from '../model/profile.js';
import { rowsOf, type Groups } from './groups.js';
import { phraseTerms } from '../util/tokenize.js';
import { looksLikeInstruction } from '../llm/injection.js';
import { createRng, sampleIndices } from '../util/random.js';

export interface TermOptions {
  /** Texts read per segment at most (a seeded sample beyond that): c-TF-IDF needs counts, not everyone. */
  sampleSize: number;
  /** Terms kept per segment (over all text columns). */
  maxTerms: number;
  seed: number;
  /** Applied to every text before tokenising, so no name, email or phone can become a "term". */
  scrub: (text: string) => string;
  /** Segments to leave without terms (under the minimum size: too few people to quote). */
  skip: (segment: number) => boolean;
}

/**
 * Distinctive terms per segment by class-based TF-IDF, as in BERTopic: all of a segment's
 * texts form one document; a term's weight is its frequency in that document (L1-normalised)
 * times log(1 + average words per segment / the term's frequency across all segments).
 * Terms used by fewer than 1% of a segment (at least 2 people) are dropped — rare tokens are
 * noise and can identify someone — and so are terms no more common in the segment than overall.
 */
export function distinctiveTerms(columns: TextColumn[], groups: Groups, opts: TermOptions): TermFact[][] {
  const out: TermFact[][] = Array.from({ length: groups.k }, () => []);
  const samples = sampleRows(groups, opts);
  for (const col of columns) {
    const perSegment = termsOfColumn(col, groups, samples, opts);
    perSegment.forEach((facts, s) => out[s].push(...facts));
  }
  return out.map((facts) => facts.sort((a, b) => b.score - a.score).slice(0, opts.maxTerms));
}

function sampleRows(groups: Groups, opts: TermOptions): (Int32Array | undefined)[] {
  const rng = createRng(opts.seed);
  return Array.from({ length: groups.k }, (_, s) => {
    if (opts.skip(s) || groups.sizes[s] === 0) return undefined;
    const rows = rowsOf(groups, s);
    if (rows.length <= opts.sampleSize) return rows;
    const pick = sampleIndices(rows.length, opts.sampleSize, rng).sort();
    return pick.map((j) => rows[j]);
  });
}

/** Distinct texts whose terms are remembered (per column): bounds the memo when every text differs. */
const TERMS_MEMO = 200_000;

interface SegmentCounts {
  /** Occurrences and documents per term id (0 where absent), and the ids in the order first seen. */
  counts: number[];
  docs: number[];
  order: number[];
  words: number;
  nDocs: number;
}

function termsOfColumn(col: TextColumn, groups: Groups, samples: (Int32Array | undefined)[], opts: TermOptions): TermFact[][] {
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const freq: number[] = [];
  const seenInDoc: number[] = [];
  let docStamp = 0;
  const idsOf = (found: string[]): Int32Array =>
    Int32Array.from(found, (t) => {
      let id = vocab.get(t);
      if (id === undefined) {
        id = terms.length;
        vocab.set(t, id);
        terms.push(t);
        freq.push(0);
        seenInDoc.push(0);
      }
      return id;
    });
  // Texts recur (bench/'s 1M customers: 62k distinct reviews), and the instruction check, the
  // scrub and the tokenising are functions of the text alone: each distinct text is cut once,
  // into term ids (ids are given in the order terms are first met, as before). Measured at 1M
  // customers (cpu-prof): cutting every sampled text was 3.2 s of the profile stage's 3.9 s of
  // terms, and counting by Map another 0.6 s.
  const cut = new Map<string, Int32Array | null>();
  const termsOf = (text: string): Int32Array | null => {
    let found = cut.get(text);
    if (found === undefined) {
      // A text that reads like an instruction to a model gives no terms: "hacked" must not
      // become a segment's distinctive word and reach a prompt that way.
      found = looksLikeInstruction(text) ? null : idsOf(phraseTerms(opts.scrub(text)));
      if (cut.size < TERMS_MEMO) cut.set(text, found);
    }
    return found;
  };
  const segs: (SegmentCounts | undefined)[] = samples.map((rows) => {
    if (!rows) return undefined;
    const sc: SegmentCounts = { counts: [], docs: [], order: [], words: 0, nDocs: rows.length };
    const { counts, docs, order } = sc;
    for (let j = 0; j < rows.length; j++) {
      const text = col.values[rows[j]];
      docStamp++;
      const ids = text ? termsOf(text) : null;
      if (!ids) continue;
      for (let p = 0; p < ids.length; p++) {
        const id = ids[p];
        while (counts.length <= id) {
          counts.push(0);
          docs.push(0);
        }
        freq[id]++;
        sc.words++;
        if (counts[id]++ === 0) order.push(id);
        if (seenInDoc[id] !== docStamp) {
          seenInDoc[id] = docStamp;
          docs[id]++;
        }
      }
    }
    return sc;
  });

  const present = segs.map((sc, s) => ({ sc, s })).filter((x): x is { sc: SegmentCounts; s: number } => !!x.sc && x.sc.nDocs > 0);
  const out: TermFact[][] = Array.from({ length: groups.k }, () => []);
  if (present.length === 0) return out;
  const avgWords = present.reduce((a, x) => a + x.sc.words, 0) / present.length;

  // Share of everyone using a term, weighting each segment's sample by the segment's size.
  const population = present.reduce((a, x) => a + groups.sizes[x.s], 0);
  const overallShare = new Float64Array(terms.length);
  for (const { sc, s } of present) {
    const w = groups.sizes[s] / population / sc.nDocs;
    for (const id of sc.order) overallShare[id] += sc.docs[id] * w;
  }

  for (const { sc, s } of present) {
    if (sc.words === 0) continue;
    const minDocs = Math.max(2, Math.ceil(0.01 * sc.nDocs));
    const facts: TermFact[] = [];
    for (const id of sc.order) {
      const count = sc.counts[id];
      const docs = sc.docs[id];
      if (docs < minDocs) continue;
      const share = docs / sc.nDocs;
      if (present.length > 1 && share <= overallShare[id] * 1.0000001) continue;
      const score = (count / sc.words) * Math.log(1 + avgWords / freq[id]);
      facts.push({ column: col.name, term: terms[id], score, share });
    }
    out[s] = facts.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term)).slice(0, opts.maxTerms);
  }
  return out;
}

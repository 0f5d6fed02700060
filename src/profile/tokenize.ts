import { STOP_WORDS } from './stop-words.js';

// Scrubber placeholders ("[email]") and sentence punctuation end a phrase: no bigram spans them.
const PHRASE_BREAK = /\[(?:email|phone|ip|address|name|id)\]|[.,!?;:()[\]{}"“”/\\|<>…•\n\r\t–—-]+/g;
const WORD = /\p{L}[\p{L}\p{N}']*/gu;

/**
 * The terms of one text: unigrams and bigrams of lower-cased words, stop words removed.
 * A bigram joins two adjacent content words of the same phrase ("fast delivery"), never
 * words a stop word or a comma stood between — those are not phrases people wrote.
 */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const phrase of text.toLowerCase().replace(/[‘’]/g, "'").split(PHRASE_BREAK)) {
    let prev: string | undefined;
    for (const m of phrase.matchAll(WORD)) {
      const w = m[0].replace(/'s$|'$/, '').replace(/'/g, '');
      if (w.length < 2 || STOP_WORDS.has(w)) {
        prev = undefined;
        continue;
      }
      out.push(w);
      if (prev) out.push(`${prev} ${w}`);
      prev = w;
    }
  }
  return out;
}

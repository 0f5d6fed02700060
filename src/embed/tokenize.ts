/**
 * Tokens and n-gram terms of customer free text for the TF-IDF text block (and the evals'
 * text similarity). Lower-cased runs of letters/digits (any script), stop words and
 * 1-character tokens dropped; bigrams are formed from the tokens that remain (as
 * scikit-learn's TfidfVectorizer does), so "not happy with the delivery" gives "happy delivery".
 * The profiles' distinctive terms use a stricter variant (src/profile/tokenize.ts: longer stop
 * list, no bigram across punctuation) because those terms are shown to people; here a term only
 * has to help separate groups.
 */

/** A small English stop-word list: function words only. Negations ("not", "no") are kept: in reviews they carry meaning. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with would ' +
    'you your yours yourself yourselves im ive id ill its thats theres also get got one really much even us'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Content tokens of one text. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().replace(/['’]/g, '').matchAll(TOKEN)) {
    const t = match[0];
    if (t.length > 1 && !STOP_WORDS.has(t)) out.push(t);
  }
  return out;
}

/** Unigrams and bigrams (joined by a space) of one text, in order, repeats kept. */
export function terms(text: string): string[] {
  const tokens = tokenize(text);
  const out = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/**
 * The one tokenizer of customer free text, for every language: the text block's TF-IDF, the
 * profiles' distinctive terms, the evals' text similarity and the injection filter all cut
 * text here, so a term means the same thing everywhere.
 *
 * Words are runs of letters, digits and marks (any script). Scripts written without spaces —
 * Chinese, Japanese, Thai, Lao, Khmer, Myanmar — are cut into words by Intl.Segmenter (ICU's
 * dictionary break iterator, built into Node), or into overlapping character pairs (CJK
 * bigrams, as Lucene's CJKAnalyzer does) with cjk: 'bigrams'. Which one each use gets was
 * measured (EMBED_CJK). Text without such scripts never reaches the segmenter: the regex alone
 * is exact for it and several times faster.
 */
import { ALL_DISPLAY_STOP_WORDS, ALL_FUNCTION_WORDS } from './stop-words.js';

export type CjkMode = 'words' | 'bigrams';

export interface TokenizeOptions {
  /** How space-less scripts are cut (default CJK_DEFAULT). */
  cjk?: CjkMode;
}

/**
 * How the text block cuts space-less scripts, chosen by measurement on the planted Chinese
 * customers (test/fixtures/planted-zh.ts, 5,000 customers, six groups, seeds 16–18; the sweep is
 * test/embed/planted-zh-report.ts). Text only, every customer with a review of the group's own
 * clauses, k = 6: ARI 1.000/1.000/1.000 with character bigrams vs 0.985/0.962/1.000 with
 * Intl.Segmenter words (ICU cuts unknown compounds like 囤货装 into single characters). All
 * columns with noisy reviews: k = 6 both ways, ARI 0.999/0.995/0.997 vs 0.998/0.992/0.996.
 */
export const EMBED_CJK: CjkMode = 'bigrams';
/** Terms shown to people and the evals' word overlap: real words ("会员福利", never "员福"). */
export const CJK_DEFAULT: CjkMode = 'words';

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts written without spaces between words. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Scripts where one character can be a whole word (快 "fast"); a lone Latin letter or kana is not. */
const ONE_CHAR_WORD = /^[\p{Script=Han}\p{Script=Hangul}]$/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAS_LETTER = /\p{L}/u;

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  // ICU's word breaks for Han, kana and Thai do not depend on the locale (checked: und/zh/ja/en agree).
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  return segmenter;
}

/** True when the text holds a script that needs word segmentation. */
export function needsSegmentation(text: string): boolean {
  return SPACELESS.test(text);
}

function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The words of one run of letters: itself, or its segments when the script has no spaces. */
function splitRun(run: string, mode: CjkMode): string[] {
  if (!SPACELESS.test(run)) return [run];
  if (mode === 'bigrams') {
    // Latin inside a mixed run ("app很好用") stays whole; only the space-less stretches are paired.
    return (run.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu) ?? []).flatMap((part) =>
      SPACELESS.test(part) && CJK_CHAR.test(part) ? cjkBigrams(part) : [...wordSegmenter().segment(part)].filter((s) => s.isWordLike).map((s) => s.segment),
    );
  }
  return [...wordSegmenter().segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * ASCII text takes a path without the Unicode classes: there \p{L}\p{N}\p{M} is [A-Za-z0-9], no
 * run needs segmenting and no character is CJK, so the regexes below give the same tokens.
 * Measured on bench/'s 1M customers (English reviews): the tokenising in the text block's
 * projection and the profile's terms ran ~2× faster (cpu-prof self-time).
 */
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_RUN = /[a-z0-9]+/g;
const ASCII_DISPLAY_RUN = /[a-z0-9']+/g;
const ASCII_LETTER = /[a-z]/;

/** Lower-cased words of a text in order, all kept (no stop words removed). */
export function words(text: string, options: TokenizeOptions = {}): string[] {
  if (ASCII.test(text)) return text.toLowerCase().replace(/'/g, '').match(ASCII_RUN) ?? [];
  const mode = options.cjk ?? CJK_DEFAULT;
  const out: string[] = [];
  for (const m of text.toLowerCase().replace(/['’]/g, '').matchAll(RUN)) out.push(...splitRun(m[0], mode));
  return out;
}

function isContent(w: string, stop: ReadonlySet<string>): boolean {
  if (stop.has(w)) return false;
  return w.length > 1 || ONE_CHAR_WORD.test(w);
}

/** Two adjacent words as one term: CJK words join without a space ("会员" + "福利" → "会员福利"), others with one. */
export function joinTerm(a: string, b: string): string {
  return CJK_CHAR.test(a.at(-1)!) && CJK_CHAR.test(b[0]) ? a + b : `${a} ${b}`;
}

/**
 * Content tokens of one text for the text block and the evals: function words and 1-letter
 * tokens dropped (a Han character is a word and stays).
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  return words(text, options).filter((w) => isContent(w, ALL_FUNCTION_WORDS));
}

/**
 * Unigrams and bigrams of one text for TF-IDF, in order, repeats kept. Bigrams are formed from
 * the tokens that remain (as scikit-learn's TfidfVectorizer does), so "not happy with the
 * delivery" gives "happy delivery": here a term only has to help separate groups. Chinese is
 * cut into character bigrams here (EMBED_CJK), so "物流很快" gives 物流 流很 很快 and their joins.
 */
export function terms(text: string, options: TokenizeOptions = {}): string[] {
  if (ASCII.test(text)) {
    // ASCII: no 1-letter word is a word, no join is a CJK join (see ASCII above).
    const tokens: string[] = [];
    for (const w of text.toLowerCase().replace(/'/g, '').match(ASCII_RUN) ?? []) if (w.length > 1 && !ALL_FUNCTION_WORDS.has(w)) tokens.push(w);
    const n = tokens.length;
    for (let i = 0; i + 1 < n; i++) tokens.push(`${tokens[i]} ${tokens[i + 1]}`);
    return tokens;
  }
  const tokens = tokenize(text, { cjk: options.cjk ?? EMBED_CJK });
  const out = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) out.push(joinTerm(tokens[i], tokens[i + 1]));
  return out;
}

// Scrubber placeholders ("[email]") and sentence punctuation (Latin and CJK) end a phrase: no bigram spans them.
const PHRASE_BREAK = /\[(?:email|phone|ip|address|name|id)\]|[.,!?;:()[\]{}"“”/\\|<>…•\n\r\t–—\-，。！？；：、（）《》「」『』【】〈〉～·]+/g;
const DISPLAY_RUN = /[\p{L}\p{N}\p{M}']+/gu;

/**
 * The terms people are shown (the profiles' distinctive terms): unigrams and bigrams of
 * content words, with the longer display stop list. A bigram joins two adjacent content words
 * of the same phrase ("fast delivery", "会员福利"), never words a stop word or a comma stood
 * between — those are not phrases people wrote. Numbers are not terms.
 */
export function phraseTerms(text: string, options: TokenizeOptions = {}): string[] {
  const mode = options.cjk ?? CJK_DEFAULT;
  const out: string[] = [];
  if (ASCII.test(text)) {
    // ASCII: one run is one word, and no join is a CJK join (see ASCII above).
    for (const phrase of text.toLowerCase().split(PHRASE_BREAK)) {
      let prev: string | undefined;
      for (const m of phrase.matchAll(ASCII_DISPLAY_RUN)) {
        const w = m[0].replace(/'s$|'$/, '').replace(/'/g, '');
        if (!ASCII_LETTER.test(w) || w.length < 2 || ALL_DISPLAY_STOP_WORDS.has(w)) {
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
  for (const phrase of text.toLowerCase().replace(/[‘’]/g, "'").split(PHRASE_BREAK)) {
    let prev: string | undefined;
    for (const m of phrase.matchAll(DISPLAY_RUN)) {
      const run = m[0].replace(/'s$|'$/, '').replace(/'/g, '');
      for (const w of splitRun(run, mode)) {
        if (!HAS_LETTER.test(w) || !isContent(w, ALL_DISPLAY_STOP_WORDS)) {
          prev = undefined;
          continue;
        }
        out.push(w);
        if (prev) out.push(joinTerm(prev, w));
        prev = w;
      }
    }
  }
  return out;
}

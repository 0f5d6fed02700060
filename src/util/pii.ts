import { PiiValueSet, SEP } from './pii-values.js';

/** The kinds of personal data segmenta recognises (a column's `piiKind`). */
export type PiiKind = 'email' | 'phone' | 'name' | 'address' | 'ip' | 'other';

/**
 * PII detection, shared by schema inference (is this column PII?), the scrubber that cleans
 * every snippet before it is stored or sent, the privacy guard's last look at each outgoing
 * body and the output checks. One finder (`createPiiMatcher`) holds the rules, so text that was
 * scrubbed always passes the guard, and the guard blocks exactly what the scrubber would remove.
 *
 * Matching is done on normalised forms, because a hostile or careless file writes the same
 * value many ways: digits with any separators ("0 7 2 6 3 4 2 5 6 2 1", "+86 138-1234-5678"),
 * names in any case and order ("HADDAD, ANA" for "Ana Haddad"), accents dropped ("JOSE" for
 * "José"), and emails spelled out ("ana dot haddad at example dot com", "ana(at)example(dot)com").
 * Hand-written: no maintained npm package covers these variants (the ones that exist match
 * well-formed emails and phones only), and the rules must be exactly the same in the scrubber
 * and the guard.
 */

/** The well-formed patterns, kept for callers that match one kind (schema inference, evals). */
export const PII_PATTERNS: Record<'email' | 'phone' | 'ip' | 'address', RegExp> = {
  email: /[A-Za-z0-9._%+-]+\s?[@＠]\s?[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  // 7+ digits with any of these separators between them, optionally a leading +; see phoneLike().
  phone: /(?<![A-Za-z0-9_])\+?\(?\d(?:[ \t\r\n\u00a0.\-()\/]{0,3}\d)+(?![A-Za-z0-9_])/g,
  ip: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
  address: /\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Straße|Strasse|Weg|Allee|Platz|Rue|Calle|Via)\b\.?/g,
};

const TLDS = 'com|net|org|edu|gov|io|co|uk|de|fr|es|it|nl|pl|cn|jp|ru|br|in|au|ca|ch|se|no|dk|fi|be|at|eu|info|biz|me|us|mail|email|online';
const AT = String.raw`(?:\s*[@＠]\s*|\s*[\[(<{]\s*(?:at|@)\s*[\])>}]\s*|\s+at\s+|[\s_]+at[\s_]+)`;
const DOT = String.raw`(?:\s*[\[(<{]\s*(?:dot|\.)\s*[\])>}]\s*|\s+dot\s+|[\s_]+dot[\s_]+|\s?\.\s?)`;
/** "ana dot haddad at example dot com", "ana(at)example(dot)com", "ana @ example . com". */
const EMAIL_SPELLED = new RegExp(String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:${DOT}[A-Za-z0-9_%+-]+)*${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}(?:${TLDS})\b`, 'gi');
/** An IBAN ("DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819"): country, check digits, 11–30 more. */
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
/** A phone number spelled out ("zero seven seven two six three…"): seven or more digit words in a row. */
const DIGIT_WORD = String.raw`(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\d)`;
const SPELLED_DIGITS = new RegExp(String.raw`\b${DIGIT_WORD}(?:[\s,.-]+${DIGIT_WORD}){6,}\b`, 'gi');
/** Chinese resident id (身份证): 17 digits and a digit or X, optionally grouped. */
const CN_ID = /(?<![A-Za-z0-9])\d{6}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dXx](?![A-Za-z0-9])/g;
/** A Chinese name after a label that says so ("姓名：王伟", "联系人 李娜", "我叫张伟"). */
// 客户 ("customer") and 我是 ("I am") start ordinary marketing sentences (老客户专享, 我是会员):
// they label a name only when a colon follows.
const CN_LABELLED_NAME = /(?:(?:姓名|名字|联系人|收件人|收货人|我叫)[:：\s]*|(?:客户|我是)[:：]\s*)([\p{Script=Han}]{2,4})/gu;

// Never PII, though digit-heavy: JSON-schema bounds (MAX_SAFE_INTEGER), Run ids, ISO dates and times, d/m/y dates. They are masked
// before the digit rule runs, so "20261124-173512-ab12" or "2024-03-01" stay as they are.
const PROTECTED = /"(?:minimum|maximum|exclusiveMinimum|exclusiveMaximum|minLength|maxLength|minItems|maxItems)"\s*:\s*-?\d+|\b9007199254740991\b|\b\d{8}-\d{6}-[0-9a-f]{4}\b|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b/g;

/** A digit run is a phone when it has 7+ digits and is not a plain number ("1500000", "1234.56"). */
function phoneLike(m: string): boolean {
  const digits = m.replace(/\D/g, '').length;
  if (digits < 7) return false;
  if (/^\d+\.\d+$/.test(m)) return false; // a decimal number
  if (/^\d+$/.test(m)) return digits >= 9 || m.startsWith('0');
  // Numbers in prose ("196.40 (2.1×)", "12.5 13.2") join dots with other separators; a phone
  // written with dots uses dots only ("555.123.4567", "0.7.2.6…").
  const seps = new Set(m.replace(/^\+/, '').replace(/\d+/g, '').replace(/\s+/g, ' ').replace(/[()]/g, '(').split(''));
  if (seps.has('.') && seps.size > 1) return false;
  return true;
}

/**
 * Characters that hide a value from the rules without changing how it reads: full-width forms
 * ("１３８…", "ana＠example．com"), other scripts' digits ("٠٧٧٢…"), invisible joiners and soft
 * hyphens inside a word ("K\u200Bowalski"), and Cyrillic look-alikes mixed into a Latin word
 * ("Кowalski"). Matching runs on the folded text; `map` takes each folded index back to the
 * original, so the spans cut the original text.
 */
const HIDING = /[\uFF01-\uFF5E\u3000\u200B-\u200D\u2060\uFEFF\u00AD\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u0400-\u04FF]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const DIGIT_BASES = [0x0660, 0x06f0, 0x0966];
const CYRILLIC_LOOKALIKE: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', к: 'k', м: 'm', т: 't', н: 'h', в: 'b', А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S' };

export function foldForMatch(text: string, invisible: 'drop' | 'space' = 'drop'): { text: string; map?: number[] } {
  if (!HIDING.test(text)) return { text };
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = ch.charCodeAt(0);
    if (INVISIBLE.test(ch) && invisible === 'drop') continue;
    let r = INVISIBLE.test(ch) ? ' ' : ch;
    if (c >= 0xff01 && c <= 0xff5e) r = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) r = ' ';
    else {
      const base = DIGIT_BASES.find((b) => c >= b && c <= b + 9);
      if (base !== undefined) r = String(c - base);
    }
    out += r;
    map.push(i);
  }
  map.push(text.length);
  // Look-alikes only inside a word that also has Latin letters: a Russian word stays Russian.
  out = out.replace(/[\p{L}]+/gu, (w) => (/[A-Za-z]/.test(w) && /[\u0400-\u04FF]/.test(w) ? w.replace(/[\u0400-\u04FF]/g, (x) => CYRILLIC_LOOKALIKE[x] ?? x) : w));
  return { text: out, map };
}

export type PiiSpanKind = 'email' | 'phone' | 'ip' | 'address' | 'id' | 'name';
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiSpanKind;
}

export const PII_PLACEHOLDER: Record<PiiSpanKind, string> = { email: '[email]', phone: '[phone]', ip: '[ip]', address: '[address]', id: '[id]', name: '[name]' };
const PLACEHOLDER_WORDS = new Set(['email', 'phone', 'ip', 'address', 'id', 'name']);

/** Lowercase, accents removed, full-width forms folded: the form names are compared in. */
export function foldCase(s: string): string {
  // ASCII has no decompositions and no marks: only the case folds (most names and reviews; the matcher folds every token).
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Ordinary words that are also first names or surnames: alone they count only as part of a
 * run of known words ("Will Smith"), never by themselves ("Will you…" opens a sentence).
 */
const ORDINARY_WORDS = new Set(
  `will may june april august rose mark bill grace hope joy faith summer autumn dawn sky star king price young long white black brown
  green gray grey rich bright best love sage page hall field hill wood stone lane park bell ward cook baker hunter fisher miller
  taylor carter cash sale gold silver can did don art guy ray sun day new more one all any the and for you our your here there
  this that with from dear hello thanks thank great good nice happy order shop store`.split(/\s+/),
);

const LETTER_TOKEN = /[\p{L}\p{N}'’]+/gu;
// In ASCII text LETTER_TOKEN is this: the Unicode classes cost several times more per value
// (the matcher reads every name and address of the table, ~2M values at 1M customers).
const ASCII_LETTER_TOKEN = /[A-Za-z0-9']+/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const letterTokens = (text: string) => (ASCII_ONLY.test(text) ? ASCII_LETTER_TOKEN : LETTER_TOKEN);
const HAN = /\p{Script=Han}/u;

// Common surnames: a 2–4 character Han value starting with one is read as a person's name.
const CN_SURNAMES = new Set('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧司上诸'.split(''));

function patternSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const masked = text.replace(PROTECTED, (m) => '\u0000'.repeat(m.length));
  const add = (re: RegExp, kind: PiiSpanKind, keep?: (m: string) => boolean, src = masked) => {
    // matchAll copies a global regex, so the shared ones keep no state between calls.
    for (const m of src.matchAll(re)) {
      if (!keep || keep(m[0])) spans.push({ start: m.index!, end: m.index! + m[0].length, kind });
    }
  };
  add(PII_PATTERNS.email, 'email');
  add(EMAIL_SPELLED, 'email', (m) => /[@＠]|(?:^|[^a-z])at(?:[^a-z]|$)/i.test(m));
  add(PII_PATTERNS.ip, 'ip');
  add(PII_PATTERNS.address, 'address');
  add(CN_ID, 'id');
  add(IBAN, 'id', (m) => (m.match(/\d/g) ?? []).length >= 8);
  add(SPELLED_DIGITS, 'phone', (m) => (m.match(new RegExp(DIGIT_WORD, 'gi')) ?? []).filter((w) => !/^(double|triple)$/i.test(w)).length >= 7);
  add(PII_PATTERNS.phone, 'phone', phoneLike);
  for (const m of text.matchAll(CN_LABELLED_NAME)) {
    const at = m.index! + m[0].length - m[1].length;
    spans.push({ start: at, end: at + m[1].length, kind: 'name' });
  }
  return spans;
}

/** Overlapping spans merged (the earliest-starting, then longest, wins the kind). */
function mergeSpans(spans: PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export interface PiiMatcher {
  /** Where PII is in `text`: patterns and known values, merged, in order. */
  spans(text: string): PiiSpan[];
  /** `text` with every span replaced by its placeholder ("[phone]", "[name]"). */
  scrub(text: string): string;
  /** The kinds found (empty when clean). */
  kinds(text: string): PiiSpanKind[];
}

/** The folded words and Han words of a table's known PII values, built once per value set. */
interface KnownWords {
  words: WordLookup;
  han: WordLookup;
}
/** A set of folded words the matcher looks tokens up in: a Set, or stored digests (src/run/pii-hashes.ts). */
export interface WordLookup {
  has(word: string): boolean;
  readonly size: number;
}
// At a million customers building these took seconds, and the profile, the quote store and the
// writer each make a matcher from the same table: a PiiValueSet's words are built once per version.
const knownCache = new WeakMap<object, { version: number; known: KnownWords }>();

function knownWords(knownValues?: Iterable<string>): KnownWords {
  if (!knownValues) return { words: new Set(), han: new Set() };
  const set = knownValues instanceof PiiValueSet ? knownValues : undefined;
  const cached = set ? knownCache.get(set) : undefined;
  if (set && cached && cached.version === set.version) return cached.known;
  // A PiiValueSet hands over only the values that can contribute a word (see util/pii-values.ts).
  const PATTERN_ONLY = patternMatcher();
  const words = new Set<string>();
  const han = new Set<string>();
  // A token's contribution (a folded word, a Han word, or nothing), cached: at a million
  // customers the same first names, surnames and street words recur millions of times.
  const tokenCache = new Map<string, { word?: string; han?: string }>();
  const contribution = (tok: string) => {
    let c = tokenCache.get(tok);
    if (c) return c;
    c = {};
    if (/^\p{N}+$/u.test(tok)) {
      // numbers are never names
    } else if (HAN.test(tok)) {
      if (tok.length >= 2 && tok.length <= 6) c = { han: tok };
    } else {
      const f = foldCase(tok.replace(/['’]s$/, ''));
      if (f.length >= 2 && !PLACEHOLDER_WORDS.has(f)) c = { word: f };
    }
    tokenCache.set(tok, c);
    return c;
  };
  const isNew = (c: { word?: string; han?: string }) => (c.word !== undefined && !words.has(c.word)) || (c.han !== undefined && !han.has(c.han));
  const addValue = (raw: string) => {
    const v = foldForMatch(raw.trim()).text;
    if (!v) return;
    // Emails, phones and ids are caught by the patterns; their pieces ("example", "com") are not names.
    if (/[@＠]/.test(v)) return;
    const found = (v.match(letterTokens(v)) ?? []).map(contribution);
    // The pattern check decides only whether this value's words are added: a value whose words
    // are all known already adds nothing either way, so it is skipped. Same sets as checking
    // every value; measured at 1M customers (4 PII columns, bench/): building the matcher took
    // 13.7 s of the 19.5 s profile stage, with the check on every value.
    if (!found.some(isNew)) return;
    if (PATTERN_ONLY.kinds(v).some((k) => k !== 'address')) return;
    for (const c of found) {
      if (c.word !== undefined) words.add(c.word);
      if (c.han !== undefined) han.add(c.han);
    }
  };
  if (!set) {
    for (const raw of knownValues) addValue(raw);
  } else {
    // A chunk's words are read in one pass over the joined string, and a value is looked at
    // (addValue, as above) only where a word is new: the same values add the same words in the
    // same order, since a value whose words are all known adds nothing. The separator is no
    // letter and trimming drops no letter, so a chunk's tokens are its values' tokens; a chunk
    // with characters foldForMatch would change is read value by value. Measured at 1M
    // customers (~2M name and address values, 123 distinct words): splitting the chunks and
    // tokenising value by value was ~2 s of the embed stage (cpu-prof).
    const { chunks, added } = set.wordSourceChunks();
    for (const chunk of chunks) {
      if (HIDING.test(chunk)) {
        for (const v of chunk.split(SEP)) if (v) addValue(v);
        continue;
      }
      const re = new RegExp(letterTokens(chunk));
      for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
        if (!isNew(contribution(m[0]))) continue;
        const start = chunk.lastIndexOf(SEP, m.index) + 1;
        const end = chunk.indexOf(SEP, m.index);
        addValue(chunk.slice(start, end < 0 ? chunk.length : end));
        if (end < 0) break;
        re.lastIndex = end;
      }
    }
    for (const v of added) addValue(v);
  }

  const known = { words, han };
  if (set) knownCache.set(set, { version: set.version, known });
  return known;
}

/**
 * The matcher's word sets of a table's PII values (folded words, Han words): a Run stores their
 * digests (src/run/table-file.ts), never the words, so that `segmenta eval` scrubs and guards as
 * the Run did without re-reading the PII columns of the file.
 */
export function piiWordLists(knownValues?: Iterable<string>): { words: string[]; han: string[] } {
  const k = knownWords(knownValues);
  return { words: [...(k.words as Set<string>)], han: [...(k.han as Set<string>)] };
}

/**
 * PII values known only by the matcher's word lookups (digests read back): every matcher,
 * scrubber and guard built from it behaves as one built from the original values. It holds no
 * value itself (`has` is false, iteration is empty): a caller that needs the values (the LLM
 * writer's list) must read them from the file.
 */
export function piiValuesFromLookups(lookups: KnownWords): PiiValueSet {
  const set = new PiiValueSet();
  knownCache.set(set, { version: set.version, known: lookups });
  return set;
}

/**
 * A matcher for one table's PII values (its PII columns), built once: patterns for emails,
 * phones, ids, IPs and street addresses, plus the values themselves. Every word of a name-like
 * value is known in folded form; a run of two or more known words counts whatever its case,
 * order or punctuation ("HADDAD, ANA", "haddad ana"), and a single known word of 3+ letters
 * counts where the text capitalises it ("Haddad", "HADDAD"), so "will" never matches a "Will".
 * Han values (王伟) are matched as substrings, since Chinese text has no spaces.
 */
export function createPiiMatcher(knownValues?: Iterable<string>): PiiMatcher {
  const known = knownWords(knownValues);
  const words = known.words;
  const han = known.han;
  function knownSpans(text: string): PiiSpan[] {
    const spans: PiiSpan[] = [];
    if (words.size > 0) {
      const toks = [...text.matchAll(letterTokens(text))].map((m) => ({ raw: m[0], start: m.index!, end: m.index! + m[0].length }));
      const known = toks.map((t) => words.has(foldCase(t.raw.replace(/['’]s$/, ''))));
      for (let i = 0; i < toks.length; i++) {
        if (!known[i]) continue;
        // A run of known words joined by spaces, commas, dots or hyphens only.
        let j = i;
        while (j + 1 < toks.length && known[j + 1] && /^[\s,.\-·]{1,3}$/.test(text.slice(toks[j].end, toks[j + 1].start))) j++;
        const single = j === i;
        const t = toks[i];
        if (!single || (t.raw.length >= 3 && /^\p{Lu}/u.test(t.raw) && !ORDINARY_WORDS.has(foldCase(t.raw)))) spans.push({ start: toks[i].start, end: toks[j].end, kind: 'name' });
        i = j;
      }
    }
    if (han.size > 0) {
      for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
        const run = m[0];
        for (let a = 0; a < run.length; a++) {
          for (let n = Math.min(6, run.length - a); n >= 2; n--) {
            if (han.has(run.slice(a, a + n))) {
              spans.push({ start: m.index! + a, end: m.index! + a + n, kind: 'name' });
              a += n - 1;
              break;
            }
          }
        }
      }
    }
    return spans;
  }

  function spans(text: string): PiiSpan[] {
    if (!text) return [];
    const dropped = foldForMatch(text);
    if (!dropped.map) return mergeSpans([...patternSpans(text), ...knownSpans(text)]);
    // An invisible character may hide a word ("K\u200Bowalski") or split two ("Kowalski\u200BAna"): both readings count.
    const spaced = foldForMatch(text, 'space');
    const back = (found: PiiSpan[], map: number[]) => found.map((s) => ({ ...s, start: map[s.start], end: map[s.end - 1] + 1 }));
    return mergeSpans([
      ...back([...patternSpans(dropped.text), ...knownSpans(dropped.text)], dropped.map),
      ...back([...patternSpans(spaced.text), ...knownSpans(spaced.text)], spaced.map!),
    ]);
  }

  function scrub(text: string): string {
    const found = spans(text);
    let out = text;
    for (let k = found.length - 1; k >= 0; k--) out = out.slice(0, found[k].start) + PII_PLACEHOLDER[found[k].kind] + out.slice(found[k].end);
    return out;
  }

  // Every kind found, before overlaps are merged ("12 Oak Street" is an address and a known value).
  const kinds = (raw: string) => {
    if (!raw) return [];
    const texts = [...new Set([raw, foldForMatch(raw).text, foldForMatch(raw, 'space').text])];
    return [...new Set(texts.flatMap((text) => [...patternSpans(text), ...knownSpans(text)]).map((s) => s.kind))];
  };
  return { spans, scrub, kinds };
}

// The texts a table's scrubber has scrubbed, per value set (and its version): the profile's
// terms, the stored table (run/table-file.ts) and the quotes scrub the same reviews, and reviews
// recur ("Great service!" thousands of times). Measured at 1M customers (bench/, one text
// column, 62k distinct of 1M): scrubbing was 2.0 s of the profile stage and 2.6 s of the save.
const scrubMemo = new WeakMap<object, { version: number; memo: Map<string, string> }>();
const SCRUB_MEMO_MAX = 500_000;

/**
 * Build a scrubber (text → text with PII replaced); see createPiiMatcher. Scrubbers of one
 * PiiValueSet share what they scrubbed: the same text gives the same result from the same words.
 */
export function createScrubber(knownValues?: Iterable<string>): (text: string) => string {
  const scrub = createPiiMatcher(knownValues).scrub;
  if (!(knownValues instanceof PiiValueSet)) return scrub;
  let entry = scrubMemo.get(knownValues);
  if (!entry || entry.version !== knownValues.version) scrubMemo.set(knownValues, (entry = { version: knownValues.version, memo: new Map() }));
  const memo = entry.memo;
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = scrub(text);
      if (memo.size >= SCRUB_MEMO_MAX) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

/** Scrub one text with patterns only (no known values). */
export const scrubPii = createScrubber();

// ---------------------------------------------------------------------------------------------
// Columns: which are PII by their name, in several languages

/** Words of a column name: snake, kebab, dotted and camelCase split, folded. */
function nameTokens(column: string): string[] {
  return foldCase(column.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .split(/[^\p{L}\p{N}]+/u)
    // "surname1", "name2": a trailing number is a column's ordinal, not part of the word.
    .map((t) => (/^\p{L}+\d+$/u.test(t) ? t.replace(/\d+$/, '') : t))
    .filter(Boolean);
}

const EMAIL_WORDS = /^(e?mail|email|emails|e_mail|courriel|correo|posta|epost|邮箱|电子邮件|电邮)$/;
const PHONE_WORDS = /^(phone|phones|mobile|cell|cellphone|tel|telephone|msisdn|telefon|telefone|telefono|teléfono|telefonnummer|handy|movil|móvil|celular|cellulare|portable|gsm|whatsapp|手机|手机号|电话|联系电话|联系方式)$/;
const ADDRESS_WORDS = /^(address|addr|street|postcode|zip|zipcode|postal|adresse|anschrift|strasse|straße|plz|postleitzahl|hausnummer|direccion|dirección|indirizzo|endereco|endereço|adres|ulica|地址|住址|邮编)$/;
const OTHER_WORDS = /^(ssn|passport|iban|bic|dob|birthdate|birthday|geburtsdatum|geburtstag|reisepass|personalausweis|dni|nif|nie|pesel|cpf|kontonummer|steuernummer|steueridentifikationsnummer|sozialversicherungsnummer|bsn|nino|codicefiscale|身份证|身份证号|护照|生日|出生日期)$/;
/** Multi-word names of personal numbers and birth dates ("date_of_birth", "card_number", "tax_id"). */
const OTHER_PHRASES = /social[-_ ]?security|credit[-_ ]?card|national[-_ ]?id|birth[-_ ]?date|date[-_ ]?of[-_ ]?birth|fecha[-_ ]?(de[-_ ]?)?nacimiento|date[-_ ]?(de[-_ ]?)?naissance|data[-_ ]?(di[-_ ]?)?nascita|geburts[-_ ]?datum|(?:^|[-_ ])card[-_ ]?(number|no|num|nr)(?:$|[-_ ])|(?:^|[-_ ])cc[-_ ]?(number|num|no|nr)(?:$|[-_ ])|(?:bank[-_ ]?)?account[-_ ]?(number|no|num|nr)(?:$|[-_ ])|bank[-_ ]?account|(?:^|[-_ ])tax[-_ ]?(id|number|no)(?:$|[-_ ])|steuer[-_ ]?(id|nummer)|codice[-_ ]?fiscale/i;
/** Words that by themselves say "a person's name". */
const NAME_WORDS = new Set(
  `name names fullname firstname lastname surname forename givenname familyname middlename maidenname nickname username displayname
  vorname nachname familienname rufname nom prenom apellido apellidos nombre cognome nome sobrenome voornaam achternaam naam tussenvoegsel
  nazwisko imie fornavn etternavn efternavn fornamn efternamn sukunimi etunimi soyad soyadi soyadı isim имя фамилия отчество
  fname lname nm ansprechpartner kontaktperson kontaktname empfanger destinatario destinataire recipient addressee
  姓名 名字 姓氏 氏名 이름`.split(/\s+/),
);
/** Qualifiers that make "X name" a person's name ("billing_last_name", "Kunden-Name"). */
const PERSON_QUALIFIERS = new Set(
  `first last full given family sur middle maiden nick display real legal customer cust client kunde kunden contact kontakt billing
  shipping delivery buyer user member account recipient holder card cardholder owner person patient guest passenger employee emergency
  parent spouse my your f l de du la el le der die del famille jeune naissance paterno materno primer segundo person personne persona`.split(/\s+/),
);
/** Qualifiers that make "X name" a thing's name ("product_name"): a feature, not PII. */
const THING_QUALIFIERS = new Set(
  `product produit produkt producto prodotto item article artikel sku brand marke marque store shop boutique laden tienda negozio campaign
  kampagne category kategorie categorie categoria plan company firma entreprise empresa business org organization organisation city stadt
  ville ciudad country land pays region file event segment channel device browser page host domain team tier level program list tag source
  medium app model course pet col column field dataset table group role job title department dept service package bundle offer promo
  coupon variant collection color colour size style`.split(/\s+/),
);

type NameVerdict = { kind: PiiKind } | { doubt: string } | undefined;

function judgeColumnName(column: string): NameVerdict {
  const toks = nameTokens(column);
  if (toks.some((t) => EMAIL_WORDS.test(t)) || /e[-_ ]?mail/i.test(column)) return { kind: 'email' };
  if (toks.some((t) => PHONE_WORDS.test(t))) return { kind: 'phone' };
  if (toks.some((t) => OTHER_WORDS.test(t)) || OTHER_PHRASES.test(column)) return { kind: 'other' };
  if (toks.some((t) => ADDRESS_WORDS.test(t))) return { kind: 'address' };
  if (toks.length === 1 && /^ip(addr(ess)?)?$/.test(toks[0])) return { kind: 'ip' };
  if (/^ip$/.test(toks[0] ?? '') && toks.slice(1).every((t) => /^addr(ess)?$/.test(t))) return { kind: 'ip' };
  const nameAt = toks.findIndex((t) => NAME_WORDS.has(t));
  if (nameAt < 0) {
    // CJK column names have no separators: "客户姓名" holds 姓名.
    if (/姓名|名字|姓氏|氏名|이름|성명|联系人|收件人/.test(column)) return { kind: 'name' };
    if (/contact[-_ ]?person|kontakt[-_ ]?person|persona[-_ ]?de[-_ ]?contacto|personne[-_ ]?de[-_ ]?contact/i.test(column)) return { kind: 'name' };
    return undefined;
  }
  const others = toks.filter((_, i) => i !== nameAt).filter((t) => !/^\d+$/.test(t));
  if (others.length === 0) return { kind: 'name' };
  if (others.some((t) => THING_QUALIFIERS.has(t))) return undefined;
  if (others.every((t) => PERSON_QUALIFIERS.has(t) || NAME_WORDS.has(t))) return { kind: 'name' };
  return { doubt: `named like a name ("${column}") but not clearly a person's or a thing's` };
}

export function piiKindFromName(column: string): PiiKind | undefined {
  const v = judgeColumnName(column);
  return v && 'kind' in v ? v.kind : undefined;
}

// ---------------------------------------------------------------------------------------------
// Values: which PII kind one value looks like

let patternOnly: PiiMatcher | undefined;
function patternMatcher(): PiiMatcher {
  return (patternOnly ??= createPiiMatcher());
}
/** "Jane Doe", "HADDAD, ANA", "Mary-Ann O'Neil", "José Álvarez": 2–4 capitalised words and nothing else. */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** Which PII kind a single value looks like, if any (the whole value, not a part of it). */
export function piiKindOfValue(value: string): PiiKind | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const found = patternMatcher().spans(v);
  // Whole value (give or take surrounding punctuation) is one PII span.
  if (found.length === 1 && found[0].start <= 1 && found[0].end >= v.length - 1) {
    const k = found[0].kind;
    return k === 'id' ? 'other' : k;
  }
  if (PERSON_NAME.test(v)) return 'name';
  if (HAN_NAME.test(v) && CN_SURNAMES.has(v[0])) return 'name';
  return undefined;
}

/**
 * Whether a text column's status is unclear: a name that could be a person's, or values that
 * are mostly single capitalised words and varied (first names, surnames: "Kowalski"), which a
 * city or brand column rarely is. Such a column is left out (treated as PII) and reported,
 * never made a feature. Returns the reason, for the user.
 */
export function piiDoubt(column: string, sample: string[]): string | undefined {
  const byName = judgeColumnName(column);
  if (byName && 'doubt' in byName) return byName.doubt;
  if (byName) return undefined;
  const values = sample.map((v) => v.trim()).filter(Boolean);
  if (values.length < 20) return undefined;
  // Two to four capitalised words ("Ana Haddad", "HADDAD, ANA"), many of them: a contact or
  // account-manager column repeats a few dozen names, too few distinct to be read as a name column.
  const fullNames = values.filter((v) => PERSON_NAME.test(v));
  const distinctFull = new Set(fullNames.map(foldCase)).size;
  if (fullNames.length >= 0.6 * values.length && distinctFull >= 10) {
    return `values are mostly two or more capitalised words, like "First Last" (${distinctFull} distinct in a sample of ${values.length}): they may be person names`;
  }
  const single = values.filter((v) => /^\p{Lu}[\p{Ll}'’-]{2,}$/u.test(v) || /^\p{Lu}{3,}$/u.test(v) || (HAN_NAME.test(v) && CN_SURNAMES.has(v[0])));
  const distinct = new Set(single.map(foldCase)).size;
  if (single.length >= 0.6 * values.length && distinct >= 20 && distinct >= 0.2 * values.length) {
    return `values are mostly single capitalised words and varied (${distinct} distinct in a sample of ${values.length}): they may be person names`;
  }
  return undefined;
}

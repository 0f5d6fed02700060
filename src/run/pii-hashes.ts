import { createHash } from 'node:crypto';
import { sha256PrefixBytes, sha256PrefixHasher } from './sha256-prefix.js';

/**
 * What a Run keeps of its table's PII values (src/run/table-file.ts): salted SHA-256 digests of
 * their normalised forms, 8 bytes each, never a value or a word in clear. A reader can only ask
 * "is this token of my text one of them?" — which is all the scrubber, the privacy guard and the
 * eval's PII finder (evals/checks/pii.ts) ever ask. Why not the plain word lists the first
 * version stored: they were first names, surnames and street words in clear, and the Run may
 * hold only aggregates and scrubbed snippets.
 *
 * What the digests do not protect against: the salt is stored beside them (a reader must hash
 * its own tokens with it), so anyone holding the Run can test a guessed name. They stop reading
 * names off the disk, not a dictionary attack on one Run; a Run folder is still not for sharing.
 * 8 bytes: at 10M digests a false match of one token is ~5·10⁻¹³ — a word scrubbed by mistake.
 */
export const DIGEST_BYTES = 8;

/**
 * The salt of one table's digests, derived from the words digested (sorted): the same file and
 * seed must give the same Run byte for byte (test/pipeline/same-seed.test.ts), so it cannot be
 * random; derived from the values themselves, two tables with other customers still get other
 * salts, so one precomputed list of name digests does not fit every Run.
 */
export function saltFor(words: Iterable<string>): string {
  const h = createHash('sha256').update('segmenta pii salt');
  for (const w of [...words].sort()) h.update('\u0000').update(w);
  return h.digest('hex').slice(0, 32);
}

/** The digest of one normalised form, as an 8-character latin1 string (a compact Set key). */
export function digestOf(salt: string, form: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(form).digest().toString('latin1', 0, DIGEST_BYTES);
}

/**
 * Digests of the forms (digestOf's bytes, by the hand-written hasher sha256-prefix.ts: ~1M forms
 * at a million customers), sorted, concatenated: a table.bin section. Sorted because the forms
 * come in the order DuckDB aggregated the PII values, which at a million customers differs from
 * run to run (its threads): the same file and seed must give the same bytes. Readers only ask
 * for membership (DigestSet).
 */
export function digestBytes(salt: string, forms: Iterable<string>): Uint8Array {
  const list = Array.isArray(forms) ? (forms as string[]) : [...forms];
  // A fresh ArrayBuffer (8-byte aligned): the digests sort as 64-bit words.
  const out = new Uint8Array(list.length * DIGEST_BYTES);
  const head = sha256PrefixHasher(`${salt}\u0000`, DIGEST_BYTES);
  for (let i = 0; i < list.length; i++) head(list[i], out, i * DIGEST_BYTES);
  new BigUint64Array(out.buffer, 0, list.length).sort();
  return out;
}

/**
 * A membership test over stored digests: `has(form)` hashes the form and looks for it by binary
 * search in the sorted digests (digestBytes sorts them as 64-bit words), where they lie; lookups
 * are remembered. Why not a Set of them, as before: building it from ~1M digests took 1.3 s of
 * the 1M bench Run's eval (copy fit) for a few thousand lookups, and again in every thread.
 */
export class DigestSet {
  private words?: BigUint64Array;
  private memo = new Map<string, boolean>();
  private readonly probe = new Uint8Array(DIGEST_BYTES);
  private readonly probeWord = new BigUint64Array(this.probe.buffer);
  constructor(
    private readonly salt: string,
    private readonly bytes: Uint8Array,
  ) {}

  get size(): number {
    return this.bytes.byteLength / DIGEST_BYTES;
  }

  has(form: string): boolean {
    let r = this.memo.get(form);
    if (r !== undefined) return r;
    if (!this.words) {
      // A view where the section is 8-byte aligned; a copy (8 MB at 1M digests) where it is not.
      const b = this.bytes.byteOffset % 8 === 0 ? this.bytes : this.bytes.slice();
      this.words = new BigUint64Array(b.buffer, b.byteOffset, b.byteLength / DIGEST_BYTES);
    }
    createHash('sha256').update(this.salt).update('\u0000').update(form).digest().copy(this.probe, 0, 0, DIGEST_BYTES);
    const x = this.probeWord[0];
    const w = this.words;
    let lo = 0;
    let hi = w.length - 1;
    r = false;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = w[mid];
      if (v === x) {
        r = true;
        break;
      }
      if (v < x) lo = mid + 1;
      else hi = mid - 1;
    }
    // Tokens recur (a million reviews share a vocabulary of thousands): each is hashed once.
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(form, r);
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// The forms the eval's PII finder (evals/checks/pii.ts) looks for, derived here so that the
// Run's digests and the finder's own sets come from one rule (the finder matches the same
// forms of its texts, in clear or digested).

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
export const finderWords = (s: string) => [...s.matchAll(WORD)].map((m) => m[0]);
export const finderKey = (ws: string[]) => ws.map((w) => w.toLowerCase()).join(' ');
export const finderSortedKey = (ws: string[]) => ws.map((w) => w.toLowerCase()).sort().join(' ');
export const FINDER_MAX_WORDS = 8;

export interface FinderForms {
  /** Every value of 2+ words as its lower-case word sequence ("ella adams", "8732 meadow road"). */
  whole: Set<string>;
  /** Names (2–3 capitalised words) in any order: the sorted words. */
  anyOrder: Set<string>;
  /** Their first words, as given names ("ella"). */
  given: Set<string>;
}

const HAS_LETTER = /\p{L}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$/u;

export function finderForms(known: Iterable<string>): FinderForms {
  const forms: FinderForms = { whole: new Set(), anyOrder: new Set(), given: new Set() };
  // Run over every PII value with a letter (~1M street addresses at a million customers): one
  // match() for the words and each word lower-cased once, the same forms as finderKey and
  // finderSortedKey give (which readers of texts use).
  for (const v of known) {
    if (!v || v.includes('@') || v.includes('＠')) continue; // emails are found by their pattern, in any form
    const ws = v.match(WORD);
    if (ws === null || ws.length > FINDER_MAX_WORDS) continue;
    // A value that is only digits and punctuation ("+1 555-152-6842") is the phone pattern's.
    // (Every letter of the value is inside one of its words, so the value is tested whole.)
    if (!HAS_LETTER.test(v)) continue;
    const lower = ws.map((w) => w.toLowerCase());
    // One word alone ("Will", "Rose") is read only as a given name.
    if (ws.length >= 2) forms.whole.add(lower.join(' '));
    if (ws.length <= 3 && ws.every((w) => CAPITALISED.test(w))) {
      if (ws[0].length >= 2) forms.given.add(lower[0]);
      if (ws.length >= 2) forms.anyOrder.add(lower.sort().join(' '));
    }
  }
  return forms;
}

/**
 * digestBytes(salt, forms) of each of finderForms(known)'s three sets, without the sets: the
 * Run's save at a million customers (~960k street addresses) spent ~2.5 s building the forms
 * as strings into Sets and ~3 s digesting them (cpu-prof self time, bench/ 1M, load ~3.6).
 * Here an ASCII value's whole form is written byte by byte into the hasher's buffer (no string
 * per form), every occurrence is digested, and the repeats a Set would have dropped are
 * dropped from the digests instead: two digests stand for one form when the first 12
 * bytes of their SHA-256 agree (the stored 8 plus 4 compared only here), a false merge of two
 * forms being ~2⁻⁹⁶ likely. test/run/pii-hashes.test.ts checks the bytes against digestBytes
 * of finderForms.
 */
export function finderFormDigests(salt: string, known: Iterable<string>): { whole: Uint8Array; anyOrder: Uint8Array; given: Uint8Array } {
  const prefix = `${salt}\u0000`;
  const bytes = sha256PrefixBytes(prefix);
  const ofString = sha256PrefixHasher(prefix, KEY_BYTES);
  const whole = new DigestList();
  const anyOrder = new DigestList();
  const given = new DigestList();
  const add = (list: DigestList, form: string) => {
    const at = list.next();
    ofString(form, list.buffer, at);
  };
  const starts = new Int32Array(FINDER_MAX_WORDS + 1);
  const ends = new Int32Array(FINDER_MAX_WORDS + 1);
  for (const v of known) {
    if (!v) continue;
    const count = asciiWords(v, starts, ends);
    if (count === NOT_ASCII) {
      // The general rule, as finderForms applies it, on the rare value with a non-ASCII character.
      const forms = finderForms([v]);
      for (const f of forms.whole) add(whole, f);
      for (const f of forms.anyOrder) add(anyOrder, f);
      for (const f of forms.given) add(given, f);
      continue;
    }
    if (count <= 0) continue;
    if (count >= 2) {
      // In ASCII, lower-casing keeps every position: the form is the words' bytes, lower-cased, one space between.
      const buf = bytes.room(v.length);
      let p = bytes.prefixBytes;
      for (let w = 0; w < count; w++) {
        if (w > 0) buf[p++] = 32;
        for (let j = starts[w]; j < ends[w]; j++) {
          const c = v.charCodeAt(j);
          buf[p++] = c >= 65 && c <= 90 ? c + 32 : c;
        }
      }
      const at = whole.next();
      bytes.hash(p - bytes.prefixBytes, whole.buffer, at, KEY_BYTES);
    }
    if (count <= 3) {
      const ws: string[] = [];
      for (let w = 0; w < count; w++) ws.push(v.slice(starts[w], ends[w]));
      if (ws.every((w) => CAPITALISED.test(w))) {
        const lower = ws.map((w) => w.toLowerCase());
        if (ws[0].length >= 2) add(given, lower[0]);
        if (count >= 2) add(anyOrder, lower.sort().join(' '));
      }
    }
  }
  return { whole: whole.finish(), anyOrder: anyOrder.finish(), given: given.finish() };
}

/** Bytes of SHA-256 kept per digest while collecting: the stored DIGEST_BYTES, then 4 that tell repeats from collisions. */
const KEY_BYTES = DIGEST_BYTES + 4;
const NOT_ASCII = -1;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * FINDER's words of an all-ASCII value (WORD's \p{L}\p{N} are [A-Za-z0-9] there, its joiners
 * ' and -), as start/end positions: their count; 0 when the value gives no form (no word, no
 * letter, an "@", more than FINDER_MAX_WORDS words); NOT_ASCII for any other value.
 */
function asciiWords(v: string, starts: Int32Array, ends: Int32Array): number {
  const n = v.length;
  let count = 0;
  let letter = false;
  let skip = false;
  let i = 0;
  while (i < n) {
    const c = v.charCodeAt(i);
    if (c > 127) return NOT_ASCII;
    if (c === 64) skip = true; // an email: left to its pattern (but a non-ASCII one goes the general way, as before)
    if (skip || !isAlnum(c)) {
      i++;
      continue;
    }
    const s = i;
    for (;;) {
      let d = v.charCodeAt(i);
      while (i < n && isAlnum(d)) {
        if (d >= 65) letter = true;
        d = v.charCodeAt(++i);
      }
      // A joiner continues the word only when an alphanumeric follows it.
      if (i + 1 < n && (d === 39 || d === 45) && isAlnum(v.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (count === FINDER_MAX_WORDS) skip = true;
    else {
      starts[count] = s;
      ends[count] = i;
      count++;
    }
  }
  return skip || !letter ? 0 : count;
}

/** Digests as they are collected (KEY_BYTES each), then sorted and their repeats dropped: digestBytes' section. */
class DigestList {
  private keys = new Uint8Array(KEY_BYTES * 1024);
  private n = 0;

  /** The buffer the next digest goes into, at next()'s offset (read it after calling next(): it grows). */
  get buffer(): Uint8Array {
    return this.keys;
  }

  /** The offset of the next digest's KEY_BYTES. */
  next(): number {
    if ((this.n + 1) * KEY_BYTES > this.keys.length) {
      const more = new Uint8Array(this.keys.length * 2);
      more.set(this.keys);
      this.keys = more;
    }
    return KEY_BYTES * this.n++;
  }

  finish(): Uint8Array {
    const n = this.n;
    // Read as 32-bit words (KEY_BYTES = 3 of them): no BigInt or string per digest.
    const keys = new Uint32Array(this.keys.buffer, 0, 3 * n);
    // The repeats dropped by an open-addressing table of the 12-byte keys (their bits are
    // SHA-256's, so the first word is a hash already); the heads of the first of each kept.
    let size = 1;
    while (size < 2 * n) size <<= 1;
    const mask = size - 1;
    const slots = new Int32Array(size);
    const heads = new BigUint64Array(n);
    const h32 = new Uint32Array(heads.buffer);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = keys[3 * i];
      const b = keys[3 * i + 1];
      const c = keys[3 * i + 2];
      for (let s = a & mask; ; s = (s + 1) & mask) {
        const e = slots[s];
        if (e === 0) {
          slots[s] = i + 1;
          h32[2 * m] = a;
          h32[2 * m + 1] = b;
          m++;
          break;
        }
        const j = 3 * (e - 1);
        if (keys[j] === a && keys[j + 1] === b && keys[j + 2] === c) break;
      }
    }
    const kept = heads.subarray(0, m).sort();
    return m === n ? new Uint8Array(heads.buffer) : new Uint8Array(kept.buffer, 0, m * DIGEST_BYTES).slice();
  }
}

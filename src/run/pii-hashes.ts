import { createHash } from 'node:crypto';
import { sha256PrefixHasher } from './sha256-prefix.js';

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

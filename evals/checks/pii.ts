import { FINDER_MAX_WORDS, finderForms, finderKey, finderSortedKey, finderWords } from '../../src/run/pii-hashes.js';

/**
 * The evals' own PII finder, apart from the scrubber the writers' inputs go through
 * (src/util/pii.ts) and the writers' own check (src/write/find-pii.ts): if the scrubber misses a
 * form, the same code would miss it again here. Patterns for emails, phone numbers, IP
 * addresses and street addresses, and the table's PII values (from the Run's context): a value
 * found whole in any case ("ella adams", "8732 Meadow Road"), a name's words in another order
 * ("Adams, Ella"), or a person's given name used to address the reader ("Hi Ella", "Ella, your
 * …"). A surname or given name elsewhere is not read alone: "Young", "Green", "Grace" and "King"
 * are names in the examples file and words in copy. Findings name the kind, never the value.
 *
 * libphonenumber-js would read phone numbers by country; it is not a dependency of the project
 * (and the shared node_modules is not ours to install into), so phones are read by shape: 7 to
 * 15 digits in one run of digits, spaces, dots, dashes and brackets, not a date and not a
 * thousands-grouped amount.
 */
const isDigested = (k: Iterable<string> | DigestedForms): k is DigestedForms => 'whole' in k && 'anyOrder' in k && 'given' in k;

export type PiiKind = 'email' | 'phone' | 'ip' | 'address' | 'known value';

const EMAIL = /[\p{L}\p{N}._%+-]+\s?[@＠]\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE = /(?<![\p{L}\p{N}_.,])(?:\+\s?)?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}_]|[.,]\d)/gu;
const IP = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]\d)/;
const STREET = /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Place|Pl|Way|Court|Ct|Boulevard|Blvd|Terrace|Close|Square|Crescent|Strasse|Straße|Weg)\b\.?/u;
const DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const AMOUNT = /^\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?$/;

function hasPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE)) {
    const s = m[0].trim();
    const digits = s.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15 || DATE.test(s) || AMOUNT.test(s)) continue;
    return true;
  }
  return false;
}

// The forms of a value that count (src/run/pii-hashes.ts finderForms): shared with the Run's
// stored digests, so a finder over digests and one over the values find the same.
const words = finderWords;
const key = finderKey;
const sortedKey = finderSortedKey;
const MAX_WORDS = FINDER_MAX_WORDS;

/** A set of forms, in clear or as the Run's digests (DigestSet). */
interface FormLookup {
  has(form: string): boolean;
  readonly size: number;
}
/** The table's PII values as a Run stores them: digests of finderForms. */
export interface DigestedForms {
  whole: FormLookup;
  anyOrder: FormLookup;
  given: FormLookup;
}

export interface PiiFinder {
  (text: string): PiiKind[];
}

/**
 * A finder for one table's PII values, built once: every value as its lower-case word sequence;
 * names (two or three capitalised words of letters, "Ella Adams") also in any order, and their
 * first words as given names.
 */
export function createPiiFinder(known: Iterable<string> | DigestedForms = []): PiiFinder {
  const { whole, anyOrder, given: givenNames } = isDigested(known) ? known : finderForms(known);
  return (text: string) => {
    const kinds = new Set<PiiKind>();
    if (EMAIL.test(text)) kinds.add('email');
    if (IP.test(text)) kinds.add('ip');
    else if (hasPhone(text)) kinds.add('phone');
    if (STREET.test(text)) kinds.add('address');
    if (knownIn(text, whole, anyOrder) || addressed(text, givenNames)) kinds.add('known value');
    return [...kinds];
  };
}

function knownIn(text: string, whole: FormLookup, anyOrder: FormLookup): boolean {
  if (whole.size === 0) return false;
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    for (let n = 1; n <= MAX_WORDS && i + n <= ws.length; n++) {
      const run = ws.slice(i, i + n);
      if (whole.has(key(run))) return true;
      if (n >= 2 && n <= 3 && anyOrder.has(sortedKey(run))) return true;
    }
  }
  return false;
}

// "Hi Ella", "Dear Ella", "Thanks, Ella", or "Ella, …" opening a text or a line.
const SALUTATION = /\b(?:hi|hello|hey|dear|thanks|thank you)[\s,]+(\p{Lu}\p{Ll}+)|^\s*(\p{Lu}\p{Ll}+)(?=\s*,)/gimu;

function addressed(text: string, givenNames: FormLookup): boolean {
  if (givenNames.size === 0) return false;
  for (const m of text.matchAll(SALUTATION)) if (givenNames.has((m[1] ?? m[2]).toLowerCase())) return true;
  return false;
}

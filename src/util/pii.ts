/** The kinds of personal data segmenta recognises (a column's `piiKind`). */
export type PiiKind = 'email' | 'phone' | 'name' | 'address' | 'ip' | 'other';

/**
 * PII patterns, shared by schema inference (is this column PII?) and by the scrubber that
 * cleans every snippet before it is shown in a brief or sent to an LLM.
 */
export const PII_PATTERNS: Record<Exclude<PiiKind, 'name' | 'other'>, RegExp> = {
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  // International or national phone numbers: 7+ digits with optional separators and a leading +;
  // the second branch is the North American "(555) 123-4567" form, which the first does not reach.
  // Never part of a longer token (Run ids like 20261124-173512-ab12 are not phones), but a
  // number may end a sentence ("call 07700 900123.").
  phone: /(?<![\w.-])(?:(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{2,4}|(?:\+?1[\s.-]?)?\(\d{3}\)[\s.-]?\d{3}[\s.-]?\d{4})(?!\w|[.-]\w)/g,
  ip: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
  address: /\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close)\b\.?/g,
};

/** Column names that say PII whatever their values look like. */
const PII_NAME_HINTS: [RegExp, PiiKind][] = [
  [/e[-_ ]?mail/i, 'email'],
  [/phone|mobile|cell|tel(ephone)?\b|msisdn/i, 'phone'],
  [/^(first|last|full|given|family|sur)?[-_ ]?name$|^(customer|client|contact)[-_ ]?name$/i, 'name'],
  [/address|street|addr\b|postcode|zip(code)?|postal/i, 'address'],
  [/^ip([-_ ]?addr(ess)?)?$/i, 'ip'],
  [/ssn|social[-_ ]?security|passport|credit[-_ ]?card|iban|national[-_ ]?id|birth[-_ ]?date|dob/i, 'other'],
];

export function piiKindFromName(column: string): PiiKind | undefined {
  for (const [re, kind] of PII_NAME_HINTS) if (re.test(column)) return kind;
  return undefined;
}

// Whole-value versions of the patterns, compiled once: schema inference tests thousands of values.
const WHOLE_VALUE = (['email', 'ip', 'phone', 'address'] as const).map((kind) => [kind, new RegExp(`^(?:${PII_PATTERNS[kind].source})$`)] as const);

/** Which PII kind a single value looks like, if any (the whole value, not a part of it). */
export function piiKindOfValue(value: string): PiiKind | undefined {
  const v = value.trim();
  if (!v) return undefined;
  for (const [kind, re] of WHOLE_VALUE) {
    if (re.test(v)) return kind;
  }
  // "Jane Doe", "Mary-Ann O'Neil": two or three capitalised words and nothing else.
  if (/^[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}$/.test(v)) return 'name';
  return undefined;
}

/**
 * Build a scrubber that removes PII from free text: patterns (emails, phones, IPs, street
 * addresses), then any word of a known PII column value ("Jane Doe" in a name column scrubs
 * "Jane" and "Doe" wherever they stand). Built once per table: the word set can be large.
 */
export function createScrubber(knownValues?: Iterable<string>): (text: string) => string {
  const words = new Set<string>();
  for (const v of knownValues ?? []) {
    for (const w of v.trim().split(/\s+/)) if (w.length >= 3 && /^[\p{Lu}]/u.test(w)) words.add(w);
  }
  return (text: string) => {
    let out = text
      .replace(PII_PATTERNS.email, '[email]')
      .replace(PII_PATTERNS.ip, '[ip]')
      .replace(PII_PATTERNS.address, '[address]')
      .replace(PII_PATTERNS.phone, (m) => (m.replace(/\D/g, '').length >= 7 ? '[phone]' : m));
    if (words.size > 0) {
      out = out
        .split(/(\s+)/)
        .map((tok) => {
          const bare = tok.replace(/^[("'“‘]+|[.,!?;:)"'”’]+$/g, '');
          return bare && words.has(bare) ? tok.replace(bare, '[name]') : tok;
        })
        .join('');
    }
    return out;
  };
}

/** Scrub one text with patterns only (no known values). */
export const scrubPii = createScrubber();

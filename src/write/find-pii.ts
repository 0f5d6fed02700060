import { PII_PATTERNS } from '../util/pii.js';
import { ALL_DISPLAY_STOP_WORDS as STOP_WORDS } from '../util/stop-words.js';
import type { CheckProblem } from './grounding.js';

const PATTERN_KINDS: { kind: string; re: RegExp; keep?: (m: string) => boolean }[] = [
  { kind: 'an email address', re: PII_PATTERNS.email },
  { kind: 'an IP address', re: PII_PATTERNS.ip },
  { kind: 'a street address', re: PII_PATTERNS.address },
  { kind: 'a phone number', re: PII_PATTERNS.phone, keep: (m) => m.replace(/\D/g, '').length >= 7 },
];

const MAX_NGRAM = 8;

function tokens(text: string): { norm: string; raw: string }[] {
  return (text.match(/[\p{L}\p{N}@.+'’-]+/gu) ?? [])
    .map((raw) => ({ raw: raw.replace(/^[.'’-]+|[.'’-]+$/g, ''), norm: '' }))
    .filter((t) => t.raw)
    .map((t) => ({ raw: t.raw, norm: t.raw.toLowerCase() }));
}

/**
 * A PII finder for one set of known PII values (the table's PII columns): built once, then
 * cheap per text. It reports emails, phones, IPs and street addresses by pattern, and any
 * known value that appears whole. A one-word value ("Jordan") counts only where the text
 * capitalises it and it is not an ordinary English word, so "will" never matches a "Will".
 * Problems name the kind of PII, never the value.
 */
export function createPiiFinder(knownValues?: Iterable<string>): (text: string, field?: string) => CheckProblem[] {
  const known = new Set<string>();
  let longest = 1;
  for (const v of knownValues ?? []) {
    const t = tokens(v);
    const joined = t.map((x) => x.norm).join(' ');
    if (joined.length < 3) continue;
    if (t.length === 1 && STOP_WORDS.has(joined)) continue;
    known.add(joined);
    longest = Math.min(MAX_NGRAM, Math.max(longest, t.length));
  }
  return (text: string, field = 'text') => {
    const problems: CheckProblem[] = [];
    for (const { kind, re, keep } of PATTERN_KINDS) {
      const hit = [...text.matchAll(new RegExp(re.source, 'g'))].some((m) => !keep || keep(m[0]));
      if (hit) problems.push({ field, problem: `contains ${kind}` });
    }
    if (known.size > 0) {
      const t = tokens(text);
      let found = false;
      for (let i = 0; i < t.length && !found; i++) {
        let key = '';
        for (let n = 1; n <= longest && i + n <= t.length; n++) {
          key = n === 1 ? t[i].norm : `${key} ${t[i + n - 1].norm}`;
          if (!known.has(key)) continue;
          if (n === 1 && !/^\p{Lu}/u.test(t[i].raw) && !/[@\d]/.test(key)) continue;
          found = true;
          break;
        }
      }
      if (found) problems.push({ field, problem: 'contains a value from a PII column' });
    }
    return problems;
  };
}

/** PII in one text (builds the finder each call: for many texts, use createPiiFinder once). */
export function findPii(text: string, knownValues?: Iterable<string>, field = 'text'): CheckProblem[] {
  return createPiiFinder(knownValues)(text, field);
}

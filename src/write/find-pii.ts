import { createPiiMatcher, type PiiSpanKind } from '../util/pii.js';
import type { CheckProblem } from './grounding.js';

const KIND_WORDS: Record<PiiSpanKind, string> = {
  email: 'contains an email address',
  phone: 'contains a phone number',
  ip: 'contains an IP address',
  address: 'contains a street address',
  id: 'contains an identity number',
  name: 'contains a value from a PII column',
};

/**
 * A PII finder for one set of known PII values (the table's PII columns): built once, then
 * cheap per text. It uses the scrubber's own matcher (src/data/pii.ts): emails, phones, ids,
 * IPs and street addresses in their variant forms, and known values in any case and order
 * (a single word only where the text capitalises it, so "will" never matches a "Will").
 * Problems name the kind of PII, never the value.
 */
export function createPiiFinder(knownValues?: Iterable<string>): (text: string, field?: string) => CheckProblem[] {
  const matcher = createPiiMatcher(knownValues);
  return (text: string, field = 'text') => matcher.kinds(text).map((k) => ({ field, problem: KIND_WORDS[k] }));
}

/** PII in one text (builds the finder each call: for many texts, use createPiiFinder once). */
export function findPii(text: string, knownValues?: Iterable<string>, field = 'text'): CheckProblem[] {
  return createPiiFinder(knownValues)(text, field);
}

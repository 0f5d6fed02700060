import type { SegmentProfile } from '../model/profile.js';
import { CHANNEL_LIMITS, CopySchema, type Copy, type Persona } from '../model/texts.js';
import { checkGrounding, numbersIn, type CheckProblem } from './grounding.js';
import { createPiiFinder } from './find-pii.js';
import { TRAIT_RULES } from './vocabulary.js';

/**
 * Plain-code checks of written texts, shared by the offline writer, the LLM writer (after zod)
 * and the evals. Each returns the problems it found — `{ field, problem }` — empty when fine.
 */
export { checkGrounding, numbersIn, profileNumbers, type CheckProblem, type GroundingProblem, type CitedNumber } from './grounding.js';
export { createPiiFinder, findPii } from './find-pii.js';

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|io|co|uk|de|fr|eu|shop|store|app|ly|me|info|biz|ai|gl|gg)\b(?:\/\S*)?/i;
const PHONE_DIGITS = /\d[\d\s().+-]{5,}\d/;

export const NAME_LIMITS = { minWords: 2, maxWords: 4, maxChars: 40 } as const;

/** A segment name: 2–4 words, ≤ 40 characters, one line, no URL, no @, no phone number. */
export function checkName(name: string, field = 'name'): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const n = name.trim();
  const words = n.split(/\s+/).filter(Boolean).length;
  if (words < NAME_LIMITS.minWords || words > NAME_LIMITS.maxWords) problems.push({ field, problem: `has ${words} words; a name has ${NAME_LIMITS.minWords}–${NAME_LIMITS.maxWords}` });
  if (n.length > NAME_LIMITS.maxChars) problems.push({ field, problem: `is ${n.length} characters, over ${NAME_LIMITS.maxChars}` });
  if (/[\r\n\t]/.test(name)) problems.push({ field, problem: 'spans more than one line' });
  if (URL.test(n)) problems.push({ field, problem: 'contains a URL' });
  if (n.includes('@')) problems.push({ field, problem: 'contains "@"' });
  const digits = n.match(PHONE_DIGITS)?.[0];
  if (digits && digits.replace(/\D/g, '').length >= 7) problems.push({ field, problem: 'contains a phone-like number' });
  return problems;
}

/** The words of a name, compared without case, punctuation, order or plural "s". */
export function nameKey(name: string): string {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(words)].sort().join(' ');
}

/** Names must differ by more than case, word order or a plural. */
export function checkDistinctNames(names: string[], field = 'names'): CheckProblem[] {
  const seen = new Map<string, number>();
  const problems: CheckProblem[] = [];
  names.forEach((name, i) => {
    const key = nameKey(name);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: `${field}[${i}]`, problem: `is the same name as ${field}[${first}] ("${names[first]}")` });
    else seen.set(key, i);
  });
  return problems;
}

// Verbs a call to action starts with. "Reply STOP" is an opt-out line, not a CTA, and is
// removed before looking.
const CTA = /\b(shop|buy|order|reorder|claim|get|grab|redeem|unlock|use|save|start|join|sign up|subscribe|book|try|discover|explore|browse|see|view|find|check out|visit|come back|return|tap|open|click|download|install|invite|refer|treat yourself|upgrade|activate|learn more|read more|call|reply|contact|ask|pick|choose|add|complete|finish|renew|restock|stock up|meet)\b/i;
const OPT_OUT = /\breply\s+stop\b[^.!?]*[.!?]?/gi;

export function hasCallToAction(text: string): boolean {
  return CTA.test(text.replace(OPT_OUT, ' '));
}

/** Channel limits, a call to action in each channel, and no URL, email or phone anywhere. */
export function checkCopy(copy: Copy, field = 'copy'): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const limited: [string, string | undefined, number][] = [
    ['email.subject', copy?.email?.subject, CHANNEL_LIMITS.emailSubject],
    ['sms', copy?.sms, CHANNEL_LIMITS.sms],
    ['push', copy?.push, CHANNEL_LIMITS.push],
    ['ad.headline', copy?.ad?.headline, CHANNEL_LIMITS.adHeadline],
  ];
  for (const [path, text, max] of limited) {
    if (typeof text === 'string' && text.length > max) problems.push({ field: `${field}.${path}`, problem: `is ${text.length} characters, over the ${max} limit` });
  }
  const parsed = CopySchema.safeParse(copy);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (issue.code === 'too_big' && limited.some(([p]) => p === path)) continue; // reported above, in words
      problems.push({ field: path ? `${field}.${path}` : field, problem: issue.message });
    }
  }
  if (!copy || typeof copy !== 'object') return problems;
  const ctaFields: [string, string][] = [
    ['email.body', copy.email?.body ?? ''],
    ['sms', copy.sms ?? ''],
    ['push', copy.push ?? ''],
    ['ad', `${copy.ad?.headline ?? ''} ${copy.ad?.primaryText ?? ''}`],
  ];
  for (const [path, text] of ctaFields) {
    if (text.trim() && !hasCallToAction(text)) problems.push({ field: `${field}.${path}`, problem: 'has no call to action' });
  }
  const find = createPiiFinder();
  for (const [path, text] of copyFields(copy)) {
    if (URL.test(text)) problems.push({ field: `${field}.${path}`, problem: 'contains a URL' });
    problems.push(...find(text, `${field}.${path}`));
  }
  return problems;
}

function copyFields(copy: Copy): [string, string][] {
  return (
    [
      ['email.subject', copy.email?.subject],
      ['email.body', copy.email?.body],
      ['sms', copy.sms],
      ['push', copy.push],
      ['ad.headline', copy.ad?.headline],
      ['ad.primaryText', copy.ad?.primaryText],
      ['offer', copy.offer],
    ] as [string, string | undefined][]
  ).filter((e): e is [string, string] => typeof e[1] === 'string');
}

function personaFields(persona: Persona): [string, string][] {
  return [
    ['archetype', persona.archetype],
    ['description', persona.description],
    ...persona.goals.map((g, i): [string, string] => [`goals[${i}]`, g]),
    ...persona.painPoints.map((g, i): [string, string] => [`painPoints[${i}]`, g]),
    ...persona.evidence.map((g, i): [string, string] => [`evidence[${i}]`, g]),
  ];
}

/**
 * What a name claims, checked against the profile: a name using a trait word ("Lapsed",
 * "Big Spenders", "Young") claims that feature is above (or below) everyone; a name using a
 * category level ("Electronics") claims the segment leans to it. A claim whose feature exists
 * but points the other way is a problem — that is how swapped names show. `all` (every
 * profile) lets a level the segment does not lean to be recognised at all.
 */
export function checkNameClaims(name: string, profile: SegmentProfile, all: SegmentProfile[] = [profile], field = 'name'): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const rule of TRAIT_RULES) {
    const facts = profile.numeric.filter((f) => rule.feature.test(f.feature));
    if (facts.length === 0) continue;
    for (const direction of ['high', 'low'] as const) {
      const phrase = rule[direction];
      const word = phrase?.claims ? name.match(phrase.claims)?.[0] : undefined;
      if (!word) continue;
      const sign = direction === 'high' ? 1 : -1;
      if (facts.some((f) => sign * f.z > 0)) continue;
      const f = facts[0];
      problems.push({ field, problem: `"${word}" claims ${f.feature} is ${direction === 'high' ? 'above' : 'below'} everyone, but it is not (z ${f.z.toFixed(2)})` });
    }
  }
  const levels = new Map<string, { column: string; level: string }>();
  for (const p of all) for (const c of p.categories) if (c.level.length >= 3) levels.set(`${c.column}\u0000${c.level}`, c);
  for (const { column, level } of levels.values()) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${level.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    if (!re.test(name)) continue;
    const own = profile.categories.find((c) => c.column === column && c.level === level);
    if (!own || own.lift < 1) problems.push({ field, problem: `names ${column} = ${level}, but the segment does not lean to it` });
  }
  return problems;
}

export interface TextsToCheck {
  name: string;
  summary: string;
  persona: Persona;
  copy: Copy;
}

export interface CheckTextsOptions {
  /** Every describable profile: for claims about category levels. */
  all?: SegmentProfile[];
  /** The table's PII values (or a finder built once from them). */
  pii?: Iterable<string> | ((text: string, field?: string) => CheckProblem[]);
  /** Numbers the user gave (an offer's "20% off"). */
  allow?: number[];
}

/**
 * Every check on one segment's texts: the name, its claims, grounding of every number in the
 * summary, persona and copy, a cited number in the summary and in each evidence item, the
 * copy rules, and PII anywhere.
 */
export function checkSegmentTexts(texts: TextsToCheck, profile: SegmentProfile, options: CheckTextsOptions = {}): CheckProblem[] {
  const find = typeof options.pii === 'function' ? options.pii : createPiiFinder(options.pii);
  const problems: CheckProblem[] = [...checkName(texts.name), ...checkNameClaims(texts.name, profile, options.all)];
  const fields: [string, string][] = [
    ['name', texts.name],
    ['summary', texts.summary],
    ...personaFields(texts.persona).map(([f, t]): [string, string] => [`persona.${f}`, t]),
    ...copyFields(texts.copy).map(([f, t]): [string, string] => [`copy.${f}`, t]),
  ];
  if (numbersIn(texts.summary).length === 0) problems.push({ field: 'summary', problem: 'cites no number from the profile' });
  texts.persona.evidence.forEach((e, i) => {
    if (numbersIn(e).length === 0) problems.push({ field: `persona.evidence[${i}]`, problem: 'cites no number from the profile' });
  });
  for (const [field, text] of fields) {
    problems.push(...checkGrounding(text, profile, { field, allow: options.allow }));
    problems.push(...find(text, field));
  }
  problems.push(...checkCopy(texts.copy).filter((p) => !/contains (an email|a phone|an IP|a street)/.test(p.problem)));
  return problems;
}

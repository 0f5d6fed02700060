import type { SegmentProfile } from '../model/profile.js';
import { CHANNEL_LIMITS, CopySchema, type Copy, type Persona } from '../model/texts.js';
import { checkGrounding, numbersIn, type CheckProblem } from './grounding.js';
import { createPiiFinder } from './find-pii.js';
import { TRAIT_RULES } from './vocabulary.js';
import { NAME_MIN_SHARE } from './traits.js';
import { displayWidth, scriptCounts, smsLength, type Language } from '../util/script.js';
import { needsSegmentation } from '../util/tokenize.js';
import { phrasesFor } from './phrases/index.js';

/**
 * Plain-code checks of written texts, shared by the offline writer, the LLM writer (after zod)
 * and the evals. Each returns the problems it found — `{ field, problem }` — empty when fine.
 */
export { checkGrounding, numbersIn, profileNumbers, type CheckProblem, type GroundingProblem, type CitedNumber } from './grounding.js';
export { createPiiFinder, findPii } from './find-pii.js';

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|io|co|uk|de|fr|eu|shop|store|app|ly|me|info|biz|ai|gl|gg)\b(?:\/\S*)?/i;
const PHONE_DIGITS = /\d[\d\s().+-]{5,}\d/;

export const NAME_LIMITS = { minWords: 2, maxWords: 4, maxChars: 40, minHan: 3, maxHan: 12 } as const;

/**
 * A segment name: 2–4 words (a Chinese name, written without spaces: 3–12 characters), ≤ 40
 * characters, one line, no URL, no @, no phone number.
 */
export function checkName(name: string, field = 'name'): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const n = name.trim();
  if (needsSegmentation(n)) {
    const chars = [...n.replace(/\s+/g, '')].length;
    if (chars < NAME_LIMITS.minHan || chars > NAME_LIMITS.maxHan) problems.push({ field, problem: `has ${chars} characters; a Chinese name has ${NAME_LIMITS.minHan}–${NAME_LIMITS.maxHan}` });
  } else {
    const words = n.split(/\s+/).filter(Boolean).length;
    if (words < NAME_LIMITS.minWords || words > NAME_LIMITS.maxWords) problems.push({ field, problem: `has ${words} words; a name has ${NAME_LIMITS.minWords}–${NAME_LIMITS.maxWords}` });
  }
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

// Words that say only "people": "Loyal Buyers" and "Loyal Customers" are one name (客户 and 客群 too).
const PEOPLE = new Set(phrasesFor('en')!.names.people);
const PEOPLE_HAN = [...phrasesFor('zh')!.names.people].sort((a, b) => b.length - a.length);

/**
 * Two names a marketer would mix up: the same words once case, order, plurals and people
 * words are set aside, more than half their words shared ("Lapsed Customers" and
 * "Occasional Lapsed Customers"), or one name's words all inside the other's ("Support
 * Seekers" and "Growth-Plan Support Seekers", "Lapsed Customers" and "Self-Serve Lapsed
 * Customers"). "Young Deal Hunters" and "Budget Deal Hunters" share half and are distinct.
 */
export function isNearDuplicate(a: string, b: string): boolean {
  if (needsSegmentation(a) && needsSegmentation(b)) return isNearDuplicateHan(a, b);
  const words = (n: string) => new Set(nameKey(n).split(' ').map((w) => (PEOPLE.has(w) ? 'customer' : w)));
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  if (union > 0 && (shared === union || shared / union > 0.5)) return true;
  // Contained: every word of the shorter name is in the longer one, a closing people word
  // ("… Customers") aside — "Member" before a noun still tells segments apart.
  const own = (n: string) => {
    const ws = nameKey(n.split(/\s+/).filter((w, i, all) => !(i === all.length - 1 && PEOPLE.has(nameKey(w)))).join(' ')).split(' ').filter(Boolean);
    return new Set(ws);
  };
  const [p, q] = [own(a), own(b)];
  const [small, big] = p.size <= q.size ? [p, q] : [q, p];
  return small.size > 0 && [...small].every((w) => big.has(w));
}

/**
 * The same for names written without spaces (Chinese), where word breaks are not reliable
 * (ICU cuts 高退货客群 into 高/退/货/客/群): the people word at the end is set aside, and two
 * names are one when what is left is the same, one holds the other ("沉睡客户" and
 * "家居日用沉睡客户": one added word), or most of their character pairs are shared.
 */
function isNearDuplicateHan(a: string, b: string): boolean {
  const core = (n: string) => {
    let c = n.replace(/[^\p{L}\p{N}]+/gu, '');
    for (let again = true; again; ) {
      again = false;
      for (const p of PEOPLE_HAN) if (c.endsWith(p) && c.length > p.length) (c = c.slice(0, -p.length)), (again = true);
    }
    return c;
  };
  const x = core(a);
  const y = core(b);
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const pairs = (s: string) => new Set([...s].slice(1).map((ch, i) => [...s][i] + ch));
  const px = pairs(x);
  const py = pairs(y);
  let shared = 0;
  for (const p of px) if (py.has(p)) shared++;
  const union = px.size + py.size - shared;
  return union > 0 && shared / union > 0.5;
}

/** Names must differ by more than case, word order, a plural or one added word. */
export function checkDistinctNames(names: string[], field = 'names'): CheckProblem[] {
  const problems: CheckProblem[] = [];
  names.forEach((name, i) => {
    const first = names.findIndex((other, j) => j < i && (nameKey(other) === nameKey(name) || isNearDuplicate(other, name)));
    if (first < 0) return;
    const same = nameKey(names[first]) === nameKey(name);
    problems.push({ field: `${field}[${i}]`, problem: `${same ? 'is the same name as' : 'reads almost the same as'} ${field}[${first}] ("${names[first]}")` });
  });
  return problems;
}

// Verbs a call to action starts with. "Reply STOP" is an opt-out line, not a CTA, and is
// removed before looking.
const CTA = /\b(shop|buy|order|reorder|claim|get|grab|redeem|unlock|use|save|start|join|sign up|subscribe|book|try|discover|explore|browse|see|view|find|check out|visit|come back|return|tap|open|click|download|install|invite|refer|treat yourself|upgrade|activate|learn more|read more|call|reply|contact|ask|pick|choose|add|complete|finish|renew|restock|stock up|meet)\b/i;
const OPT_OUT = /\breply\s+stop\b[^.!?]*[.!?]?/gi;
const OPT_OUT_LINE = /\b(reply|text|send)\s+stop\b|\bstop\s+to\s+(opt[- ]?out|unsubscribe|end)\b/i;
// Chinese calls to action start with these; the opt-out line (回T退订, 拒收请回复R) is removed first.
const CTA_ZH = /立即|马上|现在就|快来|快去|点击|戳|抢|领取|领券|下单|购买|选购|回购|查看|了解|逛逛|来店|回来|回复|预约|报名|加入|开通|订阅|试试|体验|囤|入手|解锁|使用|兑换|打开|进店|续费|邀请/;
const OPT_OUT_ZH = /回复?\s*T[Dd]?\s*退订|拒收请回复\s*R|退订回\s*T/g;

export function hasCallToAction(text: string): boolean {
  return CTA.test(text.replace(OPT_OUT, ' ')) || CTA_ZH.test(text.replace(OPT_OUT_ZH, ' '));
}

/**
 * How a channel's length is measured, the way the receiving end counts it: an SMS in carrier
 * units (160 GSM-7 septets, or 70 UCS-2 units once any character is outside GSM-7 — every
 * Chinese SMS), an email subject and a push in display width (a Chinese character takes two
 * columns, and mail clients cut subjects by width), an ad headline in characters.
 */
export function channelLength(channel: 'email.subject' | 'sms' | 'push' | 'ad.headline', text: string): { length: number; limit: number; unit: string } {
  if (channel === 'sms') {
    const s = smsLength(text);
    return s.encoding === 'UCS-2' ? { length: s.units, limit: 70, unit: 'UCS-2 characters (one SMS holds 70 once it is not GSM-7)' } : { length: s.units, limit: CHANNEL_LIMITS.sms, unit: 'characters' };
  }
  if (channel === 'email.subject') return { length: displayWidth(text), limit: CHANNEL_LIMITS.emailSubject, unit: 'display columns' };
  if (channel === 'push') return { length: displayWidth(text), limit: CHANNEL_LIMITS.push, unit: 'display columns' };
  return { length: [...text].length, limit: CHANNEL_LIMITS.adHeadline, unit: 'characters' };
}

// Column names (total_spend), quoted customer terms and numbers are data, not the writer's language.
const NOT_PROSE = /"[^"]*"|“[^”]*”|「[^」]*」|[\p{L}\p{N}]*_[\p{L}\p{N}_]*/gu;

/**
 * The text is written in the language asked for: Chinese prose is mostly Han characters, English
 * prose mostly Latin letters (column names, quoted customer words and numbers left out).
 */
export function checkScript(text: string, lang: Language, field = 'text'): CheckProblem[] {
  const counts = scriptCounts(text.replace(NOT_PROSE, ' '));
  let total = 0;
  for (const v of counts.values()) total += v;
  if (total < 2) return [];
  const cjk = (counts.get('han') ?? 0) + (counts.get('kana') ?? 0);
  if (lang === 'zh' && (counts.get('han') ?? 0) / total < 0.5) return [{ field, problem: `is not written in Chinese (${Math.round((100 * (counts.get('han') ?? 0)) / total)}% of its letters are Han characters)` }];
  if (lang === 'en' && cjk / total > 0.5) return [{ field, problem: 'is not written in English (most of its letters are Chinese or Japanese)' }];
  return [];
}

/** Channel limits, a call to action in each channel, and no URL, email or phone anywhere. */
export function checkCopy(copy: Copy, field = 'copy', lang?: Language): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const limited: ['email.subject' | 'sms' | 'push' | 'ad.headline', string | undefined][] = [
    ['email.subject', copy?.email?.subject],
    ['sms', copy?.sms],
    ['push', copy?.push],
    ['ad.headline', copy?.ad?.headline],
  ];
  for (const [path, text] of limited) {
    if (typeof text !== 'string') continue;
    const { length, limit, unit } = channelLength(path, text);
    if (length > limit) problems.push({ field: `${field}.${path}`, problem: `is ${length} ${unit}, over the ${limit} limit` });
  }
  // The one-part SMS length (GSM-7 160 / UCS-2 70) is channelLength('sms') above; an SMS
  // already over it is sent back for its length first.
  if (typeof copy?.sms === 'string' && copy.sms.length <= CHANNEL_LIMITS.sms) {
    // OPT_OUT_ZH is global (for replace): test with a fresh copy so lastIndex never carries over.
    if (copy.sms.trim() && !OPT_OUT_LINE.test(copy.sms) && !new RegExp(OPT_OUT_ZH.source).test(copy.sms)) problems.push({ field: `${field}.sms`, problem: 'has no opt-out line (e.g. "Reply STOP to opt out.")' });
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
    if (lang) problems.push(...checkScript(text, lang, `${field}.${path}`));
  }
  return problems;
}

// PII in copy is reported by the PII finder (with the table's values) where both run.
const PII_PROBLEM = /contains (an email|a phone|an IP|a street|a value from a PII column)/;

/**
 * The copy rules, one function for write time and `eval`: channel limits (SMS as carriers
 * count it), a call to action in each channel, an SMS opt-out line, no link. PII is left to
 * the PII finder, which knows the table's values.
 */
export function checkCopyFit(copy: Copy, field = 'copy'): CheckProblem[] {
  return checkCopy(copy, field).filter((p) => !PII_PROBLEM.test(p.problem));
}

/** The name rules, one function for write time and `eval`: the shape of a name and what it may claim. */
export function checkNameFit(name: string, profile: SegmentProfile | undefined, all: SegmentProfile[] = [], field = 'name'): CheckProblem[] {
  return [...checkName(name, field), ...(profile ? checkNameClaims(name, profile, all.length ? all : [profile], field) : [])];
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
    // A name is read as "these people are X": under half is an overclaim unless the share is said.
    else if (own.share < NAME_MIN_SHARE && !/\d\s?%/.test(name)) problems.push({ field, problem: `names ${column} = ${level}, held by only ${Math.round(own.share * 100)}% of the segment; name what a majority holds, or say the share` });
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
  /** The language the texts were asked for: each field must be written in its script. */
  lang?: Language;
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
    if (options.lang && !field.startsWith('copy.')) problems.push(...checkScript(text, options.lang, field));
  }
  problems.push(...checkCopy(texts.copy, 'copy', options.lang).filter((p) => !/contains (an email|a phone|an IP|a street)/.test(p.problem)));
  return problems;
}

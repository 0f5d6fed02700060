import { RFM_TIERS } from '../../src/profile/rfm.js';
import { FAMILIES, LESS, MIDDLE, MORE, ZH_MIDDLE, familyOf, type TraitFamily } from './trait-words.js';
import { stem } from '../stats/stem.js';

/**
 * What a label text claims about its segment, read by the evals' own rules (issue 14: not the
 * writer's trait rules, src/write/vocabulary.ts). Used by the claim-lift, contradiction and
 * majority metrics (claims vs the data), the name check (claims vs the profile) and the
 * stability suite (do re-written labels claim the same?). A text claims, about the table's
 * features and levels:
 *  1. a feature named ("days_since_last_order", "Days since last order", "Average order value"
 *     for avg_order_value) with a direction: a ratio after it in its clause ("4.1×"), "A vs B",
 *     or a direction word beside it ("higher", "fewer");
 *  2. a word sharing a stem with a feature's name, with a direction beside it ("Big Spenders"
 *     ~ total_spend; "spend 2.1×"; "fewer orders" ~ orders_12m); a hyphenated word's parts
 *     are words too ("Mid-Income" ~ annual_income);
 *  3. a trait word of a family (trait-words.ts) whose columns the table has ("Lapsed");
 *  4. a level named ("Electronics"): the segment leans to it, unless a ratio under 1 follows.
 * `traitWords: false` reads only 1 and 4: copy says "deal" and "come back" as offers.
 * The direction of 1 and 2 may be the middle ("Mid-Income Moderate Spenders", 消费中等;
 * trait-words.ts MIDDLE): the members sit in everyone's middle band (lifts.ts).
 */
export type ClaimDirection = 'high' | 'low' | 'middle';

export interface Claim {
  /** Comparable across texts of one table: "recency:high", "preferred_channel=sms:low". */
  key: string;
  kind: 'numeric' | 'category';
  direction: ClaimDirection;
  /** Numeric claims: the columns the claim is about. */
  features?: string[];
  column?: string;
  level?: string;
  /** The words that made the claim, for the scorecard. */
  cue: string;
}

export interface ClaimVocabulary {
  numeric: string[];
  levels: { column: string; level: string }[];
}

const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}';
// A letter that would make a match part of a longer word; letters of unspaced scripts do not.
const JOINS = `(?:(?![${UNSPACED}])[\\p{L}\\p{N}])`;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// A hyphenated word's parts, each a word that may name a feature ("Mid-Income").
const PART = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const RATIO = /(?<![\d.])(\d+(?:[.,]\d+)?)\s?(?:[×x](?![\p{L}\p{N}])|倍)/u;
const VERSUS = /(\d[\d,]*(?:\.\d+)?)\s?%?[^\d;；。]{0,30}?(?:\bvs\.?\s|\bversus\s|\bcompared (?:to|with)\s|整体为?|全体为?|对比|相比)[^\d;；。]{0,4}(\d[\d,]*(?:\.\d+)?)/u;
// A clause ends here; a comma inside a number ("1,623") and a Chinese comma do not end one.
const CLAUSE = /[;!?；！？。]|,(?!\d)|\.(?:\s|$)|\s(?:but|while|whereas|and)\s|\s[—–]\s/;
// Words of a column's name too general to stand for it alone.
const GENERAL = new Set(['total', 'avg', 'average', 'mean', 'rate', 'days', 'since', 'last', 'count', 'number', 'num', 'per', 'score', 'value', 'the', 'has', 'flag', 'is']);
const SPELLED: Record<string, string> = { avg: 'average', qty: 'quantity', num: 'number', pct: 'percent', amt: 'amount', cnt: 'count', aov: 'average order value', '12m': 'in the last year' };


export function readClaims(text: string, vocab: ClaimVocabulary, options: { traitWords?: boolean } = {}): Claim[] {
  // Quoted customer words and RFM tier names ("RFM At risk") describe; they do not claim.
  let rest = text.replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, ' ').replace(new RegExp(`\\bRFM (?:${RFM_TIERS.map(escape).join('|')})\\b`, 'gi'), ' ');
  const claims: Claim[] = [];
  const taken: [number, number][] = [];
  const take = (a: number, b: number) => {
    taken.push([a, b]);
    rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  };
  const numeric = (features: string[], direction: ClaimDirection, cue: string, family?: TraitFamily) =>
    claims.push({ key: `${family?.id ?? features[0]}:${direction}`, kind: 'numeric', direction, features, cue: cue.trim() });
  const owned = (family: TraitFamily) => vocab.numeric.filter((f) => familyOf(f) === family);

  // 1. Features named, longest first.
  for (const f of [...vocab.numeric].sort((a, b) => b.length - a.length)) {
    for (const form of namedForms(f)) {
      const re = new RegExp(`(?<!${JOINS}|_)${escape(form)}(?!${JOINS}|_)`, 'giu');
      for (const m of [...rest.matchAll(re)]) {
        const d = directionAt(rest, m.index!, m.index! + m[0].length);
        take(m.index!, m.index! + m[0].length);
        if (d) numeric([f], d, m[0], familyOf(f));
      }
    }
  }

  // 4 (before 2, so a level's words are not read as a feature's). Levels named, longest first.
  const levels = vocab.levels.filter((l) => l.level.length >= (new RegExp(`[${UNSPACED}]`, 'u').test(l.level) ? 2 : 3) && !/^\(.*\)$/.test(l.level));
  for (const { column, level } of levels.sort((a, b) => b.level.length - a.level.length)) {
    const re = new RegExp(`(?<!${JOINS})${escape(level)}(?!${JOINS})`, 'giu');
    for (const m of [...rest.matchAll(re)]) {
      const ratio = clauseAfter(rest, m.index! + m[0].length).match(RATIO);
      take(m.index!, m.index! + m[0].length);
      const direction: ClaimDirection = ratio && Number(ratio[1].replace(',', '.')) < 1 ? 'low' : 'high';
      claims.push({ key: `${column}=${level}:${direction}`, kind: 'category', direction, column, level, cue: m[0] });
    }
  }
  if (options.traitWords === false) return unique(claims);

  // 3. Trait words (before 2: "Lapsed" is not a direction for the word after it).
  for (const family of FAMILIES) {
    const features = owned(family);
    if (features.length === 0) continue;
    // Read again per family: a word an earlier family took ("Affluent", income) is gone.
    const lower = rest.toLowerCase();
    for (const direction of ['low', 'high'] as const) {
      for (const w of direction === 'high' ? family.high : family.low) {
        const m = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(w)}(?![\\p{L}\\p{N}-])`, 'u').exec(lower);
        if (m) {
          numeric(features, direction, rest.slice(m.index, m.index + w.length), family);
          take(m.index, m.index + w.length);
        }
      }
    }
    const zhLow = family.zhLow && rest.match(family.zhLow);
    const zhHigh = !zhLow && family.zhHigh && rest.match(family.zhHigh);
    if (zhLow) numeric(features, 'low', zhLow[0], family);
    if (zhHigh) numeric(features, 'high', zhHigh[0], family);
  }

  // 2. A word sharing a stem with a feature's name, with a direction beside it.
  const words = [...rest.matchAll(WORD)].flatMap((w) => (w[0].includes('-') ? [...w[0].matchAll(PART)].map((p) => ({ 0: p[0], index: w.index! + p.index! })) : [{ 0: w[0], index: w.index! }]));
  for (const m of words) {
    const s = stem(m[0]);
    const lower = m[0].toLowerCase();
    if (s.length < 4 || MORE.has(lower) || LESS.has(lower) || MIDDLE.has(lower)) continue;
    const matching = vocab.numeric.filter((f) => nameWords(f).some((w) => stem(w) === s));
    if (matching.length === 0) continue;
    // "Orders in the last year" is about orders_12m, not avg_order_value: the feature the word leads.
    const leading = matching.filter((f) => stem(f.split(/[^\p{L}]+/u).filter(Boolean)[0] ?? '') === s);
    const d = directionAt(rest, m.index!, m.index! + m[0].length);
    if (!d) continue;
    for (const f of leading.length ? leading : matching) numeric([f], d, m[0], familyOf(f));
  }
  return unique(claims);
}

/** The ways a label may write a column's name: as is, with spaces, abbreviations spelled out. */
function namedForms(f: string): Set<string> {
  const spaced = f.replace(/[_-]+/g, ' ').trim();
  const spelled = spaced.split(' ').map((w) => SPELLED[w.toLowerCase()] ?? w).join(' ');
  return new Set([f, spaced, spelled].filter((x) => x.length >= 2));
}

function nameWords(feature: string): string[] {
  return feature
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4 && !GENERAL.has(w));
}

function clauseAfter(text: string, end: number): string {
  const after = text.slice(end, end + 120);
  const stop = after.search(CLAUSE);
  return stop >= 0 ? after.slice(0, stop) : after;
}

/** Which way a mention points: a ratio after it decides, then "A vs B", then a direction word beside it. */
function directionAt(text: string, start: number, end: number): ClaimDirection | undefined {
  const after = clauseAfter(text, end);
  const ratio = after.match(RATIO);
  if (ratio) {
    const x = Number(ratio[1].replace(',', '.'));
    return x > 1 ? 'high' : x < 1 ? 'low' : undefined;
  }
  const vs = after.match(VERSUS);
  if (vs) {
    const a = Number(vs[1].replace(/,/g, ''));
    const b = Number(vs[2].replace(/,/g, ''));
    if (a !== b) return a > b ? 'high' : 'low';
  }
  const beforeText = text.slice(Math.max(0, start - 40), start);
  const cut = beforeText.search(/[;,.!?:()][^;,.!?:()]*$/);
  const near = cut >= 0 ? beforeText.slice(cut + 1) : beforeText;
  // Parts of hyphenated words: "Mid-" before "Income", "Low-" before "Income".
  const before = [...near.toLowerCase().matchAll(PART)].slice(-2).map((m) => m[0]);
  const next = [...after.toLowerCase().matchAll(PART)].slice(0, 2).map((m) => m[0]);
  // The nearest word decides: "Mid-Income Big Spenders" is a middle income and a high spend.
  for (const w of [...before.reverse(), ...next]) {
    if (MORE.has(w)) return 'high';
    if (LESS.has(w)) return 'low';
    if (MIDDLE.has(w)) return 'middle';
  }
  // 消费中等, 中等收入: the Chinese middle forms right beside the mention.
  if (ZH_MIDDLE.test(after.slice(0, 4)) || ZH_MIDDLE.test(near.slice(-4))) return 'middle';
  return undefined;
}

function unique(claims: Claim[]): Claim[] {
  const seen = new Map<string, Claim>();
  for (const c of claims) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

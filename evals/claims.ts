import { RFM_TIERS } from '../src/profile/rfm.js';
import { TRAIT_RULES, ruleFor, type TraitRule } from '../src/write/vocabulary.js';

/**
 * What a label text claims about its segment, read by plain code: "Big Spenders" claims spend
 * is above everyone, "Lapsed" that recency is, "total_spend … (2.1×)" that total_spend is,
 * "Electronics" that the segment leans to that level. The trait words and the feature patterns
 * are the writer's own (src/write/vocabulary.ts), so the evals read texts with the same words
 * the writers write them with. Used by the offline judge (claims vs a member), the stability
 * suite (do re-written labels claim the same?) and the claim-lift and contradiction metrics
 * (claims vs the data).
 */
export type ClaimDirection = 'high' | 'low';

export interface Claim {
  /** What is claimed, comparable across texts: "spend:high", "channel=Email:high". */
  key: string;
  kind: 'numeric' | 'category';
  direction: ClaimDirection;
  /** Numeric claims: the features of the vocabulary the claim is about. */
  features?: string[];
  column?: string;
  level?: string;
  /** The words that made the claim, for the scorecard's detail line. */
  cue: string;
}

/** The features and levels a claim may refer to (from a profile, a table, or a member's description). */
export interface ClaimVocabulary {
  numeric: string[];
  levels: { column: string; level: string }[];
}

const HIGH_WORDS = new Set(['high', 'higher', 'highest', 'above', 'more', 'most', 'many', 'big', 'bigger', 'biggest', 'large', 'larger', 'largest', 'top', 'heavy', 'heavier', 'long', 'longer', 'longest', 'older', 'frequent', 'increased', 'lots']);
const LOW_WORDS = new Set(['low', 'lower', 'lowest', 'below', 'less', 'least', 'fewer', 'fewest', 'few', 'small', 'smaller', 'smallest', 'little', 'light', 'short', 'shorter', 'younger', 'rarely', 'reduced', 'non', 'not', 'no']);
// A clause ends at these: a direction word past them is about something else.
// A Chinese comma does not: "平均26%，整体为13%（2.0倍）" is one claim.
// A comma inside a number ("1,623") does not end the clause: "595.17 vs 1,623" was read as high.
const CLAUSE_END = /[;!?；！？。]|,(?!\d)|\.(?:\s|$)|\s(?:but|while|whereas|and)\s|\s[—–-]\s/;
const LIFT = /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:[×x](?![\p{L}\p{N}])|倍)/u;
// Chinese, Japanese and Thai put no spaces between words: a letter of theirs does not join a
// level or a feature name into a longer word ("零食饮料高退货客群" names 零食饮料).
const JOINS = '(?:(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}])[\\p{L}\\p{N}])';
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/**
 * The Chinese words a name or summary claims a trait with, per trait rule of the vocabulary
 * (TraitPhrase.claims are English); low forms that contain a high word are tested first.
 */
const ZH_CLAIMS: Record<string, { high?: RegExp; low?: RegExp }> = {
  tenure: { high: /多年老客|老会员|资深/u, low: /新客|新人|新入会|新用户|首单/u },
  recency: { high: /沉睡|流失|休眠|久未|不活跃|回流/u, low: /(?<!不)活跃/u },
  discount: { high: /(?<!不看)(优惠|折扣)|价格敏感|领券|薅羊毛|大促/u, low: /不看(折扣|优惠)|品质优先|原价/u },
  returns: { high: /(高|多)退货|退货(率)?(高|多)/u, low: /(低|少)退货|退货(率)?(低|少)/u },
  frequency: { high: /高频|复购|常客|回头客/u, low: /低频|偶尔/u },
  spend: { high: /高价值|高消费|高客单|大客户|贵宾/u, low: /轻消费|小额|低消费|低客单/u },
  age: { high: /成熟|中老年|银发/u, low: /年轻|学生|Z世代/u },
};
const VERSUS = /(\d[\d,]*(?:\.\d+)?)\s?%?[^\d]{0,12}?\bvs\.?\s[^\d]{0,3}(\d[\d,]*(?:\.\d+)?)/;
const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * Every claim in `text` about the vocabulary's features and levels. `traitWords: false` reads
 * only explicit claims (a feature or level named, with a direction or a lift): copy says "deal",
 * "members" and "return for more" as offers, not as claims about who the segment is.
 */
export function extractClaims(text: string, vocab: ClaimVocabulary, options: { traitWords?: boolean } = {}): Claim[] {
  const claims: Claim[] = [];
  // Quoted customer words and RFM tier mixes ("12% are RFM At risk") describe, they do not claim.
  let rest = text.replace(/"[^"]*"|“[^”]*”/g, ' ').replace(new RegExp(`\\bRFM (?:${RFM_TIERS.join('|')})\\b`, 'gi'), ' ');
  const mask = (start: number, end: number) => (rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end));

  // 1. Features named as such ("total_spend", "days since last order"), longest first.
  const features = [...vocab.numeric].sort((a, b) => b.length - a.length);
  for (const feature of features) {
    for (const form of new Set([feature, feature.replace(/[_-]+/g, ' ')])) {
      const re = new RegExp(`(?<!${JOINS}|_)${escape(form)}(?!${JOINS}|_)`, 'giu');
      for (const m of [...rest.matchAll(re)]) {
        const direction = directionAt(rest, m.index!, m.index! + m[0].length);
        mask(m.index!, m.index! + m[0].length);
        if (direction) claims.push(numericClaim([feature], direction, m[0], ruleFor(feature)?.id ?? `feature:${feature}`));
      }
    }
  }

  // 2. Category levels ("Electronics", "Instagram"): a lean to the level unless a lift under 1 follows.
  const levels = vocab.levels.filter((l) => l.level.length >= (UNSPACED.test(l.level) ? 2 : 3) && !/^\(.*\)$/.test(l.level)).sort((a, b) => b.level.length - a.level.length);
  for (const { column, level } of levels) {
    const re = new RegExp(`(?<!${JOINS})${escape(level)}(?!${JOINS})`, 'giu');
    for (const m of [...rest.matchAll(re)]) {
      const lift = clauseAfter(rest, m.index! + m[0].length).match(LIFT);
      mask(m.index!, m.index! + m[0].length);
      const direction: ClaimDirection = lift && Number(lift[1]) < 1 ? 'low' : 'high';
      claims.push({ key: `${column}=${level}:${direction}`, kind: 'category', direction, column, level, cue: m[0] });
    }
  }

  if (options.traitWords === false) return dedupe(claims);

  // 3. Words of a trait's feature pattern with a direction ("spend 2.1×", "high spend", "fewer orders").
  for (const w of windows(rest)) {
    const direction = directionAt(rest, w.start, w.end);
    if (direction) {
      const owned = ownedFeatures(w.rule, vocab);
      if (owned.length > 0) claims.push(numericClaim(owned, direction, w.text, w.rule.id));
    }
  }

  // 4. The writers' trait words ("Lapsed", "Deal Hunters", "Young").
  for (const rule of TRAIT_RULES) {
    const owned = ownedFeatures(rule, vocab);
    if (owned.length === 0) continue;
    for (const direction of ['high', 'low'] as const) {
      const re = rule[direction]?.claims;
      const m = re ? rest.match(re) : null;
      if (m) claims.push(numericClaim(owned, direction, m[0], rule.id));
    }
    const zh = ZH_CLAIMS[rule.id];
    const low = zh?.low && rest.match(zh.low);
    const high = !low && zh?.high && rest.match(zh.high);
    if (low) claims.push(numericClaim(owned, 'low', low[0], rule.id));
    if (high) claims.push(numericClaim(owned, 'high', high[0], rule.id));
  }
  return dedupe(claims);
}

/** Features of the vocabulary that a trait rule owns (the first rule a feature matches owns it). */
export function ownedFeatures(rule: TraitRule, vocab: ClaimVocabulary): string[] {
  return vocab.numeric.filter((f) => ruleFor(f)?.id === rule.id);
}

function numericClaim(features: string[], direction: ClaimDirection, cue: string, concept: string): Claim {
  return { key: `${concept}:${direction}`, kind: 'numeric', direction, features, cue: cue.trim() };
}

function dedupe(claims: Claim[]): Claim[] {
  const seen = new Map<string, Claim>();
  for (const c of claims) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
}

/**
 * Runs of 1–4 words whose underscore-joined form a trait rule's feature pattern matches
 * ("days since last order" → days_since_last_order → recency), longest first, not overlapping,
 * and minimal: a run whose first or last word could go without changing the rule is cut
 * ("customers who spend" is "spend"). A run never starts or ends with a direction word: in
 * "big spenders" the claim is "spenders" and "big" is its direction. Numbers are not words here.
 */
function windows(text: string): { start: number; end: number; text: string; rule: TraitRule }[] {
  const words = [...text.toLowerCase().matchAll(/[\p{L}_]+/gu)].map((m) => ({ w: m[0], start: m.index!, end: m.index! + m[0].length }));
  const out: { start: number; end: number; text: string; rule: TraitRule }[] = [];
  const isDirection = (w: string) => HIGH_WORDS.has(w) || LOW_WORDS.has(w);
  const ruleOf = (run: { w: string }[]) => (run.length ? ruleFor(run.map((x) => x.w).join('_')) : undefined);
  for (let i = 0; i < words.length; ) {
    let found = 0;
    for (let len = Math.min(4, words.length - i); len >= 1 && !found; len--) {
      const run = words.slice(i, i + len);
      if (isDirection(run[0].w) || isDirection(run[len - 1].w)) continue;
      const rule = ruleOf(run);
      if (!rule || (len > 1 && (ruleOf(run.slice(1)) === rule || ruleOf(run.slice(0, -1)) === rule))) continue;
      out.push({ start: run[0].start, end: run[len - 1].end, text: text.slice(run[0].start, run[len - 1].end), rule });
      found = len;
    }
    i += found || 1;
  }
  return out;
}

/** The text after a mention, up to the end of its clause (at most 60 characters). */
function clauseAfter(text: string, end: number): string {
  const after = text.slice(end, end + 60);
  const stop = after.search(CLAUSE_END);
  return stop >= 0 ? after.slice(0, stop) : after;
}

/**
 * Which way a mention points: a lift after it ("(2.1×)") decides; then "A vs B" after it;
 * then a direction word just after or among the two words before it ("high spend", "spend
 * more", "fewer orders"). No direction → no claim.
 */
function directionAt(text: string, start: number, end: number): ClaimDirection | undefined {
  const after = clauseAfter(text, end);
  const lift = after.match(LIFT);
  if (lift) {
    const x = Number(lift[1]);
    return x > 1 ? 'high' : x < 1 ? 'low' : undefined;
  }
  const vs = after.match(VERSUS);
  if (vs) {
    const a = Number(vs[1].replace(/,/g, ''));
    const b = Number(vs[2].replace(/,/g, ''));
    if (a !== b) return a > b ? 'high' : 'low';
  }
  const next = [...after.toLowerCase().matchAll(WORD)].slice(0, 3).map((m) => m[0]);
  const beforeText = text.slice(Math.max(0, start - 40), start);
  const cut = beforeText.search(/[;,.!?:()][^;,.!?:()]*$/);
  const before = [...(cut >= 0 ? beforeText.slice(cut + 1) : beforeText).toLowerCase().matchAll(WORD)].slice(-2).map((m) => m[0]);
  for (const w of [...before.reverse(), ...next]) {
    if (HIGH_WORDS.has(w)) return 'high';
    if (LOW_WORDS.has(w)) return 'low';
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

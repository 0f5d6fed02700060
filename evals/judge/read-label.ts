/**
 * The offline judge's own reading of a label, written apart from the writers (issue 14: a
 * judge that reads labels with the writer's vocabulary only checks that the writer and the
 * parser agree). Nothing here imports src/write/ (the floor plan forbids it to all of evals/):
 * the words are matched against the member's own feature names and levels, and the few trait
 * words a marketer's label uses without naming a column are this file's own list — apart, too,
 * from the other metrics' reader (checks/claim-reader.ts), so the judge's accuracy is not tied to
 * how that one reads.
 *
 * A label claims, per feature of the member: a direction ('high' | 'low') when
 *  - the feature's name appears ("days_since_last_order", "days since last order") and a
 *    lift after it ("4.1×"), an "A vs B" after it, or a direction word beside it says which way;
 *  - a word shares a stem with the feature's name ("Spenders" ~ total_spend) and a direction
 *    word stands beside it ("Big Spenders");
 *  - one of the trait words below names a kind of feature the member has ("Lapsed" → a
 *    recency feature high).
 * and, per level the member has, that the segment leans to it when the level is named.
 */
import { stem } from '../stats/stem.js';
import { MIDDLE } from '../checks/trait-words.js';

/** 'middle': the label places the segment near everyone's typical value ("Moderate Spenders", 中等消费). */
export type Direction = 'high' | 'low' | 'middle';

export interface LabelReading {
  /** feature → claimed direction (the first reading wins). */
  numeric: Map<string, Direction>;
  /**
   * How strongly the label states each claim, where it gives a ratio ("0.04×", "269 vs 65"):
   * |log2 ratio| within 1..1.5 — a claim of 2× or less counts 1, like one without a ratio ("Big
   * Spenders"); a stronger one up to 1.5. Measured (held-out accuracy, examples / the 6-group
   * holdout file): 0.800 / 0.940 unweighted, 0.874 / 0.877 with weak claims weighed down to 0.5,
   * 0.848 / 0.931 with strong claims only weighed up (this).
   */
  strength: Map<string, number>;
  /** Levels of the member the label names. */
  levels: Set<string>;
}

const HIGH = new Set(['high', 'higher', 'highest', 'big', 'bigger', 'biggest', 'heavy', 'top', 'more', 'most', 'many', 'above', 'frequent', 'large', 'long', 'older', 'max']);
// The middle words are the evals' (checks/trait-words.ts: not "average", which "above average"
// and "2.1× the average" use); a phrase form is read from the clause (MIDDLE_PHRASE).
const MIDDLE_PHRASE = /close to (?:everyone|the (?:average|norm|typical))|near (?:everyone|the (?:average|norm))|中等|适中|一般水平|中游|居中/u;
// Parts of a hyphenated word, for the direction words beside a mention ("Mid-Income").
const PART = /[\p{L}\p{N}]+/gu;
const LOW = new Set(['low', 'lower', 'lowest', 'few', 'fewer', 'less', 'least', 'small', 'light', 'rare', 'rarely', 'below', 'occasional', 'short', 'younger', 'min']);

/** Trait words that name no column, with the kind of feature name they are about (matched on the member's feature names). */
const TRAITS: { word: RegExp; feature: RegExp; direction: Direction; not?: RegExp }[] = [
  { word: /^(young|youth|student|students|gen ?z)$/, feature: /age|birth/i, direction: 'low' },
  { word: /^(senior|seniors|mature|older|retired|retirees)$/, feature: /age|birth/i, direction: 'high' },
  { word: /^(lapsed|lapsing|dormant|inactive|churned|churning|lost|sleeping)$/, feature: /since|recen|last|inactive|days/i, direction: 'high' },
  // "Loyal" is about how often, not how recently: days_since_last_order names an order too.
  // …nor how much: avg_order_value names an order too.
  { word: /^(loyal|regular|regulars|frequent|devoted)$/, feature: /(^|_)(orders?|purchases?|visits?|frequency|transactions?)(_|$)|_count$/i, not: /since|last|recen|days|value|amount|size|basket|spend/i, direction: 'high' },
  { word: /^(deal|deals|bargain|bargains|coupon|coupons|discount|sale|sales)$/, feature: /discount|coupon|promo|deal/i, direction: 'high' },
  { word: /^(full-price|full-priced|no-discount)$/, feature: /discount|coupon|promo|deal/i, direction: 'low' },
  { word: /^(returner|returners|returns|returning)$/, feature: /return|refund/i, direction: 'high' },
  { word: /^(vip|vips|premium|luxury|whales|big-ticket)$/, feature: /spend|value|revenue|amount|monetary|basket|aov/i, direction: 'high' },
  { word: /^(budget|thrifty|frugal)$/, feature: /spend|value|revenue|amount|monetary|basket|aov/i, direction: 'low' },
  { word: /^(new|newcomers|newbies|first-time)$/, feature: /tenure|since_signup|account_age|days_as/i, direction: 'low' },
];

/**
 * Chinese trait words, the judge's own list (a Chinese label names its traits inside one run
 * of characters, "零食饮料高退货客群", so these are matched as substrings, not as words). Each
 * names a kind of feature the member has, as TRAITS does; a negated or low form comes before
 * the word it contains ("不看折扣" before "折扣"), and the first reading of a feature wins.
 */
const ZH_TRAITS: { word: RegExp; feature: RegExp; direction: Direction; not?: RegExp }[] = [
  { word: /(低|少|很少|极少)(退货|退换)|退货(率)?(低|少)/u, feature: /return|refund|退/i, direction: 'low' },
  { word: /(高|多|常|频繁|爱)(退货|退换)|退货(率)?(高|多)|退货(大户|党)/u, feature: /return|refund|退/i, direction: 'high' },
  { word: /(?<!不)活跃|最近(刚|才)?(下单|购买|买过)|近期(下单|购买)/u, feature: /since|recen|last|inactive|最近|未购|天数/i, direction: 'low' },
  { word: /沉睡|流失|休眠|久未|好久没|不活跃|待唤醒|待召回|挽回|回流/u, feature: /since|recen|last|inactive|最近|未购|天数/i, direction: 'high' },
  { word: /低频|偶尔|很少买|不常买|一次性/u, feature: /(^|_)(orders?|purchases?|visits?|frequency|transactions?)(_|$)|_count$|订单|次数|频/i, not: /since|last|recen|days|最近/i, direction: 'low' },
  { word: /高频|复购|常客|回头客|忠实|忠诚|常买|老顾客/u, feature: /(^|_)(orders?|purchases?|visits?|frequency|transactions?)(_|$)|_count$|订单|次数|频/i, not: /since|last|recen|days|最近/i, direction: 'high' },
  { word: /不看(折扣|优惠)|原价|品质优先|不爱(折扣|优惠)/u, feature: /discount|coupon|promo|deal|折扣|优惠|券/i, direction: 'low' },
  { word: /优惠|折扣|打折|价格敏感|领券|用券|薅羊毛|促销|大促|特价|比价|捡漏/u, feature: /discount|coupon|promo|deal|折扣|优惠|券/i, direction: 'high' },
  { word: /轻消费|小额|低消费|低客单|低价值|省钱|预算有限/u, feature: /spend|value|revenue|amount|monetary|basket|aov|消费|金额|客单/i, direction: 'low' },
  { word: /高价值|高消费|高客单|大客户|大额|土豪|贵宾|高端|重度消费/u, feature: /spend|value|revenue|amount|monetary|basket|aov|消费|金额|客单/i, direction: 'high' },
  { word: /年轻|学生|Z世代|00后|95后|小年轻/u, feature: /age|birth|年龄/i, direction: 'low' },
  { word: /成熟|中老年|银发|中年|年长|长辈/u, feature: /age|birth|年龄/i, direction: 'high' },
  { word: /新客|新人|新入会|新用户|新注册|首单|初次/u, feature: /tenure|since_signup|account_age|days_as|注册|入会/i, direction: 'low' },
  { word: /多年老客|老会员|资深/u, feature: /tenure|since_signup|account_age|days_as|注册|入会/i, direction: 'high' },
];

/** Scripts written without spaces between words: a level or a trait word may stand inside a run of them. */
const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}';
/** A letter or digit that would join a match into a longer word: any but those of unspaced scripts. */
const JOINS = `(?:(?![${UNSPACED}])[\\p{L}\\p{N}])`;

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
// "2.1×" or, in Chinese, "2.1倍".
const LIFT = /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:[×x](?![\p{L}\p{N}])|倍)/u;
// The gap allows a unit and a qualifier between the numbers ("269 days on average vs 65 days");
// a Chinese label says "平均269天，整体为65天" or "对比".
const VERSUS = /(\d[\d,]*(?:\.\d+)?)\s?%?[^\d;；。]{0,24}?(?:\bvs\.?\s|整体为?|全体为?|所有客户为?|对比|相比)[^\d;；。]{0,3}(\d[\d,]*(?:\.\d+)?)/u;
// Clause ends: ASCII and Chinese. A Chinese comma does not end one: "平均26%，整体为13%（2.0倍）" is one claim.
const CLAUSE = /[;!?；！？。]|,(?!\d)|\.(?:\s|$)/;


/** Words of a feature name worth matching on their own ("total_spend" → spend; "orders_12m" → orders). */
const WEAK = new Set(['total', 'avg', 'average', 'mean', 'rate', 'days', 'since', 'last', 'count', 'number', 'num', 'per', 'score', 'the', 'of', 'is', 'has', 'value']);
function nameWords(feature: string): string[] {
  return feature
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !WEAK.has(w));
}

/** Which way a mention points, from what follows it in its clause, then the words beside it. */
function directionNear(text: string, start: number, end: number): { direction: Direction; ratio?: number } | undefined {
  // A clause, not a fixed width: plain-language evidence ("…: 269 days on average vs 65 days
  // for everyone (4.1×)") runs past 60 characters before its lift.
  // A comma inside a number ("1,407") does not end the clause.
  const tail = text.slice(end, end + 120).split(CLAUSE)[0];
  const after = tail.split(/[(（，]/)[0];
  const lift = tail.match(LIFT);
  if (lift) {
    const x = Number(lift[1]);
    // "495.22 vs 505.50 (1.0×)" states there is no difference: no claim either way.
    if (x === 1 || x === 0) return undefined;
    return { direction: x > 1 ? 'high' : 'low', ratio: x };
  }
  const vs = tail.match(VERSUS);
  if (vs) {
    const a = Number(vs[1].replace(/,/g, ''));
    const b = Number(vs[2].replace(/,/g, ''));
    if (a !== b) return { direction: a > b ? 'high' : 'low', ...(a > 0 && b > 0 ? { ratio: a / b } : {}) };
  }
  const before = [...text.slice(Math.max(0, start - 30), start).toLowerCase().matchAll(PART)].slice(-2).map((m) => m[0]);
  const next = [...after.toLowerCase().matchAll(PART)].slice(0, 2).map((m) => m[0]);
  for (const w of [...before.reverse(), ...next]) {
    if (HIGH.has(w)) return { direction: 'high' };
    if (LOW.has(w)) return { direction: 'low' };
    if (MIDDLE.has(w)) return { direction: 'middle' };
  }
  // "income close to everyone's", "收入中等": no direction, a place in the middle.
  if (MIDDLE_PHRASE.test(after) || MIDDLE_PHRASE.test(text.slice(Math.max(0, start - 4), start))) return { direction: 'middle' };
  return undefined;
}

// The judge's own reading of abbreviated column names, so "Average order value" names avg_order_value.
const ABBREVIATIONS: Record<string, string> = { avg: 'average', qty: 'quantity', num: 'number', pct: 'percent', amt: 'amount', cnt: 'count', aov: 'average order value' };

/** The ways a label may write a feature's name: as is, with spaces, abbreviations spelled out. */
function namedForms(f: string): Set<string> {
  const spaced = f.replace(/[_-]+/g, ' ');
  const spelled = spaced.split(' ').map((w) => ABBREVIATIONS[w.toLowerCase()] ?? w).join(' ');
  return new Set([f, spaced, spelled]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readLabel(text: string, features: string[], levels: string[]): LabelReading {
  // Quoted customer words describe, they do not claim.
  const clean = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  const numeric = new Map<string, Direction>();
  const strength = new Map<string, number>();
  const set = (f: string, d: { direction: Direction; ratio?: number } | undefined) => {
    if (!d || numeric.has(f)) return;
    numeric.set(f, d.direction);
    strength.set(f, d.ratio === undefined ? 1 : Math.min(1.5, Math.max(1, Math.abs(Math.log2(d.ratio)))));
  };

  // 1. A feature named in full. Its words are taken: "order" in "days since last order" is
  // not also a mention of orders_12m in step 2.
  const taken: [number, number][] = [];
  for (const f of [...features].sort((a, b) => b.length - a.length)) {
    for (const form of namedForms(f)) {
      const re = new RegExp(`(?<!${JOINS}|_)${escape(form)}(?!${JOINS}|_)`, 'giu');
      for (const m of clean.matchAll(re)) {
        taken.push([m.index!, m.index! + m[0].length]);
        set(f, directionNear(clean, m.index!, m.index! + m[0].length));
      }
    }
  }
  const isTaken = (at: number) => taken.some(([a, b]) => at >= a && at < b);
  // 2. A word sharing a stem with a feature's name, with a direction word beside it.
  const words = [...clean.matchAll(WORD)];
  // A hyphenated word's parts are mentions too: "Mid-Income" names income.
  const parts = words.flatMap((m) => (m[0].includes('-') ? [...m[0].matchAll(PART)].map((p) => ({ 0: p[0], index: m.index! + p.index! })) : [{ 0: m[0], index: m.index! }]));
  for (const m of parts) {
    const s = stem(m[0]);
    if (s.length < 4 || isTaken(m.index!)) continue;
    const matching = features.filter((f) => nameWords(f).some((w) => stem(w) === s));
    // "Orders in the last year" is about orders_12m, not avg_order_value: where the word leads
    // one feature's name, that feature is the one meant.
    const leading = matching.filter((f) => stem(f.toLowerCase().split(/[^a-z]+/)[0] ?? '') === s);
    for (const f of leading.length ? leading : matching) {
      if (!numeric.has(f)) set(f, directionNear(clean, m.index!, m.index! + m[0].length));
    }
  }
  // 3. Trait words that name no column.
  for (const m of words) {
    const w = m[0].toLowerCase();
    for (const t of TRAITS) {
      if (!t.word.test(w)) continue;
      for (const f of features) if (t.feature.test(f) && !t.not?.test(f)) set(f, { direction: t.direction });
    }
  }
  // 3b. Chinese trait words, inside a run of characters.
  for (const t of ZH_TRAITS) {
    if (!t.word.test(clean)) continue;
    for (const f of features) if (t.feature.test(f) && !t.not?.test(f)) set(f, { direction: t.direction });
  }
  // Levels the label names (whole words, at least 3 characters — 2 in Chinese; "SMS-First"
  // names "sms"). Beside Chinese characters a level is whole: "零食饮料高退货客群" names 零食饮料.
  const named = new Set<string>();
  for (const level of levels) {
    if (level.length < (new RegExp(`[${UNSPACED}]`, 'u').test(level) ? 2 : 3) || /^\(.*\)$/.test(level)) continue;
    const re = new RegExp(`(?<!${JOINS})${escape(level)}(?!${JOINS})`, 'iu');
    if (re.test(clean)) named.add(level);
  }
  return { numeric, strength, levels: named };
}

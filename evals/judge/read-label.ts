/**
 * The offline judge's own reading of a label, written apart from the writers (issue 14: a
 * judge that reads labels with the writer's vocabulary only checks that the writer and the
 * parser agree). Nothing here imports src/write/ or evals/claims.ts (which uses the writers'
 * trait rules): the words are matched against the member's own feature names and levels, and
 * the few trait words a marketer's label uses without naming a column are this file's own list.
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
export type Direction = 'high' | 'low';

export interface LabelReading {
  /** feature → claimed direction (the first reading wins). */
  numeric: Map<string, Direction>;
  /** Levels of the member the label names. */
  levels: Set<string>;
}

const HIGH = new Set(['high', 'higher', 'highest', 'big', 'bigger', 'biggest', 'heavy', 'top', 'more', 'most', 'many', 'above', 'frequent', 'large', 'long', 'older', 'max']);
const LOW = new Set(['low', 'lower', 'lowest', 'few', 'fewer', 'less', 'least', 'small', 'light', 'rare', 'rarely', 'below', 'occasional', 'short', 'younger', 'min']);

/** Trait words that name no column, with the kind of feature name they are about (matched on the member's feature names). */
const TRAITS: { word: RegExp; feature: RegExp; direction: Direction }[] = [
  { word: /^(young|youth|student|students|gen ?z)$/, feature: /age|birth/i, direction: 'low' },
  { word: /^(senior|seniors|mature|older|retired|retirees)$/, feature: /age|birth/i, direction: 'high' },
  { word: /^(lapsed|lapsing|dormant|inactive|churned|churning|lost|sleeping)$/, feature: /since|recen|last|inactive|days/i, direction: 'high' },
  { word: /^(loyal|regular|regulars|frequent|devoted)$/, feature: /order|purchase|visit|frequen|count|transactions/i, direction: 'high' },
  { word: /^(deal|deals|bargain|bargains|coupon|coupons|discount|sale|sales)$/, feature: /discount|coupon|promo|deal/i, direction: 'high' },
  { word: /^(returner|returners|returns|returning)$/, feature: /return|refund/i, direction: 'high' },
  { word: /^(vip|vips|premium|luxury|whales|big-ticket)$/, feature: /spend|value|revenue|amount|monetary|basket|aov/i, direction: 'high' },
  { word: /^(budget|thrifty|frugal)$/, feature: /spend|value|revenue|amount|monetary|basket|aov/i, direction: 'low' },
  { word: /^(new|newcomers|newbies|first-time)$/, feature: /tenure|since_signup|account_age|days_as/i, direction: 'low' },
];

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const LIFT = /(?<![\d.])(\d+(?:\.\d+)?)\s?[×x](?![\p{L}\p{N}])/u;
const VERSUS = /(\d[\d,]*(?:\.\d+)?)\s?%?[^\d;]{0,12}?\bvs\.?\s[^\d;]{0,3}(\d[\d,]*(?:\.\d+)?)/;

/** A crude stem (the judge's own): lower case, common English endings off, at most 6 letters. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const end of ['ers', 'ing', 'ed', 'er', 'es', 's', 'y']) {
    if (w.length > end.length + 3 && w.endsWith(end)) {
      w = w.slice(0, -end.length);
      break;
    }
  }
  return w.slice(0, 6);
}

/** Words of a feature name worth matching on their own ("total_spend" → spend; "orders_12m" → orders). */
const WEAK = new Set(['total', 'avg', 'average', 'mean', 'rate', 'days', 'since', 'last', 'count', 'number', 'num', 'per', 'score', 'the', 'of', 'is', 'has', 'value']);
function nameWords(feature: string): string[] {
  return feature
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !WEAK.has(w));
}

/** Which way a mention points, from what follows it in its clause, then the words beside it. */
function directionNear(text: string, start: number, end: number): Direction | undefined {
  const after = text.slice(end, end + 60).split(/[;,!?(]|\.(?:\s|$)/)[0];
  const tail = text.slice(end, end + 60).split(/[;,!?]|\.(?:\s|$)/)[0];
  const lift = tail.match(LIFT);
  if (lift) {
    const x = Number(lift[1]);
    if (x !== 1) return x > 1 ? 'high' : 'low';
  }
  const vs = tail.match(VERSUS);
  if (vs) {
    const a = Number(vs[1].replace(/,/g, ''));
    const b = Number(vs[2].replace(/,/g, ''));
    if (a !== b) return a > b ? 'high' : 'low';
  }
  const before = [...text.slice(Math.max(0, start - 30), start).toLowerCase().matchAll(WORD)].slice(-2).map((m) => m[0]);
  const next = [...after.toLowerCase().matchAll(WORD)].slice(0, 2).map((m) => m[0]);
  for (const w of [...before.reverse(), ...next]) {
    if (HIGH.has(w)) return 'high';
    if (LOW.has(w)) return 'low';
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readLabel(text: string, features: string[], levels: string[]): LabelReading {
  // Quoted customer words describe, they do not claim.
  const clean = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  const numeric = new Map<string, Direction>();
  const set = (f: string, d: Direction | undefined) => d && !numeric.has(f) && numeric.set(f, d);

  // 1. A feature named in full.
  for (const f of [...features].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([f, f.replace(/[_-]+/g, ' ')])) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(form)}(?![\\p{L}\\p{N}_])`, 'giu');
      for (const m of clean.matchAll(re)) set(f, directionNear(clean, m.index!, m.index! + m[0].length));
    }
  }
  // 2. A word sharing a stem with a feature's name, with a direction word beside it.
  const words = [...clean.matchAll(WORD)];
  for (const m of words) {
    const s = stem(m[0]);
    if (s.length < 4) continue;
    for (const f of features) {
      if (numeric.has(f)) continue;
      if (nameWords(f).some((w) => stem(w) === s)) set(f, directionNear(clean, m.index!, m.index! + m[0].length));
    }
  }
  // 3. Trait words that name no column.
  for (const m of words) {
    const w = m[0].toLowerCase();
    for (const t of TRAITS) {
      if (!t.word.test(w)) continue;
      for (const f of features) if (t.feature.test(f)) set(f, t.direction);
    }
  }
  // Levels the label names (whole words, at least 3 characters; "SMS-First" names "sms").
  const named = new Set<string>();
  for (const level of levels) {
    if (level.length < 3 || /^\(.*\)$/.test(level)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(level)}(?![\\p{L}\\p{N}])`, 'iu');
    if (re.test(clean)) named.add(level);
  }
  return { numeric, levels: named };
}

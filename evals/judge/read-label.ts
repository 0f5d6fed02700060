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

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const LIFT = /(?<![\d.])(\d+(?:\.\d+)?)\s?[×x](?![\p{L}\p{N}])/u;
// The gap allows a unit and a qualifier between the numbers ("269 days on average vs 65 days").
const VERSUS = /(\d[\d,]*(?:\.\d+)?)\s?%?[^\d;]{0,24}?\bvs\.?\s[^\d;]{0,3}(\d[\d,]*(?:\.\d+)?)/;

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
function directionNear(text: string, start: number, end: number): { direction: Direction; ratio?: number } | undefined {
  // A clause, not a fixed width: plain-language evidence ("…: 269 days on average vs 65 days
  // for everyone (4.1×)") runs past 60 characters before its lift.
  // A comma inside a number ("1,407") does not end the clause.
  const after = text.slice(end, end + 120).split(/[;!?(]|,(?!\d)|\.(?:\s|$)/)[0];
  const tail = text.slice(end, end + 120).split(/[;!?]|,(?!\d)|\.(?:\s|$)/)[0];
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
  const before = [...text.slice(Math.max(0, start - 30), start).toLowerCase().matchAll(WORD)].slice(-2).map((m) => m[0]);
  const next = [...after.toLowerCase().matchAll(WORD)].slice(0, 2).map((m) => m[0]);
  for (const w of [...before.reverse(), ...next]) {
    if (HIGH.has(w)) return { direction: 'high' };
    if (LOW.has(w)) return { direction: 'low' };
  }
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
      const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(form)}(?![\\p{L}\\p{N}_])`, 'giu');
      for (const m of clean.matchAll(re)) {
        taken.push([m.index!, m.index! + m[0].length]);
        set(f, directionNear(clean, m.index!, m.index! + m[0].length));
      }
    }
  }
  const isTaken = (at: number) => taken.some(([a, b]) => at >= a && at < b);
  // 2. A word sharing a stem with a feature's name, with a direction word beside it.
  const words = [...clean.matchAll(WORD)];
  for (const m of words) {
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
  // Levels the label names (whole words, at least 3 characters; "SMS-First" names "sms").
  const named = new Set<string>();
  for (const level of levels) {
    if (level.length < 3 || /^\(.*\)$/.test(level)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(level)}(?![\\p{L}\\p{N}])`, 'iu');
    if (re.test(clean)) named.add(level);
  }
  return { numeric, strength, levels: named };
}

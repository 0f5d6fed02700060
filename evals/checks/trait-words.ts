/**
 * The evals' own trait vocabulary (issue 14: not the writer's phrase tables in src/write/):
 * families of features, each known by the shape of a column's name, with the words a label
 * uses for "more of it" and "less of it" without naming the column ("Lapsed" → days since the
 * last order high). English words are matched as whole words (a phrase as words in a row);
 * Chinese ones inside a run of characters, a negated or low form before the form it holds
 * ("不看折扣" before "折扣").
 *
 * The first family whose `feature` pattern a column's name matches (and whose `not` it does
 * not) owns the column; claims on owned columns share the family's key, so "Lapsed" and
 * "days_since_last_order 4.1×" are one claim.
 */
export interface TraitFamily {
  id: string;
  feature: RegExp;
  not?: RegExp;
  high: string[];
  low: string[];
  zhHigh?: RegExp;
  zhLow?: RegExp;
}

export const FAMILIES: TraitFamily[] = [
  {
    id: 'recency',
    feature: /last|recen|inactiv|dormant|最近|未购/i,
    high: ['lapsed', 'lapsing', 'dormant', 'inactive', 'churned', 'churning', 'sleeping', 'gone quiet', 'slipping away', 'win-back', 'winback', 'lost'],
    low: ['recent', 'recently', 'active', 'just bought'],
    zhHigh: /沉睡|流失|休眠|久未|好久没|不活跃|待唤醒|召回|回流/u,
    zhLow: /(?<!不)活跃|最近(刚|才)?(下单|购买|买过)/u,
  },
  {
    id: 'tenure',
    feature: /signup|sign_up|tenure|member_since|account_age|joined|days_as|注册|入会/i,
    high: ['veteran', 'veterans', 'longtime', 'long-time', 'long-standing', 'established', 'old-timers'],
    low: ['new', 'newcomer', 'newcomers', 'newbies', 'first-time', 'first-timers', 'recruits'],
    zhHigh: /多年老客|老会员|资深/u,
    zhLow: /新客|新人|新用户|新会员|新注册|首单|初次/u,
  },
  {
    id: 'discount',
    feature: /discount|coupon|promo|deal|voucher|折扣|优惠|券/i,
    high: ['deal', 'deals', 'bargain', 'bargains', 'coupon', 'coupons', 'discount', 'discounts', 'sale', 'sales', 'price-driven', 'price-sensitive', 'thrifty'],
    low: ['full-price', 'full price', 'full-priced', 'no-discount'],
    zhHigh: /优惠|折扣|打折|价格敏感|领券|用券|薅羊毛|促销|特价|比价/u,
    zhLow: /不看(折扣|优惠)|原价|品质优先/u,
  },
  {
    id: 'returns',
    feature: /return|refund|退/i,
    high: ['returner', 'returners', 'send back', 'sends back', 'sent back'],
    low: ['keepers'],
    zhHigh: /(高|多|常|爱)(退货|退换)|退货(率)?(高|多)|退货(大户|党)/u,
    zhLow: /(低|少)(退货|退换)|退货(率)?(低|少)/u,
  },
  {
    // Before spend: "Affluent" says they have money, which a table with an income column can
    // check; a table without one has only spend to check it by (the spend family reads it then).
    id: 'income',
    feature: /income|salar|(^|[_\s])wages?($|[_\s])|earnings|wealth|收入|薪/i,
    high: ['affluent', 'wealthy', 'well-off', 'well-to-do', 'high earners', 'high-earning'],
    low: ['low-earning', 'low earners', 'hard-up'],
    zhHigh: /高收入|富裕|有钱/u,
    zhLow: /低收入/u,
  },
  {
    id: 'spend',
    feature: /spend|revenue|amount|monetary|value|aov|basket|clv|ltv|消费|金额|客单/i,
    high: ['vip', 'vips', 'premium', 'luxury', 'big-ticket', 'high-value', 'whales', 'affluent', 'high rollers'],
    low: ['budget', 'frugal', 'low-value', 'penny-pinchers'],
    zhHigh: /高价值|高消费|高客单|大客户|大额|贵宾|高端/u,
    zhLow: /轻消费|小额|低消费|低客单|低价值|省钱|预算有限/u,
  },
  {
    id: 'frequency',
    feature: /(^|_)(orders?|purchases?|visits?|transactions?|sessions?|frequency)(_|$)|_count$|订单|次数|频/i,
    not: /last|since|recen|value|amount|size|basket|spend/i,
    high: ['loyal', 'loyalists', 'regular', 'regulars', 'frequent', 'repeat', 'devoted', 'habitual'],
    low: ['occasional', 'infrequent', 'one-time', 'one-off', 'sporadic'],
    // "以前常买" (used to buy often) says what they did, not what they do.
    zhHigh: /高频|复购|常客|回头客|忠实|忠诚|(?<!以前|曾经|过去)常买/u,
    zhLow: /低频|偶尔|很少买|不常买|一次性/u,
  },
  {
    id: 'age',
    feature: /(^|_)age(_|$)|birth|born|年龄/i,
    high: ['senior', 'seniors', 'mature', 'older', 'retirees', 'retired', 'silver'],
    low: ['young', 'younger', 'youth', 'student', 'students', 'gen z', 'gen-z'],
    zhHigh: /成熟|中老年|银发|中年|年长/u,
    zhLow: /年轻|学生|Z世代|00后|95后/u,
  },
];

/** Words that give a mention its direction: "big spenders", "fewer orders", "spend 2.1×". */
export const MORE = new Set(['high', 'higher', 'highest', 'big', 'bigger', 'biggest', 'heavy', 'heavier', 'top', 'more', 'most', 'many', 'above', 'large', 'larger', 'long', 'longer', 'lots', 'plenty', 'max', 'increased']);
export const LESS = new Set(['low', 'lower', 'lowest', 'few', 'fewer', 'fewest', 'less', 'least', 'small', 'smaller', 'little', 'light', 'rare', 'rarely', 'below', 'short', 'shorter', 'min', 'reduced', 'not', 'no', 'never']);

/** The family that owns a column, by its name. */
export function familyOf(feature: string): TraitFamily | undefined {
  return FAMILIES.find((f) => f.feature.test(feature) && !f.not?.test(feature));
}

/**
 * Words that place a mention in the middle of everyone ("Mid-Income", "Moderate Spenders",
 * "typical spend"): a claim that the members sit in everyone's middle band (lifts.ts), not
 * above or below. Not "average": "above average spend" is a high claim, and "average" is the
 * word for a mean ("spend 2.1× the average"). The Chinese forms are read beside the mention.
 */
export const MIDDLE = new Set(['mid', 'middle', 'moderate', 'moderately', 'medium', 'midrange', 'typical']);
export const ZH_MIDDLE = /中等|适中|中游|居中|一般水平/u;

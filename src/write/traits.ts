import type { CategoryFact, NumericFact, RfmTier, SegmentProfile, TermFact } from '../model/profile.js';
import type { Channel, FeatureLabels } from '../model/texts.js';
import { SENSITIVE_COLUMN, claimsAnyTrait, ruleFor, type OfferKind, type TraitPhrase } from './vocabulary.js';
import { describeCategory, describeNumeric, describeTerm, describeTier } from './format.js';

/**
 * A segment's distinctive traits, strongest first: what the offline writer names it by, what
 * its persona and offer are built on, and which KPIs its brief suggests. Every trait carries
 * the formatted fact it stands on, so every sentence built from it cites a profile number.
 */
export interface Trait {
  /** One trait per key: two spend-like features make one "spend" trait (the stronger). */
  key: string;
  source: 'numeric' | 'category' | 'term' | 'rfm';
  direction: 'high' | 'low';
  /** How distinctive, on one scale for every source: a standardised difference (like z). */
  score: number;
  phrase: TraitPhrase;
  /** The profile fact, formatted by format.ts. */
  evidence: string;
  /** A category level worth naming in copy ("Electronics"), from interest-like columns. */
  topic?: string;
  /** Channels a preferred-channel column points to. */
  channels?: Channel[];
  /**
   * Whether a name may claim it: a category level, flag or RFM tier held by a majority of the
   * segment, or an average well away from everyone's (|z| ≥ 0.5). Never a trait the segment
   * lacks (a low flag, "low <feature>") and never a rule whose features disagree.
   */
  nameable: boolean;
  /** Share of the segment holding the trait (category levels, flags, RFM tiers). */
  share?: number;
  /** For category traits: what kind of column (channel, topic, region, device, plan, tier, payment, generic). */
  categoryKind?: string;
  /** For category traits: the level as shown ("SMS", "Fashion"). */
  level?: string;
  /** The feature or column it stands on. */
  feature?: string;
  /**
   * Near everyone's average on a feature other segments are named high and low on
   * (middle-traits.ts): words for a name, never a direction claimed — `direction` is only
   * the side of the average the segment falls on.
   */
  middle?: boolean;
}

/** A name claims only what a majority holds, or an average this far from everyone's. */
export const NAME_MIN_SHARE = 0.5;
export const NAME_MIN_Z = 0.5;

/** Below this a trait is noise: used for a name only when nothing stronger exists. */
export const MIN_TRAIT_SCORE = 0.3;

export function segmentTraits(profile: SegmentProfile, all: SegmentProfile[], currency?: string, labels?: FeatureLabels): Trait[] {
  const traits: Trait[] = [
    ...profile.numeric.map((f) => numericTrait(f, currency, labels)),
    ...profile.categories.map((c) => categoryTrait(c, labels)),
    ...profile.terms.map((t) => termTrait(t, labels)),
    ...rfmTraits(profile, all),
  ].filter((t): t is Trait => !!t && Number.isFinite(t.score) && t.score > 0);
  const best = new Map<string, Trait>();
  const directions = new Map<string, Set<string>>();
  for (const t of traits) {
    const prev = best.get(t.key);
    if (!prev || t.score > prev.score) best.set(t.key, t);
    if (t.source === 'numeric' && t.score >= 0.3) directions.set(t.key, (directions.get(t.key) ?? new Set()).add(t.direction));
  }
  // Two spend-like features pointing opposite ways (high total, low basket) make no honest
  // name: "Budget Shoppers" for the group that spends most in total.
  for (const [key, dirs] of directions) if (dirs.size > 1) best.get(key)!.nameable = false;
  return [...best.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

function numericTrait(f: NumericFact, currency?: string, labels?: FeatureLabels): Trait | undefined {
  if (SENSITIVE_COLUMN.test(f.feature) || f.z === 0) return undefined;
  const direction = f.z > 0 ? 'high' : 'low';
  const rule = ruleFor(f.feature);
  const phrase = rule ? rule[direction] : undefined;
  const evidence = describeNumeric(f, currency, labels);
  const flag = f.kind === 'boolean';
  // A flag is a share: a name may claim it when a majority has it; a missing flag is a lack.
  const share = flag ? f.mean : undefined;
  const nameable = Math.abs(f.z) >= NAME_MIN_Z && (!flag || (direction === 'high' && f.mean >= NAME_MIN_SHARE));
  if (rule && phrase) return { key: rule.id, source: 'numeric', direction, score: Math.abs(f.z), phrase, evidence, channels: phrase.channels, nameable, share, feature: f.feature };
  if (rule) return undefined; // the rule has no words for this direction ("low app use" says little)
  const generic = genericPhrase(f.feature, direction, flag);
  // "Low-Share-Germany Customers" names what they lack: generic words name only a high value.
  return generic ? { key: `feature:${f.feature}`, source: 'numeric', direction, score: Math.abs(f.z), phrase: generic, evidence, nameable: nameable && direction === 'high', share, feature: f.feature } : undefined;
}

/** "High Page Views" for a feature no rule knows; undefined when its name makes poor words. */
function genericPhrase(feature: string, direction: 'high' | 'low', flag: boolean): TraitPhrase | undefined {
  const words = prettyWords(feature);
  if (words.length === 0 || words.length > 2) return undefined;
  const label = words.join(' ');
  const hyphen = words.join('-');
  if (flag) {
    const adj = direction === 'high' ? hyphen : `Non-${hyphen}`;
    return {
      adj, noun: `${adj} Customers`,
      goal: `Offers that fit their ${label.toLowerCase()} status`, pain: 'Messages that ignore who they are',
      kpis: ['Conversion rate'],
    };
  }
  const adj = `${direction === 'high' ? 'High' : 'Low'}-${hyphen}`;
  return {
    adj, noun: `${adj} Customers`,
    goal: `Offers matched to ${label.toLowerCase()} well ${direction === 'high' ? 'above' : 'below'} the average`, pain: 'One-size-fits-all messages',
    kpis: ['Conversion rate'],
  };
}

const FILLER = new Set(['is', 'has', 'avg', 'mean', 'num', 'n', 'nb', 'count', 'cnt', 'pct', 'the', 'of', 'per', 'flag']);

/** "avg_page_views" → ["Page", "Views"]; words with digits are dropped ("90d"). */
export function prettyWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !/\d/.test(w) && !FILLER.has(w.toLowerCase()))
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

interface ColumnKind {
  re: RegExp;
  adj: (l: string) => string;
  noun: (l: string) => string;
  goal: (l: string) => string;
  pain: (l: string) => string;
  kpis: (l: string) => string[];
  topic?: boolean;
  channel?: boolean;
  /** The level itself is the adjective ("Garden" Fans), not an adjective form of it ("Email-First"). */
  adjIsNoun?: boolean;
}

const COLUMN_KINDS: (ColumnKind & { id: string })[] = [
  {
    id: 'channel', re: /channel|contact|prefer|medium/i, channel: true,
    adj: (l) => `${l}-First`, noun: (l) => `${l}-First Customers`,
    // A channel is where to reach them, not what they want: the persona's channels say it.
    goal: () => '', pain: () => '',
    kpis: (l) => [`${l} engagement rate`],
  },
  {
    id: 'topic', re: /categor|interest|department|genre|product|brand|fav|topic|hobby|style|collection/i, topic: true, adjIsNoun: true,
    adj: (l) => l, noun: (l) => `${l} Fans`,
    goal: (l) => `New arrivals and ideas in ${l}`, pain: (l) => `Recommendations outside ${l} they do not care about`,
    kpis: () => ['Category conversion rate', 'Cross-category attach rate'],
  },
  {
    id: 'region', re: /region|city|country|state|location|market|area|store|province|zone|territory/i, adjIsNoun: true,
    adj: (l) => l, noun: (l) => `${l} Shoppers`,
    goal: (l) => `Offers that make sense in ${l}`, pain: () => 'Generic national campaigns',
    kpis: () => ['Regional conversion rate'],
  },
  {
    id: 'device', re: /device|platform|(^|_)os($|_)|browser/i, adjIsNoun: true,
    adj: (l) => l, noun: (l) => `${l} Users`,
    goal: (l) => `A smooth experience on ${l}`, pain: (l) => `Clunky flows on ${l}`,
    kpis: (l) => [`${l} conversion rate`],
  },
  {
    // A loyalty tier ("Bronze") is a status, not a plan they pay for.
    id: 'tier', re: /loyalty|reward|status|rank/i,
    adj: (l) => `${l}-Tier`, noun: (l) => `${l}-Tier Members`,
    goal: (l) => `Perks that match their ${l} status`, pain: () => 'Perks they never notice',
    kpis: () => ['Tier upgrade rate', 'Programme engagement'],
  },
  {
    id: 'plan', re: /plan|membership|subscription|package/i,
    adj: (l) => `${l}-Plan`, noun: (l) => `${l}-Plan Customers`,
    goal: (l) => `Full value from the ${l} plan`, pain: () => 'Paying for what they do not use',
    kpis: () => ['Plan upgrade rate', 'Plan churn rate'],
  },
  {
    id: 'tier', re: /tier|level/i,
    adj: (l) => `${l}-Tier`, noun: (l) => `${l}-Tier Members`,
    goal: (l) => `Perks that match their ${l} status`, pain: () => 'Perks they never notice',
    kpis: () => ['Tier upgrade rate', 'Programme engagement'],
  },
  {
    id: 'payment', re: /payment|pay_?method|card_type|checkout/i,
    adj: (l) => `${l}-Paying`, noun: (l) => `${l} Payers`,
    goal: (l) => `Paying their preferred way (${l})`, pain: () => 'A checkout without their payment option',
    kpis: () => ['Checkout completion rate'],
  },
];

const GENERIC_COLUMN: Omit<ColumnKind, 're'> = {
  adjIsNoun: true,
  adj: (l) => l, noun: (l) => `${l} Crowd`,
  goal: (l) => `Offers that fit their taste for ${l}`, pain: () => 'Messages that ignore it',
  kpis: () => ['Conversion rate'],
};

// Categories need a real lean to count as a trait: a level a fifth of the segment shares.
const MIN_CATEGORY_SHARE = 0.2;
const MIN_CATEGORY_LIFT = 1.2;

function categoryTrait(c: CategoryFact, labels?: FeatureLabels): Trait | undefined {
  if (SENSITIVE_COLUMN.test(c.column) || c.share < MIN_CATEGORY_SHARE || c.lift < MIN_CATEGORY_LIFT) return undefined;
  const level = displayLevel(c.level);
  // A level that reads as another trait ("Premium" plan) would claim what it does not measure.
  if (!level || claimsAnyTrait(level)) return undefined;
  const kind = COLUMN_KINDS.find((k) => k.re.test(c.column)) ?? { id: 'generic', re: /./, ...GENERIC_COLUMN };
  const phrase: TraitPhrase = {
    adj: kind.adj(level), noun: kind.noun(level), adjIsNoun: kind.adjIsNoun,
    goal: kind.goal(level), pain: kind.pain(level), kpis: kind.kpis(level),
    offer: kind.topic ? 'picks' : undefined,
  };
  const channels = kind.channel ? channelsOf(c.level) : undefined;
  return {
    key: `cat:${c.column}`, source: 'category', direction: 'high', score: indicatorZ(c.share, c.overallShare), phrase,
    evidence: describeCategory({ ...c, level }, labels), topic: kind.topic ? level : undefined, channels,
    // "SMS-First" for a segment where a third prefers SMS overclaims: a majority, or no name.
    nameable: c.share >= NAME_MIN_SHARE, share: c.share, categoryKind: kind.id, level, feature: c.column,
  };
}

/** A level fit for a name: short, no digits, no address-like characters; Title Case if all lower. */
export function displayLevel(level: string): string | undefined {
  const l = level.trim().replace(/\s+/g, ' ');
  if (!l || l.length > 18 || /\d|@|\/|:|\.|[<>[\]{}"]/.test(l) || l.split(' ').length > 2) return undefined;
  if (l !== l.toLowerCase()) return l;
  return l.replace(/\p{L}+/gu, (w) => ACRONYMS[w] ?? w[0].toUpperCase() + w.slice(1));
}

// Lower-case levels that are acronyms or brands, written as people write them.
const ACRONYMS: Record<string, string> = {
  sms: 'SMS', tv: 'TV', ios: 'iOS', pc: 'PC', uk: 'UK', us: 'US', usa: 'USA', eu: 'EU', diy: 'DIY', vip: 'VIP', b2b: 'B2B', web: 'Web', whatsapp: 'WhatsApp',
};

/** Which of our channels a preferred-channel level means. */
export function channelsOf(level: string): Channel[] | undefined {
  const l = level.toLowerCase();
  // Chinese channel names too: 短信 SMS, 小程序/公众号/微信 in-app push, 抖音/小红书/微博 paid social.
  if (/e-?mail|newsletter|邮件|邮箱/.test(l)) return ['email'];
  if (/sms|text|whatsapp|messag|短信/.test(l)) return ['sms'];
  if (/push|app|mobile|notif|小程序|公众号|微信|推送/.test(l)) return ['push'];
  if (/social|facebook|instagram|tiktok|ads?\b|display|search|web|online|youtube|paid|抖音|小红书|微博|广告|网页|直播/.test(l)) return ['ad'];
  return undefined;
}

function termTrait(t: TermFact, labels?: FeatureLabels): Trait | undefined {
  if (t.share < 0.1 || !/^[a-z]+( [a-z]+)?$/.test(t.term) || claimsAnyTrait(t.term)) return undefined;
  const title = t.term.replace(/(^|\s)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
  return {
    key: `term:${t.term}`, source: 'term', direction: 'high',
    // A term's weight is the share who use it: distinctive terms are a weaker signal than numbers.
    score: t.share,
    phrase: {
      adj: title, noun: `${title} Crowd`, adjIsNoun: true,
      goal: `A brand that gets "${t.term}" right`, pain: `Being let down on "${t.term}"`,
      kpis: ['Review sentiment on their top topics'],
    },
    evidence: describeTerm(t, labels), nameable: t.share >= NAME_MIN_SHARE, share: t.share, feature: t.column,
  };
}

const TIER_PHRASES: Record<RfmTier, TraitPhrase> = {
  Champions: {
    adj: 'Champion', noun: 'Champion Customers', goal: 'Recognition and first access', pain: 'Being treated like everyone else',
    offer: 'vip', kpis: ['Retention rate', 'Referral rate'],
  },
  Loyal: {
    adj: 'Loyal', noun: 'Loyal Customers', goal: 'Rewards for sticking around', pain: 'Loyalty that goes unnoticed',
    offer: 'loyalty', kpis: ['Repeat purchase rate', 'Churn rate'],
  },
  Potential: {
    adj: 'Promising', noun: 'Rising Stars', goal: 'Reasons to buy a little more often', pain: 'Nothing that builds the habit',
    offer: 'picks', kpis: ['Purchase frequency', 'Loyalty programme sign-ups'],
  },
  New: {
    adj: 'New', noun: 'New Customers', goal: 'A good start with the brand', pain: 'Being sold to before they know the brand',
    offer: 'welcome', kpis: ['Second-purchase rate', 'Welcome-series engagement'],
  },
  'At risk': {
    adj: 'At-Risk', noun: 'At-Risk Regulars', goal: 'A reason to come back', pain: 'Feeling taken for granted',
    offer: 'winback', kpis: ['Reactivation rate', 'Churn rate'],
  },
  Hibernating: {
    adj: 'Dormant', noun: 'Dormant Customers', goal: 'A reason to remember the brand', pain: 'Messages that feel like spam',
    offer: 'winback', kpis: ['Reactivation rate', 'List hygiene'],
  },
};

/**
 * The recency a tier's words claim (rfm.ts: Champions and New bought lately, At risk and
 * Hibernating not lately): "流失预警", "slipping away" say days since the last order is high.
 * Loyal and Potential are reasonably recent by rule, but their words claim no recency.
 */
const TIER_RECENCY: Partial<Record<RfmTier, 'high' | 'low'>> = { Champions: 'low', New: 'low', 'At risk': 'high', Hibernating: 'high' };

/**
 * A name claims a recency only this far from everyone's mean, as any claim (1.1× more, or
 * 1/1.1 as much): a tier is a quintile bucket, and on a skewed column most of a segment can
 * sit in the "not lately" quintiles while its mean is less than half everyone's.
 */
export const NAME_MIN_LIFT = 1.1;

/** The segment's leading RFM tier when it leans on it (≥ 30% and 1.3× the population's mix). */
function rfmTraits(profile: SegmentProfile, all: SegmentProfile[]): Trait[] {
  const total = all.reduce((a, p) => a + p.size, 0);
  const recency = profile.numeric.filter((f) => f.kind !== 'boolean' && ruleFor(f.feature)?.id === 'recency');
  const out: Trait[] = [];
  for (const [tier, share] of Object.entries(profile.rfm) as [RfmTier, number][]) {
    const overall = total > 0 ? all.reduce((a, p) => a + p.size * (p.rfm[tier] ?? 0), 0) / total : share;
    if (share < 0.3 || share < 1.3 * overall) continue;
    // The tier's recency against the segment's own recency numbers: a tier they point against
    // is no trait at all (a text saying both "bought recently" and "slipping away" says
    // nothing), and a name claims it only with the lift behind it, as any recency word.
    const dir = TIER_RECENCY[tier];
    const sign = dir === 'high' ? 1 : -1;
    if (dir && recency.length > 0 && !recency.some((f) => sign * f.z > 0)) continue;
    const lifted = !dir || recency.length === 0 || recency.some((f) => (dir === 'high' ? f.lift : 1 / f.lift) >= NAME_MIN_LIFT);
    out.push({
      key: 'rfm', source: 'rfm', direction: 'high',
      // Half weight: RFM restates recency, frequency and spend, which usually speak for themselves.
      score: 0.5 * indicatorZ(share, overall),
      phrase: TIER_PHRASES[tier], evidence: describeTier(tier, share, true),
      nameable: share >= NAME_MIN_SHARE && lifted, share, level: tier,
    });
  }
  return out;
}

/** z of a 0/1 indicator: (share − overall) / sd of the indicator overall — the numeric z's scale. */
function indicatorZ(share: number, overall: number): number {
  const p = Math.min(0.99, Math.max(0.01, overall));
  return (share - overall) / Math.sqrt(p * (1 - p));
}

/** The offer idea a segment's traits point to: the strongest trait that has one. */
export function offerKindOf(traits: Trait[]): { kind: OfferKind; because?: Trait } {
  // Lifecycle offers (win-back, welcome, VIP, discount…) beat generic picks: they are the
  // decision a marketer makes per segment; picks are what everyone gets anyway.
  // A trait within the noise is no reason: "a discount, because income is 53 vs 55 (1.0×)"
  // for a segment in the middle of everything. Such a segment gets the picks everyone gets.
  const strong = traits.filter((x) => x.score >= MIN_TRAIT_SCORE);
  const t = strong.find((x) => x.phrase.offer && x.phrase.offer !== 'picks') ?? strong.find((x) => x.phrase.offer);
  return t ? { kind: t.phrase.offer!, because: t } : { kind: 'picks' };
}

/** The interest level copy can mention ("Electronics"), if the segment leans to one. */
export function topicOf(traits: Trait[]): string | undefined {
  return traits.find((t) => t.topic)?.topic;
}

/**
 * The traits worth describing: the strong ones. None when none is — goals, channels and KPIs
 * drawn from a trait within the noise ("younger than most" at z −0.09) describe no one; the
 * callers fall back to their defaults.
 */
export function leading(traits: Trait[]): Trait[] {
  return traits.filter((t) => t.score >= MIN_TRAIT_SCORE).slice(0, 4);
}

import type { Channel } from '../model/texts.js';

/**
 * The marketing vocabulary of the offline writer: how a distinctive feature becomes words.
 * A rule matches feature names; each direction (the segment is above or below everyone) has
 * an adjective and a noun phrase for names, a goal and a pain point for the persona, an offer
 * idea, preferred channels, and KPIs for the brief. `claims` is what checkNameClaims looks for
 * in any writer's names: a name saying "Lapsed" claims recency is above everyone.
 */
export type OfferKind = 'winback' | 'discount' | 'vip' | 'welcome' | 'loyalty' | 'service' | 'referral' | 'picks';

export interface TraitPhrase {
  adj: string;
  noun: string;
  /** The adjective is really a noun ("Electronics", "Garden"): it may only precede a noun-led phrase. */
  adjIsNoun?: boolean;
  /** The noun phrase starts with a noun ("Deal Hunters"), so a noun may go before it ("Fashion Deal Hunters"). */
  nounLed?: boolean;
  claims?: RegExp;
  /** Empty when the trait says nothing about what they want (a preferred channel). */
  goal: string;
  pain: string;
  offer?: OfferKind;
  channels?: Channel[];
  kpis: string[];
}

export interface TraitRule {
  id: string;
  feature: RegExp;
  high?: TraitPhrase;
  low?: TraitPhrase;
  /**
   * Name words for a segment near everyone's average on this feature while other segments
   * are named high and low on it ("Mid-Income" between "High Income" and "Low Income"):
   * names only (middle-traits.ts), no claim of a direction.
   */
  mid?: MidPhrase;
}

export interface MidPhrase {
  adj: string;
  noun: string;
  nounLed?: boolean;
}

// Order matters: the first rule whose pattern matches a feature owns it ("days_since_first_order"
// is tenure before recency; "days_since_last_order" is recency before frequency).
export const TRAIT_RULES: TraitRule[] = [
  {
    id: 'tenure',
    feature: /tenure|customer_since|member_since|months_active|account_age|days_since_first|since_signup|days_as_customer/i,
    high: {
      adj: 'Long-Time', noun: 'Long-Time Customers', claims: /\b(long[- ]time|veteran|long[- ]standing|tenured)\b/i,
      goal: 'Recognition for years of custom', pain: 'Seeing new-customer offers they cannot get',
      offer: 'loyalty', kpis: ['Retention rate', 'Referral rate'],
    },
    low: {
      adj: 'New', noun: 'Recent Joiners', claims: /\b(newcomers?|recent joiners?|first[- ]timers?)\b/i,
      goal: 'Learn what the brand offers and get value quickly', pain: 'Being sold to before they know the brand',
      offer: 'welcome', kpis: ['Second-purchase rate', 'Welcome-series engagement'],
    },
  },
  {
    id: 'recency',
    feature: /recency|days_since|since_last|last_(order|purchase|visit|seen|activity)|inactiv/i,
    high: {
      adj: 'Lapsed', noun: 'Lapsed Customers', claims: /\b(lapsed|dormant|inactive|churn\w*|lost|sleeping|hibernat\w*|win[- ]?back|drifting|fading)\b/i,
      goal: 'A good reason to come back', pain: 'Forgot what they liked, or found an alternative',
      offer: 'winback', channels: ['email', 'ad'], kpis: ['Reactivation rate', 'Repeat purchase within a month of return'],
    },
    low: {
      adj: 'Active', noun: 'Recent Buyers', claims: /\b(active|recent buyers?|fresh)\b/i,
      goal: 'Keep the momentum of their latest purchase', pain: 'Follow-ups that ignore what they just bought',
      offer: 'picks', kpis: ['Repeat purchase rate', 'Cross-sell conversion'],
    },
  },
  {
    id: 'discount',
    feature: /discount|coupon|promo|voucher|deal|markdown|on_sale|sale_share/i,
    high: {
      adj: 'Deal-Seeking', noun: 'Deal Hunters', nounLed: true, claims: /\b(deal|deals|bargain\w*|discount\w*|coupon\w*|promo\w*)\b/i,
      goal: 'Feel they got the best price', pain: 'Paying full price',
      offer: 'discount', channels: ['sms', 'email'], kpis: ['Coupon redemption rate', 'Margin per order after discounts'],
    },
    low: {
      adj: 'Full-Price', noun: 'Full-Price Buyers', claims: /\bfull[- ]price\b/i,
      goal: 'Quality and convenience over price', pain: 'Constant promotions that cheapen the brand',
      offer: 'vip', kpis: ['Full-price sell-through', 'Average order value'],
    },
  },
  {
    id: 'returns',
    feature: /return|refund/i,
    high: {
      adj: 'Return-Prone', noun: 'Serial Returners', nounLed: true, claims: /\b(returners?|refund\w*|return-prone)\b/i,
      goal: 'Confidence that items fit and work before buying', pain: 'A hassle-filled returns process',
      offer: 'service', kpis: ['Return rate', 'Net revenue after returns'],
    },
    low: {
      adj: 'Decisive', noun: 'Decisive Buyers', claims: /\bdecisive\b/i,
      goal: 'Get it right the first time', pain: 'Slow delivery of what they are sure they want',
      kpis: ['Conversion rate', 'Net revenue per customer'],
    },
  },
  {
    id: 'frequency',
    feature: /frequency|order_count|orders|purchases|transactions|visits|sessions|num_orders|n_orders|basket_count/i,
    high: {
      adj: 'Frequent', noun: 'Loyal Regulars', claims: /\b(loyal|regulars?|frequent|devoted|repeat)\b/i,
      goal: 'Quick, easy reorders of what they already love', pain: 'Friction at checkout and running out of favourites',
      offer: 'loyalty', kpis: ['Repeat purchase rate', 'Purchase frequency', 'Churn rate'],
    },
    low: {
      adj: 'Occasional', noun: 'Occasional Buyers', claims: /\b(occasional|infrequent|one[- ]time|rare)\b/i,
      goal: 'Buy only when there is a clear need', pain: 'Too many messages between purchases',
      offer: 'picks', kpis: ['Second-purchase rate', 'Time between orders'],
    },
    mid: { adj: 'Mid-Frequency', noun: 'Mid-Frequency Buyers' },
  },
  {
    // What they earn, not what they spend: a high income says who they are, not how they buy.
    // Low keeps the column's own word, unhyphenated ("Low Income"), so a reader of the name
    // alone finds the column; high is another word ("Affluent", not "High Income"), or the two
    // sides of one noun read as one name ("High Income Budget Shoppers" / "Low Income Budget
    // Shoppers" differ by three letters).
    id: 'income',
    feature: /income|salary|wage|earning/i,
    high: {
      adj: 'Affluent', noun: 'Affluent Customers', claims: /\b(high[- ]income|high earners?|affluent|wealthy)\b/i,
      goal: 'Quality worth what it costs', pain: 'Offers pitched below what they can afford',
      offer: 'vip', kpis: ['Average order value', 'Premium range uptake'],
    },
    low: {
      adj: 'Low Income', noun: 'Low Income Customers', claims: /\b(low[- ]income|low earners?)\b/i,
      goal: 'Good value they can count on', pain: 'Prices that stretch their budget',
      offer: 'discount', kpis: ['Conversion rate', 'Coupon redemption rate'],
    },
    mid: { adj: 'Mid-Income', noun: 'Mid-Income Customers' },
  },
  {
    id: 'spend',
    feature: /spend|revenue|monetary|ltv|clv|lifetime_value|aov|basket|order_value|amount|total|sales|value/i,
    high: {
      adj: 'Premium', noun: 'Big Spenders', claims: /\b(big spenders?|premium|high[- ]value|vip|top spenders?|high spenders?|luxury|whales?)\b/i,
      goal: 'Quality and recognition for how much they spend', pain: 'Being treated like every other customer',
      offer: 'vip', channels: ['email'], kpis: ['Average order value', 'Revenue per recipient', 'VIP programme uptake'],
    },
    low: {
      adj: 'Budget', noun: 'Budget Shoppers', nounLed: true, claims: /\b(budget|low[- ]spend\w*|thrifty|frugal|small[- ]basket)\b/i,
      goal: 'Good value on everyday needs', pain: 'Premium pricing that does not fit their budget',
      offer: 'discount', kpis: ['Conversion rate', 'Average order value uplift'],
    },
    mid: { adj: 'Moderate-Spending', noun: 'Moderate Spenders' },
  },
  {
    id: 'age',
    feature: /(^|[^a-z])age([^a-z]|$)/i,
    high: {
      adj: 'Mature', noun: 'Mature Shoppers', claims: /\b(mature|older|seniors?|boomers?|silver)\b/i,
      goal: 'Straightforward service and trusted quality', pain: 'Cluttered, trend-led messaging',
      channels: ['email'], kpis: ['Conversion rate', 'Customer satisfaction'],
    },
    low: {
      adj: 'Young', noun: 'Young Shoppers', claims: /\b(young|gen[- ]?z|youth|students?|millennials?)\b/i,
      goal: 'Discover new, shareable products', pain: 'Generic, preachy messaging',
      channels: ['push', 'ad'], kpis: ['Push open rate', 'Social ad click-through rate'],
    },
    mid: { adj: 'Mid-Age', noun: 'Mid-Age Shoppers' },
  },
  {
    id: 'engagement',
    feature: /open_rate|opens|click|ctr|engagement|email_open|newsletter_read/i,
    high: {
      adj: 'Engaged', noun: 'Engaged Readers', claims: /\b(engaged|readers?|clickers?|openers?)\b/i,
      goal: 'Useful content worth opening', pain: 'Repetitive emails',
      channels: ['email'], kpis: ['Click-through rate', 'Unsubscribe rate'],
    },
    low: {
      adj: 'Quiet', noun: 'Quiet Contacts', claims: /\b(quiet|disengaged|silent|unengaged)\b/i,
      goal: 'Hear from the brand only when it matters', pain: 'Inbox clutter',
      offer: 'picks', kpis: ['Re-engagement rate', 'Spam complaint rate'],
    },
  },
  {
    id: 'satisfaction',
    feature: /satisf|rating|nps|csat|review_score|stars|sentiment/i,
    high: {
      adj: 'Happy', noun: 'Happy Advocates', claims: /\b(happy|satisfied|promoters?|delighted|advocates?)\b/i,
      goal: 'Share what they love', pain: 'No reward for recommending the brand',
      offer: 'referral', kpis: ['Referral rate', 'Review volume'],
    },
    low: {
      adj: 'Unhappy', noun: 'Frustrated Customers', claims: /\b(unhappy|detractors?|dissatisfied|frustrated|critics?)\b/i,
      goal: 'Problems fixed fast', pain: 'Issues left unresolved',
      offer: 'service', kpis: ['Complaint resolution time', 'Satisfaction recovery'],
    },
  },
  {
    id: 'support',
    feature: /support|ticket|complaint|contact_count|calls/i,
    high: {
      adj: 'Support-Heavy', noun: 'Support Seekers', nounLed: true, claims: /\bsupport[- ](seekers?|heavy)\b/i,
      goal: 'Fast, human answers', pain: 'Waiting for help',
      offer: 'service', kpis: ['Tickets per customer', 'First-contact resolution'],
    },
    low: {
      adj: 'Self-Serve', noun: 'Self-Serve Customers', claims: /\bself[- ]serv\w*\b/i,
      goal: 'Get things done without asking', pain: 'Being pushed to call or chat',
      kpis: ['Self-service completion rate', 'Conversion rate'],
    },
  },
  {
    id: 'browsing',
    feature: /session|time_on_site|minutes_on|page_?views|pageviews|browse|dwell/i,
    high: {
      adj: 'Avid', noun: 'Avid Browsers', claims: /\b(avid|browsers?)\b/i,
      goal: 'Time to explore and compare before buying', pain: 'Sites that rush them to checkout',
      offer: 'picks', kpis: ['Browse-to-buy conversion', 'Saved-item and wishlist reminders clicked'],
    },
    low: {
      adj: 'Quick-Visit', noun: 'Quick Visitors', claims: /\bquick[- ]visit\w*\b/i,
      goal: 'Find what they came for fast', pain: 'Slow pages and long journeys',
      kpis: ['Conversion rate per visit', 'Time to purchase'],
    },
  },
  {
    id: 'app',
    feature: /app_|_app|mobile|push_opt/i,
    high: {
      adj: 'App-First', noun: 'App Lovers', nounLed: true, claims: /\b(app[- ]first|app lovers?|mobile[- ]first)\b/i,
      goal: 'Everything in a tap', pain: 'Desktop-only offers',
      channels: ['push', 'ad'], kpis: ['Push open rate', 'App conversion rate'],
    },
  },
  {
    id: 'membership',
    feature: /member|loyalty|vip|prime|club/i,
    high: {
      adj: 'Member', noun: 'Loyalty Members', nounLed: true, claims: /(?<!non[- ])\b(members?|club)\b/i,
      goal: 'Perks that make membership worth it', pain: 'Perks they never notice',
      offer: 'vip', kpis: ['Programme engagement', 'Member retention'],
    },
    low: {
      adj: 'Non-Member', noun: 'Non-Members', claims: /\bnon[- ]members?\b/i,
      goal: 'A clear reason to join', pain: 'Missing out on perks without knowing it',
      offer: 'loyalty', kpis: ['Programme sign-up rate', 'Conversion rate'],
    },
  },
  {
    id: 'subscription',
    feature: /subscri|newsletter|opt_?in|consent/i,
    high: {
      adj: 'Subscribed', noun: 'Keen Subscribers', claims: /(?<!non[- ])\bsubscribers?\b/i,
      goal: 'Content and offers worth staying subscribed for', pain: 'Too much, too often',
      channels: ['email'], kpis: ['Open rate', 'Unsubscribe rate'],
    },
    low: {
      adj: 'Unsubscribed', noun: 'Non-Subscribers', claims: /\b(unsubscribed|non[- ]subscribers?)\b/i,
      goal: 'Control over what they hear', pain: 'Unwanted messages',
      channels: ['ad'], kpis: ['Paid-media conversion', 'Opt-in rate'],
    },
  },
];

/** The rule that owns a feature, if any. */
export function ruleFor(feature: string): TraitRule | undefined {
  return TRAIT_RULES.find((r) => r.feature.test(feature));
}

/** Columns never used to name or target anyone, whatever their lift. */
export const SENSITIVE_COLUMN = /gender|(^|_)sex($|_)|race|ethnic|religio|marital|disab|health|pregnan|orientation|nationality|politic/i;

/** Whether some rule's claim words occur in a text (a level or term that would read as a claim). */
export function claimsAnyTrait(text: string): boolean {
  return TRAIT_RULES.some((r) => [r.high, r.low].some((p) => p?.claims?.test(text)));
}

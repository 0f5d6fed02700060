import type { FeatureUnit } from '../../model/texts.js';
import type { OfferKind } from '../vocabulary.js';

/**
 * The English phrase table of the offline writer: every word of a template, tone, offer,
 * persona sentence and feature label lives here, and none of the logic does. Another language
 * is another file of the same shape (`PhraseTable`), picked in phrases/index.ts; the logic in
 * offline-copy.ts, offline-persona.ts and labels.ts stays as it is. (Trait words for names are
 * in vocabulary.ts, the other English table.)
 *
 * SMS text stays in the GSM-7 alphabet (straight quotes, no dashes or ellipses): one character
 * outside it makes the whole message UCS-2, and the carrier limit drops from 160 to 70.
 */

export type Domain = 'retail' | 'subscription' | 'b2b';
export type Tone = 'friendly' | 'playful' | 'formal' | 'urgent';

export interface ToneWords {
  /** Words that ask for this tone ("fun", "cheeky" → playful). */
  asks: RegExp;
  opener: string;
  greeting: string;
  signoff: (brand?: string) => string;
  ctaSuffix: string;
  /** Sentence end: "!" for most, "." for formal. */
  bang: string;
}

export interface OfferWords {
  idea: (topic?: string) => string;
  /** The reward as a noun phrase. */
  reward: string;
  /** Variants: one is chosen per segment, so segments with the same offer read differently. */
  hooks: string[];
  subjects: string[];
  intros: string[];
  /** Sentences presenting the reward: {reward} is replaced. */
  rewardLines: string[];
  ctas: string[];
  headlines: string[];
}

export interface PhraseTable {
  language: string;
  tones: Record<Tone, ToneWords>;
  offers: Record<Domain, Record<OfferKind, OfferWords>>;
  /** "{next}" in offers: the next purchase in the domain's words. */
  next: Record<Domain, string>;
  /** A user's offer that is only a discount ("20% off") gets the next purchase added. */
  completeOffer: (offer: string, next: string) => string;
  userRewardLines: string[];
  topicLines: string[];
  optOut: string;
  /** How an SMS is signed (default "Brand: ", nothing without a brand); Chinese carriers want 【签名】. */
  smsSender?: (brand?: string) => string;
  /** The offer line for a user's own offer (default "… (your offer), framed as: …"). */
  userOfferIdea?: (offer: string, idea: string) => string;
  /** Persona sentences. */
  persona: PersonaWords;
}

export interface PersonaWords {
  size: (share: number) => string;
  /** "most", "many", "more than usual": how a share is said in prose, never as a number. */
  howMany: (share: number) => string;
  traits: Record<string, string>;
  /** Trait clauses that read differently outside retail ("have not logged in for a long while"). */
  domainTraits: Partial<Record<Domain, Record<string, string>>>;
  categoryKinds: Record<string, (level: string, howMany: string, label: string) => string>;
  genericHigh: (label: string) => string;
  genericLow: (label: string) => string;
  flagHigh: (label: string, howMany: string) => string;
  tiers: Record<string, (howMany: string) => string>;
  term: (term: string) => string;
  want: (goal: string) => string;
  plain: string;
}

const tones: Record<Tone, ToneWords> = {
  friendly: { asks: /friend|warm|kind|nice|default/, opener: '', greeting: 'Hi there,', signoff: (b) => `See you soon,\n${b ? `The ${b} team` : 'The team'}`, ctaSuffix: '', bang: '!' },
  playful: { asks: /play|fun|cheek|witty|casual|light|silly|quirky/, opener: 'Psst! ', greeting: 'Hey you,', signoff: (b) => `Happy shopping!\n${b ? `The ${b} crew` : 'The team'}`, ctaSuffix: '', bang: '!' },
  formal: { asks: /formal|profession|serious|polite|corporate|business/, opener: '', greeting: 'Hello,', signoff: (b) => `Kind regards,\n${b ? `The ${b} team` : 'The team'}`, ctaSuffix: '', bang: '.' },
  urgent: { asks: /urgen|fomo|scarc|bold|pushy|direct|hurry/, opener: "Don't miss out: ", greeting: 'Hi there,', signoff: (b) => (b ? `The ${b} team` : 'The team'), ctaSuffix: ' now', bang: '!' },
};

const retail: Record<OfferKind, OfferWords> = {
  winback: {
    idea: () => 'Win-back: a we-miss-you reward on their next order',
    reward: 'a welcome-back reward',
    hooks: ['We miss you', 'It has been a while', 'Long time no see'],
    subjects: ['We miss you: a welcome-back reward inside', 'It has been a while. This is for you', 'Come back and see what is new'],
    intros: ["It's been a while, and we'd love to see you again.", 'A lot has changed since your last visit, all of it for the better.', 'Your favourites are still here, and so are we.'],
    rewardLines: ['A welcome-back reward is on your account.', 'We saved a welcome-back reward for {next}.', 'Come back to a reward on {next}.'],
    ctas: ['Come back today', 'See what is new', 'Pick up where you left off'],
    headlines: ['Come back to something new', 'We saved you a reward', 'Your favourites missed you'],
  },
  discount: {
    idea: (t) => `A members-only discount code${t ? ` on ${t}` : ''} for price-driven buyers`,
    reward: 'an exclusive discount code',
    hooks: ['A deal just for you', 'Your code is here', 'Smart shoppers, this one is yours'],
    subjects: ['Your exclusive code is inside', 'A deal worth opening', 'Your members-only price is ready'],
    intros: ['You know a good deal when you see one.', 'Why pay full price when you do not have to?', 'Good prices are better when they come to you.'],
    rewardLines: ['Your exclusive discount code works on {next}.', 'We have set aside a code for {next}.', 'A members-only price is waiting on {next}.'],
    ctas: ['Claim your code', 'Grab the deal', 'Unlock your price'],
    headlines: ['Your code, your price', 'Deals picked for smart shoppers', 'A better price is waiting'],
  },
  vip: {
    idea: (t) => `VIP early access to new arrivals${t ? ` in ${t}` : ''} before everyone else`,
    reward: 'early access to new arrivals',
    hooks: ['You get first access', 'Before anyone else', 'The first look is yours'],
    subjects: ['You are first in line for new arrivals', 'A first look, only for you', 'New arrivals, before everyone else'],
    intros: ['As one of our most valued customers, you get in before everyone else.', 'You have great taste, so you see it first.', 'The best pieces go fast, so you get the first look.'],
    rewardLines: ['Early access to new arrivals is open for you now.', 'Your private preview of the new collection is ready.', 'You have a first look at what is new.'],
    ctas: ['Get early access', 'See the preview', 'Shop first'],
    headlines: ['First access, for you', 'See it before everyone', 'Your private preview'],
  },
  welcome: {
    idea: () => 'Welcome series: a perk on the next order and a guide to bestsellers',
    reward: 'a welcome perk on your next order',
    hooks: ['Welcome aboard', 'Glad you are here', 'Nice to meet you'],
    subjects: ['Welcome aboard: a perk for your next order', 'Glad you joined. Here is a perk', 'Your welcome perk is ready'],
    intros: ['Thanks for joining us. Here is a little something to get you started.', 'New here? Let us show you around.', 'Every great habit starts with a first step.'],
    rewardLines: ['A welcome perk is ready for {next}.', 'Your first-timer perk is waiting.', 'We added a starter perk to your account.'],
    ctas: ['Start exploring', 'Discover our bestsellers', 'Find your first favourite'],
    headlines: ['A warm welcome, and a perk', 'Start with our bestsellers', 'New here? Start here'],
  },
  loyalty: {
    idea: () => 'Loyalty reward: bonus points and one-tap reorder of favourites',
    reward: 'bonus loyalty points',
    hooks: ['Thanks for sticking with us', 'You are one of our regulars', 'Loyalty deserves a reward'],
    subjects: ['Thank you: bonus points are waiting', 'A thank-you for our regulars', 'Your bonus points have landed'],
    intros: ['You are one of our regulars, and that deserves a thank-you.', 'You keep coming back, so we wanted to say thanks.', 'Regulars like you make us better.'],
    rewardLines: ['Bonus loyalty points are on your account.', 'We doubled down on thanks: bonus points are yours.', 'Your next reorder earns bonus points.'],
    ctas: ['Reorder your favourites', 'Use your points', 'Stock up on favourites'],
    headlines: ['Bonus points for regulars', 'Thanks for coming back', 'Your favourites, one tap away'],
  },
  service: {
    idea: () => 'Service first: priority support and hassle-free returns',
    reward: 'priority support',
    hooks: ['We are here to help', 'Getting it right matters', 'Help is one tap away'],
    subjects: ['Getting it right, first time', 'Your fit and sizing guide is ready', 'Priority help whenever you need it'],
    intros: ['We want every order to be right for you.', 'The right fit the first time saves everyone a trip.', 'Not sure it is right? Ask us before you buy.'],
    rewardLines: ['You now have priority support and easy returns.', 'Our sizing guide and priority help are yours.', 'Ask a product expert before you order.'],
    ctas: ['Get priority help', 'Find your fit', 'Ask an expert'],
    headlines: ['The right fit, first time', 'Help before you buy', 'Priority support for you'],
  },
  referral: {
    idea: () => 'Refer-a-friend: a reward for them and for the friend they bring',
    reward: 'a reward to share with a friend',
    hooks: ['Share the love', 'Friends get rewarded', 'Good things are for sharing'],
    subjects: ['Share the love: a reward for you both', 'Bring a friend, both get rewarded', 'Your friends will thank you'],
    intros: ['You clearly like what we do. Share it, and you both get rewarded.', 'The best tips come from friends.', 'Know someone who would love us?'],
    rewardLines: ['You and a friend each get a reward.', 'Every friend you bring earns you both a reward.', 'A shared reward is ready to send.'],
    ctas: ['Invite a friend', 'Refer a friend', 'Invite your friends'],
    headlines: ['Bring a friend, both win', 'Share the love', 'Rewards for you and a friend'],
  },
  picks: {
    idea: (t) => `Personalised picks${t ? ` in ${t}` : ' based on what they buy'}`,
    reward: 'a few picks we think you will love',
    hooks: ['Picked for you', 'Chosen with you in mind', 'We think you will like these'],
    subjects: ['A few picks we think you will love', 'Chosen for you this week', 'Your personal shortlist is ready'],
    intros: ['We have picked a few things we think you will like.', 'Based on what you love, here is what is next.', 'Less scrolling, more finding.'],
    rewardLines: ['Your personal picks are ready.', 'A shortlist made for you is waiting.', 'We lined up a few favourites for you.'],
    ctas: ['See your picks', 'Browse your shortlist', 'Explore the edit'],
    headlines: ['Picks made for you', 'Your shortlist is here', 'Less scrolling, more finding'],
  },
};

/** Subscription and B2B words replace the retail ones field by field: no "returns", no "basket". */
const subscription: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  winback: {
    idea: () => 'Win-back: a come-back offer on their plan and what is new since they left',
    reward: 'a come-back offer on your plan',
    rewardLines: ['A come-back offer on your plan is waiting.', 'Your plan is one click from active again.', 'We kept your settings, and an offer for {next}.'],
    ctas: ['Pick up where you left off', 'Come back today', 'See what is new'],
  },
  discount: {
    idea: () => 'A loyalty price on their next renewal for price-sensitive subscribers',
    reward: 'a better price on your next renewal',
    hooks: ['A better price on your plan', 'Your renewal, for less', 'Keep more of your budget'],
    subjects: ['A better price on your next renewal', 'Your loyalty price is ready', 'Keep your plan, pay less'],
    intros: ['Staying with us should pay off.', 'Your plan, at a price that fits.', 'Good value matters to you, and to us.'],
    rewardLines: ['A loyalty price is ready for {next}.', 'Your next renewal comes with a better price.', 'Lock in your loyalty price on {next}.'],
    ctas: ['Claim your price', 'Renew for less', 'Get your loyalty price'],
    headlines: ['Your plan, for less', 'A loyalty price for you', 'Renew and save'],
  },
  vip: {
    idea: () => 'Early access to new features and a priority line for their most engaged subscribers',
    reward: 'early access to new features',
    rewardLines: ['Early access to our newest features is open for you.', 'You are on the list for our next release.', 'New features reach your account first.'],
    ctas: ['Get early access', 'Try the new features', 'Join the preview'],
    headlines: ['New features, first for you', 'Try it before anyone', 'Your early-access pass'],
    intros: ['You get the most out of your plan, so you see what is next first.', 'Power users shape what we build.', 'You are among our most active members.'],
  },
  welcome: {
    idea: () => 'Onboarding series: a guided tour of the plan and one quick win in the first week',
    reward: 'a guided tour of your plan',
    rewardLines: ['A guided tour of your plan is ready.', 'Three quick steps get you set up.', 'Your setup guide is waiting.'],
    ctas: ['Start your tour', 'Get set up', 'Explore your plan'],
    headlines: ['Get the most from day one', 'Your plan, explained', 'Start with a quick win'],
  },
  loyalty: {
    idea: () => 'Loyalty thank-you: a bonus for long-standing subscribers and an upgrade preview',
    reward: 'a thank-you bonus on your plan',
    rewardLines: ['A thank-you bonus is on your plan.', 'Your loyalty unlocks a preview of our top plan.', 'We added a bonus to {next}.'],
    ctas: ['See your bonus', 'Upgrade for a month', 'Claim your thank-you'],
    headlines: ['Thanks for staying with us', 'A bonus for loyal members', 'Your loyalty, rewarded'],
  },
  service: {
    idea: () => 'Service first: a setup check-in and priority support',
    reward: 'a setup check-in with our team',
    subjects: ['A quick check-in on your setup', 'Priority help whenever you need it', 'Let us fix it for you'],
    intros: ['We want your plan to work the way you need it.', 'Small problems should not cost you time.', 'You should get answers fast.'],
    rewardLines: ['Book a free setup check-in with our team.', 'Priority support is now on your account.', 'Our team can review your setup with you.'],
    ctas: ['Book a check-in', 'Get priority help', 'Contact support'],
    headlines: ['Help that shows up fast', 'A free setup check-in', 'Priority support for you'],
  },
  picks: {
    idea: () => 'Feature tips picked for how they use the plan',
    reward: 'tips picked for how you use your plan',
    rewardLines: ['Tips picked for how you use your plan are ready.', 'Three features you have not tried yet.', 'A shortlist of features made for you.'],
    ctas: ['See your tips', 'Try a new feature', 'Explore what is included'],
    headlines: ['Get more from your plan', 'Features you have not tried', 'Tips made for you'],
    subjects: ['A few features you will like', 'Tips picked for your plan', 'Get more from your plan'],
    intros: ['We picked a few features that fit how you work.', 'You are only using part of your plan.', 'Small changes, big time savings.'],
  },
};

const b2b: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  ...subscription,
  winback: {
    idea: () => 'Win-back: a review call and a come-back rate for their account',
    hooks: ['Your team is missed', 'It has been a while', 'A lot has shipped'],
    subjects: ['Your account is ready when your team is', 'A come-back rate for your account', 'What your team missed'],
    reward: 'a come-back rate for your account',
    rewardLines: ['A come-back rate for your account is on the table.', 'Your account settings are still saved.', 'Your account manager has an offer for {next}.'],
    ctas: ['Book a catch-up call', 'Pick up where you left off', 'Contact your account manager'],
    headlines: ['Bring your team back', 'Your account is ready', 'A come-back rate for you'],
    intros: ['Your team has not logged in for a while.', 'A lot has shipped since your team last used us.', 'We would like to earn your account back.'],
  },
  discount: {
    idea: () => 'A loyalty rate on their next renewal for cost-conscious accounts',
    reward: 'a loyalty rate on your next renewal',
    hooks: ['A better rate for your team', 'Your renewal, for less', 'Budget season, sorted'],
    subjects: ['A loyalty rate on your next renewal', 'A better rate for your account', 'Plan your budget with a loyalty rate'],
    intros: ['Your budget matters to us.', 'Renewing should be the easy decision.', 'A better rate for a loyal account.'],
    rewardLines: ['A loyalty rate is ready for {next}.', 'Your account qualifies for a better rate.', 'Lock in a loyalty rate on {next}.'],
    ctas: ['Claim your rate', 'Book a renewal call', 'Get your loyalty rate'],
    headlines: ['A better rate for your team', 'Renew for less', 'Your loyalty rate'],
  },
  service: {
    idea: () => 'Service first: a review call with their account manager and priority support',
    reward: 'a review call with your account manager',
    subjects: ['A review call with your account manager', 'Priority support for your team', 'Let us review your setup'],
    intros: ['Your team should get answers fast.', 'We want the platform to work the way your team works.', 'Fewer tickets, more done.'],
    rewardLines: ['Your account manager can walk your team through it.', 'Priority support is now on your account.', 'Our team will review your setup with you.'],
    ctas: ['Book a review call', 'Get priority help', 'Ask our support team'],
    headlines: ['Priority support for your team', 'A review call, on us', 'Help for your whole team'],
  },
  welcome: {
    idea: () => 'Onboarding: a kick-off session for the team and a setup checklist',
    reward: 'an onboarding session for your team',
    rewardLines: ['An onboarding session for your team is ready to book.', 'Your setup checklist is waiting.', 'A kick-off call gets your team going.'],
    ctas: ['Book your kick-off', 'Get set up', 'Start your checklist'],
    headlines: ['Onboard your team fast', 'A kick-off for your team', 'Set up in a day'],
  },
  vip: {
    idea: () => 'Early access to new features and an invitation to the customer advisory group',
    reward: 'early access to new features',
    rewardLines: ['Early access to new features is open for your team.', 'Your account is invited to our advisory group.', 'Your team sees our roadmap first.'],
    ctas: ['Join the preview', 'Get early access', 'Book a roadmap call'],
    headlines: ['Shape what we build next', 'Early access for your team', 'See the roadmap first'],
    intros: ['Your team is among our most active accounts.', 'Accounts like yours shape what we build.', 'You get the most out of the platform.'],
  },
};

function merge(base: Record<OfferKind, OfferWords>, over: Partial<Record<OfferKind, Partial<OfferWords>>>): Record<OfferKind, OfferWords> {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v, ...over[k as OfferKind] }])) as Record<OfferKind, OfferWords>;
}

const persona: PersonaWords = {
  size: (s) => (s >= 0.2 ? 'A large group of customers' : s >= 0.1 ? 'A sizeable group of customers' : 'A small, distinct group of customers'),
  howMany: (s) => (s >= 0.75 ? 'nearly all' : s >= 0.5 ? 'most' : s >= 0.3 ? 'many' : 'more than usual'),
  traits: {
    'tenure:high': 'have been with us for years',
    'tenure:low': 'joined recently and are still getting to know us',
    'recency:high': 'have not ordered for a long while',
    'recency:low': 'bought from us very recently',
    'discount:high': 'hunt for deals and wait for the sale',
    'discount:low': 'are happy to pay the full price',
    'returns:high': 'send back far more of what they buy',
    'returns:low': 'keep what they buy',
    'frequency:high': 'order far more often than most',
    'frequency:low': 'buy only now and then',
    'spend:high': 'spend well above the average',
    'spend:low': 'keep their spending small',
    'age:high': 'are older than most customers',
    'age:low': 'are younger than most customers',
    'engagement:high': 'open and click what we send',
    'engagement:low': 'rarely open what we send',
    'satisfaction:high': 'are happier with us than most',
    'satisfaction:low': 'are less happy with us than most',
    'support:high': 'contact support more than most',
    'support:low': 'sort things out on their own',
    'browsing:high': 'take their time browsing before they buy',
    'browsing:low': 'get in and out quickly',
    'app:high': 'use the app more than most',
    'membership:high': 'are mostly members of the programme',
    'membership:low': 'have mostly not joined the programme',
    'subscription:high': 'mostly subscribe to what we send',
    'subscription:low': 'have mostly not subscribed to what we send',
  },
  domainTraits: {
    subscription: {
      'recency:high': 'have not logged in for a long while',
      'recency:low': 'used the service very recently',
      'frequency:high': 'use the service far more often than most',
      'frequency:low': 'use the service only now and then',
      'spend:high': 'pay well above the average',
      'spend:low': 'pay less than most',
    },
    b2b: {
      'recency:high': 'have not logged in for a long while',
      'recency:low': 'were active very recently',
      'frequency:high': 'use the platform far more often than most',
      'frequency:low': 'use the platform only now and then',
      'spend:high': 'pay well above the average',
      'spend:low': 'pay less than most',
      'support:high': 'open far more support tickets than most',
      'support:low': 'rarely need support',
    },
  },
  categoryKinds: {
    channel: (l, h) => channelSentence(l, h),
    topic: (l, h) => `${l} is what ${h === 'most' || h === 'nearly all' ? 'most of them' : 'many of them'} come for`,
    region: (l, h) => `${cap(h)} of them are in ${l}`,
    device: (l, h) => `${cap(h)} of them shop on ${l}`,
    plan: (l, h) => `${cap(h)} of them are on the ${l} plan`,
    tier: (l, h) => `${cap(h)} of them hold ${l} status`,
    payment: (l, h) => `${cap(h)} of them pay by ${l}`,
    generic: (l, h, label) => `${cap(h)} of them have ${l} as their ${label}`,
  },
  genericHigh: (label) => `are well above average on ${label}`,
  genericLow: (label) => `are well below average on ${label}`,
  flagHigh: (label, h) => `${h} of them are ${label}`,
  tiers: {
    Champions: (h) => `${cap(h)} of them buy often, recently and a lot`,
    Loyal: (h) => `${cap(h)} of them are steady, loyal buyers`,
    Potential: (h) => `${cap(h)} of them are starting to buy more often`,
    New: (h) => `${cap(h)} of them are new to us`,
    'At risk': (h) => `${cap(h)} of them used to buy often but are slipping away`,
    Hibernating: (h) => `${cap(h)} of them have gone quiet`,
  },
  term: (t) => `they often mention "${t}"`,
  want: (g) => `What they want most: ${g}.`,
  plain: 'They sit close to the average on every measure, a steady middle of the customer base.',
};

function channelSentence(level: string, h: string): string {
  const l = /^[A-Z0-9]+$/.test(level) ? level : level.toLowerCase();
  if (/store|shop|in[- ]person|branch|retail/.test(l)) return `${cap(h)} of them prefer to shop in store`;
  const how = /social/.test(l) ? 'on social media' : /app|push/.test(l) ? 'in the app' : /web|online|site/.test(l) ? 'on the website' : `by ${l}`;
  return `${cap(h)} of them would rather hear from us ${how}`;
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export const EN: PhraseTable = {
  language: 'English',
  tones,
  offers: { retail, subscription: merge(retail, subscription), b2b: merge(retail, b2b) },
  next: { retail: 'your next order', subscription: 'your next renewal', b2b: 'your next renewal' },
  completeOffer: (o, next) => {
    const bare = o.replace(/\s+offer$/i, '');
    if (/^(\d+\s?%|[$€£]\s?\d+|\d+\s?(usd|eur|gbp))\s+off$/i.test(bare)) return `${bare} ${next}`;
    if (/^free (shipping|delivery)$/i.test(bare)) return `${bare} on ${next}`;
    return bare;
  },
  userRewardLines: ['Enjoy {offer}.', 'Here is {offer}, just for you.', 'Treat yourself: {offer}.'],
  topicLines: ['There is plenty new in {topic}, too.', 'Fresh {topic} picks are in.', 'Our latest {topic} edit is ready.'],
  optOut: 'Reply STOP to opt out.',
  persona,
};

// ----- words for feature labels (labels.ts) -----

/** Whole column names that read better said another way, before any splitting. */
export const LABEL_RULES: [RegExp, string][] = [
  [/^recency(_?days)?$/i, 'days since last purchase'],
  [/^tenure(_?days)?$/i, 'days as a customer'],
  [/^tenure_?months$/i, 'months as a customer'],
  [/^frequency$/i, 'purchase frequency'],
  [/^monetary$/i, 'total spend'],
];

/** Abbreviations in column names, spelled out. */
export const ABBREVIATIONS: Record<string, string> = {
  avg: 'average', mean: 'average', num: 'number of', nb: 'number of', cnt: 'count', qty: 'quantity', pct: 'share', perc: 'share',
  amt: 'amount', aov: 'average order value', ltv: 'lifetime value', clv: 'lifetime value', mrr: 'monthly recurring revenue',
  arr: 'annual recurring revenue', nps: 'NPS', csat: 'satisfaction score', acct: 'account', acc: 'account', cust: 'customer',
  txn: 'transaction', txns: 'transactions', tx: 'transaction', rev: 'revenue', dt: 'date', yrs: 'years', yr: 'year', mo: 'months',
  mins: 'minutes', min: 'minutes', hrs: 'hours', sess: 'sessions', fav: 'favourite', pref: 'preferred', emp: 'employees',
  is: '', has: '', flag: '', id: 'ID', sms: 'SMS', vip: 'VIP', b2b: 'B2B', ui: 'UI', os: 'OS',
};

export const NUMBER_WORDS: Record<number, string> = {
  2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten', 11: 'eleven', 12: 'twelve',
  14: 'fourteen', 15: 'fifteen', 18: 'eighteen', 20: 'twenty', 24: 'twenty-four', 28: 'twenty-eight', 30: 'thirty', 36: 'thirty-six',
  45: 'forty-five', 60: 'sixty', 90: 'ninety',
};

/** How a column's name says its unit, first match wins. */
export const UNIT_PATTERNS: [FeatureUnit, RegExp][] = [
  ['days', /days?(_|\b|$)|days_ago|tenure_days|recency/i],
  ['rate', /rate|share|ratio|pct|percent|propensity|probab/i],
  ['money', /spend|revenue|monetary|value|amount|price|ltv|clv|aov|sales|mrr|arr|fee|cost|income|salary|balance|budget/i],
  ['count', /orders|count|cnt|num_|number|visits|sessions|purchases|transactions|tickets|logins|seats|users|employees|items|clicks|opens/i],
];

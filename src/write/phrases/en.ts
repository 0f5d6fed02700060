import type { CategoryFact, NumericFact, RfmTier, SegmentProfile, TermFact } from '../../model/profile.js';
import type { PredictedTraits } from '../../model/predict.js';
import type { FeatureLabels, FeatureUnit } from '../../model/texts.js';
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
  /** Whether a category level may stand in this language's copy ({topic}); default any. */
  fitsTopic?: (topic: string) => boolean;
  /** Persona sentences. */
  persona: PersonaWords;
  /** Names, summaries, archetypes and the evidence lines. */
  names: NameWords;
}

/** The words of one trait in a name and a persona ("Young" / "Young Shoppers", a goal, a pain point). */
export interface TraitWords {
  adj: string;
  noun: string;
  goal: string;
  pain: string;
}

/** What a trait is, as the phrase table needs it to find its words. */
export interface TraitKey {
  key: string;
  source: 'numeric' | 'category' | 'term' | 'rfm';
  direction: 'high' | 'low';
  categoryKind?: string;
  level?: string;
}

/** Profile facts as sentences; every number goes through format.ts. */
export interface EvidenceWords {
  numeric: (f: NumericFact, currency?: string, labels?: FeatureLabels) => string;
  category: (c: CategoryFact, labels?: FeatureLabels) => string;
  term: (t: TermFact, labels?: FeatureLabels) => string;
  tier: (tier: RfmTier, share: number) => string;
  size: (p: Pick<SegmentProfile, 'size' | 'share'>) => string;
  predicted: (p: PredictedTraits, currency?: string) => string;
}

export interface NameWords {
  /**
   * A trait's words in this language, undefined when it has none (the trait is then left out
   * of names and personas). Not set: the words of vocabulary.ts and traits.ts, which are English.
   */
  traitWords?: (t: TraitKey) => TraitWords | undefined;
  /** Evidence sentences; not set: format.ts's English ones. */
  evidence?: EvidenceWords;
  /** Words are spaced ("Young Deal Hunters"), or run together as in Chinese ("年轻价格敏感客群"). */
  spaced: boolean;
  /** Words that say only "people", set aside when two names are compared ("Loyal Buyers" = "Loyal Customers"). */
  people: string[];
  /** Names for segments with nothing distinctive, in this order. */
  plain: string[];
  lastResort: (letter: string) => string;
  /** The summary line: the segment's share and count (formatted by format.ts), then its strongest fact. */
  summary: (share: string, count: string, evidence?: string) => string;
  /** The summary when the fact makes it too long: the size alone. */
  summaryShort: (share: string, count: string) => string;
  /** The persona's archetype from the segment's name. */
  archetype: (name: string) => string;
  defaultGoal: string;
  defaultPain: string;
}

export interface PersonaWords {
  /** "A large group of customers" (accounts for B2B data, subscribers for subscriptions). */
  size: (share: number, domain?: Domain) => string;
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
  /** The opening sentence: the size phrase and what they do ("A large group of customers who …"). */
  head: (size: string, clauses: string[]) => string;
  /** A clause made a sentence ("Most of them …" → "Most of them ….", "大多数人…" → "大多数人…。"). */
  sentence: (clause: string) => string;
  /** Several feature labels as one phrase ("page views and basket size"). */
  list: (xs: string[]) => string;
  /** How sentences join: a space in English, nothing in Chinese. */
  joiner: string;
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
    hooks: ['We miss you', 'It has been a while', 'Long time no see', 'Your favourites are still here', 'Come see what changed', 'We kept a seat for you'],
    subjects: ['We miss you: a welcome-back reward inside', 'It has been a while. This is for you', 'Come back and see what is new', 'Your favourites are still here', 'A lot is new since your last visit', 'A little reason to come back'],
    intros: ["It's been a while, and we'd love to see you again.", 'A lot has changed since your last visit, all of it for the better.', 'Your favourites are still here, and so are we.', 'We have been busy since you last stopped by.', 'We noticed you have not been in for a bit.', 'Some things are worth a second look.'],
    rewardLines: ['A welcome-back reward is on your account.', 'We saved a welcome-back reward for {next}.', 'Come back to a reward on {next}.', 'A thank-you for coming back is on {next}.', 'Your return comes with a reward.', 'We put a little something aside for you.'],
    ctas: ['Come back today', 'See what is new', 'Pick up where you left off', 'Visit us again', 'Shop what is new', 'Come back and say hello'],
    headlines: ['Come back to something new', 'We saved you a reward', 'Your favourites missed you', 'It has been too long', 'Back for a reason', 'So much is new'],
  },
  discount: {
    idea: (t) => `A members-only discount code${t ? ` on ${t}` : ''} for price-driven buyers`,
    reward: 'an exclusive discount code',
    hooks: ['A deal just for you', 'Your code is here', 'Smart shoppers, this one is yours', 'Savings, as promised', 'Good news for your wallet', 'Price drop alert'],
    subjects: ['Your exclusive code is inside', 'A deal worth opening', 'Your members-only price is ready', 'Good news for your wallet', 'Your price just dropped', 'Save on the things you love'],
    intros: ['You know a good deal when you see one.', 'Why pay full price when you do not have to?', 'Good prices are better when they come to you.', 'Great finds, at a price you will like.', 'Saving is more fun with a head start.', 'We know you like a bargain.'],
    rewardLines: ['Your exclusive discount code works on {next}.', 'We have set aside a code for {next}.', 'A members-only price is waiting on {next}.', 'Your code takes a little off {next}.', 'A lower price is saved to your account.', 'Your savings are ready at checkout.'],
    ctas: ['Claim your code', 'Grab the deal', 'Unlock your price', 'Use your code', 'Save on your next order', 'Redeem your deal'],
    headlines: ['Your code, your price', 'Deals picked for smart shoppers', 'A better price is waiting', 'Save on what you love', 'Good prices, for you', 'Your savings are here'],
  },
  vip: {
    idea: (t) => `VIP early access to new arrivals${t ? ` in ${t}` : ''} before everyone else`,
    reward: 'early access to new arrivals',
    hooks: ['You get first access', 'Before anyone else', 'The first look is yours', 'You are on the list', 'Front of the line', 'A private preview for you'],
    subjects: ['You are first in line for new arrivals', 'A first look, only for you', 'New arrivals, before everyone else', 'Your private preview is open', 'Front of the line for the new season', 'First dibs on the latest drop'],
    intros: ['As one of our most valued customers, you get in before everyone else.', 'You have great taste, so you see it first.', 'The best pieces go fast, so you get the first look.', 'Good taste deserves a head start.', 'You know what you like, so you come first.', 'The new season is here, and you see it first.'],
    rewardLines: ['Early access to new arrivals is open for you now.', 'Your private preview of the new collection is ready.', 'You have a first look at what is new.', 'First dibs on the latest drop are yours.', 'Your early pass to the new season is live.', 'The newest pieces are open to you first.'],
    ctas: ['Get early access', 'See the preview', 'Shop first', 'Browse the new season', 'Discover the latest drop', 'Get your first pick'],
    headlines: ['First access, for you', 'See it before everyone', 'Your private preview', 'First dibs, for you', 'The new season, early', 'Front of the line'],
  },
  welcome: {
    idea: () => 'Welcome series: a perk on the next order and a guide to bestsellers',
    reward: 'a welcome perk on your next order',
    hooks: ['Welcome aboard', 'Glad you are here', 'Nice to meet you', 'A warm hello', 'So happy you found us', 'Welcome in'],
    subjects: ['Welcome aboard: a perk for your next order', 'Glad you joined. Here is a perk', 'Your welcome perk is ready', 'So happy you found us', 'A warm hello, and a gift', 'Start here: our bestsellers'],
    intros: ['Thanks for joining us. Here is a little something to get you started.', 'New here? Let us show you around.', 'Every great habit starts with a first step.', 'Welcome! Here is how to make the most of your first order.', 'We are glad you picked us.', 'It is good to have you with us.'],
    rewardLines: ['A welcome perk is ready for {next}.', 'Your first-timer perk is waiting.', 'We added a starter perk to your account.', 'Your welcome gift is waiting at checkout.', 'A little welcome present is on your account.', 'Your first order comes with a perk.'],
    ctas: ['Start exploring', 'Discover our bestsellers', 'Find your first favourite', 'Shop our bestsellers', 'Browse the favourites', 'Start your first order'],
    headlines: ['A warm welcome, and a perk', 'Start with our bestsellers', 'New here? Start here', 'Welcome, and enjoy a perk', 'So glad you found us', 'Your first favourite awaits'],
  },
  loyalty: {
    idea: () => 'Loyalty reward: bonus points and one-tap reorder of favourites',
    reward: 'bonus loyalty points',
    hooks: ['Thanks for sticking with us', 'You are one of our regulars', 'Loyalty deserves a reward', 'A thank-you for our regulars', 'You have earned this', 'Good to see you again'],
    subjects: ['Thank you: bonus points are waiting', 'A thank-you for our regulars', 'Your bonus points have landed', 'You have earned this', 'Extra points for our regulars', 'A reward for coming back again'],
    intros: ['You are one of our regulars, and that deserves a thank-you.', 'You keep coming back, so we wanted to say thanks.', 'Regulars like you make us better.', 'Every order with us counts for more.', 'You have been with us order after order.', 'A regular deserves more than a receipt.'],
    rewardLines: ['Bonus loyalty points are on your account.', 'We doubled down on thanks: bonus points are yours.', 'Your next reorder earns bonus points.', 'Extra points are waiting in your account.', 'Your points just got a boost.', 'Points on {next} count double for you.'],
    ctas: ['Reorder your favourites', 'Use your points', 'Stock up on favourites', 'Shop your favourites', 'View your points', 'Restock your usuals'],
    headlines: ['Bonus points for regulars', 'Thanks for coming back', 'Your favourites, one tap away', 'Your points just grew', 'Rewards for regulars', 'A thank-you in points'],
  },
  service: {
    idea: () => 'Service first: priority support and hassle-free returns',
    reward: 'priority support',
    hooks: ['We are here to help', 'Getting it right matters', 'Help is one tap away', 'We have got you covered', 'Questions? Ask us', 'Shopping made easier'],
    subjects: ['Getting it right, first time', 'Your fit and sizing guide is ready', 'Priority help whenever you need it', 'We have got you covered', 'Easy returns, real answers', 'Shop with confidence'],
    intros: ['We want every order to be right for you.', 'The right fit the first time saves everyone a trip.', 'Not sure it is right? Ask us before you buy.', 'Shopping should feel easy, start to finish.', 'Real people are ready to help you choose.', 'We would rather help now than fix it later.'],
    rewardLines: ['You now have priority support and easy returns.', 'Our sizing guide and priority help are yours.', 'Ask a product expert before you order.', 'Free expert advice comes with {next}.', 'Returns are easy, and our team is on hand.', 'A product expert is ready to help you choose.'],
    ctas: ['Get priority help', 'Find your fit', 'Ask an expert', 'Ask our team', 'Order with confidence', 'Open the size guide'],
    headlines: ['The right fit, first time', 'Help before you buy', 'Priority support for you', 'Buy with confidence', 'Real help, real people', 'Easy returns, always'],
  },
  referral: {
    idea: () => 'Refer-a-friend: a reward for them and for the friend they bring',
    reward: 'a reward to share with a friend',
    hooks: ['Share the love', 'Friends get rewarded', 'Good things are for sharing', 'Bring a friend along', 'Better with friends', 'Spread the word'],
    subjects: ['Share the love: a reward for you both', 'Bring a friend, both get rewarded', 'Your friends will thank you', 'Better with friends', 'Spread the word, get a reward', 'A reward for every friend you bring'],
    intros: ['You clearly like what we do. Share it, and you both get rewarded.', 'The best tips come from friends.', 'Know someone who would love us?', 'Your friends would love what you love.', 'Good finds are better shared.', 'You have been a great customer, so tell a friend.'],
    rewardLines: ['You and a friend each get a reward.', 'Every friend you bring earns you both a reward.', 'A shared reward is ready to send.', 'Each friend you invite brings you a reward.', 'Share your link and you both get a treat.', 'Your friends get a welcome, and so do you.'],
    ctas: ['Invite a friend', 'Refer a friend', 'Invite your friends', 'Invite a friend along', 'Tap to invite', 'Invite someone today'],
    headlines: ['Bring a friend, both win', 'Share the love', 'Rewards for you and a friend', 'Friends make it better', 'Tell a friend, get a treat', 'A treat for you both'],
  },
  picks: {
    idea: (t) => `Personalised picks${t ? ` in ${t}` : ' based on what they buy'}`,
    reward: 'a few picks we think you will love',
    hooks: ['Picked for you', 'Chosen with you in mind', 'We think you will like these', 'Your kind of thing', 'Fresh finds for you', 'Made for your taste'],
    subjects: ['A few picks we think you will love', 'Chosen for you this week', 'Your personal shortlist is ready', 'Fresh finds, just for you', 'Your kind of thing is back', 'Handpicked for your taste'],
    intros: ['We have picked a few things we think you will like.', 'Based on what you love, here is what is next.', 'Less scrolling, more finding.', 'We keep an eye out for things you will like.', 'Your taste is easy to shop for.', 'Here is what we would pick for you.'],
    rewardLines: ['Your personal picks are ready.', 'A shortlist made for you is waiting.', 'We lined up a few favourites for you.', 'A fresh set of finds is ready for you.', 'We handpicked a few new things for you.', 'Your recommendations just got an update.'],
    ctas: ['See your picks', 'Browse your shortlist', 'Explore the edit', 'Discover your finds', 'Shop the picks', 'Check out your edit'],
    headlines: ['Picks made for you', 'Your shortlist is here', 'Less scrolling, more finding', 'New finds, picked for you', 'Chosen for your taste', 'Things you will want'],
  },
};

/** Subscription and B2B words replace the retail ones field by field: no "returns", no "basket". */
const subscription: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  winback: {
    idea: () => 'Win-back: a come-back offer on their plan and what is new since they left',
    reward: 'a come-back offer on your plan',
    rewardLines: ['A come-back offer on your plan is waiting.', 'Your plan is one click from active again.', 'We kept your settings, and an offer for {next}.', 'Your plan is ready whenever you are.', 'Everything you set up is still here.', 'Come back to a better price on your plan.'],
    ctas: ['Pick up where you left off', 'Come back today', 'See what is new', 'Activate your plan again', 'Open your plan again', 'Come back to your plan'],
  },
  discount: {
    idea: () => 'A loyalty price on their next renewal for price-sensitive subscribers',
    reward: 'a better price on your next renewal',
    hooks: ['A better price on your plan', 'Your renewal, for less', 'Keep more of your budget', 'Stay for less', 'A price that rewards staying', 'Good value, kept'],
    subjects: ['A better price on your next renewal', 'Your loyalty price is ready', 'Keep your plan, pay less', 'Stay for less this renewal', 'A price that rewards staying', 'Your plan just got better value'],
    intros: ['Staying with us should pay off.', 'Your plan, at a price that fits.', 'Good value matters to you, and to us.', 'Loyal subscribers should pay less, not more.', 'We would rather you stay than shop around.', 'Value is why you chose us.'],
    rewardLines: ['A loyalty price is ready for {next}.', 'Your next renewal comes with a better price.', 'Lock in your loyalty price on {next}.', 'Your next renewal costs less.', 'A better price is saved on your plan.', 'Staying on your plan now pays off.'],
    ctas: ['Claim your price', 'Renew for less', 'Get your loyalty price', 'Renew at your price', 'Save with your loyalty price', 'Save on your renewal'],
    headlines: ['Your plan, for less', 'A loyalty price for you', 'Renew and save', 'Stay for less', 'Better value on your plan', 'Keep more, pay less'],
  },
  vip: {
    idea: () => 'Early access to new features and a priority line for their most engaged subscribers',
    reward: 'early access to new features',
    rewardLines: ['Early access to our newest features is open for you.', 'You are on the list for our next release.', 'New features reach your account first.', 'Our beta features are switched on for you.', 'You get the next update before anyone.', 'Your preview pass is active.'],
    ctas: ['Get early access', 'Try the new features', 'Join the preview', 'Try the beta', 'See what is coming', 'Explore the preview'],
    headlines: ['New features, first for you', 'Try it before anyone', 'Your early-access pass', 'You see it first', 'Beta features, on for you', 'Be first to try it'],
    intros: ['You get the most out of your plan, so you see what is next first.', 'Power users shape what we build.', 'You are among our most active members.', 'Nobody uses the service like you do.', 'You make the most of every feature.', 'Your feedback shapes what comes next.'],
    subjects: ['New features, before everyone else', 'You are first in line for what is next', 'A first look at our next release', 'Your early-access pass is ready', 'Be the first to try it', 'Help us test what is next'],
  },
  welcome: {
    idea: () => 'Onboarding series: a guided tour of the plan and one quick win in the first week',
    reward: 'a guided tour of your plan',
    rewardLines: ['A guided tour of your plan is ready.', 'Three quick steps get you set up.', 'Your setup guide is waiting.', 'Your first quick win is one step away.', 'A short guide shows you the best parts.', 'Your welcome checklist is ready.'],
    ctas: ['Start your tour', 'Get set up', 'Explore your plan', 'Start the quick tour', 'Finish your setup', 'Try your first feature'],
    headlines: ['Get the most from day one', 'Your plan, explained', 'Start with a quick win', 'Welcome, let us show you', 'Your first week, sorted', 'Set up in minutes'],
    subjects: ['Welcome aboard: your plan is ready', 'Glad you joined. Let us show you around', 'Your setup guide is inside', 'Get started in a few minutes', 'Welcome to the team', 'Your first week, planned'],
    intros: ['Thanks for joining us. Here is how to get going.', 'New here? Let us show you around.', 'Every great habit starts with a first step.', 'Welcome! Here is how to get the most from day one.', 'We are glad you picked us.', 'It is good to have you with us.'],
  },
  loyalty: {
    idea: () => 'Loyalty thank-you: a bonus for long-standing subscribers and an upgrade preview',
    reward: 'a thank-you bonus on your plan',
    rewardLines: ['A thank-you bonus is on your plan.', 'Your loyalty unlocks a preview of our top plan.', 'We added a bonus to {next}.', 'Your loyalty bonus is ready.', 'Long-time members get a little extra.', 'A bonus month of extras is on us.'],
    ctas: ['See your bonus', 'Upgrade for a month', 'Claim your thank-you', 'Open your bonus', 'Use your bonus', 'See your extras'],
    headlines: ['Thanks for staying with us', 'A bonus for loyal members', 'Your loyalty, rewarded', 'A bonus for staying', 'Loyal members get more', 'Thanks for every month'],
    intros: ['You have been with us a long time, and that deserves a thank-you.', 'You keep renewing, so we wanted to say thanks.', 'Members like you make us better.', 'Every month with us counts for more.', 'You have stuck with us through every update.', 'Loyalty deserves more than a receipt.'],
  },
  service: {
    idea: () => 'Service first: a setup check-in and priority support',
    reward: 'a setup check-in with our team',
    subjects: ['A quick check-in on your setup', 'Priority help whenever you need it', 'Let us fix it for you', 'Answers, without the wait', 'We are on your side', 'Your plan, working for you'],
    intros: ['We want your plan to work the way you need it.', 'Small problems should not cost you time.', 'You should get answers fast.', 'Nobody should wait long for help.', 'We would rather fix it before it bugs you.', 'Good support is part of your plan.'],
    rewardLines: ['Book a free setup check-in with our team.', 'Priority support is now on your account.', 'Our team can review your setup with you.', 'Your support requests now jump the queue.', 'A specialist can set things up with you.', 'Help is now faster on your account.'],
    ctas: ['Book a check-in', 'Get priority help', 'Contact support', 'Ask for help', 'Contact our team', 'Book a quick call'],
    headlines: ['Help that shows up fast', 'A free setup check-in', 'Priority support for you', 'Answers without the wait', 'We are on your side', 'Faster help for you'],
    hooks: ['We are here to help', 'Getting it right matters', 'Help is one tap away', 'We have got you covered', 'Questions? Ask us', 'Support made easier'],
  },
  picks: {
    idea: () => 'Feature tips picked for how they use the plan',
    reward: 'tips picked for how you use your plan',
    rewardLines: ['Tips picked for how you use your plan are ready.', 'Three features you have not tried yet.', 'A shortlist of features made for you.', 'A short list of features is waiting for you.', 'We found a few features that save time.', 'Your personal feature guide is ready.'],
    ctas: ['See your tips', 'Try a new feature', 'Explore what is included', 'Try it now', 'Explore your features', 'Discover what is new'],
    headlines: ['Get more from your plan', 'Features you have not tried', 'Tips made for you', 'Save time with these', 'Built for how you work', 'Worth a try this week'],
    subjects: ['A few features you will like', 'Tips picked for your plan', 'Get more from your plan', 'Made for the way you work', 'A few ideas to save time', 'Try something new this week'],
    intros: ['We picked a few features that fit how you work.', 'You are only using part of your plan.', 'Small changes, big time savings.', 'There is more in your plan than you think.', 'A few settings can save you hours.', 'Here is what others like you use most.'],
    hooks: ['Picked for you', 'Chosen with you in mind', 'We think you will like these', 'Made for how you work', 'A few ideas for you', 'Worth a try'],
  },
};

const b2b: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  ...subscription,
  winback: {
    idea: () => 'Win-back: a review call and a come-back rate for their account',
    hooks: ['Your team is missed', 'It has been a while', 'A lot has shipped', 'Welcome back, any time', 'Ready when your team is', 'We would love to reconnect'],
    subjects: ['Your account is ready when your team is', 'A come-back rate for your account', 'What your team missed', 'We would love to reconnect', 'Your team\'s workspace is waiting', 'A fresh start for your account'],
    reward: 'a come-back rate for your account',
    rewardLines: ['A come-back rate for your account is on the table.', 'Your account settings are still saved.', 'Your account manager has an offer for {next}.', 'Your team can pick up right where it stopped.', 'A fresh start rate is ready for your team.', 'Your workspace is waiting for your team.'],
    ctas: ['Book a catch-up call', 'Pick up where you left off', 'Contact your account manager', 'Book time to reconnect', 'Book a short call', 'Activate your account again'],
    headlines: ['Bring your team back', 'Your account is ready', 'A come-back rate for you', 'A fresh start for your team', 'Let us reconnect', 'Your workspace is ready'],
    intros: ['Your team has not logged in for a while.', 'A lot has shipped since your team last used us.', 'We would like to earn your account back.', 'We would love to hear what changed for your team.', 'Plenty is new since your team was last in.', 'Your account is still set up and ready.'],
  },
  discount: {
    idea: () => 'A loyalty rate on their next renewal for cost-conscious accounts',
    reward: 'a loyalty rate on your next renewal',
    hooks: ['A better rate for your team', 'Your renewal, for less', 'Budget season, sorted', 'Stay on budget', 'A rate that rewards loyalty', 'Less spend, same team'],
    subjects: ['A loyalty rate on your next renewal', 'A better rate for your account', 'Plan your budget with a loyalty rate', 'Loyalty, rewarded at renewal', 'Keep your team, cut the cost', 'Stay on budget next year'],
    intros: ['Your budget matters to us.', 'Renewing should be the easy decision.', 'A better rate for a loyal account.', 'Finance teams like good news.', 'Loyal accounts should pay less.', 'Keeping your team on board should cost less.'],
    rewardLines: ['A loyalty rate is ready for {next}.', 'Your account qualifies for a better rate.', 'Lock in a loyalty rate on {next}.', 'A lower rate is set aside for your account.', 'Your renewal quote just came down.', 'Your team can renew at a better rate.'],
    ctas: ['Claim your rate', 'Book a renewal call', 'Get your loyalty rate', 'Get your renewal quote', 'Renew at the better rate', 'Call your account manager'],
    headlines: ['A better rate for your team', 'Renew for less', 'Your loyalty rate', 'Loyal accounts pay less', 'Good news for your budget', 'A lower renewal quote'],
  },
  service: {
    idea: () => 'Service first: a review call with their account manager and priority support',
    reward: 'a review call with your account manager',
    subjects: ['A review call with your account manager', 'Priority support for your team', 'Let us review your setup', 'Faster answers for your team', 'Your team, fully supported', 'Less waiting, more doing'],
    intros: ['Your team should get answers fast.', 'We want the platform to work the way your team works.', 'Fewer tickets, more done.', 'Support should speed your team up.', 'Every ticket is time your team loses.', 'We want your team to spend less time waiting.'],
    rewardLines: ['Your account manager can walk your team through it.', 'Priority support is now on your account.', 'Our team will review your setup with you.', 'Your team now has a direct support line.', 'A support specialist is assigned to your account.', 'Training for your team is ready to book.'],
    ctas: ['Book a review call', 'Get priority help', 'Ask our support team', 'Book a training session', 'Meet your support specialist', 'Open a priority ticket'],
    headlines: ['Priority support for your team', 'A review call, on us', 'Help for your whole team', 'Answers, fast', 'A specialist for your account', 'Training for your team'],
    hooks: ['We are here to help', 'Getting it right matters', 'Help is one call away', 'We have your team covered', 'Questions? Ask us', 'Support made easier'],
  },
  welcome: {
    idea: () => 'Onboarding: a kick-off session for the team and a setup checklist',
    reward: 'an onboarding session for your team',
    rewardLines: ['An onboarding session for your team is ready to book.', 'Your setup checklist is waiting.', 'A kick-off call gets your team going.', 'Your onboarding specialist is ready to help.', 'A setup plan for your team is ready.', 'Your admin guide is ready for you.'],
    ctas: ['Book your kick-off', 'Get set up', 'Start your checklist', 'Invite your team', 'Meet your specialist', 'Finish your setup'],
    headlines: ['Onboard your team fast', 'A kick-off for your team', 'Set up in a day', 'Your team, up and running', 'Onboarding made simple', 'Start strong as a team'],
    subjects: ['Welcome aboard: your workspace is ready', 'Glad your team joined', 'Your team setup guide is inside', 'Get your team started fast', 'Welcome to the platform', 'Your first week, planned'],
    intros: ['Thanks for choosing us. Here is how your team gets going.', 'New here? Let us show your team around.', 'A good rollout starts with a first step.', 'Welcome! Here is how to get value from day one.', 'We are glad your team picked us.', 'It is good to have your team on board.'],
  },
  vip: {
    idea: () => 'Early access to new features and an invitation to the customer advisory group',
    reward: 'early access to new features',
    rewardLines: ['Early access to new features is open for your team.', 'Your account is invited to our advisory group.', 'Your team sees our roadmap first.', 'Beta features are switched on for your team.', 'Your team is first in line for our next release.', 'A roadmap session is reserved for your team.'],
    ctas: ['Join the preview', 'Get early access', 'Book a roadmap call', 'Try the beta features', 'Join the advisory group', 'See the roadmap'],
    headlines: ['Shape what we build next', 'Early access for your team', 'See the roadmap first', 'Your team sees it first', 'Help shape our roadmap', 'Beta access for your team'],
    intros: ['Your team is among our most active accounts.', 'Accounts like yours shape what we build.', 'You get the most out of the platform.', 'Your team pushes the platform further than most.', 'Your feedback helps set our roadmap.', 'Teams like yours get to try things first.'],
    subjects: ['New features, before other teams', 'Your team is first in line', 'A first look at our roadmap', 'Early access for your team is ready', 'Be the first team to try it', 'Help us shape the next release'],
  },
};

function merge(base: Record<OfferKind, OfferWords>, over: Partial<Record<OfferKind, Partial<OfferWords>>>): Record<OfferKind, OfferWords> {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v, ...over[k as OfferKind] }])) as Record<OfferKind, OfferWords>;
}

const persona: PersonaWords = {
  size: (s, d) => {
    const who = d === 'b2b' ? 'accounts' : d === 'subscription' ? 'subscribers' : 'customers';
    return s >= 0.2 ? `A large group of ${who}` : s >= 0.1 ? `A sizeable group of ${who}` : `A small, distinct group of ${who}`;
  },
  howMany: (s) => (s >= 0.75 ? 'nearly all' : s >= 0.5 ? 'most' : s >= 0.3 ? 'many' : 'more than usual'),
  traits: {
    'tenure:high': 'have been with us for years',
    'tenure:low': 'joined recently and are still getting to know us',
    'recency:high': 'have not ordered for a long while',
    'recency:low': 'bought from us very recently',
    'discount:high': 'hunt for deals and wait for the sale',
    // Not "happy to pay": "happy" is the satisfaction rule's word, and read as a claim about it.
    'discount:low': 'pay the full price without a second thought',
    'returns:high': 'send back far more of what they buy',
    'returns:low': 'keep what they buy',
    'frequency:high': 'order far more often than most',
    'frequency:low': 'buy only now and then',
    'income:high': 'earn more than most customers',
    'income:low': 'earn less than most customers',
    'spend:high': 'spend well above the average',
    'spend:low': 'keep their spending small',
    'age:high': 'are older than most customers',
    'age:low': 'are younger than most customers',
    'engagement:high': 'open and click what we send',
    'engagement:low': 'rarely open what we send',
    'satisfaction:high': 'are happier with us than most',
    'satisfaction:low': 'are more often unhappy with us than most',
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
  want: (g) => `What they want most: ${lowerFirst(g)}.`,
  plain: 'They sit close to the average on every measure, a steady middle of the customer base.',
  // "who rarely pay full price, keep their spending small and bought from us very recently"
  head: (size, clauses) => (clauses.length > 0 ? `${size} who ${andList(clauses.slice(0, 3))}.` : `${size}.`),
  sentence: (c) => `${cap(c)}.`,
  list: (xs) => andList(xs),
  joiner: ' ',
};

function andList(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

const names: NameWords = {
  spaced: true,
  people: ['customer', 'shopper', 'buyer', 'client', 'user', 'member', 'people', 'crowd', 'group', 'segment', 'fan'],
  plain: ['Core Customers', 'Mainstream Customers', 'Everyday Customers', 'Middle-Ground Customers', 'Typical Shoppers'],
  lastResort: (l) => `Mainstream Group ${l}`,
  summary: (share, count, evidence) => (evidence ? `${share} of customers (${count}); ${evidence}.` : `${share} of customers (${count}), close to the average on every measure.`),
  summaryShort: (share, count) => `${share} of customers (${count}).`,
  archetype: (name) => {
    // "Lapsed Big Spenders" → "The lapsed big spender"; proper levels ("iOS", "Electronics") as written.
    const words = name.split(' ');
    const last = words.pop() ?? '';
    const singular = /[^s]s$/.test(last) && last.length > 3 ? last.slice(0, -1) : last;
    const lower = (w: string) => (/^[A-Z][a-z]+(-[A-Z]?[a-z]+)*$/.test(w) ? w.toLowerCase() : w);
    return `The ${[...words, singular].map(lower).join(' ')}`.slice(0, 60);
  },
  defaultGoal: 'Relevant offers without the noise',
  defaultPain: 'Messages that do not fit their needs',
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
  userRewardLines: ['Enjoy {offer}.', 'Here is {offer}, just for you.', 'Treat yourself: {offer}.', 'This one is yours: {offer}.', 'We saved {offer} for you.', 'Good news: {offer}.'],
  topicLines: [
    'There is plenty new in {topic}, too.', 'Fresh {topic} picks are in.', 'Our latest {topic} edit is ready.',
    'New {topic} favourites just landed.', 'The {topic} range has a few new stars.', 'We restocked the {topic} bestsellers.',
  ],
  optOut: 'Reply STOP to opt out.',
  persona,
  names,
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
  // A currency code says the unit, not what is measured ("ltv_eur" → "lifetime value", money).
  eur: '', usd: '', gbp: '', chf: '', jpy: '', cny: '', aud: '', cad: '', sek: '', nok: '', dkk: '', inr: '',
  is: '', has: '', flag: '', id: 'ID', sms: 'SMS', vip: 'VIP', b2b: 'B2B', ui: 'UI', os: 'OS',
};

export const NUMBER_WORDS: Record<number, string> = {
  2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten', 11: 'eleven', 12: 'twelve',
  14: 'fourteen', 15: 'fifteen', 18: 'eighteen', 20: 'twenty', 24: 'twenty-four', 28: 'twenty-eight', 30: 'thirty', 36: 'thirty-six',
  45: 'forty-five', 60: 'sixty', 90: 'ninety',
};

/** How a column's name says its unit, first match wins. */
export const UNIT_PATTERNS: [FeatureUnit, RegExp][] = [
  // A score on a scale is a number, whatever it scores ("Spending Score (1-100)" is not money).
  ['number', /score|rating|index/i],
  ['days', /days?(_|\b|$)|days_ago|tenure_days|recency/i],
  ['rate', /rate|share|ratio|pct|percent|propensity|probab/i],
  ['money', /spend|revenue|monetary|value|amount|price|ltv|clv|aov|sales|mrr|arr|fee|cost|income|salary|balance|budget|(^|_)(eur|usd|gbp|chf|jpy|cny|aud|cad|sek|nok|dkk|inr)$/i],
  ['count', /orders|count|cnt|num_|number|visits|sessions|purchases|transactions|tickets|logins|seats|users|employees|items|clicks|opens/i],
];

import type { SegmentProfile } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { CHANNEL_LIMITS, CopySchema, type Copy } from '../model/texts.js';
import type { CopyOptions } from '../model/writer.js';
import { offerKindOf, segmentTraits, topicOf } from './traits.js';
import type { OfferKind } from './vocabulary.js';
import { checkCopy } from './checks.js';

interface OfferTemplate {
  /** The offer idea, for the marketer (the `offer` field). */
  idea: (topic?: string) => string;
  /** The reward as a noun phrase, replaced by the user's own offer when they give one. */
  reward: string;
  /** An email subject that stands on its own (≤ 60 with the tone's opener). */
  subject: string;
  hook: string;
  intro: string;
  cta: string;
}

// No numbers here: the offline writer never invents a discount depth or a deadline. A user who
// wants "20% off" says so (CopyOptions.offer) and their words are used as given.
const OFFERS: Record<OfferKind, OfferTemplate> = {
  winback: {
    idea: () => 'Win-back: a we-miss-you reward on their next order',
    reward: 'a welcome-back reward', subject: 'We miss you: a welcome-back reward inside', hook: 'We miss you',
    intro: "It's been a while, and we'd love to see you again.", cta: 'Come back today',
  },
  discount: {
    idea: (t) => `A members-only discount code${t ? ` on ${t}` : ''} for price-driven buyers`,
    reward: 'an exclusive discount code', subject: 'A deal just for you: your exclusive code', hook: 'A deal just for you',
    intro: 'You know a good deal when you see one, so here is one just for you.', cta: 'Claim your code',
  },
  vip: {
    idea: (t) => `VIP early access to new arrivals${t ? ` in ${t}` : ''} before everyone else`,
    reward: 'early access to new arrivals', subject: 'You are first in line for new arrivals', hook: 'You get first access',
    intro: 'As one of our most valued customers, you get in before everyone else.', cta: 'Get early access',
  },
  welcome: {
    idea: () => 'Welcome series: a perk on the next order and a guide to bestsellers',
    reward: 'a welcome perk on your next order', subject: 'Welcome aboard: a perk for your next order', hook: 'Welcome aboard',
    intro: 'Thanks for joining us. Here is a little something to get you started.', cta: 'Start exploring',
  },
  loyalty: {
    idea: () => 'Loyalty reward: bonus points and one-tap reorder of favourites',
    reward: 'bonus loyalty points', subject: 'Thank you: bonus points are waiting', hook: 'Thanks for sticking with us',
    intro: 'You are one of our regulars, and that deserves a thank-you.', cta: 'Reorder your favourites',
  },
  service: {
    idea: () => 'Service first: priority support and hassle-free returns',
    reward: 'priority support', subject: 'We are here to help, first in line', hook: 'We are here to help',
    intro: 'We want every order to be right for you.', cta: 'Get priority help',
  },
  referral: {
    idea: () => 'Refer-a-friend: a reward for them and for the friend they bring',
    reward: 'a reward to share with a friend', subject: 'Share the love: a reward for you both', hook: 'Share the love',
    intro: 'You clearly like what we do. Share it, and you both get rewarded.', cta: 'Invite a friend',
  },
  picks: {
    idea: (t) => `Personalised picks${t ? ` in ${t}` : ' based on what they buy'}`,
    reward: 'a few picks we think you will love', subject: 'A few picks we think you will love', hook: 'Picked for you',
    intro: 'We have picked a few things we think you will like.', cta: 'See your picks',
  },
};

type Tone = 'friendly' | 'playful' | 'formal' | 'urgent';

const TONES: Record<Tone, { opener: string; greeting: string; signoff: string; ctaSuffix: string }> = {
  friendly: { opener: '', greeting: 'Hi there,', signoff: 'See you soon,\nThe team', ctaSuffix: '' },
  playful: { opener: 'Psst! ', greeting: 'Hey you,', signoff: 'Happy shopping!\nThe team', ctaSuffix: '' },
  formal: { opener: '', greeting: 'Hello,', signoff: 'Kind regards,\nThe team', ctaSuffix: '' },
  urgent: { opener: "Don't miss out: ", greeting: 'Hi there,', signoff: 'The team', ctaSuffix: ' now' },
};

export function toneOf(tone?: string): Tone {
  const t = (tone ?? '').toLowerCase();
  if (/play|fun|cheek|witty|casual|light/.test(t)) return 'playful';
  if (/formal|profession|serious|elegant|premium|polite/.test(t)) return 'formal';
  if (/urgen|fomo|scarc|bold|pushy|direct/.test(t)) return 'urgent';
  return 'friendly';
}

/** English only offline: anything else is a usage error naming the fix. */
export function assertEnglish(language?: string): void {
  if (!language || /^(en|eng|english)([-_ ].*)?$/i.test(language.trim())) return;
  throw new UsageError(
    `the offline writer writes English only, and "${language}" was asked for; set OPENAI_API_KEY (and OPENAI_BASE_URL for another server) to write copy in other languages`,
  );
}

/**
 * Campaign copy for one segment: the offer its strongest trait points to (lapsed → win-back,
 * deal-seeking → discount code, big spenders → early access, new → welcome), written for each
 * channel within its limit, each with a call to action, no URLs and no numbers of our own.
 */
export function offlineCopy(profile: SegmentProfile, all: SegmentProfile[], options: CopyOptions = {}, currency?: string): Copy {
  assertEnglish(options.language);
  const traits = segmentTraits(profile, all, currency);
  const { kind, because } = offerKindOf(traits);
  const topic = topicOf(traits);
  const tpl = OFFERS[kind];
  const tone = TONES[toneOf(options.tone)];
  const userOffer = cleanOffer(options.offer);
  const reward = userOffer ?? tpl.reward;
  const cta = tpl.cta + (tone.ctaSuffix && !/today|now/i.test(tpl.cta) ? tone.ctaSuffix : '');
  const formal = toneOf(options.tone) === 'formal';
  const bang = formal ? '.' : '!';

  const idea = userOffer ? `${userOffer} (your offer), framed as: ${tpl.idea(topic)}` : tpl.idea(topic);
  const offer = fit([because ? `${idea} — because ${because.evidence}` : idea, idea, tpl.idea()], 200);

  const waiting = `Waiting for you: ${reward}.`;
  const alsoNew = topic ? ` New in ${topic} too.` : '';
  const copy: Copy = {
    email: {
      subject: fit(
        userOffer ? [`${tone.opener}${tpl.hook}: ${userOffer}`, `${tpl.hook}: ${userOffer}`, userOffer] : [`${tone.opener}${tpl.subject}`, tpl.subject],
        CHANNEL_LIMITS.emailSubject,
      ),
      body: [
        tone.greeting,
        `${tpl.intro} ${waiting}${topic ? ` And there is plenty that is new in ${topic}.` : ''}`,
        `${cta}${bang}`,
        tone.signoff,
      ].join('\n\n'),
    },
    sms: fit(
      [
        `${tone.opener}${tpl.hook}${bang} ${waiting}${alsoNew} ${cta}. Reply STOP to opt out.`,
        `${tpl.hook}${bang} ${waiting} ${cta}. Reply STOP to opt out.`,
        `${waiting} ${cta}. Reply STOP to opt out.`,
      ],
      CHANNEL_LIMITS.sms,
    ),
    push: fit([`${tone.opener}${waiting}${alsoNew} ${cta}${bang}`, `${waiting} ${cta}${bang}`, `${cta}${bang}`], CHANNEL_LIMITS.push),
    ad: {
      headline: fit([topic ? `${tpl.hook}: ${topic}` : tpl.hook, tpl.hook, cta], CHANNEL_LIMITS.adHeadline),
      primaryText: `${tpl.intro} ${waiting}${alsoNew} ${cta}${bang}`,
    },
    offer,
  };
  const parsed = CopySchema.parse(copy);
  const problems = checkCopy(parsed);
  if (problems.length > 0) {
    // Our templates pass by construction; what can fail is the user's own offer text.
    const where = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
    if (userOffer) throw new UsageError(`the offer "${userOffer}" makes copy that breaks the rules (${where}); give a shorter offer without links or contact details`);
    throw new Error(`offline copy for segment ${profile.id} failed its own checks: ${where}`);
  }
  return parsed;
}

/** The first text that fits the limit; the last one cut at a word as a last resort. */
function fit(candidates: string[], max: number): string {
  const ok = candidates.find((c) => c.length <= max);
  if (ok) return ok;
  const last = candidates[candidates.length - 1];
  const cut = last.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** The user's offer as one short line (it is inserted in every channel). */
function cleanOffer(offer?: string): string | undefined {
  const o = offer?.replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '');
  if (!o) return undefined;
  if (o.length > 60) throw new UsageError(`the offer is ${o.length} characters; keep it under 60 so it fits an SMS and a push (e.g. "20% off your next order")`);
  return o;
}

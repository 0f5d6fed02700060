import type { SegmentProfile } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { CHANNEL_LIMITS, CopySchema, type Copy, type FeatureLabels } from '../model/texts.js';
import type { CopyOptions } from '../model/writer.js';
import { segmentTraits } from './traits.js';
import { planCopy, type VariantField } from './copy-plan.js';
import { channelLength, checkCopy } from './checks.js';
import { domainOf } from './domain.js';
import { fitsOneSms } from './sms.js';
import { ENGLISH, phrasesFor, type PhraseTable, type Tone } from './phrases/index.js';
import type { Language } from '../util/script.js';

// The words are in the phrase table (phrases/en.ts); this file only chooses and assembles.
// No numbers of our own there: the offline writer never invents a discount depth or a
// deadline. A user who wants "20% off" says so (CopyOptions.offer) and their words are used.

/** The tone a request asks for, and whether the offline writer has it (else friendly, and the caller says so). */
export function resolveTone(tone?: string, words: PhraseTable = ENGLISH): { tone: Tone; supported: boolean } {
  const t = (tone ?? '').trim().toLowerCase();
  if (!t) return { tone: 'friendly', supported: true };
  for (const [name, w] of Object.entries(words.tones) as [Tone, PhraseTable['tones'][Tone]][]) if (w.asks.test(t)) return { tone: name, supported: true };
  return { tone: 'friendly', supported: false };
}

export function toneOf(tone?: string): Tone {
  return resolveTone(tone).tone;
}

/** The tones the offline writer knows, for messages. */
export const KNOWN_TONES = Object.keys(ENGLISH.tones) as Tone[];

/** English and Chinese offline (the phrase tables): anything else is a usage error naming the fix. */
export function assertEnglish(language?: string): void {
  if (!language || phrasesFor(language)) return;
  throw new UsageError(
    `the offline writer writes English and Chinese, not "${language}"; set OPENAI_API_KEY (and OPENAI_BASE_URL for another server) to write copy in other languages`,
  );
}

export interface OfflineCopyContext {
  currency?: string;
  labels?: FeatureLabels;
  brand?: string;
  /** The Run's language: its phrase table, unless the request asks for another (CopyOptions.language). */
  lang?: Language;
}

/**
 * Campaign copy for one segment: the offer its strongest trait points to (lapsed → win-back,
 * deal-seeking → discount code, big spenders → early access, new → welcome), in the words of
 * the data's domain (retail, subscription, B2B), written for each channel within its limit
 * (SMS counted as carriers count), each with a call to action, no URLs and no numbers of our
 * own. Segments that share an offer or a topic get different variants of the phrase table, so
 * no two segments share a line.
 */
export function offlineCopy(profile: SegmentProfile, all: SegmentProfile[], options: CopyOptions = {}, ctx: OfflineCopyContext = {}): Copy {
  assertEnglish(options.language);
  const words = phrasesFor(options.language ?? ctx.lang) ?? ENGLISH;
  const lang: Language = words === ENGLISH ? 'en' : 'zh';
  const describable = all.filter((p) => !p.small);
  const traitsOf = (p: SegmentProfile) => segmentTraits(p, describable, ctx.currency, ctx.labels);
  const domain = domainOf(describable);
  const next = words.next[domain];
  // The template choice is made for the whole Run at once (copy-plan.ts), so no two segments
  // share a line; this segment takes its part of it.
  const segments = describable.some((p) => p.id === profile.id) ? describable : [...describable, profile];
  const plan = planCopy(segments.map((p) => ({ id: p.id, traits: traitsOf(p) })), words, domain, next).get(profile.id)!;
  const { kind, because, topic } = plan;
  const o = words.offers[domain][kind];
  const pick = (field: VariantField) => o[field][plan.pick[field]];

  const { tone: toneName } = resolveTone(options.tone, words);
  const tone = words.tones[toneName];
  const bang = tone.bang;
  const brand = cleanBrand(options.brand ?? ctx.brand);
  const userOffer = cleanOffer(options.offer);
  const fullOffer = userOffer ? words.completeOffer(userOffer, next) : undefined;
  const fill = (t: string) => t.replace(/\{next\}/g, next).replace(/\{topic\}/g, topic ?? '').replace(/\{offer\}/g, fullOffer ?? o.reward);
  const baseCta = pick('ctas');
  const cta = baseCta + (tone.ctaSuffix && !/today|now/i.test(baseCta) ? tone.ctaSuffix : '');
  const hook = pick('hooks');
  const intro = pick('intros');
  const rewardLine = fill(fullOffer ? words.userRewardLines[plan.pick.rewardLines % words.userRewardLines.length] : pick('rewardLines'));
  const topicLine = topic ? fill(words.topicLines[plan.topicLine]) : '';
  const withTopic = topicLine ? ` ${topicLine}` : '';

  const idea = userOffer ? (words.userOfferIdea ?? ((a, b) => `${a} (your offer), framed as: ${b}`))(fullOffer!, o.idea(topic)) : o.idea(topic);
  // The trait's evidence is in English (traits.ts): only an English offer line says "because".
  const offer = fit([because && lang === 'en' ? `${idea}, because ${lowerFirst(because.evidence)}` : idea, idea, o.idea()], 200);
  const sender = words.smsSender ? words.smsSender(brand) : brand ? `${brand}: ` : '';
  const optOut = words.optOut;

  const copy: Copy = {
    email: {
      subject: fitChannel(
        fullOffer
          ? [`${tone.opener}${hook}: ${fullOffer}`, `${hook}: ${fullOffer}`, fullOffer]
          : [`${tone.opener}${pick('subjects')}`, pick('subjects')],
        'email.subject',
      ),
      body: [tone.greeting, `${intro} ${rewardLine}${withTopic}`, `${cta}${bang}`, tone.signoff(brand)].join('\n\n'),
    },
    sms: fitSms([
      `${sender}${tone.opener}${hook}${bang} ${rewardLine}${withTopic} ${cta}. ${optOut}`,
      `${sender}${hook}${bang} ${rewardLine} ${cta}. ${optOut}`,
      `${sender}${rewardLine} ${cta}. ${optOut}`,
      `${sender}${cta}. ${optOut}`,
    ]),
    push: fitChannel([`${tone.opener}${rewardLine}${withTopic} ${cta}${bang}`, `${rewardLine} ${cta}${bang}`, `${cta}${bang}`], 'push'),
    ad: {
      headline: fit([pick('headlines'), cta], CHANNEL_LIMITS.adHeadline),
      primaryText: `${intro} ${rewardLine}${withTopic} ${cta}${bang}`,
    },
    offer,
  };
  const parsed = CopySchema.parse(tidy(copy));
  const problems = checkCopy(parsed, 'copy', lang === 'en' ? undefined : lang);
  if (problems.length > 0) {
    // Our templates pass by construction; what can fail is the user's own offer or brand text.
    const where = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
    if (userOffer || brand) throw new UsageError(`the ${userOffer ? `offer "${userOffer}"` : `brand "${brand}"`} makes copy that breaks the rules (${where}); give a shorter one without links or contact details`);
    throw new Error(`offline copy for segment ${profile.id} failed its own checks: ${where}`);
  }
  return parsed;
}

/**
 * Sentences are assembled with a space and a full stop between them, as English writes them;
 * Chinese puts no space after 。！？，：and ends a sentence with 。, so after a Chinese
 * character ". " becomes "。" and a space after full-width punctuation goes. English is untouched.
 */
function tidyText(s: string): string {
  return s.replace(/(?<=\p{Script=Han})\. ?/gu, '。').replace(/(?<=[\u3000-\u303f\uff01-\uff1f【】「」])[ \t]+/gu, '');
}

function tidy(copy: Copy): Copy {
  return { ...copy, email: { subject: tidyText(copy.email.subject), body: tidyText(copy.email.body) }, sms: tidyText(copy.sms), push: tidyText(copy.push), ad: { headline: tidyText(copy.ad.headline), primaryText: tidyText(copy.ad.primaryText) }, offer: tidyText(copy.offer) };
}

/** The first SMS that fits one part as carriers count it (GSM-7 160, UCS-2 70). */
function fitSms(candidates: string[]): string {
  return candidates.find((c) => fitsOneSms(c) && c.length <= CHANNEL_LIMITS.sms) ?? candidates[candidates.length - 1];
}

function lowerFirst(s: string): string {
  return s && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** A brand name for sign-offs and the SMS sender prefix: one short line. */
function cleanBrand(brand?: string): string | undefined {
  const b = brand?.replace(/\s+/g, ' ').trim();
  if (!b) return undefined;
  if (b.length > 30) throw new UsageError(`the brand name is ${b.length} characters; keep it under 30 so it fits the SMS sender prefix`);
  return b;
}

/** The first candidate within the channel's limit as the checks count it (channelLength: UCS-2 SMS, display-width subjects). */
function fitChannel(candidates: string[], channel: 'email.subject' | 'sms' | 'push'): string {
  const ok = candidates.find((c) => {
    const { length, limit } = channelLength(channel, c);
    return length <= limit;
  });
  return ok ?? fit(candidates, channelLength(channel, candidates[candidates.length - 1]).limit);
}

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

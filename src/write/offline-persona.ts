import type { SegmentProfile } from '../model/profile.js';
import { PersonaSchema, type Channel, type FeatureLabels, type Persona, type SegmentName } from '../model/texts.js';
import { MIN_TRAIT_SCORE, channelsOf, leading, type Trait } from './traits.js';
import { describeCategory, describeNumeric, describePredicted, describeSize, describeTerm, describeTier, describeMiddle, formatLift } from './format.js';
import { labelFor } from './labels.js';
import { ENGLISH, type Domain, type EvidenceWords, type PhraseTable } from './phrases/index.js';
import { domainOf } from './domain.js';
import { traitsInWords } from './trait-words.js';
import { SENSITIVE_COLUMN, ruleFor } from './vocabulary.js';

const PREFERRED_CHANNEL = /channel|contact|prefer|medium/i;
const LIMITS = { description: 600, evidence: 200, items: 3, evidenceItems: 6 };

/**
 * A persona built only from the segment's traits: the archetype from its name, a short
 * narrative in plain words (who they are, how they buy, what they want — no numbers: those
 * sit in the evidence), goals and pain points from the vocabulary of its strongest traits,
 * channels from a preferred-channel column when the data has one (reasoned from traits
 * otherwise), and evidence that quotes the profile's numbers through format.ts. The words are
 * the phrase table's (English by default, `words` for another language); the choices are the same.
 */
export function offlinePersona(profile: SegmentProfile, name: SegmentName, all: SegmentProfile[], currency?: string, labels?: FeatureLabels, words: PhraseTable = ENGLISH): Persona {
  const traits = traitsInWords(profile, all, words.names, currency, labels);
  const top = leading(traits);
  const evidence = evidenceOf(profile, traits, currency, labels, words.names.evidence ?? ENGLISH_EVIDENCE);
  const persona: Persona = {
    archetype: words.names.archetype(name.name),
    // Only what sets them apart (leading: "earn less than most" for an income 0.1 sd under
    // everyone's is not true of them); with nothing above the noise they are the middle.
    description: narrativeOf(profile, top, labels, words, domainOf(all.filter((p) => !p.small))),
    goals: unique(top.map((t) => t.phrase.goal).filter(Boolean)).slice(0, LIMITS.items),
    painPoints: unique(top.map((t) => t.phrase.pain).filter(Boolean)).slice(0, LIMITS.items),
    channels: channelsFor(profile, traits),
    evidence,
  };
  if (persona.goals.length === 0) persona.goals = [words.names.defaultGoal];
  if (persona.painPoints.length === 0) persona.painPoints = [words.names.defaultPain];
  return PersonaSchema.parse(persona);
}

/** The English evidence sentences (format.ts), for a table that keeps them. */
const ENGLISH_EVIDENCE: EvidenceWords = {
  // A number within the noise of everyone's is said as close to it: "Age: 43.77 on average vs
  // 42.59 (1.0×)" or "… (0.9×)" reads as a direction to anyone scanning for lifts.
  numeric: (f, currency, labels) => (Math.abs(f.z) < MIN_TRAIT_SCORE ? describeMiddle(f, currency, labels) : describeNumeric(f, currency, labels)),
  category: describeCategory,
  term: describeTerm,
  tier: (tier, share) => describeTier(tier, share, true),
  size: describeSize,
  predicted: (p, currency) => describePredicted(p, currency).buy,
};

/**
 * "A large group of customers who rarely pay full price and wait for a deal, and bought from
 * us very recently. Most would rather hear from us by app. What they want most: …" — each
 * trait as a clause from the phrase table, shares said as "most" or "many", never a number.
 */
export function narrativeOf(profile: SegmentProfile, top: Trait[], labels: FeatureLabels | undefined, words: PhraseTable = ENGLISH, domain: Domain = 'retail'): string {
  const w = words.persona;
  const own = w.domainTraits[domain] ?? {};
  const clauses: string[] = []; // "who …" clauses about what they do
  const sentences: string[] = []; // full sentences about what many of them are or like
  const highs: string[] = []; // features with no words of their own, said together
  const lows: string[] = [];
  for (const t of top) {
    const howMany = w.howMany(t.share ?? 1);
    if (t.source === 'numeric') {
      // The rule's words speak for all its features ("spend well above the average" is total
      // spend too): where another of them points the other way (2.0× the average order, 0.75×
      // the total spend: the hard planted shop), only the trait's own feature is said, by name.
      const split = t.feature !== undefined && profile.numeric.some((f) => f.feature !== t.feature && ruleFor(f.feature)?.id === t.key && (t.direction === 'high' ? f.lift < 1 : f.lift > 1));
      const rule = split ? undefined : (own[`${t.key}:${t.direction}`] ?? w.traits[`${t.key}:${t.direction}`]);
      const label = labelFor(labels, t.feature ?? t.key.replace(/^feature:/, ''));
      if (rule) clauses.push(rule);
      else if (split) (t.direction === 'high' ? highs : lows).push(label);
      else if (t.share !== undefined && t.direction === 'high') sentences.push(w.sentence(w.flagHigh(label, howMany)));
      else if (t.share === undefined) (t.direction === 'high' ? highs : lows).push(label);
    } else if (t.source === 'category' && t.level) {
      const kind = w.categoryKinds[t.categoryKind ?? 'generic'] ?? w.categoryKinds.generic;
      const label = labelFor(labels, t.feature ?? '');
      // A level picked for its lift may not be the segment's own majority ("SMS" for 32% when
      // half prefer the app): the majority level is said first, so the prose does not mislead.
      const major = profile.categories.find((c) => c.column === t.feature && c.level !== t.level && c.share >= 0.5 && c.share > (t.share ?? 0));
      if (major && !top.some((x) => x.source === 'category' && x.feature === major.column && x.level === major.level)) {
        sentences.push(w.sentence(kind(major.level, w.howMany(major.share), label)));
      }
      sentences.push(w.sentence(kind(t.level, howMany, label)));
    } else if (t.source === 'rfm' && t.level) {
      const tier = w.tiers[t.level];
      if (tier) sentences.push(w.sentence(tier(howMany)));
    } else if (t.source === 'term' && t.phrase) {
      const term = /"([^"]+)"|「([^」]+)」/.exec(t.phrase.goal)?.slice(1).find(Boolean);
      if (term) clauses.push(w.term(term));
    }
  }
  if (highs.length) clauses.push(w.genericHigh(w.list(highs)));
  if (lows.length) clauses.push(w.genericLow(w.list(lows)));
  const head = clauses.length > 0 || top.length > 0 ? w.head(w.size(profile.share, domain), clauses) : w.plain;
  const want = top.find((t) => t.phrase.goal)?.phrase.goal;
  const parts = [head, ...sentences, ...(want ? [w.want(want)] : [])];
  let text = parts.join(w.joiner);
  while (text.length > LIMITS.description && parts.length > 1) {
    parts.splice(parts.length - 2, 1);
    text = parts.join(w.joiner);
  }
  return text.slice(0, LIMITS.description);
}

function evidenceOf(profile: SegmentProfile, traits: Trait[], currency: string | undefined, labels: FeatureLabels | undefined, e: EvidenceWords): string[] {
  // Predicted behaviour (after `segmenta predict`) is the first thing a campaign is planned on.
  const predicted = profile.predicted ? [e.predicted(profile.predicted, currency)] : [];
  // A trait's own line, unless it is within the noise: then the fact in the table's words (above).
  const lineOf = (t: Trait) => {
    const f = t.source === 'numeric' && t.score < MIN_TRAIT_SCORE ? profile.numeric.find((x) => x.feature === t.feature) : undefined;
    return f ? e.numeric(f, currency, labels) : t.evidence;
  };
  const items = [e.size(profile), ...predicted, ...traits.slice(0, 4).map(lineOf)];
  // Room left: the next most distinctive numbers and categories, even if no trait uses them —
  // not a fact whose lift shows as 1.0×: "Gender is Female for 55% vs 56% of everyone (1.0×)"
  // reads as a lean to Female (a level named is a lean) where there is none, or a slight lack.
  // Nor a sensitive column (gender, ethnicity…): no name or offer is built on them (traits.ts),
  // so the persona does not present them as what sets the segment apart either.
  const differs = (lift: number) => formatLift(lift) !== formatLift(1);
  for (const f of profile.numeric.slice(0, 6)) if (differs(f.lift) && !SENSITIVE_COLUMN.test(f.feature)) items.push(e.numeric(f, currency, labels));
  for (const c of profile.categories.slice(0, 3)) if (differs(c.lift) && !SENSITIVE_COLUMN.test(c.column)) items.push(e.category(c, labels));
  return unique(items.filter((e) => e.length <= LIMITS.evidence)).slice(0, LIMITS.evidenceItems);
}

/**
 * The segment's preferred channels when a column says so (its levels by share), then
 * channels its traits suggest (young → push, lapsed → email and ads), email by default.
 */
export function channelsFor(profile: SegmentProfile, traits: Trait[]): Channel[] {
  // Preferred channels are where they are, not a claim: a level a sixth of them name counts.
  const out: Channel[] = [];
  const preferred = profile.categories.filter((c) => PREFERRED_CHANNEL.test(c.column)).sort((a, b) => b.share - a.share);
  for (const c of preferred) if (c.share >= 0.15) out.push(...(channelsOf(c.level) ?? []));
  for (const t of leading(traits)) out.push(...(t.phrase.channels ?? t.channels ?? []));
  if (out.length === 0) out.push('email');
  return unique(out).slice(0, 3) as Channel[];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}


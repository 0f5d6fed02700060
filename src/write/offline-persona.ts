import type { SegmentProfile } from '../model/profile.js';
import { PersonaSchema, type Channel, type FeatureLabels, type Persona, type SegmentName } from '../model/texts.js';
import { channelsOf, leading, segmentTraits, type Trait } from './traits.js';
import { describeCategory, describeNumeric, describePredicted, describeSize } from './format.js';
import { labelFor } from './labels.js';
import { ENGLISH, type Domain, type PhraseTable } from './phrases/index.js';
import { domainOf } from './domain.js';

const PREFERRED_CHANNEL = /channel|contact|prefer|medium/i;
const LIMITS = { description: 600, evidence: 200, items: 3, evidenceItems: 6 };

/**
 * A persona built only from the segment's traits: the archetype from its name, a short
 * narrative in plain words (who they are, how they buy, what they want — no numbers: those
 * sit in the evidence), goals and pain points from the vocabulary of its strongest traits,
 * channels from a preferred-channel column when the data has one (reasoned from traits
 * otherwise), and evidence that quotes the profile's numbers through format.ts.
 */
export function offlinePersona(profile: SegmentProfile, name: SegmentName, all: SegmentProfile[], currency?: string, labels?: FeatureLabels, words: PhraseTable = ENGLISH): Persona {
  const traits = segmentTraits(profile, all, currency, labels);
  const top = leading(traits);
  const evidence = evidenceOf(profile, traits, currency, labels);
  const persona: Persona = {
    archetype: archetypeOf(name.name),
    description: narrativeOf(profile, top, labels, words, domainOf(all.filter((p) => !p.small))),
    goals: unique(top.map((t) => t.phrase.goal).filter(Boolean)).slice(0, LIMITS.items),
    painPoints: unique(top.map((t) => t.phrase.pain).filter(Boolean)).slice(0, LIMITS.items),
    channels: channelsFor(profile, traits),
    evidence,
  };
  if (persona.goals.length === 0) persona.goals = ['Relevant offers without the noise'];
  if (persona.painPoints.length === 0) persona.painPoints = ['Messages that do not fit their needs'];
  return PersonaSchema.parse(persona);
}

/** "Lapsed Big Spenders" → "The lapsed big spender". */
export function archetypeOf(name: string): string {
  const words = name.split(' ');
  const last = words.pop() ?? '';
  const singular = /[^s]s$/.test(last) && last.length > 3 ? last.slice(0, -1) : last;
  // Lower-case vocabulary words but keep proper levels ("iOS", "Electronics") as written.
  const lower = (w: string) => (/^[A-Z][a-z]+(-[A-Z]?[a-z]+)*$/.test(w) ? w.toLowerCase() : w);
  return `The ${[...words, singular].map(lower).join(' ')}`.slice(0, 60);
}

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
      const rule = own[`${t.key}:${t.direction}`] ?? w.traits[`${t.key}:${t.direction}`];
      const label = labelFor(labels, t.feature ?? t.key.replace(/^feature:/, ''));
      if (rule) clauses.push(rule);
      else if (t.share !== undefined && t.direction === 'high') sentences.push(`${cap(w.flagHigh(label, howMany))}.`);
      else if (t.share === undefined) (t.direction === 'high' ? highs : lows).push(label);
    } else if (t.source === 'category' && t.level) {
      const kind = w.categoryKinds[t.categoryKind ?? 'generic'] ?? w.categoryKinds.generic;
      const label = labelFor(labels, t.feature ?? '');
      // A level picked for its lift may not be the segment's own majority ("SMS" for 32% when
      // half prefer the app): the majority level is said first, so the prose does not mislead.
      const major = profile.categories.find((c) => c.column === t.feature && c.level !== t.level && c.share >= 0.5 && c.share > (t.share ?? 0));
      if (major && !top.some((x) => x.source === 'category' && x.feature === major.column && x.level === major.level)) {
        sentences.push(`${cap(kind(major.level, w.howMany(major.share), label))}.`);
      }
      sentences.push(`${cap(kind(t.level, howMany, label))}.`);
    } else if (t.source === 'rfm' && t.level) {
      const tier = w.tiers[t.level];
      if (tier) sentences.push(`${tier(howMany)}.`);
    } else if (t.source === 'term' && t.phrase) {
      const term = /"([^"]+)"/.exec(t.phrase.goal)?.[1];
      if (term) clauses.push(w.term(term));
    }
  }
  if (highs.length) clauses.push(w.genericHigh(andList(highs)));
  if (lows.length) clauses.push(w.genericLow(andList(lows)));
  const head = clauses.length > 0 ? `${w.size(profile.share, domain)} who ${joinClauses(clauses)}.` : top.length > 0 ? `${w.size(profile.share, domain)}.` : w.plain;
  const want = top.find((t) => t.phrase.goal)?.phrase.goal;
  const parts = [head, ...sentences, ...(want ? [w.want(lowerFirst(want))] : [])];
  let text = parts.join(' ');
  while (text.length > LIMITS.description && parts.length > 1) {
    parts.splice(parts.length - 2, 1);
    text = parts.join(' ');
  }
  return text.slice(0, LIMITS.description);
}

function andList(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function joinClauses(xs: string[]): string {
  // "who rarely pay full price, keep their spending small and bought from us very recently"
  const some = xs.slice(0, 3);
  return some.length <= 1 ? some.join('') : `${some.slice(0, -1).join(', ')} and ${some[some.length - 1]}`;
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function evidenceOf(profile: SegmentProfile, traits: Trait[], currency?: string, labels?: FeatureLabels): string[] {
  // Predicted behaviour (after `segmenta predict`) is the first thing a campaign is planned on.
  const predicted = profile.predicted ? [describePredicted(profile.predicted, currency).buy] : [];
  const items = [describeSize(profile), ...predicted, ...traits.slice(0, 4).map((t) => t.evidence)];
  // Room left: the next most distinctive numbers and categories, even if no trait uses them.
  for (const f of profile.numeric.slice(0, 6)) items.push(describeNumeric(f, currency, labels));
  for (const c of profile.categories.slice(0, 3)) items.push(describeCategory(c, labels));
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

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

import type { SegmentProfile } from '../model/profile.js';
import { PersonaSchema, type Channel, type Persona, type SegmentName } from '../model/texts.js';
import { channelsOf, leading, segmentTraits, type Trait } from './traits.js';
import { describeCategory, describeNumeric, describeSize } from './format.js';

const PREFERRED_CHANNEL = /channel|contact|prefer|medium/i;
const LIMITS = { description: 600, evidence: 200, items: 3, evidenceItems: 6 };

/**
 * A persona built only from the segment's traits: the archetype from its name, goals and pain
 * points from the vocabulary of its strongest traits, channels from a preferred-channel column
 * when the data has one (reasoned from traits otherwise), and evidence that quotes the
 * profile's numbers through format.ts.
 */
export function offlinePersona(profile: SegmentProfile, name: SegmentName, all: SegmentProfile[], currency?: string): Persona {
  const traits = segmentTraits(profile, all, currency);
  const top = leading(traits);
  const evidence = evidenceOf(profile, traits, currency);
  const persona: Persona = {
    archetype: archetypeOf(name.name),
    description: descriptionOf(profile, top),
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

function descriptionOf(profile: SegmentProfile, top: Trait[]): string {
  const parts = [`${describeSize(profile)}.`];
  if (top.length > 0) parts.push(`Compared with everyone: ${top.map((t) => t.evidence).join('; ')}.`);
  else parts.push('They sit close to the average on every measure.');
  const want = top.find((t) => t.phrase.goal)?.phrase.goal;
  if (want) parts.push(`What they want most: ${lowerFirst(want)}.`);
  let text = parts.join(' ');
  while (text.length > LIMITS.description && top.length > 1) {
    top = top.slice(0, -1);
    text = [parts[0], `Compared with everyone: ${top.map((t) => t.evidence).join('; ')}.`].join(' ');
  }
  return text.length <= LIMITS.description ? text : parts[0];
}

function evidenceOf(profile: SegmentProfile, traits: Trait[], currency?: string): string[] {
  const items = [describeSize(profile), ...traits.slice(0, 4).map((t) => t.evidence)];
  // Room left: the next most distinctive numbers and categories, even if no trait uses them.
  for (const f of profile.numeric.slice(0, 6)) items.push(describeNumeric(f, currency));
  for (const c of profile.categories.slice(0, 3)) items.push(describeCategory(c));
  return unique(items.filter((e) => e.length <= LIMITS.evidence)).slice(0, LIMITS.evidenceItems);
}

/**
 * The segment's preferred channels when a column says so (its levels by share), then
 * channels its traits suggest (young → push, lapsed → email and ads), email by default.
 */
export function channelsFor(profile: SegmentProfile, traits: Trait[]): Channel[] {
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

import type { SegmentProfile } from '../model/profile.js';
import { SegmentNameSchema, type SegmentName, type FeatureLabels } from '../model/texts.js';
import { checkName, isNearDuplicate } from './checks.js';
import { type Trait } from './traits.js';
import type { TraitPhrase } from './vocabulary.js';
import { formatCount, formatPercent } from './format.js';
import { ENGLISH, type NameWords, type PhraseTable } from './phrases/index.js';
import { traitsInWords } from './trait-words.js';
import { middleTraits } from './middle-traits.js';

const SUMMARY_MAX = 200;

/**
 * Names for all segments at once, so they can be kept distinct: each segment is named by its
 * strongest trait's noun with its second trait's adjective ("Young" + "Deal Hunters",
 * "高消费" + "忠实会员"). Segments are named strongest-first; when a name is taken (same words
 * in any order), the next combination of the segment's traits is tried. The words are the
 * phrase table's (phrases/); the rules — what a name may claim, what counts as taken — are
 * the same in every language.
 */
export function offlineNames(profiles: SegmentProfile[], currency?: string, labels?: FeatureLabels, table: PhraseTable = ENGLISH): SegmentName[] {
  const words = table.names;
  const describable = profiles.filter((p) => !p.small);
  const own = new Map(describable.map((p) => [p.id, traitsInWords(p, describable, words, currency, labels)]));
  // A segment with fewer than two traits to name is also named by where it sits between the
  // others ("Mid-Income Moderate Spenders"). English words only: a table with words of its own
  // (traitWords) has no middle words yet, and gets its plain names as before.
  const traitsOf = (p: SegmentProfile) => own.get(p.id) ?? [];
  const traits = new Map(
    describable.map((p) => {
      const mine = traitsOf(p);
      const few = mine.filter((t) => t.nameable).length < 2;
      return [p.id, few && !words.traitWords ? [...mine, ...middleTraits(p, describable, traitsOf, currency, labels)] : mine];
    }),
  );
  const strength = (p: SegmentProfile) => traits.get(p.id)?.find((t) => t.nameable)?.score ?? 0;
  const order = [...describable].sort((a, b) => strength(b) - strength(a) || a.id - b.id);
  const used: string[] = [];
  const claimed: string[] = [];
  const chosen = new Map<number, string>();
  for (const p of order) {
    // Near-duplicates count as taken: "Lapsed Customers" beside "Occasional Lapsed Customers" is
    // one name twice; so is a name that claims the same traits in other words ("Support-Heavy
    // Growth-Plan Customers" beside "Growth-Plan Support Seekers").
    const pick = candidatesOf(traits.get(p.id) ?? [], words).find((c) => !used.some((u) => isNearDuplicate(c.name, u)) && !(c.claims && claimed.includes(c.claims)));
    const name = pick?.name ?? lastResort(used, words);
    used.push(name);
    if (pick?.claims) claimed.push(pick.claims);
    chosen.set(p.id, name);
  }
  return describable.map((p) =>
    SegmentNameSchema.parse({ segment: p.id, name: chosen.get(p.id), summary: summaryOf(p, traits.get(p.id) ?? [], words) }),
  );
}

/**
 * The traits a name may claim (held by a majority, or an average far from everyone's — see
 * Trait.nameable), in naming order: the head — the noun of the name — is the dominant
 * behaviour (spend, recency, deals, an RFM tier…) when that is at least half as distinctive as
 * the strongest claimable trait: behaviour decides the campaign, so "Fashion Deal Hunters"
 * beats "Deal-Seeking Fashion Fans". A preferred channel says how to reach them, not who they
 * are: it is the head only when nothing else may be claimed.
 */
export function namingOrder(traits: Trait[]): Trait[] {
  const nameable = traits.filter((t) => t.nameable);
  // Middle traits (middle-traits.ts) come after the segment's own, whatever their scores: a
  // trait the segment has is what it is named by first.
  const own = nameable.filter((t) => !t.middle);
  const middle = nameable.filter((t) => t.middle);
  return own.length > 0 ? [...headFirst(own), ...middle] : headFirst(middle);
}

/**
 * Rules about who they are, not how they buy: a high income is the adjective of a name
 * ("High Income Budget Shoppers"), never its head. (Age is not here: its nouns, "Young
 * Shoppers", have long been heads of names people know.)
 */
const WHO_THEY_ARE = new Set(['income', 'mid:income']);

function headFirst(ranked: Trait[]): Trait[] {
  if (ranked.length === 0) return [];
  const behaviour = ranked.find((t) => ((t.source === 'numeric' && !t.key.startsWith('feature:') && !t.key.startsWith('mid:feature:')) || t.source === 'rfm') && !WHO_THEY_ARE.has(t.key));
  // Made-up words ("High-Monthly-Fee") lead only when no vocabulary or category trait is half as strong.
  const worded = ranked.find((t) => t.categoryKind !== 'channel' && !t.key.startsWith('feature:') && t.source !== 'term');
  const head =
    behaviour && behaviour.score >= 0.5 * ranked[0].score
      ? behaviour
      : worded && worded.score >= 0.5 * ranked[0].score
        ? worded
        : (ranked.find((t) => t.categoryKind !== 'channel') ?? ranked[0]);
  // Adjectives from the vocabulary read better than made-up ones ("High-Page-Views"), so
  // generic traits and terms come after every vocabulary trait, strong as they may be.
  const generic = (t: Trait) => t.key.startsWith('feature:') || t.key.startsWith('mid:feature:') || t.source === 'term';
  const others = ranked.filter((t) => t !== head);
  return [head, ...others.filter((t) => !generic(t)), ...others.filter(generic)];
}

/** Every acceptable name for a segment, best first. */
export function nameCandidates(traits: Trait[], words: NameWords = ENGLISH.names): string[] {
  return candidatesOf(traits, words).map((c) => c.name);
}

/** What a name claims, order aside: "support:high:|cat:plan_tier:high:Growth". */
function claimsOf(...ts: Trait[]): string {
  return ts.map((t) => `${t.key}:${t.direction}:${t.level ?? ''}`).sort().join('|');
}

/** The candidate names with the traits each claims (none for the plain names). */
function candidatesOf(traits: Trait[], words: NameWords): { name: string; claims?: string }[] {
  const combine = words.spaced ? combineSpaced : combineUnspaced;
  // A trait the table gives no name words (a channel, in Chinese) is left out of names only.
  const [t1, ...rest] = namingOrder(traits.filter((t) => t.phrase.adj || t.phrase.noun));
  const out: { name: string; claims?: string }[] = [];
  const add = (name: string, ...ts: Trait[]) => out.push({ name, claims: claimsOf(...ts) });
  if (t1) {
    const others = rest.slice(0, 6);
    const p1 = t1.phrase;
    if (rest[0]) add(combine(rest[0].phrase, p1), rest[0], t1), add(combine(p1, rest[0].phrase), t1, rest[0]);
    add(p1.noun, t1);
    for (const t of others) add(combine(t.phrase, p1), t, t1), add(combine(p1, t.phrase), t1, t);
    for (let i = 0; i < others.length; i++) {
      for (let j = i + 1; j < others.length; j++) {
        const a = others[i].phrase;
        const b = others[j].phrase;
        add(combine({ adj: words.spaced ? `${a.adj} ${b.adj}` : a.adj + b.adj, adjIsNoun: a.adjIsNoun || b.adjIsNoun }, p1), others[i], others[j], t1);
      }
    }
    for (const t of others) add(t.phrase.noun, t);
  }
  out.push(...words.plain.map((name) => ({ name })));
  const seen = new Set<string>();
  return out.filter((c) => c.name && checkName(c.name).length === 0 && !seen.has(c.name) && seen.add(c.name));
}

/**
 * One trait's adjective before another's noun: "Young" + "Deal Hunters". Empty when the words
 * overlap ("Frequent" + "Frequent Buyers") or the order reads wrong: a noun used as an
 * adjective ("Garden") goes only before a noun-led phrase ("Garden Deal Hunters", not
 * "Garden Mature Shoppers" — that one is "Mature Garden Fans" the other way round).
 */
function combineSpaced(first: Pick<TraitPhrase, 'adj' | 'adjIsNoun'>, second: Pick<TraitPhrase, 'noun' | 'nounLed'>): string {
  const words = (s: string) => s.toLowerCase().split(/[\s-]+/).map((w) => w.replace(/s$/, ''));
  const a = words(first.adj);
  if (words(second.noun).some((w) => a.includes(w))) return '';
  if (first.adjIsNoun && !second.nounLed) return '';
  return `${first.adj} ${second.noun}`;
}

/**
 * The same written without spaces (Chinese): "零食饮料" + "高退货客群". Empty when the noun
 * already holds the adjective's characters ("高频" + "高频复购客户"). Chinese stacks a noun
 * before any noun phrase ("母婴用品高频复购客户"), so the English order rule does not apply.
 */
function combineUnspaced(first: Pick<TraitPhrase, 'adj'>, second: Pick<TraitPhrase, 'noun'>): string {
  if (!first.adj || !second.noun || second.noun.includes(first.adj) || first.adj.includes(second.noun)) return '';
  return first.adj + second.noun;
}

function lastResort(used: string[], words: NameWords): string {
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    const name = words.lastResort(letter);
    if (!used.some((u) => isNearDuplicate(name, u))) return name;
  }
  throw new Error('more than 26 segments without distinctive traits');
}

/** One line with a number in it: the strongest trait's fact and the segment's share. */
export function summaryOf(p: SegmentProfile, traits: Trait[], words: NameWords = ENGLISH.names): string {
  const [share, count] = [formatPercent(p.share), formatCount(p.size)];
  const t1 = namingOrder(traits)[0] ?? traits[0];
  const line = words.summary(share, count, t1?.evidence);
  return line.length <= SUMMARY_MAX ? line : words.summaryShort(share, count);
}

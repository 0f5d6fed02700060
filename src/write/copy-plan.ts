import type { OfferKind } from './vocabulary.js';
import { MIN_TRAIT_SCORE, offerKindOf, topicOf, type Trait } from './traits.js';
import type { OfferWords, PhraseTable } from './phrases/index.js';
import type { Domain } from './phrases/index.js';

/** The phrase-table fields a segment's copy takes one variant of. */
export const VARIANT_FIELDS = ['hooks', 'subjects', 'intros', 'rewardLines', 'ctas', 'headlines'] as const;
export type VariantField = (typeof VARIANT_FIELDS)[number];

/** Which offer and which variant of every template one segment's copy uses. */
export interface CopyPlan {
  kind: OfferKind;
  because?: Trait;
  topic?: string;
  /** Index into the offer's variants, per field. */
  pick: Record<VariantField, number>;
  /** Index into PhraseTable.topicLines (meaningful only with a topic). */
  topicLine: number;
}

export interface PlanSegment {
  id: number;
  traits: Trait[];
}

/**
 * The template choice for every segment of one Run, made together so that no two segments
 * share a line of copy. Each segment prefers the variants its own traits point to (a stable
 * hash of its leading traits, so a segment keeps its lines when other segments come and go),
 * then, in segment order, takes its first preferred variant whose sentences no earlier segment
 * has used — a serial-dictatorship matching of segments to lines. A segment whose offer has run
 * out of free variants moves to the next offer its traits point to, so the copy stays distinct
 * at any k rather than repeating lines.
 *
 * Lines are compared the way a reader sees them: sentence by sentence, case and end punctuation
 * ignored ("See your tips!" in a push and "See your tips." in an SMS are the same line).
 */
export function planCopy(segments: PlanSegment[], words: PhraseTable, domain: Domain, next: string): Map<number, CopyPlan> {
  const used = new Set<string>();
  const plans = new Map<number, CopyPlan>();
  for (const s of [...segments].sort((a, b) => a.id - b.id)) {
    const found = topicOf(s.traits);
    // A level in another script ("Electronics" in Chinese copy) is left out, not mixed in.
    const topic = found && (words.fitsTopic?.(found) ?? true) ? found : undefined;
    const seed = traitSeed(s.traits);
    let best: { plan: CopyPlan; clashes: number } | undefined;
    for (const { kind, because } of offerKindsOf(s.traits)) {
      const o = words.offers[domain][kind];
      const taken = new Set(used);
      let clashes = 0;
      const pick = {} as Record<VariantField, number>;
      for (const field of VARIANT_FIELDS) {
        const pool = o[field].map((t) => render(t, o, next, topic));
        const i = choose(pool, seed + field, taken);
        if (i.clash) clashes++;
        pick[field] = i.index;
        for (const l of sentences(pool[i.index])) taken.add(l);
      }
      let topicLine = 0;
      if (topic) {
        const pool = words.topicLines.map((t) => render(t, o, next, topic));
        const i = choose(pool, `${seed}topic`, taken);
        if (i.clash) clashes++;
        topicLine = i.index;
        for (const l of sentences(pool[i.index])) taken.add(l);
      }
      if (!best || clashes < best.clashes) best = { plan: { kind, because, topic, pick, topicLine }, clashes };
      if (clashes === 0) break;
    }
    const plan = best!.plan;
    plans.set(s.id, plan);
    const o = words.offers[domain][plan.kind];
    for (const field of VARIANT_FIELDS) for (const l of sentences(render(o[field][plan.pick[field]], o, next, topic))) used.add(l);
    if (topic) for (const l of sentences(render(words.topicLines[plan.topicLine], o, next, topic))) used.add(l);
  }
  return plans;
}

/** The offers a segment's traits point to, best first (offerKindOf's choice leads); picks last. */
export function offerKindsOf(traits: Trait[]): { kind: OfferKind; because?: Trait }[] {
  const first = offerKindOf(traits);
  const out = [first];
  const strong = traits.filter((t) => t.score >= MIN_TRAIT_SCORE);
  for (const t of [...strong, ...traits]) {
    const kind = t.phrase.offer;
    if (kind && !out.some((x) => x.kind === kind)) out.push({ kind, because: t });
  }
  if (!out.some((x) => x.kind === 'picks')) out.push({ kind: 'picks' });
  return out;
}

/** A template as it reads in the copy (the default reward; a user's offer is its own line). */
function render(t: string, o: OfferWords, next: string, topic?: string): string {
  return t.replace(/\{next\}/g, next).replace(/\{topic\}/g, topic ?? '').replace(/\{offer\}/g, o.reward);
}

/** The first variant in the segment's own order whose sentences are all still free. */
function choose(pool: string[], seed: string, taken: Set<string>): { index: number; clash: boolean } {
  const start = hash(seed) % pool.length;
  for (let j = 0; j < pool.length; j++) {
    const i = (start + j) % pool.length;
    if (sentences(pool[i]).every((l) => !taken.has(l))) return { index: i, clash: false };
  }
  return { index: start, clash: true };
}

/** A line's sentences as a reader compares them. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?:])\s+/)
    .map((x) => x.trim().toLowerCase().replace(/[.!?:]+$/, '').replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** What a segment is: its leading traits and their directions, independent of its id and of k. */
function traitSeed(traits: Trait[]): string {
  return traits
    .filter((t) => t.score >= MIN_TRAIT_SCORE)
    .slice(0, 3)
    .map((t) => `${t.key}:${t.direction}:${t.level ?? ''}`)
    .join('|');
}

/** FNV-1a: a stable, well-spread number from a string (no randomness: the writer is deterministic). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

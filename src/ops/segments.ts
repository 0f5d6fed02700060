import { UsageError } from '../errors.js';
import type { RunFile, RunSegment } from '../model/run.js';
import { pickSegment, type Superlative } from './pick-segment.js';

const SUPERLATIVES: [RegExp, Superlative][] = [
  [/\b(biggest|largest)\b/, 'biggest'],
  [/\bsmallest\b/, 'smallest'],
  [/\bleast valuable\b/, 'least valuable'],
  [/\b(most valuable|best|top)\b/, 'most valuable'],
  [/\b(newest|latest|most recent)\b/, 'newest'],
  [/\b(most lapsed|least recent|dormant)\b/, 'most lapsed'],
];

// Read as a superlative only when no segment's name has the word ("show lapsed" with a segment
// named "Lapsed Loyalists" is that segment).
const LOOSE_SUPERLATIVES: [RegExp, Superlative][] = [[/\b(lapsed|inactive|churned|churning)\b/, 'most lapsed']];

/**
 * Find a segment by number ("3", "#3", "segment 3"), by a superlative ("biggest", "most
 * valuable") or by a word of its name ("bargain").
 * Surfaces pass whatever the user typed; the error lists what exists.
 */
export function resolveSegment(run: RunFile, ref: string | number): RunSegment {
  const text = String(ref).trim().toLowerCase().replace(/^(segment|seg|#)\s*/, '');
  const n = Number(text);
  if (Number.isInteger(n)) {
    const seg = run.segments.find((s) => s.id === n);
    if (seg) return seg;
    throw new UsageError(`no segment ${n} in Run ${run.id}: it has segments 1–${run.segments.length}.`);
  }
  for (const [re, which] of SUPERLATIVES) if (re.test(text)) return pickSegment(run, which);
  const words = text.split(/\s+/).filter((w) => w.length >= 3);
  const scored = run.segments
    .filter((s) => s.texts)
    .map((s) => {
      const hay = `${s.texts!.name} ${s.texts!.persona.archetype}`.toLowerCase();
      return { s, score: words.filter((w) => hay.includes(w) || hay.includes(w.replace(/s$/, ''))).length };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length > 0 && (scored.length === 1 || scored[0].score > scored[1].score)) return scored[0].s;
  // A loose word for a superlative ("the lapsed ones", "inactive customers") when no name has it.
  if (scored.length === 0) for (const [re, which] of LOOSE_SUPERLATIVES) if (re.test(text)) return pickSegment(run, which);
  const names = run.segments.map((s) => `${s.id} ${s.texts?.name ?? '(not described)'}`).join(', ');
  if (scored.length > 1) throw new UsageError(`"${ref}" matches several segments (${scored.map((x) => x.s.id).join(', ')}); say which: ${names}.`);
  throw new UsageError(`no segment matches "${ref}" in Run ${run.id}. Segments: ${names}.`);
}

/** A segment's texts, or a clear error when it is under the minimum size (never described). */
export function describedTexts(run: RunFile, seg: RunSegment) {
  if (!seg.texts) {
    throw new UsageError(`segment ${seg.id} has ${seg.size} customers, under the minimum of ${run.config.minSegmentSize}: it is not described or exported.`);
  }
  return seg.texts;
}

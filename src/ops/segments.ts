import { UsageError } from '../errors.js';
import type { RunFile, RunSegment } from '../model/run.js';
import { pickSegment, type Superlative } from './pick-segment.js';
import { RENDER_WORDS } from './render-words.js';

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

// Chinese ways of naming a segment, read into the English forms below: 第2个人群, 人群2, 2号人群,
// 最大的人群, 最有价值的人群 / 价值最高的人群, 最沉睡的人群.
const ZH_SUPERLATIVES: [RegExp, string][] = [
  [/最不值钱|价值最低|最低价值|最没价值|消费最低|花得最少/, 'least valuable'],
  [/最有价值|价值最高|最高价值|最值钱|消费最高|花得最多|最好的客户|最优质/, 'most valuable'],
  [/最大|人数最多|规模最大/, 'biggest'],
  [/最小|人数最少|规模最小/, 'smallest'],
  [/最新/, 'newest'],
  [/最沉睡|最久没|流失最|沉睡最久/, 'most lapsed'],
];
const ZH_NUMBER = /(?:第\s*(\d{1,3})\s*(?:个|号)?|(\d{1,3})\s*号|(?:人群|客群|分群|群组|细分)\s*#?(\d{1,3}))/;

/**
 * A Chinese segment reference in the English words resolveSegment and the intent parser read:
 * "第2个人群" → "2", "最有价值的人群" → "most valuable"; anything else (a word of a name,
 * "沉睡") unchanged. The one place Chinese segment words are read, for every surface.
 */
export function segmentWordsZh(ref: string): string {
  if (!/\p{Script=Han}/u.test(ref)) return ref;
  for (const [re, which] of ZH_SUPERLATIVES) if (re.test(ref)) return which;
  const n = ZH_NUMBER.exec(ref);
  if (n) return n[1] ?? n[2] ?? n[3] ?? ref;
  return ref;
}

/**
 * Find a segment by number ("3", "#3", "segment 3"), by a superlative ("biggest", "most
 * valuable") or by a word of its name ("bargain").
 * Surfaces pass whatever the user typed; the error lists what exists.
 */
export function resolveSegment(run: RunFile, ref: string | number): RunSegment {
  const said = RENDER_WORDS[run.config.lang ?? 'en'].resolve;
  const text = segmentWordsZh(String(ref).trim()).toLowerCase().replace(/^(segment|seg|#)\s*/, '');
  const n = Number(text);
  if (Number.isInteger(n)) {
    const seg = run.segments.find((s) => s.id === n);
    if (seg) return seg;
    throw new UsageError(said.noNumber(n, run.id, run.segments.length));
  }
  for (const [re, which] of SUPERLATIVES) if (re.test(text)) return pickSegment(run, which);
  // Chinese names have no spaces: a run of two Han characters or more is a word of a name ("沉睡").
  const words = text
    .replace(/[的个人群客群组]+$/u, '')
    .split(/\s+|(?<=\p{Script=Han})(?=[^\p{Script=Han}])|(?<=[^\p{Script=Han}])(?=\p{Script=Han})/u)
    .filter((w) => w.length >= (/\p{Script=Han}/u.test(w) ? 2 : 3));
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
  const names = run.segments.map((s) => `${s.id} ${s.texts?.name ?? said.notDescribed}`).join(said.comma);
  if (scored.length > 1) throw new UsageError(said.several(String(ref), scored.map((x) => x.s.id).join(', '), names));
  throw new UsageError(said.noMatch(String(ref), run.id, names));
}

/** A segment's texts, or a clear error when it is under the minimum size (never described). */
export function describedTexts(run: RunFile, seg: RunSegment) {
  if (!seg.texts) throw new UsageError(RENDER_WORDS[run.config.lang ?? 'en'].resolve.tooSmall(seg.id, seg.size, run.config.minSegmentSize));
  return seg.texts;
}

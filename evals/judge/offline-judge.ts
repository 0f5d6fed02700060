import { readLabel, type LabelReading } from './read-label.js';
import type { LabelText, OfflineJudge } from './types.js';

/**
 * The deterministic judge of held-out assignment. It reads only the label texts (name, summary
 * and evidence lines, or the name alone) and the member's description — the signature allows
 * nothing else — with its own parser (read-label.ts: nothing of the writers' vocabulary or
 * code), and scores each label by how well the member fits what the label claims:
 *  - a numeric claim ("Big Spenders", "spend 2.1×") scores where the member stands on the
 *    claimed features among all customers, as log-odds in the claimed direction (logOdds);
 *  - a middle claim ("Moderate Spenders", "close to everyone's") scores how near the member
 *    stands to the median, on the same log-odds scale;
 *  - a named level the member has ("Electronics") scores +1;
 *  - words the member wrote that the label also uses add a little (capped), as a tie-breaker.
 * The member goes to the best-scoring label; ties go to the earlier label.
 */
export const offlineJudge: OfflineJudge = (labels, member) => judgeScores(labels, member).best;

/** Every label's score for the member, and the best label (for the spillover count). */
export function judgeScores(labels: readonly LabelText[], member: string): { best: number; scores: Map<number, number> } {
  const m = parseMember(member);
  let best = labels[0]?.id ?? -1;
  let bestScore = -Infinity;
  const scores = new Map<number, number>();
  for (const label of labels) {
    const text = [label.name, label.summary, ...(label.evidence ?? [])].filter(Boolean).join('. ');
    const score = scoreReading(readingOf(text, m), m) + termBonus(text, m.words);
    scores.set(label.id, score);
    if (score > bestScore) {
      best = label.id;
      bestScore = score;
    }
  }
  return { best, scores };
}

const LEVEL_WEIGHT = 1;
const LOG_ODDS_CAP = 1.5;
const TERM_WEIGHT = 0.25;
const TERM_CAP = 0.5;

interface ParsedMember {
  features: string[];
  /** The member's levels. */
  levels: string[];
  /** Where the member stands on each numeric feature, 0..1 (mid-rank among all customers). */
  position: Map<string, number>;
  words: Set<string>;
}

// Lines written by evals/describe-member.ts.
const NUMERIC_LINE = /^([^:\n]+): .* \((\d+)(?:st|nd|rd|th) percentile\b/;
const FLAG_LINE = /^([^:\n]+): (yes|no) \(like (\d+(?:\.\d+)?)% of customers\)$/;
const SNIPPET = /<customer_snippets>([\s\S]*?)<\/customer_snippets>/g;
const LEVEL_LINE = /^([^:\n]+): (.+)$/;

export function parseMember(member: string): ParsedMember {
  const position = new Map<string, number>();
  const levels: { column: string; level: string }[] = [];
  const words = new Set<string>();
  for (const m of member.matchAll(SNIPPET)) for (const w of wordsOf(m[1])) words.add(w);
  for (const line of member.replace(SNIPPET, '').split('\n')) {
    const flag = FLAG_LINE.exec(line);
    const num = NUMERIC_LINE.exec(line);
    const lvl = LEVEL_LINE.exec(line);
    if (flag) {
      // Mid-rank of a 0/1 value: a "yes" shared by 40% stands at 0.8, a "no" shared by 60% at 0.3.
      const like = Number(flag[3]) / 100;
      position.set(flag[1], flag[2] === 'yes' ? 1 - like / 2 : like / 2);
    } else if (num) position.set(num[1], Number(num[2]) / 100);
    else if (lvl && lvl[2].trim()) levels.push({ column: lvl[1], level: lvl[2].trim() });
  }
  return { features: [...position.keys()], levels: levels.map((l) => l.level), position, words };
}

// Readings depend only on the label text and the member's features and levels, and members
// share a few level combinations: read each label once per combination.
const readingCache = new Map<string, LabelReading>();
const READING_CACHE_MAX = 5000;

function readingOf(text: string, m: ParsedMember): LabelReading {
  const key = `${text}\u0001${m.features.join('\u0002')}\u0001${m.levels.join('\u0002')}`;
  let reading = readingCache.get(key);
  if (!reading) {
    if (readingCache.size >= READING_CACHE_MAX) readingCache.clear();
    reading = readLabel(text, m.features, m.levels);
    readingCache.set(key, reading);
  }
  return reading;
}

function scoreReading(r: LabelReading, m: ParsedMember): number {
  let score = LEVEL_WEIGHT * r.levels.size;
  for (const [feature, direction] of r.numeric) {
    const p = m.position.get(feature);
    // Weighed by how strongly the label states it: "0.04×" says more about a member than "0.8×".
    if (p === undefined) continue;
    // A middle claim: the 50th percentile counts as the 90th does for a high claim, the edges of
    // describe-member's "typical" band (30th, 70th) as 0, the 10th and 90th as −1.
    const toward = direction === 'high' ? p : direction === 'low' ? 1 - p : 0.9 - 2 * Math.abs(p - 0.5);
    score += (r.strength.get(feature) ?? 1) * logOdds(toward);
  }
  return score;
}

/**
 * Where a member stands, as evidence: the log-odds of their position in the claimed direction,
 * in units of a member at the 90th percentile (±1), capped at ±1.5. A member at the extreme of
 * a claimed feature is strong evidence; one near the median is almost none. A named level the
 * member has counts as much as the 90th percentile.
 */
function logOdds(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.max(-LOG_ODDS_CAP, Math.min(LOG_ODDS_CAP, Math.log(q / (1 - q)) / Math.log(9)));
}

// The judge's own word split (no project tokenizer): letters and digits, 3+ characters, a few
// stop words out; a run of Chinese characters (no spaces between words) counts by its
// character pairs, less the pairs every Chinese label writes about any segment.
const STOP = new Set(['the', 'and', 'for', 'with', 'you', 'your', 'are', 'our', 'was', 'this', 'that', 'from', 'have', 'has', 'not', 'all', 'vs', 'everyone', 'customers', 'segment', '客户', '客群', '整体', '平均', '出现', '现在', '全部', '为是', '的占']);
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]{3,}/gu)) {
    const w = m[0];
    if (/^\p{Script=Han}/u.test(w)) for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
    else out.push(w);
  }
  return out.filter((w) => !STOP.has(w));
}

function termBonus(labelText: string, words: Set<string>): number {
  if (words.size === 0) return 0;
  let shared = 0;
  for (const w of new Set(wordsOf(labelText))) if (words.has(w)) shared++;
  return Math.min(TERM_CAP, shared * TERM_WEIGHT);
}

import { tokenize } from '../../src/util/tokenize.js';
import { extractClaims, type Claim, type ClaimVocabulary } from '../claims.js';
import type { LabelText, OfflineJudge } from './types.js';

/**
 * The deterministic judge of held-out assignment. It reads only the label texts (name, summary
 * and evidence lines, or the name alone) and the member's description — the signature allows
 * nothing else — and scores each label by how well the member fits what the label claims:
 *  - a numeric claim ("Big Spenders", "spend 2.1×") scores where the member stands on the
 *    claimed features among all customers, as log-odds in the claimed direction (logOdds);
 *  - a named level the member has ("Electronics") scores +1, or −1 when the label says the
 *    segment leans away from it;
 *  - words the member wrote that the label also uses add a little (capped), as a tie-breaker.
 * A claim made twice (by the name and again by the evidence) counts once. The member goes to
 * the best-scoring label; ties go to the earlier label.
 */
export const offlineJudge: OfflineJudge = (labels, member) => {
  const m = parseMember(member);
  let best = labels[0]?.id ?? -1;
  let bestScore = -Infinity;
  for (const label of labels) {
    const text = [label.name, label.summary, ...(label.evidence ?? [])].filter(Boolean).join('. ');
    const score = scoreClaims(claimsOf(text, m.vocab), m) + termBonus(text, m.words);
    if (score > bestScore) {
      best = label.id;
      bestScore = score;
    }
  }
  return best;
};

const LEVEL_WEIGHT = 1;
const LOG_ODDS_CAP = 1.5;
const TERM_WEIGHT = 0.25;
const TERM_CAP = 0.5;

interface ParsedMember {
  vocab: ClaimVocabulary;
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
  for (const m of member.matchAll(SNIPPET)) for (const w of tokenize(m[1])) words.add(w);
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
  return { vocab: { numeric: [...position.keys()], levels }, position, words };
}

// Claims depend only on the label text and the vocabulary (the member's features and levels),
// and members share a few level combinations: read each label once per combination.
const claimCache = new Map<string, Claim[]>();
const CLAIM_CACHE_MAX = 5000;

function claimsOf(text: string, vocab: ClaimVocabulary): Claim[] {
  const key = `${text}\u0001${vocab.numeric.join('\u0002')}\u0001${vocab.levels.map((l) => `${l.column}\u0002${l.level}`).join('\u0003')}`;
  let claims = claimCache.get(key);
  if (!claims) {
    if (claimCache.size >= CLAIM_CACHE_MAX) claimCache.clear();
    claims = extractClaims(text, vocab);
    claimCache.set(key, claims);
  }
  return claims;
}

function scoreClaims(claims: Claim[], m: ParsedMember): number {
  let score = 0;
  for (const c of claims) {
    if (c.kind === 'category') {
      score += c.direction === 'high' ? LEVEL_WEIGHT : -LEVEL_WEIGHT;
      continue;
    }
    const at = (c.features ?? []).map((f) => m.position.get(f)).filter((p): p is number => p !== undefined);
    if (at.length === 0) continue;
    const mean = at.reduce((a, p) => a + p, 0) / at.length;
    score += logOdds(c.direction === 'high' ? mean : 1 - mean);
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

function termBonus(labelText: string, words: Set<string>): number {
  if (words.size === 0) return 0;
  let shared = 0;
  for (const w of new Set(tokenize(labelText))) if (words.has(w)) shared++;
  return Math.min(TERM_CAP, shared * TERM_WEIGHT);
}

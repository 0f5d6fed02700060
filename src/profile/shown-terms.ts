import type { TermFact } from '../model/profile.js';
import { ALL_DISPLAY_STOP_WORDS } from '../util/stop-words.js';

const HAN = /\p{Script=Han}/u;

/**
 * The distinctive terms a person is shown (briefs, chat, report), best first: words and
 * phrases, not what word-cutting leaves around them. ICU's dictionary cuts an unknown Chinese
 * compound into pieces (主播推荐 → 主 · 播推荐 in one review, 主播 · 推荐 in another), so a
 * segment's c-TF-IDF list holds 播 and 播推荐 beside 主播. For Han terms this keeps a term only
 * when it is more than one character, not a stop word, and neither inside nor overlapping an
 * end of a better term already kept (播推荐 shares 播 with 主播: a piece of the same phrase).
 * Terms in spaced scripts are kept as the profile ranked them (their words are whole).
 */
export function shownTerms(terms: readonly TermFact[], max = 8): TermFact[] {
  const out: TermFact[] = [];
  for (const t of terms) {
    if (out.length >= max) break;
    if (!HAN.test(t.term)) {
      out.push(t);
      continue;
    }
    const chars = [...t.term];
    if (chars.length < 2 || ALL_DISPLAY_STOP_WORDS.has(t.term)) continue;
    if (out.some((k) => k.column === t.column && HAN.test(k.term) && (k.term.includes(t.term) || t.term.includes(k.term) || overlaps(k.term, t.term)))) continue;
    out.push(t);
  }
  return out;
}

/** True when the end of one string is the start of the other (主播 · 播推荐). */
function overlaps(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length) - 1;
  for (let i = 1; i <= n; i++) if (a.endsWith(b.slice(0, i)) || b.endsWith(a.slice(0, i))) return true;
  return false;
}

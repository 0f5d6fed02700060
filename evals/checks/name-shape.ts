import { hasLink } from './copy-rules.js';

/**
 * The shape of a segment name, by the evals' own rules (apart from src/write/checks.ts): a name
 * a marketer can say aloud and put in a dashboard column —
 *  - 2 to 4 words; a Chinese name, written without spaces, 3 to 12 characters;
 *  - at most 40 characters, on one line;
 *  - no "@", no link and no phone-like number (7 digits or more).
 */
export const NAME_SHAPE = { minWords: 2, maxWords: 4, minHan: 3, maxHan: 12, maxChars: 40 } as const;

const HAN = /\p{Script=Han}/u;

export function nameShapeProblems(name: string): string[] {
  const out: string[] = [];
  const n = name.trim();
  const chars = [...n];
  const han = chars.filter((c) => HAN.test(c)).length;
  if (han > 0 && han >= chars.filter((c) => /\p{L}/u.test(c)).length / 2) {
    const count = chars.filter((c) => !/\s/.test(c)).length;
    if (count < NAME_SHAPE.minHan || count > NAME_SHAPE.maxHan) out.push(`has ${count} characters; a Chinese name has ${NAME_SHAPE.minHan}–${NAME_SHAPE.maxHan}`);
  } else {
    const words = n.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < NAME_SHAPE.minWords || words > NAME_SHAPE.maxWords) out.push(`has ${words} words; a name has ${NAME_SHAPE.minWords}–${NAME_SHAPE.maxWords}`);
  }
  if (chars.length > NAME_SHAPE.maxChars) out.push(`is ${chars.length} characters, over ${NAME_SHAPE.maxChars}`);
  if (/[\r\n\u2028\u2029]/.test(name)) out.push('is more than one line');
  if (/[@＠]/.test(n)) out.push('has an "@"');
  if (hasLink(n)) out.push('has a link');
  if ((n.match(/\d/g) ?? []).length >= 7 && /\d[\d\s().+-]{5,}\d/.test(n)) out.push('has a phone-like number');
  return out;
}

/**
 * Two names said the same: the same words once case, order, punctuation and a plural "s" are
 * set aside ("Loyal Regulars" = "regular loyal"). For Chinese, the characters without spaces.
 */
export function sameName(a: string, b: string): boolean {
  return nameWords(a) === nameWords(b);
}

function nameWords(name: string): string {
  const ws = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (/^[a-z]{4,}s$/.test(w) && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(ws)].sort().join(' ');
}

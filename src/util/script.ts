/**
 * Which writing system a text uses, and how long it is the way screens and carriers count:
 * - scriptOf / languageOfTexts: the language a column (or a written text) is in, guessed from
 *   its letters — Han without kana is Chinese, kana is Japanese, Hangul Korean, Latin English.
 *   No language model is needed for that: the scripts do not overlap.
 * - displayWidth: East Asian wide and fullwidth characters take two columns (Unicode UAX #11),
 *   which is how mail clients truncate subject lines. Hand-written (a range table) rather than
 *   a dependency: the checks only need the W/F ranges, not terminal-grade width.
 * - smsLength: GSM 03.38 7-bit messages fit 160 characters, anything outside that alphabet
 *   (Chinese, emoji) makes the carrier send UCS-2, which fits 70.
 */

export type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'thai' | 'cyrillic' | 'arabic' | 'other';

const SCRIPT_RES: [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['thai', /\p{Script=Thai}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
];

/** Letters per script in a text. */
export function scriptCounts(text: string): Map<Script, number> {
  const out = new Map<Script, number>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = SCRIPT_RES.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** Languages segmenta writes in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Their names in English, for messages. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: 'Chinese' };

/** The writer language a person named ("Chinese", "zh", "中文", "English"); undefined for any other. */
export function writerLanguageNamed(name: string): Language | undefined {
  const n = name.trim().toLowerCase();
  if (/^(en|eng|english)([-_ ].*)?$/.test(n)) return 'en';
  if (/^(zh|zho|chinese|mandarin|simplified chinese|中文|汉语|简体中文)([-_ ].*)?$/.test(n)) return 'zh';
  return undefined;
}

/**
 * The writer language a customer table's text calls for: Chinese when its text columns (or,
 * without text, its category values) are mostly Han, else English — the default when unsure.
 */
export function writerLanguageOf(texts: Iterable<string>, levels: Iterable<string> = []): Language {
  const lang = languageOfTexts(texts) ?? languageOfTexts(levels);
  return lang === 'zh' ? 'zh' : 'en';
}

/** A language guessed from letters: 'zh', 'ja', 'ko', 'th', 'ru', 'ar', 'en' (Latin), or undefined (no letters). */
export function languageOfCounts(counts: Map<Script, number>): string | undefined {
  let total = 0;
  for (const v of counts.values()) total += v;
  if (total === 0) return undefined;
  const share = (s: Script) => (counts.get(s) ?? 0) / total;
  // Japanese mixes kanji (Han) and kana; a little kana among Han is still Japanese.
  if (share('kana') >= 0.1) return 'ja';
  // A Han character carries a word's worth of meaning: 20% Han letters is Chinese text with Latin brand names.
  if (share('han') >= 0.2) return 'zh';
  if (share('hangul') >= 0.3) return 'ko';
  if (share('thai') >= 0.3) return 'th';
  if (share('cyrillic') >= 0.3) return 'ru';
  if (share('arabic') >= 0.3) return 'ar';
  if (share('latin') >= 0.5) return 'en';
  return undefined;
}

/** The language of a set of texts (a column's values), or undefined when they hold no letters. */
export function languageOfTexts(texts: Iterable<string>, maxTexts = 2000): string | undefined {
  const counts = new Map<Script, number>();
  let n = 0;
  for (const t of texts) {
    if (!t) continue;
    for (const [s, c] of scriptCounts(t)) counts.set(s, (counts.get(s) ?? 0) + c);
    if (++n >= maxTexts) break;
  }
  return languageOfCounts(counts);
}

/** Share of a text's letters written in the script(s) a language uses (Chinese: Han; English: Latin). */
export function languageShare(text: string, lang: Language): number {
  const counts = scriptCounts(text);
  let total = 0;
  for (const v of counts.values()) total += v;
  if (total === 0) return 1;
  return (lang === 'zh' ? counts.get('han') ?? 0 : counts.get('latin') ?? 0) / total;
}

// UAX #11 East Asian Wide (W) and Fullwidth (F) ranges, and the emoji presentation block.
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x1f680, 0x1f6ff], [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[mid][0]) hi = mid - 1;
    else if (cp > WIDE[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns a text takes on screen: wide characters 2, combining marks and zero-width joiners 0, the rest 1. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u.test(ch)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

// GSM 03.38 basic character set; the extension table (€ [ ] { } …) costs two septets each.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Units the carrier counts: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Units one message holds (160 or 70). */
  limit: number;
}

/** How a carrier counts an SMS: 160 GSM-7 septets, or 70 UCS-2 units once any character falls outside GSM-7. */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else return { encoding: 'UCS-2', units: text.length, limit: 70 };
  }
  return { encoding: 'GSM-7', units: septets, limit: 160 };
}

import { EN, type PhraseTable } from './en.js';

export type { Domain, OfferWords, PhraseTable, Tone } from './en.js';

/**
 * The phrase table for a language. English is the only table today; a second language is a
 * second file of the same PhraseTable shape added here (the seam for Simplified Chinese).
 */
const TABLES: Record<string, PhraseTable> = { en: EN };

export function phrasesFor(language?: string): PhraseTable | undefined {
  const l = (language ?? 'en').trim().toLowerCase();
  if (!l || /^(en|eng|english)([-_ ].*)?$/.test(l)) return TABLES.en;
  return TABLES[l.split(/[-_ ]/)[0]];
}

export const ENGLISH = EN;

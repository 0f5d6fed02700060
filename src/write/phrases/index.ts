import { EN, type PhraseTable } from './en.js';
import { ZH } from './zh.js';
import { writerLanguageNamed } from '../../util/script.js';

export type { Domain, EvidenceWords, NameWords, OfferWords, PhraseTable, Tone, TraitKey, TraitWords } from './en.js';

/**
 * The phrase table for a language: English and Simplified Chinese, files of the same
 * PhraseTable shape; another language is another file added here.
 */
const TABLES: Record<string, PhraseTable> = { en: EN, zh: ZH };

export function phrasesFor(language?: string): PhraseTable | undefined {
  if (!language?.trim()) return TABLES.en;
  // One reading of a language's name for the writer and the chat (util/script.ts).
  const lang = writerLanguageNamed(language);
  return lang ? TABLES[lang] : undefined;
}

export const ENGLISH = EN;

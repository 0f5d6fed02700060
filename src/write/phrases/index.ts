import { EN, type PhraseTable } from './en.js';
import { ZH } from './zh.js';

export type { Domain, PhraseTable, Tone } from './en.js';

/**
 * The phrase table for a language: English and Simplified Chinese, files of the same
 * PhraseTable shape; another language is another file added here.
 */
const TABLES: Record<string, PhraseTable> = { en: EN, zh: ZH };

export function phrasesFor(language?: string): PhraseTable | undefined {
  const l = (language ?? 'en').trim().toLowerCase();
  if (!l || /^(en|eng|english)([-_ ].*)?$/.test(l)) return TABLES.en;
  if (/^(zh|chinese|中文|简体中文)([-_ ].*)?$/.test(l)) return TABLES.zh;
  return TABLES[l.split(/[-_ ]/)[0]];
}

export const ENGLISH = EN;

import { scrubPii } from '../util/pii.js';

/**
 * Markdown helpers for briefs. Everything that came from data or a model (levels, terms,
 * quotes, LLM texts) goes through `text()`: PII patterns scrubbed once more (defence in depth,
 * the profile was scrubbed already), and characters that would become links, HTML or table
 * breaks escaped so a review cannot inject markup into a brief.
 */
export function text(s: string): string {
  return scrubPii(String(s))
    .replace(/\\/g, '\\\\')
    .replace(/[`*[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** One table cell: escaped and on one line. */
export function cell(s: string | number): string {
  return text(String(s)).replace(/\s*[\r\n]+\s*/g, ' ');
}

export function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => String(c)).join(' | ')} |`)].join('\n');
}

/** A block quote of (escaped) text, every line quoted. */
export function quote(s: string): string {
  return text(s)
    .split(/\r?\n/)
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
}

export function bullets(items: string[]): string {
  return items.map((i) => `- ${text(i).replace(/\s*[\r\n]+\s*/g, ' ')}`).join('\n');
}

/** Bullets of our own sentences (numbers, ids): not scrubbed, since a run id is not a phone number. */
export function ownBullets(items: string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

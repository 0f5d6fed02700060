import type { WriterInfo } from '../model/texts.js';

/** "offline", "llm (gpt-4o-mini)", "offline (fallback: timeout)" — says which writer made a text. */
export function writerLabel(w: WriterInfo): string {
  if (w.fallback) return `offline (fallback${w.fallbackReason ? `: ${w.fallbackReason}` : ''})`;
  return w.model ? `${w.kind} (${w.model})` : w.kind;
}

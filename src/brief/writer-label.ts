import type { WriterInfo } from '../model/texts.js';

/** Which writer wrote a segment's texts, in words a marketer reads in a brief. */
export function writerLabel(info: WriterInfo | undefined): string {
  if (!info) return 'not written yet';
  if (info.kind === 'llm') return `the LLM writer (${info.model ?? 'model not recorded'})`;
  if (info.fallback) return `the offline writer, standing in for the LLM${info.model ? ` (${info.model})` : ''}${info.fallbackReason ? `: ${info.fallbackReason}` : ''}`;
  return "the offline writer (no LLM; deterministic, built only from the profile's numbers)";
}

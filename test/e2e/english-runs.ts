/**
 * Latin-letter runs a Chinese answer, brief or report may hold, each for a reason: Run
 * (segmenta's name for one segmentation, as the CLI and the chat call it), RFM, App, ID and
 * VIP (written this way in Chinese marketing), CSV (the file format), segmenta (the product).
 * Besides these, only what is data or typed is left out: 「quoted」 column names, values and
 * file names, `code` (commands, file and column names to type), link targets, the Run's id,
 * file paths, and the data values a caller names (`data`: unquoted ids, column names).
 */
export const ALLOWED_LATIN = new Set(['Run', 'RFM', 'App', 'ID', 'VIP', 'CSV', 'segmenta']);

export function englishRuns(text: string, runId: string, data: string[] = []): string[] {
  let t = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .split(runId)
    .join(' ');
  // File paths are data too (ASCII path characters only, so the Chinese around them stays).
  t = t.replace(/(?:[A-Za-z]:)?(?:[\\/][\w.\-]+)+/g, ' ');
  // Longest first, so "customer_id" goes before "customer".
  for (const d of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) t = t.split(d).join(' ');
  return [...t.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !ALLOWED_LATIN.has(w));
}

import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const KEEP = 500;

/** Where the REPL keeps its history: $SEGMENTA_HISTORY, else ~/.segmenta_history. */
export function defaultHistoryPath(env: Record<string, string | undefined> = process.env): string {
  return env.SEGMENTA_HISTORY || join(homedir(), '.segmenta_history');
}

/**
 * Load the newest lines, newest first (the order readline wants). The file is trimmed to the
 * last KEEP lines here, once per session, so appending each line stays cheap.
 */
export function loadHistory(path: string): string[] {
  try {
    if (!existsSync(path)) return [];
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    if (lines.length > KEEP * 2) writeFileSync(path, lines.slice(-KEEP).join('\n') + '\n');
    return lines.slice(-KEEP).reverse();
  } catch {
    // History is a convenience: an unreadable file never stops the session.
    return [];
  }
}

export function appendHistory(path: string, line: string): void {
  try {
    appendFileSync(path, line.replace(/\n/g, ' ') + '\n', { mode: 0o600 });
  } catch {
    // Same as above: losing a history line is not worth an error.
  }
}

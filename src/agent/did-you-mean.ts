/**
 * A short "did you mean" for a request the offline parser does not understand: the two
 * actions whose keywords are closest (by edit distance) to the words typed — in chat words,
 * not CLI syntax — instead of the whole help. Deterministic; reads only what the user typed.
 */
import { RENDER_WORDS } from '../ops/render-words.js';
import type { Language } from '../util/script.js';

const ACTIONS: { example: string; keywords: string[] }[] = [
  { example: 'list segments', keywords: ['list', 'segments', 'groups', 'clusters', 'all'] },
  { example: 'show biggest', keywords: ['show', 'describe', 'who', 'tell', 'about', 'biggest', 'largest', 'details'] },
  { example: 'persona 2', keywords: ['persona', 'personas', 'profile', 'person'] },
  { example: 'sms for the most valuable', keywords: ['copy', 'sms', 'email', 'push', 'ad', 'write', 'message', 'campaign', 'text'] },
  { example: 'brief 1', keywords: ['brief', 'briefs', 'summary', 'document', 'doc'] },
  { example: 'compare 1 and 2', keywords: ['compare', 'difference', 'versus', 'vs', 'differ'] },
  { example: 'export segment 2', keywords: ['export', 'audience', 'upload', 'download', 'csv'] },
  { example: 'lookalikes of segment 1', keywords: ['lookalike', 'lookalikes', 'similar', 'like'] },
  { example: 'segment examples/customers.csv', keywords: ['segment', 'split', 'cluster', 'group', 'file', 'data'] },
  { example: 'inspect data.csv', keywords: ['inspect', 'load', 'columns', 'schema', 'quality'] },
  { example: 'report', keywords: ['report', 'html', 'chart', 'charts'] },
  { example: 'eval', keywords: ['eval', 'evals', 'evaluate', 'score', 'quality', 'good'] },
  { example: 'runs', keywords: ['runs', 'history', 'previous'] },
  { example: 'doctor', keywords: ['doctor', 'llm', 'model', 'server', 'check', 'setup'] },
];

export function didYouMean(text: string, lang: Language = 'en'): string {
  const words = text.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length >= 2);
  const scored = ACTIONS.map((a, i) => ({ a, i, d: Math.min(99, ...words.flatMap((w) => a.keywords.map((k) => relDistance(w, k)))) }))
    .sort((x, y) => x.d - y.d || x.i - y.i);
  // Nothing close: the two things people ask first.
  const [first, second] = scored[0].d <= 0.34 ? scored : [{ a: ACTIONS[0] }, { a: ACTIONS[1] }];
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  // In Chinese the examples are said the Chinese way where the parser reads that (readChinese).
  const words2 = RENDER_WORDS[lang].chat;
  const say = (e: string) => words2.examples[e] ?? e;
  return words2.didYouMean(shown, say(first.a.example), say(second.a.example));
}

/** Edit distance (a swap of two letters counts as one edit) as a share of the longer word. */
function relDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length] / Math.max(a.length, b.length);
}

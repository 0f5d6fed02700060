/**
 * A crude stem, the evals' own (not the writer's): lower case, one common English ending off, at
 * most 6 letters ("Spenders" → spend). Shared by the claim reader and the held-out judge, which
 * both match a text's words to feature names.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const end of ['ers', 'ing', 'ed', 'er', 'es', 's', 'y']) {
    if (w.length > end.length + 3 && w.endsWith(end)) {
      w = w.slice(0, -end.length);
      break;
    }
  }
  return w.slice(0, 6);
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files the package reads at run time (prompts/*.md, evals/thresholds.json) sit beside
 * package.json, not beside the module: the same code runs from src/ (tsx, vitest) and from the
 * compiled dist/src/, so a path relative to import.meta.url would differ between the two. The
 * package root is the nearest folder above this module that holds a package.json.
 */
let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** A path inside the package, e.g. packagePath('prompts', 'copy.md'). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

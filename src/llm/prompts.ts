import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { packagePath } from '../util/package-path.js';

/**
 * Prompt templates live in prompts/<name>.md, one per task. A template has a `## user` section,
 * after an optional `## system` one, and named variables `{{like_this}}`; `<!-- comments -->` document it and are
 * not sent. Filling is strict both ways (a missing or an unused variable throws) so a template
 * and its caller cannot drift apart silently. The hash is of the template file, so Runs written
 * with the same prompt can be compared (it is stored in run.json).
 */
export type PromptName = 'segment-names' | 'persona' | 'copy' | 'retry-feedback' | 'judge';

export interface Prompt {
  name: string;
  system: string;
  user: string;
  /** sha256 (hex) of the template file. */
  hash: string;
}

export const PROMPTS_DIR = packagePath('prompts');

const VAR = /\{\{([a-z][a-z0-9_]*)\}\}/g;
const cache = new Map<string, { text: string; hash: string }>();

function readTemplate(name: string, dir: string) {
  const path = join(dir, `${name}.md`);
  let hit = cache.get(path);
  if (!hit) {
    const text = readFileSync(path, 'utf8');
    hit = { text, hash: createHash('sha256').update(text).digest('hex') };
    cache.set(path, hit);
  }
  return hit;
}

export function promptHash(name: PromptName | string, dir = PROMPTS_DIR): string {
  return readTemplate(name, dir).hash;
}

/** The variables a template uses, in order of first use. */
export function promptVariables(name: PromptName | string, dir = PROMPTS_DIR): string[] {
  const body = readTemplate(name, dir).text.replace(/<!--[\s\S]*?-->/g, '');
  return [...new Set([...body.matchAll(VAR)].map((m) => m[1]))];
}

export function loadPrompt(name: PromptName | string, vars: Record<string, string | number>, dir = PROMPTS_DIR): Prompt {
  const { text, hash } = readTemplate(name, dir);
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const used = new Set([...body.matchAll(VAR)].map((m) => m[1]));
  const missing = [...used].filter((v) => !(v in vars));
  const unused = Object.keys(vars).filter((v) => !used.has(v));
  if (missing.length || unused.length) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', unused.length ? `unused ${unused.join(', ')}` : ''];
    throw new Error(`prompt ${name}: ${parts.filter(Boolean).join('; ')}`);
  }
  // One pass: a value that itself contains "{{x}}" is not expanded again.
  const filled = body.replace(VAR, (_, v: string) => String(vars[v]));
  const sys = /^## system[ \t]*$/m.exec(filled);
  const usr = /^## user[ \t]*$/m.exec(filled);
  if (!usr || (sys && usr.index < sys.index)) throw new Error(`prompt ${name}: needs a "## user" section (after "## system", if any)`);
  return {
    name,
    system: sys ? filled.slice(sys.index + sys[0].length, usr.index).trim() : '',
    user: filled.slice(usr.index + usr[0].length).trim(),
    hash,
  };
}

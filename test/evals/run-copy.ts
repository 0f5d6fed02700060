import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunFile } from '../../src/model/run.js';

/**
 * A copy of a Run under a new id in the same workspace, with run.json edited by `edit`: how
 * the tests hand the evals deliberately bad labels without touching the good Run.
 */
export function copyRunWith(runDir: string, newId: string, edit: (run: RunFile) => void): string {
  const dir = join(runDir, '..', newId);
  cpSync(runDir, dir, { recursive: true });
  const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunFile;
  run.id = newId;
  edit(run);
  writeFileSync(join(dir, 'run.json'), JSON.stringify(run, null, 2));
  return dir;
}

/** The described segment with id `id` (its texts are present). */
export function texts(run: RunFile, id: number) {
  const s = run.segments.find((x) => x.id === id);
  if (!s?.texts) throw new Error(`segment ${id} has no texts`);
  return s.texts;
}

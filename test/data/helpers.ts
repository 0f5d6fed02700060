import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

/** A fresh folder under the OS temp dir for one test file's fixtures. */
export function makeTempDir(prefix = 'segmenta-data-'): { dir: string; file: (name: string, content: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Await a promise that must fail with an InputError whose one-line message contains every
 * given fragment; returns the error for further checks.
 */
export async function expectInputError(promise: Promise<unknown>, fragments: string[]): Promise<InputError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected an InputError').toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.exitCode).toBe(1);
  expect(err.message).not.toContain('\n');
  expect(err.message.length).toBeLessThan(400);
  for (const f of fragments) expect(err.message).toContain(f);
  return err;
}

/** CSV text from rows of cells (no quoting needed by the callers). */
export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

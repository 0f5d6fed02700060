import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath, packageRoot } from '../../src/util/package-path.js';

describe('packagePath', () => {
  it('finds the folder of segmenta\'s package.json from src/ (and so from dist/src/)', () => {
    expect(packageRoot()).toBe(resolve(import.meta.dirname, '../..'));
    expect(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).name).toBe('segmenta');
  });

  it('names the run-time files the package ships', () => {
    expect(existsSync(packagePath('prompts', 'agent-system.md'))).toBe(true);
    expect(existsSync(packagePath('evals', 'thresholds.json'))).toBe(true);
  });
});

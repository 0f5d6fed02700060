/**
 * Issue 16 through the real CLI: `segmenta segment FILE` on planted customers with Chinese
 * reviews writes every name, persona and line of copy in Chinese (detected from the data, and
 * with --lang zh), grounded in the profile, within the Chinese channel limits; the briefs'
 * texts are Chinese; an unknown --lang is one line naming the supported codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from './cli.js';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { checkSegmentTexts, checkScript, channelLength } from '../../src/write/checks.js';
import type { RunFile } from '../../src/model/run.js';

const dir = tempDir('segmenta-zh-');
const ws = join(dir, 'ws');
const file = join(dir, 'zh-customers.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('segmenta segment on Chinese customers', () => {
  let run: RunFile;
  let runDir: string;
  beforeAll(() => {
    writePlantedZhCustomers(file, 3000, 21);
    // No --lang: the language comes from the data's text.
    const r = segmenta(['segment', file, '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    runDir = JSON.parse(r.stdout).runDir;
    run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  }, 240_000);

  it('stores the language in the Run and writes every text in Chinese, passing every check', () => {
    expect(run.config.lang).toBe('zh');
    const described = run.segments.filter((s) => s.texts);
    expect(described.length).toBeGreaterThanOrEqual(5);
    for (const s of described) {
      const t = s.texts!;
      expect(checkSegmentTexts(t, s.profile, { all: described.map((x) => x.profile), lang: 'zh' })).toEqual([]);
      for (const text of [t.name, t.summary, t.persona.description, ...t.persona.goals, t.copy.sms, t.copy.push, t.copy.email.subject]) {
        expect(checkScript(text, 'zh'), text).toEqual([]);
      }
      expect(channelLength('sms', t.copy.sms).limit).toBe(70);
    }
  });

  it('writes the briefs with the Chinese texts', () => {
    const brief = readFileSync(join(runDir, 'briefs', 'segment-1.md'), 'utf8');
    expect(brief).toContain(run.segments[0].texts!.name);
  });

  it('an unknown --lang is one line listing the supported codes, exit 1', () => {
    const r = segmenta(['segment', file, '--workspace', ws, '--lang', 'fr', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--lang "fr" is not a language segmenta writes; supported: en, zh/);
  });
});

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrompt, promptHash, PROMPTS_DIR, promptVariables } from '../../src/llm/prompts.js';

describe('prompt templates', () => {
  it('has one template per task, with its variables named', () => {
    // language and name_length: issue 16 (names are asked for in the output language).
    expect(promptVariables('segment-names')).toEqual(['language', 'name_length', 'segment_count', 'segment_ids', 'profiles']);
    expect(promptVariables('persona').sort()).toEqual(['language', 'name', 'other_segments', 'profile', 'segment', 'summary']);
    expect(promptVariables('copy').sort()).toEqual(['language', 'limits', 'name', 'offer', 'persona', 'profile', 'segment', 'tone']);
    expect(promptVariables('retry-feedback').sort()).toEqual(['previous', 'problems']);
    expect(promptVariables('judge').sort()).toEqual(['customer', 'segments']);
  });

  it('fills a template into system and user messages, and hashes the template file', () => {
    const p = loadPrompt('judge', { segments: '1. Weekend Bargain Hunters — 600 customers', customer: 'channel email' });
    expect(p.system).toMatch(/never an instruction/);
    expect(p.user).toContain('1. Weekend Bargain Hunters — 600 customers');
    expect(p.user).not.toContain('{{');
    expect(p.system + p.user).not.toContain('<!--'); // documentation comments are not sent
    const file = readFileSync(join(PROMPTS_DIR, 'judge.md'), 'utf8');
    expect(p.hash).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('keeps the hash stable whatever the variables (it identifies the template in run.json)', () => {
    const a = loadPrompt('retry-feedback', { previous: 'a', problems: '- x' });
    const b = loadPrompt('retry-feedback', { previous: 'something else', problems: '- y' });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(promptHash('retry-feedback'));
    expect(a.system).toBe(''); // a template may have only a user part
  });

  it('fails on a missing or an unused variable', () => {
    expect(() => loadPrompt('judge', { segments: 'x' })).toThrow(/prompt judge: missing customer/);
    expect(() => loadPrompt('judge', { segments: 'x', customer: 'y', extra: 'z' })).toThrow(/unused extra/);
  });

  it('does not expand template syntax that arrives inside a value', () => {
    const p = loadPrompt('judge', { segments: '{{customer}}', customer: 'the customer' });
    expect(p.user).toContain('{{customer}}');
  });

  it('tells the model customer text is data, in every writer prompt', () => {
    for (const name of ['segment-names', 'persona', 'copy', 'judge']) {
      const text = readFileSync(join(PROMPTS_DIR, `${name}.md`), 'utf8');
      expect(text, name).toMatch(/<customer_snippets>.*never an instruction/);
    }
  });
});

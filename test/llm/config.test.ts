import { describe, expect, it } from 'vitest';
import { describeLlm, loadConfig, PLACEHOLDER_API_KEY } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const line = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to the offline writer when neither key nor base URL is set', () => {
    const c = loadConfig({}, {});
    expect(c.llm).toBeUndefined();
    expect(c.workspace).toBe('./segmenta-workspace');
    expect(c.minSegmentSize).toBe(50);
    expect(describeLlm(c)).toMatch(/^offline writer/);
  });

  it('reads the environment, with defaults for the rest', () => {
    const c = loadConfig({}, { OPENAI_API_KEY: 'sk-abc', SEGMENTA_WORKSPACE: '/tmp/ws', SEGMENTA_MIN_SEGMENT_SIZE: '25', SEGMENTA_LLM_CONCURRENCY: '2' });
    expect(c.workspace).toBe('/tmp/ws');
    expect(c.minSegmentSize).toBe(25);
    expect(c.llm).toMatchObject({ apiKey: 'sk-abc', placeholderKey: false, model: 'gpt-4o-mini', timeoutMs: 60_000, maxRetries: 3, concurrency: 2, structuredMethod: 'jsonSchema' });
    expect(c.llm!.baseURL).toBeUndefined(); // OpenAI itself
  });

  it('lets flags override the environment', () => {
    const c = loadConfig({ model: 'llama3.1', baseUrl: 'http://localhost:11434/v1/', workspace: 'w' }, { OPENAI_API_KEY: 'k', SEGMENTA_MODEL: 'gpt-4o', OPENAI_BASE_URL: 'http://elsewhere/v1', SEGMENTA_WORKSPACE: 'x' });
    expect(c.llm!.model).toBe('llama3.1');
    expect(c.llm!.baseURL).toBe('http://localhost:11434/v1');
    expect(c.workspace).toBe('w');
  });

  it('accepts a base URL without a key, with a placeholder key and a warning', () => {
    const c = loadConfig({}, { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' });
    expect(c.llm!.apiKey).toBe(PLACEHOLDER_API_KEY);
    expect(c.llm!.placeholderKey).toBe(true);
    expect(c.warnings.join(' ')).toMatch(/OPENAI_BASE_URL is set without OPENAI_API_KEY/);
    expect(describeLlm(c)).toBe('LLM gpt-4o-mini at http://127.0.0.1:8080/v1 (no API key)');
  });

  it('treats empty variables as unset, and --offline as no LLM', () => {
    expect(loadConfig({}, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '  ' }).llm).toBeUndefined();
    expect(loadConfig({ offline: true }, { OPENAI_API_KEY: 'k' }).llm).toBeUndefined();
  });

  it('names the variable (or flag) and the fix for each bad value, in one line', () => {
    expect(line(() => loadConfig({}, { OPENAI_BASE_URL: 'localhost:11434' }))).toMatch(/^OPENAI_BASE_URL must be an http\(s\) URL/);
    expect(line(() => loadConfig({}, { OPENAI_BASE_URL: 'not a url' }))).toMatch(/^OPENAI_BASE_URL is not a URL: "not a url"\. Fix: e\.g\./);
    expect(line(() => loadConfig({}, { OPENAI_API_KEY: 'k', SEGMENTA_LLM_TIMEOUT_MS: 'soon' }))).toMatch(/^SEGMENTA_LLM_TIMEOUT_MS must be a whole number of milliseconds .* got "soon"\. Fix: SEGMENTA_LLM_TIMEOUT_MS=60000/);
    expect(line(() => loadConfig({}, { OPENAI_API_KEY: 'k', SEGMENTA_LLM_CONCURRENCY: '0' }))).toMatch(/^SEGMENTA_LLM_CONCURRENCY must be/);
    expect(line(() => loadConfig({}, { OPENAI_API_KEY: 'k', SEGMENTA_STRUCTURED_METHOD: 'xml' }))).toMatch(/^SEGMENTA_STRUCTURED_METHOD must be jsonSchema or functionCalling/);
    expect(line(() => loadConfig({}, { SEGMENTA_MIN_SEGMENT_SIZE: '-3' }))).toMatch(/^SEGMENTA_MIN_SEGMENT_SIZE must be a whole number/);
    expect(line(() => loadConfig({ baseUrl: 'ftp://x' }, {}))).toMatch(/^--base-url must be an http\(s\) URL/);
  });

  it('never serialises the API key', () => {
    const c = loadConfig({}, { OPENAI_API_KEY: 'sk-very-secret' });
    expect(JSON.stringify(c)).not.toContain('sk-very-secret');
    expect(JSON.stringify(c)).toContain('[redacted]');
    expect(describeLlm(c)).not.toContain('sk-very-secret');
    expect(c.llm!.apiKey).toBe('sk-very-secret');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentaAsync, tempDir } from './cli.js';
import { writeHoldoutCustomers } from '../fixtures/holdout-customers.js';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '../servers/fake-openai.js';
import type { RunFile } from '../../src/model/run.js';

/**
 * Issue 4's acceptance through the real CLI and the real HTTP client: `segmenta segment` with
 * OPENAI_BASE_URL pointing at a loopback OpenAI-compatible server. Texts come from the server,
 * no PII value of the file reaches any request body, an injected instruction never reaches a
 * name, and every fault mode still ends in a complete Run.
 */
const dir = tempDir();
const file = join(dir, 'customers.csv');
let fake: FakeOpenAI;
let pii: string[];

beforeAll(async () => {
  writeHoldoutCustomers(file, 1200, 3);
  pii = [];
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [id, name, email, mobile] = line.split(',');
    pii.push(id, name, email, mobile, ...name.split(' '));
  }
  fake = await startFakeOpenAI({ models: ['fake-model'] });
});
afterAll(() => fake?.close());

function llmEnv(): Record<string, string> {
  return {
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: 'test-key',
    SEGMENTA_MODEL: 'fake-model',
    SEGMENTA_LLM_TIMEOUT_MS: '1500',
    SEGMENTA_LLM_MAX_RETRIES: '2',
  };
}

async function segmentWith(mode: FakeMode, workspace: string, times?: number) {
  fake.setMode(mode, times);
  const before = fake.requests.length;
  const r = await segmentaAsync(['segment', file, '--json', '--workspace', workspace, '--k', '6'], llmEnv());
  fake.setMode('ok');
  const out = r.status === 0 ? JSON.parse(r.stdout) : undefined;
  const run: RunFile | undefined = out ? JSON.parse(readFileSync(join(out.runDir, 'run.json'), 'utf8')) : undefined;
  return { r, run, requests: fake.requests.slice(before) };
}

describe('segmenta segment with an OpenAI-compatible server', () => {
  it('writes every text with the LLM and sends no PII value', async () => {
    const { r, run, requests } = await segmentWith('ok', join(dir, 'ws-ok'));
    expect(r.status, r.stderr).toBe(0);
    expect(run!.config.writer).toBe('llm');
    const described = run!.segments.filter((s) => !s.small);
    expect(described.length).toBeGreaterThan(0);
    for (const s of described) expect(s.texts!.writer).toMatchObject({ kind: 'llm', model: 'fake-model' });
    expect(run!.llm!.usage.calls).toBeGreaterThan(0);

    const bodies = requests.filter((q) => q.method === 'POST').map((q) => q.body);
    expect(bodies.length).toBeGreaterThan(described.length); // names + persona + copy per segment
    const text = bodies.join('\n');
    const tokens = new Set(text.split(/[^\w@.+-]+/).map((t) => t.replace(/\.+$/, '')));
    const leaks = pii.filter((v) => (v.includes(' ') ? text.includes(v) : tokens.has(v)));
    expect(leaks).toEqual([]);
  });

  it('rides out a short burst of 429s with Retry-After: retries on stderr, texts still from the LLM', async () => {
    const { r, run } = await segmentWith('429', join(dir, 'ws-burst'), 2);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/retrying .*429/i);
    expect(run!.llm!.usage.retries).toBeGreaterThanOrEqual(2);
    for (const s of run!.segments.filter((x) => !x.small)) expect(s.texts!.writer.kind).toBe('llm');
  });

  const faults: FakeMode[] = ['429', '500', 'hang', 'refusal', 'invalid-json', 'injection'];
  for (const mode of faults) {
    it(`fault mode ${mode}: a complete Run with LLM texts or marked fallbacks, never a crash`, async () => {
      const { r, run } = await segmentWith(mode, join(dir, `ws-${mode}`));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      for (const s of run!.segments.filter((x) => !x.small)) {
        const w = s.texts!.writer;
        // Every segment is written, by the LLM or by the offline writer marked as a fallback.
        expect(w.kind === 'llm' || (w.kind === 'offline' && w.fallback === true)).toBe(true);
        expect(s.texts!.name).not.toMatch(/hacked/i);
      }
      // A server that never recovers means fallbacks, and run.json says so.
      expect(run!.llm!.fallbacks.length).toBeGreaterThan(0);
      if (mode === '429' || mode === '500') expect(r.stderr).toMatch(/retry/i);
    });
  }
});

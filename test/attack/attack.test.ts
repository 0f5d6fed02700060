import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { segmentaAsync, tempDir } from '../e2e/cli.js';
import { sampleFromSchema, startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { leaksIn, writeHostileCustomers, INJECTED_COLUMN, type HostileFile } from './hostile-customers.js';
import { Dispatcher } from '../../src/slack/dispatch.js';
import { loadConfig } from '../../src/config.js';
import type { RunFile } from '../../src/model/run.js';
import { runWriterSummary } from '../../src/brief/writer-label.js';

/**
 * Issue 18's attack suite, through the real CLI and the real HTTP clients against the loopback
 * fake LLM, with a spy on every request body (chat and /embeddings): no PII value of the hostile
 * file, in any of its variant forms, in any request, in run.json, the briefs, the report, the
 * transcript, or a Slack message; and a model that obeys every injected instruction gets
 * none of its answers saved.
 */
const dir = tempDir('segmenta-attack-');
const file = join(dir, 'hostile.csv');
let fake: FakeOpenAI;
let hostile: HostileFile;

beforeAll(async () => {
  hostile = writeHostileCustomers(file);
  fake = await startFakeOpenAI({ models: ['fake-model'], embeddingDim: 16 });
});
afterAll(() => fake?.close());

const env = () => ({
  OPENAI_BASE_URL: fake.url,
  OPENAI_API_KEY: 'test-key',
  SEGMENTA_MODEL: 'fake-model',
  SEGMENTA_EMBEDDING_MODEL: 'fake-embed',
  SEGMENTA_LLM_TIMEOUT_MS: '3000',
  SEGMENTA_LLM_MAX_RETRIES: '0',
});

/** Every text file of a Run folder, by name. */
function runFiles(runDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(json|jsonl|md|html|csv|txt)$/.test(name)) out.set(p.slice(runDir.length + 1), readFileSync(p, 'utf8'));
    }
  };
  walk(runDir);
  return out;
}

async function segment(workspace: string) {
  const before = fake.requests.length;
  const r = await segmentaAsync(['segment', file, '--json', '--workspace', workspace, '--k', '3'], env());
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  const run: RunFile = JSON.parse(readFileSync(join(out.runDir, 'run.json'), 'utf8'));
  return { r, run, runDir: out.runDir as string, requests: fake.requests.slice(before).filter((q) => q.method === 'POST') };
}

describe('PII in any form never leaves the process', () => {
  let result: Awaited<ReturnType<typeof segment>>;
  const workspace = join(dir, 'ws-pii');
  beforeAll(async () => {
    fake.setResponder(undefined);
    result = await segment(workspace);
  }, 180_000);

  it('name columns named in German or with a prefix are PII, never features', () => {
    const roles = Object.fromEntries(result.run.schema.columns.map((c) => [c.name, c.role]));
    for (const c of ['Vorname', 'nachname', 'billing_last_name', '姓名', 'email', 'mobile']) expect(roles[c], c).toBe('pii');
    const features = JSON.stringify(result.run.segments.map((s) => s.profile.categories.map((c) => c.column)));
    expect(features).not.toMatch(/Vorname|nachname|billing_last_name|姓名/);
  });

  it('no request body — chat or embeddings — holds a PII value in any form', () => {
    const { requests } = result;
    expect(requests.some((q) => q.path.endsWith('/embeddings')), 'server-side embeddings were used').toBe(true);
    expect(requests.some((q) => q.path.endsWith('/chat/completions'))).toBe(true);
    for (const q of requests) {
      // The raw body and its decoded strings (JSON escapes cannot hide a value).
      const decoded = JSON.stringify(q.json ?? {}, null, 0) + '\n' + collectStrings(q.json).join('\n');
      expect(leaksIn(q.body + '\n' + decoded, hostile), `${q.path} #${requests.indexOf(q)}`).toEqual([]);
    }
  });

  it('run.json, briefs, report and llm-transcript.jsonl hold no PII value in any form', () => {
    const files = runFiles(result.runDir);
    expect([...files.keys()]).toContain('llm-transcript.jsonl');
    expect(files.get('llm-transcript.jsonl')!.trim().split('\n').length).toBeGreaterThan(0);
    for (const [name, text] of files) {
      if (name === 'assignments.csv') continue; // customer ids and segment numbers only
      expect(leaksIn(text, hostile), name).toEqual([]);
    }
  });

  it('what Slack posts (brief, show, copy) holds no PII value and no server path', async () => {
    const dispatcher = new Dispatcher({ config: loadConfig({ workspace }, {}) });
    const texts: string[] = [];
    for (const [op, input] of [
      ['brief', { segment: '1' }],
      ['show', { segment: '2' }],
      ['copy', { segment: '3' }],
      ['segments', {}],
    ] as const) {
      const reply = await dispatcher.run(op, input, 'C1');
      texts.push(JSON.stringify(reply));
    }
    const all = texts.join('\n');
    expect(leaksIn(all, hostile)).toEqual([]);
    expect(all).not.toContain(dir);
  });
});

function collectStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), collectStrings(x, out));
  return out;
}

// What a model that obeys every instruction in the data would answer.
const OBEYED = ['HACKED', 'PWNED', 'Tap [win](javascript:alert(1)) now', 'javascript:alert(1)', '<b>Shop</b> now', '<a href="x">Shop</a>', 'data:text/html,hi'];

describe('a model that obeys injected instructions gets nothing saved', () => {
  let result: Awaited<ReturnType<typeof segment>>;
  beforeAll(async () => {
    fake.setResponder(({ json, index }) => {
      const schema = json.response_format?.json_schema?.schema;
      if (!schema) return undefined;
      const value = sampleFromSchema(schema, { root: schema, rand: () => 0.5, injection: false });
      let k = index;
      const obey = (v: unknown, key = ''): unknown => {
        if (typeof v === 'string') {
          const bad = OBEYED[k++ % OBEYED.length];
          return /name|headline|subject|archetype/i.test(key) ? `${bad} Crew`.slice(0, 40) : `${bad} ${v}`.slice(0, 150);
        }
        if (Array.isArray(v)) return v.map((x) => obey(x, key));
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, obey(x, kk)]));
        return v;
      };
      return { content: JSON.stringify(obey(value)) };
    });
    result = await segment(join(dir, 'ws-obey'));
    fake.setResponder(undefined);
  }, 180_000);

  it('the injected column name and category value reach no prompt as text', () => {
    // The data-bearing turns (system + first user message); a re-ask also quotes the model's own
    // rejected answer back to it, which is the model's text, not the file's.
    const chat = result.requests.filter((q) => q.path.endsWith('/chat/completions')).map((q) => collectStrings(q.json.messages.slice(0, 2)).join('\n'));
    expect(chat.length).toBeGreaterThan(0);
    for (const body of chat) {
      expect(body).not.toContain(INJECTED_COLUMN);
      expect(body).not.toMatch(/PWNED|HACKED|javascript:/i);
    }
  });

  it('no saved text obeys: no HACKED / PWNED, no link scheme, Markdown link or HTML', () => {
    const texts = JSON.stringify(result.run.segments.map((s) => s.texts));
    expect(texts).not.toMatch(/HACKED|PWNED/i);
    expect(texts).not.toMatch(/javascript:|data:text|\]\(|<\s*\/?\s*[a-z]+[^>]*>/i);
    // Every answer failed its checks, so every item fell back to the offline writer — and says so.
    for (const s of result.run.segments.filter((x) => !x.small)) expect(s.texts!.writer).toMatchObject({ kind: 'offline', fallback: true });
    expect(result.r.stderr).not.toMatch(/texts by the LLM/);
    // The summary line ("texts by the …") is built by runWriterSummary from the saved Run; it said
    // "LLM (…)" before. (`segment --json` keeps its fixed key contract, so the line is checked here.)
    expect(runWriterSummary(result.run)).toMatch(/^offline writer: every text fell back from the LLM/);
  });

  it('briefs and report carry none of it, except where the data-quality report names the column it left out', () => {
    for (const [name, text] of runFiles(result.runDir)) {
      if (name === 'llm-transcript.jsonl' || name === 'run.json') continue; // they record what the model said, as data
      // The injected column is named where the data-quality report says it was left out, and nowhere else.
      const lines = text.split('\n').filter((l) => /HACKED|PWNED|javascript:/i.test(l));
      for (const l of lines) expect(l, name).toMatch(/instruction|\| ignored \|/);
    }
  });
});

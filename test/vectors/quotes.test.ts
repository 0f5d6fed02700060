import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { givenLabelsClusterer } from '../../src/pipeline/stages.js';
import { loadConfig } from '../../src/config.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { quotesOp } from '../../src/ops/quotes.js';
import { splitSegmentAndTopic } from '../../src/ops/resolve.js';
import { parseIntent } from '../../src/agent/intent.js';
import { parseCommand } from '../../src/slack/commands.js';
import { findSlash } from '../../src/repl/slash.js';
import { TermHashEmbeddings } from '../../src/embed/term-hash-embeddings.js';
import { QUOTES_DIR } from '../../src/vectors/quotes.js';
import { CancelledError, UsageError } from '../../src/errors.js';
import { startFakeOpenAI, type FakeOpenAI } from '../servers/fake-openai.js';
import { segmenta } from '../e2e/cli.js';

/**
 * Issue 12, the quote store: scrubbed review snippets per segment in a LangChain HNSWLib store.
 * Planted file: three segments (given labels, so membership is known) whose reviews use their
 * own words — segment 1 complains about late delivery and prices, segment 2 praises quick
 * delivery and the app, segment 3 talks about returns only. Every review carries PII: the
 * customer's own name, an email, a phone number.
 */
const FIRST = ['Ana', 'Bruno', 'Chloe', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jana'];
const LAST = ['Haddad', 'Moreau', 'Garcia', 'Petrov', 'Yilmaz', 'Nasser', 'Kovac', 'Sato', 'Horvat', 'Novak'];
const SAYS: Record<number, string[]> = {
  1: ['the delivery was late again and nobody called', 'late delivery, the parcel sat in a depot for days', 'prices went up and the coupons stopped', 'too expensive now, prices keep climbing'],
  2: ['quick delivery, the courier was friendly', 'delivery came next morning, brilliant', 'the app makes reordering easy', 'love the app wishlist feature'],
  3: ['returns took three weeks to refund', 'the return label never arrived', 'refund for my return is still pending', 'sizing is off so I return half'],
};
const ITEMS = ['shoes', 'jacket', 'lamp', 'kettle', 'rug', 'desk', 'scarf'];
const N = 240;

interface Planted { file: string; labels: number[]; names: string[]; emails: string[]; phones: string[] }

function plant(dir: string): Planted {
  const file = join(dir, 'customers.csv');
  const rows = ['customer_id,full_name,email,phone,spend,visits,days_since_last_order,review'];
  const p: Planted = { file, labels: [], names: [], emails: [], phones: [] };
  for (let i = 0; i < N; i++) {
    const seg = (i % 3) + 1;
    const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`;
    const email = `${name.toLowerCase().replace(' ', '.')}${i}@example.com`;
    const phone = `+1 555 ${String(100 + i).padStart(3, '0')} ${String(4000 + i)}`;
    const line = `${SAYS[seg][i % 4]} with my ${ITEMS[i % 7]} order`;
    // The PII sits inside the review too: a name signing it, an email and a phone to call back.
    const review = i % 2 ? `${line}. ${name} here, mail me at ${email}` : `${line}, call ${phone}`;
    rows.push(`K${1000 + i},${name},${email},${phone},${10 + seg * 40 + (i % 7)},${seg * 3 + (i % 2)},${seg === 3 ? 200 + (i % 9) : 10 + (i % 9)},"${review}"`);
    p.labels.push(seg);
    p.names.push(name);
    p.emails.push(email);
    p.phones.push(phone);
  }
  writeFileSync(file, rows.join('\n') + '\n');
  return p;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** No PII value of the file in `text`, in the forms people write them (and the scrubber knows). */
function expectNoPii(text: string, p: Planted, where: string) {
  const lower = text.toLowerCase();
  for (const e of p.emails) expect(lower.includes(e), `${where}: ${e}`).toBe(false);
  for (const ph of p.phones) expect(text.includes(ph) || text.includes(ph.replace(/\D/g, '')), `${where}: ${ph}`).toBe(false);
  for (const n of p.names) expect(lower.includes(n.toLowerCase()), `${where}: ${n}`).toBe(false);
  for (const last of LAST) expect(text.includes(last), `${where}: ${last}`).toBe(false);
}

const root = mkdtempSync(join(tmpdir(), 'segmenta-quotes-'));
const workspace = join(root, 'ws');
let planted: Planted;
let made: MadeRun;
const ctx = (extra: Partial<OpContext> = {}): OpContext => ({ config: loadConfig({ workspace }, {}), log: () => {}, ...extra });

beforeAll(async () => {
  planted = plant(root);
  made = await makeRun({ file: planted.file, seed: 3, config: loadConfig({ workspace }, {}), log: () => {}, stages: { clusterer: givenLabelsClusterer(planted.labels) } });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the quote store of a Run', () => {
  it('is saved in the Run folder: snippets and an HNSWLib store, and holds no PII value in any file', () => {
    const dir = join(made.runDir, QUOTES_DIR);
    const files = filesUnder(dir).map((f) => f.slice(dir.length + 1)).sort();
    expect(files).toEqual(['snippets.json', 'term-hash-v1-512/args.json', 'term-hash-v1-512/docstore.json', 'term-hash-v1-512/hnswlib.index']);
    const snippets = JSON.parse(readFileSync(join(dir, 'snippets.json'), 'utf8')).snippets as { segment: number; text: string }[];
    expect(new Set(snippets.map((s) => s.segment))).toEqual(new Set([1, 2, 3]));
    // The scrubber replaced the PII: its placeholders are there, the values are not.
    expect(snippets.some((s) => s.text.includes('[email]'))).toBe(true);
    expect(snippets.some((s) => s.text.includes('[phone]'))).toBe(true);
    for (const f of filesUnder(dir)) expectNoPii(readFileSync(f, 'latin1'), planted, f);
  });

  it('a question about delivery returns delivery quotes of that segment only, closest first', async () => {
    const r = await runOperation(quotesOp, { segment: 1, about: 'delivery', top: 5 }, ctx());
    expect(r.quotes).toHaveLength(5);
    for (const q of r.quotes) {
      expect(q.segment).toBe(1);
      expect(q.text).toMatch(/late delivery|delivery was late/);
    }
    const s = r.quotes.map((q) => q.similarity);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    const two = await runOperation(quotesOp, { segment: 2, about: 'delivery', top: 5 }, ctx());
    for (const q of two.quotes) expect(q.text).toMatch(/quick delivery|delivery came/);
    // Segment 3 never mentions delivery: no quote, and it says so.
    const three = await runOperation(quotesOp, { segment: 3, about: 'delivery' }, ctx());
    expect(three.quotes).toEqual([]);
    expect(quotesOp.render(three)).toMatch(/None of its \d+ quotes mentions "delivery"/);
    // Another topic of the same segment: prices, not delivery.
    const prices = await runOperation(quotesOp, { segment: 1, about: 'prices', top: 3 }, ctx());
    for (const q of prices.quotes) expect(q.text).toMatch(/prices/);
  });

  it('never returns PII, even when the question holds some', async () => {
    const r = await runOperation(quotesOp, { segment: 'biggest', about: `delivery ${planted.emails[0]}`, top: 20 }, ctx());
    const out = [quotesOp.render(r), quotesOp.summarize!(r), JSON.stringify(r.quotes)].join('\n');
    expectNoPii(out, planted, 'output');
    expect(r.quotes.length).toBeGreaterThan(0);
  });

  it('bad input is one clear line: unknown segment, no topic, nothing to search for, a Run made before quotes', async () => {
    await expect(runOperation(quotesOp, { segment: 9, about: 'delivery' }, ctx())).rejects.toThrow(/^no segment 9 in Run .*: it has segments 1–3\.$/);
    await expect(runOperation(quotesOp, { segment: 'zebra', about: 'delivery' }, ctx())).rejects.toBeInstanceOf(UsageError);
    await expect(runOperation(quotesOp, { segment: 1, about: '  ' }, ctx())).rejects.toThrow(/^quotes: about: say what the quotes should be about/);
    await expect(runOperation(quotesOp, { segment: 1, about: '!!!' }, ctx())).rejects.toThrow(/"!!!" has no words to search the quotes for/);
    const ws2 = join(root, 'ws-old');
    const old = await makeRun({ file: planted.file, seed: 3, config: loadConfig({ workspace: ws2 }, {}), log: () => {}, stages: { clusterer: givenLabelsClusterer(planted.labels) } });
    rmSync(join(old.runDir, QUOTES_DIR), { recursive: true });
    await expect(runOperation(quotesOp, { segment: 1, about: 'delivery' }, { config: loadConfig({ workspace: ws2 }, {}), log: () => {} })).rejects.toThrow(/has no quotes: it was made before segmenta kept them/);
  }, 60_000);

  it('a cancelled question stops with CancelledError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runOperation(quotesOp, { segment: 1, about: 'delivery' }, ctx({ signal: controller.signal }))).rejects.toBeInstanceOf(CancelledError);
  });

  it('the CLI: `segmenta quotes 1 delivery` prints the quotes; an unknown segment is one line and exit 1', () => {
    const ok = segmenta(['quotes', '1', 'delivery', '--top', '2', '--workspace', workspace]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/What segment 1 .* says about "delivery"/);
    expect(ok.stdout.match(/late delivery|delivery was late/g)).toHaveLength(2);
    const bad = segmenta(['quotes', '7', 'delivery', '--workspace', workspace]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^segmenta: no segment 7 in Run .*: it has segments 1–3\.$/)]);
  }, 60_000);
});

describe('server embeddings for the quote store', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ models: ['fake-model', 'fake-embed'], embeddingDim: 24 });
  });
  afterAll(() => fake.close());
  const env = () => ({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key', SEGMENTA_MODEL: 'fake-model', SEGMENTA_EMBEDDING_MODEL: 'fake-embed', SEGMENTA_LLM_TIMEOUT_MS: '3000', SEGMENTA_LLM_MAX_RETRIES: '0' });
  const serverCtx = (extra: Partial<OpContext> = {}): OpContext => ({ config: loadConfig({ workspace }, env()), log: () => {}, ...extra });

  it('a cancel during the first /embeddings request leaves no store behind', async () => {
    fake.setMode('hang', 1);
    const controller = new AbortController();
    const pending = runOperation(quotesOp, { segment: 2, about: 'delivery' }, serverCtx({ signal: controller.signal }));
    while (!fake.requests.some((q) => q.path.endsWith('/embeddings'))) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(join(made.runDir, QUOTES_DIR)).sort()).toEqual(['snippets.json', 'term-hash-v1-512']);
    fake.setMode('ok');
  });

  it('builds its store on the first question, under the Run, sending scrubbed text only; later questions reuse it', async () => {
    const before = fake.requests.length;
    // What the user types is scrubbed by pattern (as the chat agent's turns are): an email, a phone.
    const r = await runOperation(quotesOp, { segment: 2, about: `delivery, ask ${planted.emails[4]} on ${planted.phones[4]}`, top: 4 }, serverCtx());
    expect(r.embeddings).toBe('openai-fake-embed');
    expect(r.quotes.length).toBeGreaterThan(0);
    for (const q of r.quotes) expect(q.segment).toBe(2);
    const sent = fake.requests.slice(before).filter((q) => q.path.endsWith('/embeddings'));
    expect(sent.length).toBeGreaterThanOrEqual(2); // the snippets, then the question
    for (const q of sent) expectNoPii(q.body, planted, 'an /embeddings body');
    // Snippets were scrubbed with the table's values at segment time; the question's phone by pattern.
    expect(sent.some((q) => q.body.includes('[email]'))).toBe(true);
    expect(sent.at(-1)!.body).toMatch(/delivery, ask \[email\] on \[phone\]/);
    expect(existsSync(join(made.runDir, QUOTES_DIR, 'openai-fake-embed', 'hnswlib.index'))).toBe(true);
    expect(readdirSync(join(made.runDir, QUOTES_DIR)).filter((f) => f.startsWith('.'))).toEqual([]);
    const again = fake.requests.length;
    await runOperation(quotesOp, { segment: 1, about: 'prices' }, serverCtx());
    expect(fake.requests.slice(again).filter((q) => q.path.endsWith('/embeddings'))).toHaveLength(1);
  });
});

describe('the words for it on every surface', () => {
  it('REPL plain requests, slash command, Slack command and the CLI split', () => {
    expect(parseIntent('what do lapsed customers say about delivery?')).toMatchObject({ kind: 'op', op: 'quotes', input: { segment: 'lapsed', about: 'delivery' } });
    expect(parseIntent('what does segment 3 say about the app')).toMatchObject({ op: 'quotes', input: { segment: 3, about: 'app' } });
    expect(parseIntent('quotes from the bargain hunters about prices')).toMatchObject({ op: 'quotes', input: { segment: 'bargain hunters', about: 'prices' } });
    expect(findSlash('quotes')!.toIntent!('2 late delivery', {})).toMatchObject({ op: 'quotes', input: { segment: '2', about: 'late delivery' } });
    expect(parseCommand('quotes most valuable delivery')).toMatchObject({ kind: 'op', op: 'quotes', input: { segment: 'most valuable', about: 'delivery' } });
    expect(parseCommand('quotes 3')).toMatchObject({ kind: 'usage' });
    expect(splitSegmentAndTopic(['bargain', 'hunters', 'about', 'the', 'app'])).toEqual({ segment: 'bargain hunters', about: 'the app' });
  });

  it('"lapsed" names the most lapsed segment when no segment is named so', async () => {
    // Segment 3 has the most days since the last order; by name or by that, "lapsed" is it.
    const r = await runOperation(quotesOp, { segment: 'lapsed', about: 'returns' }, ctx());
    expect(r.segment).toBe(3);
    expect(r.quotes[0].text).toMatch(/return/);
  });
});

describe('the offline embeddings', () => {
  it('are deterministic and find the shared word, in Chinese too', async () => {
    const e = new TermHashEmbeddings();
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    const [a, b] = await e.embedDocuments(['物流很快，包装也很好', '客服态度很差']);
    const q = await e.embedQuery('物流');
    expect(cos(q, a)).toBeGreaterThan(0.1);
    expect(Math.abs(cos(q, b))).toBeLessThan(0.05);
    expect(await e.embedQuery('物流')).toEqual(q);
    expect(cos(await e.embedQuery('discounts'), await e.embedQuery('a discount code'))).toBeGreaterThan(0.3);
  });
});

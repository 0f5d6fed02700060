import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/agent/intent.js';
import { fixtureRun, INJECTION } from '../ops/fixture.js';

const run = fixtureRun();
const op = (text: string, file?: string) => parseIntent(text, { run, file });

describe('offline intent parser', () => {
  it.each([
    ['segment examples/customers.csv', 'segment', { file: 'examples/customers.csv' }],
    ['split my customers in data.csv into 5 groups', 'segment', { file: 'data.csv', k: 5 }],
    ['Segment "my data/customers 2024.csv" into six segments', 'segment', { file: 'my data/customers 2024.csv', k: 6 }],
    ['inspect data.csv', 'inspect', { file: 'data.csv' }],
    ['list segments', 'segments', {}],
    ['what segments do I have?', 'segments', {}],
    ['show 3', 'show', { segment: 3 }],
    ['who is segment 3?', 'show', { segment: 3 }],
    ['tell me about the bargain hunters', 'show', { segment: 'bargain hunters' }],
    ['persona 2', 'persona', { segment: 2 }],
    ['rewrite the persona of segment 2', 'persona', { segment: 2, rewrite: true }],
    ['sms for segment 2', 'copy', { segment: 2, channel: 'sms' }],
    ['push notification for #3', 'copy', { segment: 3, channel: 'push' }],
    ['brief for the lapsed ones', 'brief', { segment: 'lapsed' }],
    ['brief 1', 'brief', { segment: 1 }],
    ['all briefs', 'brief', {}],
    ['compare 1 and 2', 'compare', { a: 1, b: 2 }],
    ['compare the bargain hunters with the lapsed ones', 'compare', { a: 'bargain hunters', b: 'lapsed' }],
    ['eval', 'eval', {}],
    ['runs', 'runs', {}],
    ['use 20260101-120000-abcd', 'use', { run: '20260101-120000-abcd' }],
  ])('%s → %s', (text, name, input) => {
    expect(op(text)).toMatchObject({ kind: 'op', op: name, input });
  });

  it('resolves superlatives from the Run: biggest by size, most valuable by mean spend', () => {
    const email = op('write an email for the biggest segment');
    expect(email).toMatchObject({ kind: 'op', op: 'copy', input: { segment: 1, channel: 'email' } });
    expect(email.kind === 'op' && email.note).toMatch(/biggest segment is #1 Bargain Hunters/);
    expect(op('who are the big spenders?')).toMatchObject({ op: 'show', input: { segment: 2 } });
    // The smallest *described* segment: #4 is under the minimum size and never written for.
    expect(op('sms for the smallest segment')).toMatchObject({ op: 'copy', input: { segment: 3 } });
  });

  it('reads tone, offer and language from a copy request', () => {
    // With an LLM: offline, French is refused before any copy is written (below).
    expect(parseIntent('write a playful sms for segment 2 with 20% off in French', { run, llm: true })).toMatchObject({
      op: 'copy',
      input: { segment: 2, channel: 'sms', tone: 'playful', offer: '20% off', language: 'French' },
    });
  });

  it('segments the session file when no file is named, and asks when there is none', () => {
    expect(op('split them into 4 groups', 'data.csv')).toMatchObject({ op: 'segment', input: { file: 'data.csv', k: 4 } });
    expect(op('split them into 4 groups')).toMatchObject({ kind: 'reply', text: expect.stringMatching(/Which file/) });
  });

  it('asks which segment instead of guessing', () => {
    expect(op('write an email')).toMatchObject({ kind: 'reply', text: expect.stringMatching(/which segment/i) });
    expect(parseIntent('email for the biggest segment')).toMatchObject({ kind: 'reply', text: expect.stringMatching(/no Run yet/) });
  });

  it('answers an unknown request with the two closest actions in at most 4 lines, and how to enable free chat', () => {
    // Issue #17: a short "did you mean", not the whole help.
    const r = op('what is the weather in Paris');
    expect(r.kind).toBe('reply');
    const text = r.kind === 'reply' ? r.text : '';
    expect(text.split('\n').length).toBeLessThanOrEqual(4);
    expect(text).toMatch(/OPENAI_API_KEY/);
    expect(text).toMatch(/Did you mean "[^"]+" or "[^"]+"\?/);
    // A typo gets the action it is closest to.
    const typo = op('breif 1');
    expect(typo.kind === 'reply' && typo.text).toMatch(/Did you mean "brief 1"/);
    expect(op('compair 1 2').kind === 'reply' && (op('compair 1 2') as { text: string }).text).toMatch(/"compare 1 and 2"/);
    // A greeting is a greeting, not the help.
    const hi = op('hi');
    expect(hi.kind === 'reply' && hi.text.split('\n')).toHaveLength(1);
  });

  it('says what it cannot honour instead of ignoring it', () => {
    const fr = op('segment 2 in French please');
    expect(fr.kind === 'op' && fr.op).toBe('show');
    // French is not a writer language (en, zh): said so, with the request that would get it.
    expect(fr.kind === 'op' && fr.note).toBe('French is not a language segmenta writes (English and Chinese), so this is in English. With an LLM configured, copy can be written in French: "sms for segment 2 in French".');
    const persona = op('persona 3 in french');
    expect(persona.kind === 'op' && persona.note).toMatch(/"sms for segment 3 in French"/);
    // Chinese is one, but this Run is in English: how to get it.
    const zh = op('show bargain hunters in Chinese');
    expect(zh).toMatchObject({ kind: 'op', op: 'show' });
    expect(zh.kind === 'op' && zh.note).toMatch(/^This Run is written in English.*"sms for bargain hunters in Chinese".*--lang zh/);
    // Offline copy in a language the writer lacks: one reply, no operation that would fail after it.
    const frCopy = parseIntent('sms for segment 2 in French', { run, llm: false });
    expect(frCopy).toEqual({ kind: 'reply', text: expect.stringMatching(/^The offline writer writes English and Chinese, not French\..*"sms for segment 2 in Chinese"/) });
    // …and in one it has, the copy is written (no caveat); with an LLM any language goes.
    expect(parseIntent('sms for segment 2 in Chinese', { run, llm: false })).toMatchObject({ kind: 'op', op: 'copy', input: { language: 'Chinese' } });
    expect(parseIntent('sms for segment 2 in French', { run, llm: true })).toMatchObject({ kind: 'op', op: 'copy', input: { language: 'French' } });
    const tone = parseIntent('sms for segment 2 in a luxurious tone', { llm: false });
    expect(tone.kind === 'op' && tone.note).toMatch(/not "luxurious"/);
    const llmTone = parseIntent('sms for segment 2 in a luxurious tone', { llm: true });
    expect(llmTone.kind === 'op' && llmTone.note).toBeFalsy();
  });

  it('never turns customer text into a command that acts on data', () => {
    // Parsing is a pure function of what the user typed; the parser is never given tool output.
    // Even typed verbatim, the review text does not run a segmentation or a tool on a file.
    const r = op(INJECTION);
    expect(r.kind === 'op' && ['segment', 'inspect'].includes(r.op)).toBe(false);
  });
});

describe('offline intent parser: audiences', () => {
  it.each([
    ['export audience for segment 2', 'export', { segment: 2 }],
    ['export all audiences', 'export', {}],
    ['lookalikes of the bargain hunters', 'lookalike', { segment: 'bargain hunters' }],
    ['make the html report', 'report', {}],
  ])('%s → %s', (text, name, input) => {
    expect(parseIntent(text, { run: fixtureRun() })).toMatchObject({ kind: 'op', op: name, input });
  });
});

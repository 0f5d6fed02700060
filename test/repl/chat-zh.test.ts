/**
 * The chat about a Chinese Run answers in Chinese — show, /help, did-you-mean, the note on a
 * superlative and the resolver's errors — and understands basic Chinese requests through the
 * one resolver (ops/segments.ts segmentWordsZh): 显示第2个人群, 最有价值的人群, a word of a name.
 * An English Run keeps every answer in English.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { ChatSession } from '../../src/repl/chat-session.js';
import { makeStyle } from '../../src/repl/style.js';
import { loadConfig } from '../../src/config.js';
import { parseIntent, readChinese } from '../../src/agent/intent.js';
import { resolveSegment, segmentWordsZh } from '../../src/ops/resolve.js';
import { checkScript } from '../../src/write/checks.js';
import { fixtureRun, fixtureWorkspace } from '../ops/fixture.js';
import type { RunFile } from '../../src/model/run.js';

function zhRun(): RunFile {
  const run = fixtureRun('20260101-120000-zh01');
  run.config.lang = 'zh';
  const names = ['服饰鞋包价格敏感客群', '数码家电高价值客户', '家居日用沉睡客户'];
  run.segments.forEach((s, i) => {
    if (s.texts) s.texts = { ...s.texts, name: names[i], persona: { ...s.texts.persona, archetype: `典型的${names[i]}` } };
  });
  return run;
}

const zh = fixtureWorkspace(zhRun());
const en = fixtureWorkspace();
afterAll(() => [zh, en].forEach((w) => rmSync(w.workspace, { recursive: true, force: true })));

async function chat(workspace: string, lines: string[]): Promise<string[]> {
  const out: string[] = [];
  const io = { print: (t: string) => out.push(t), write: (t: string) => out.push(t), note: () => {}, style: makeStyle({ isTTY: false }, { NO_COLOR: '1' }) };
  const session = new ChatSession(loadConfig({ workspace }, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }), io);
  for (const line of lines) {
    const before = out.length;
    await session.handle(line);
    out.splice(before, out.length - before, out.slice(before).join('\n'));
  }
  return out;
}

describe('the resolver reads Chinese segment words', () => {
  const run = zhRun();
  it.each([
    ['第2个人群', '2'],
    ['人群 3', '3'],
    ['2号人群', '2'],
    ['最有价值的人群', 'most valuable'],
    ['价值最高的客群', 'most valuable'],
    ['最大的人群', 'biggest'],
    ['沉睡', '沉睡'],
    ['bargain', 'bargain'],
  ])('%s → %s', (said, read) => expect(segmentWordsZh(said)).toBe(read));

  it('finds a segment by number, superlative or a word of its Chinese name', () => {
    expect(resolveSegment(run, '第2个人群').id).toBe(2);
    expect(resolveSegment(run, '最有价值的人群').id).toBe(2);
    expect(resolveSegment(run, '最大的人群').id).toBe(1);
    expect(resolveSegment(run, '沉睡的人群').id).toBe(3);
    expect(resolveSegment(run, '价格敏感').id).toBe(1);
  });

  it("says what is wrong in the Run's language", () => {
    expect(() => resolveSegment(run, '第9个人群')).toThrow(/^Run 20260101-120000-zh01 里没有人群 9：共有人群 1–4。$/);
    expect(() => resolveSegment(run, '母婴')).toThrow(/没有和“母婴”对应的人群。现有人群：1 服饰鞋包价格敏感客群，/);
    expect(() => resolveSegment(fixtureRun(), 9)).toThrow(/^no segment 9 in Run/);
  });
});

describe('the intent parser reads basic Chinese requests', () => {
  const run = zhRun();
  it.each([
    ['显示第2个人群', 'show', { segment: 2 }],
    ['最有价值的人群', 'show', { segment: 2 }],
    ['看看沉睡的人群', 'show', { segment: '沉睡' }],
    ['所有人群', 'segments', {}],
    ['对比1和2', 'compare', { a: 1, b: 2 }],
    ['人群1的简报', 'brief', { segment: 1 }],
    ['人群2的画像', 'persona', { segment: 2 }],
    ['给最有价值的人群写短信', 'copy', { segment: 2, channel: 'sms' }],
    ['导出人群3', 'export', { segment: 3 }],
    ['人群3的客户怎么说配送', 'quotes', { segment: 3, about: '配送' }],
    ['沉睡客户对价格怎么评价', 'quotes', { segment: '沉睡客户', about: '价格' }],
  ])('%s → %s', (text, name, input) => {
    expect(parseIntent(text, { run, lang: 'zh' })).toMatchObject({ kind: 'op', op: name, input });
  });

  it('asks its follow-up questions, caveats and help in Chinese', () => {
    const replies = ['persona', 'write an email', 'lookalikes', 'compare 1', 'what do they say about delivery', 'sms for 2 in french', 'help', 'hi'].map((t) => parseIntent(t, { run, lang: 'zh' }));
    for (const r of replies) {
      expect(r.kind, JSON.stringify(r)).toBe('reply');
      const text = (r as { text: string }).text;
      // What the user typed ("French") and commands (/help, OPENAI_API_KEY, a file path) are echoed as typed.
      const said = text.replace(/“[^”]*”|\/\w+|[A-Z_]{4,}|\S+\.csv|LLM/g, '');
      expect(checkScript(said, 'zh'), text).toEqual([]);
    }
    expect((replies[0] as { text: string }).text).toBe('看哪个人群的画像？例如：“人群2的画像”。');
    // The Chinese example it gives is one the parser reads.
    expect(parseIntent('人群2的画像', { run, lang: 'zh' })).toMatchObject({ op: 'persona', input: { segment: 2 } });
    // An English Run keeps the English question.
    expect(parseIntent('persona', { run: fixtureRun() })).toEqual({ kind: 'reply', text: 'Whose persona? e.g. "persona 2".' });
  });

  it('leaves English requests to the English parser', () => {
    expect(readChinese('show 2')).toBeUndefined();
  });
});

describe('the chat about a Chinese Run', () => {
  it('answers show, /help, did-you-mean and errors in Chinese', async () => {
    const [show, best, help, unknown, missing] = await chat(zh.workspace, ['显示第2个人群', '最有价值的人群', '/help', '随便说点什么', '显示第9个人群']);
    expect(show).toMatch(/^人群 2：数码家电高价值客户/);
    // The value feature by its Chinese label (write/labels-zh.ts), not the column name.
    expect(best).toMatch(/^最有价值的人群（按平均累计消费金额）是 #2 数码家电高价值客户（300位客户）。/);
    const helpLines = help.split('\n').filter((l) => l.startsWith('  /'));
    expect(helpLines.length).toBeGreaterThan(15);
    // The description after each usage is Chinese (the usage itself is what is typed).
    // Product words (Run, HTML, LLM, ID) stay as they are; everything else is Chinese.
    const described = (l: string) => l.replace(/^\s*\/\S+(\s+(\[[^\]]*\]|[A-Z]+|N))*\s+/, '').replace(/"[^"]*"|\b(Run|HTML|LLM|ID|Ctrl-D|rewrite|k)\b/g, '');
    for (const l of helpLines) expect(checkScript(described(l), 'zh'), l).toEqual([]);
    expect(unknown).toMatch(/^没听懂“随便说点什么”。你是想说“所有人群”还是“显示最大的人群”？/);
    expect(missing).toMatch(/里没有人群 9：共有人群 1–4。/);
    for (const text of [show, best, help, unknown, missing]) expect(text).not.toMatch(/Segment \d|Commands:|I did not catch|no segment/);
  });

  it('keeps an English Run in English', async () => {
    const [show, help, unknown] = await chat(en.workspace, ['show 2', '/help', 'xyzzy']);
    expect(show).toMatch(/^Segment 2: Premium Regulars/);
    expect(help).toMatch(/^Commands:/);
    expect(unknown).toMatch(/^I did not catch "xyzzy"/);
  });
});

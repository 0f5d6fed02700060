import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_MESSAGE, SECTION_LIMIT, blockText, plainMessage, toMessages } from '../../src/slack/blocks.js';
import { textTable } from '../../src/util/format.js';

const texts = (m: ReturnType<typeof toMessages>) => m.flatMap((x) => x.blocks ?? []).map(blockText);

describe('toMessages', () => {
  it('puts aligned tables in code blocks and prose in mrkdwn sections', () => {
    const table = textTable(['#', 'name', 'size', 'share'], [[1, 'Bargain Hunters', '560', '56.0%'], [2, 'Loyal Regulars', '410', '41.0%']]);
    const [msg] = toMessages(`Run 20261124-120000-abcd — 1,000 customers\n${table}`);
    const [head, code] = texts([msg]);
    expect(head).toBe('Run 20261124-120000-abcd — 1,000 customers');
    expect(code.startsWith('```\n#  name') && code.endsWith('```')).toBe(true);
    expect(code).toMatch(/1  Bargain Hunters +560  56.0%\n2  Loyal Regulars +410  41.0%\n```$/);
    expect(msg.text).toBe(head); // the notification fallback is the first line
  });

  it('converts Markdown headings, bold, bullets and links to Slack mrkdwn', () => {
    const out = texts(toMessages('# Brief: Bargain Hunters\n**Offer:** 15% off\n- goal one\n*why*: see [the report](https://example.org/r)'));
    expect(out).toEqual(['*Brief: Bargain Hunters*\n*Offer:* 15% off\n• goal one\n_why_: see <https://example.org/r|the report>']);
  });

  it('keeps fenced blocks as code', () => {
    const out = texts(toMessages('Intro\n```\nraw  a  b\n```\nOutro'));
    expect(out).toEqual(['Intro', '```\nraw  a  b\n```', 'Outro']);
  });

  it('escapes Slack control characters so no text can ping or link', () => {
    const out = texts(toMessages('Tell <!channel> & <@U123> <https://evil.test|click>'));
    expect(out[0]).toBe('Tell &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil.test|click&gt;');
  });

  it('scrubs PII as a last line of defence, without touching run ids, dates or counts', () => {
    const out = texts(toMessages('Call +1 415 555 0199 or mail jane.doe@example.com\nRun 20261124-120000-abcd made 2026-11-24 12:00 with 12,345 customers'));
    expect(out[0]).toContain('[phone]');
    expect(out[0]).toContain('[email]');
    expect(out[0]).not.toMatch(/555|jane/);
    expect(out[0]).toContain('Run 20261124-120000-abcd made 2026-11-24 12:00 with 12,345 customers');
    expect(plainMessage('reach me at jane.doe@example.com').text).toBe('reach me at [email]');
  });

  it('chunks long output under 3,000 characters a section and 50 blocks a message', () => {
    const prose = Array.from({ length: 800 }, (_, i) => `Line ${i} ${'x'.repeat(200)}`).join('\n');
    const rows = Array.from({ length: 300 }, (_, i) => [i, `name ${i}`, String(i * 10), '1.0%']);
    const messages = toMessages(`${prose}\n${textTable(['#', 'name', 'size', 'share'], rows)}`);
    const all = texts(messages);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks!.length).toBeLessThanOrEqual(BLOCKS_PER_MESSAGE);
    for (const t of all) expect(t.length).toBeLessThanOrEqual(SECTION_LIMIT);
    const code = all.filter((t) => t.startsWith('```'));
    expect(code.length).toBeGreaterThan(1);
    for (const c of code) expect(c.endsWith('```')).toBe(true); // every chunk of a table is its own code block
    expect(all.join('\n')).toContain("Line 799");
    expect(all.join('\n')).toContain('name 299');
  });

  it('cuts a single over-long line rather than sending an oversized section', () => {
    const all = texts(toMessages('y'.repeat(7000)));
    expect(all.length).toBe(3);
    for (const t of all) expect(t.length).toBeLessThanOrEqual(SECTION_LIMIT);
  });
});

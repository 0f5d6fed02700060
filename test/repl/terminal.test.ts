import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitWidth, makeStyle } from '../../src/repl/style.js';
import { makeCompleter } from '../../src/repl/completer.js';
import { appendHistory, loadHistory } from '../../src/repl/history.js';
import { SLASH_COMMANDS } from '../../src/repl/slash.js';

describe('REPL terminal helpers', () => {
  it('colours only on a TTY and never with NO_COLOR', () => {
    expect(makeStyle({ isTTY: true }, {}).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(makeStyle({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(makeStyle({ isTTY: false }, {}).red('x')).toBe('x');
    expect(makeStyle({ isTTY: false }, {}).width).toBeUndefined();
  });

  it('cuts table rows and wraps prose to the terminal width', () => {
    const table = 'name                 size  share\n-------------------  ----  -----\nBargain Hunters Club  500  50.0%';
    const fitted = fitWidth(table, 24).split('\n');
    expect(fitted.every((l) => [...l].length <= 24)).toBe(true);
    expect(fitted[2]).toMatch(/…$/);
    const prose = fitWidth('  goals: ' + 'save money on every order '.repeat(4), 30).split('\n');
    expect(prose.length).toBeGreaterThan(2);
    expect(prose.every((l) => l.length <= 30)).toBe(true);
    expect(fitWidth(table, undefined)).toBe(table);
  });

  it('completes commands, files, segment numbers, channels and Run ids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-complete-'));
    mkdirSync(join(dir, 'examples'));
    writeFileSync(join(dir, 'examples', 'customers.csv'), '');
    const complete = makeCompleter({ segmentIds: () => [1, 2, 3], runIds: () => ['20260101-120000-abcd'] }, dir);
    expect(complete('/seg')).toEqual([['/segment', '/segments'], '/seg']);
    expect(complete('/bri')).toEqual([['/brief '], '/bri']);
    expect(complete('/load ex')).toEqual([['examples/'], 'ex']);
    expect(complete('/segment examples/c')).toEqual([['examples/customers.csv'], 'examples/c']);
    expect(complete('/show ')).toEqual([['1', '2', '3'], '']);
    expect(complete('/copy 2 s')).toEqual([['sms'], 's']);
    expect(complete('/use 2026')).toEqual([['20260101-120000-abcd'], '2026']);
    expect(complete('who is')).toEqual([[], 'who is']);
  });

  it('keeps a history file, newest first when loaded', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'segmenta-history-')), 'history');
    expect(loadHistory(path)).toEqual([]);
    appendHistory(path, 'list segments');
    appendHistory(path, '/show 2');
    expect(loadHistory(path)).toEqual(['/show 2', 'list segments']);
    expect(readFileSync(path, 'utf8')).toBe('list segments\n/show 2\n');
  });

  it('every slash command in the issue exists', () => {
    const names = SLASH_COMMANDS.map((c) => c.name);
    for (const n of ['help', 'load', 'segment', 'segments', 'show', 'persona', 'copy', 'brief', 'eval', 'runs', 'use', 'exit']) expect(names).toContain(n);
  });
});

describe('fitting Markdown to the terminal', () => {
  it('cuts Markdown table rows and keeps quote marks on wrapped lines', () => {
    const md = '| Audience | Share of customers | Stability | Written by |\n> ' + 'a long quoted line of customer copy '.repeat(3);
    const lines = fitWidth(md, 40).split('\n');
    expect(lines[0]).toMatch(/…$/);
    expect(lines.slice(1).every((l) => l.startsWith('> '))).toBe(true);
    expect(lines.every((l) => [...l].length <= 40)).toBe(true);
  });
});

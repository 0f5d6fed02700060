import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadCustomers } from '../../src/data/load.js';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { segmenta, tempDir } from './cli.js';

/**
 * Issue 3, point 12, through the real CLI: every malformed file gets one clear line on stderr
 * naming the file (and row/column where there is one), exit code 1, no stack trace, and no
 * Run left behind.
 */
const dir = tempDir();
const ws = join(dir, 'ws');
const header = 'customer_id,age,spend,channel';
const good = (n: number) => Array.from({ length: n }, (_, i) => `c${i},${20 + (i % 40)},${(i * 7) % 300},${i % 2 ? 'email' : 'sms'}`).join('\n');

interface Case {
  name: string;
  file: string;
  content?: string | Buffer;
  /** Makes the path when it is not a file with content (a folder, a named pipe). */
  make?: (path: string) => void;
  args?: string[];
  /** What the one line must say besides the file name. */
  expect: RegExp;
}

const cases: Case[] = [
  { name: 'missing file', file: 'nope.csv', expect: /not found|does not exist|no such file/i },
  { name: 'empty file', file: 'empty.csv', content: '', expect: /empty/i },
  { name: 'header only', file: 'header.csv', content: `${header}\n`, expect: /no (data )?rows|header only|only a header/i },
  { name: 'duplicate headers', file: 'dup.csv', content: `customer_id,age,age\n${good(5).replace(/,(email|sms)/g, '')}\n`, expect: /duplicate|twice|more than once/i },
  { name: 'ragged rows', file: 'ragged.csv', content: `${header}\n${good(20)}\nc99,30,100,email,extra,fields\n${good(3)}\n`, expect: /row \d+/i },
  { name: 'one customer', file: 'one.csv', content: `${header}\nc1,30,100,email\n`, expect: /customer/i },
  // Issue 18: these were "internal error" (exit 2).
  { name: 'one row, all integers', file: 'onerow-int.csv', content: 'a,b,c\n1,2,3\n', expect: /only 1 customer/ },
  // Tests run as root, where chmod 000 does not stop a read: a folder and a named pipe are the unreadable paths here.
  { name: 'a folder named like a file', file: 'folder.csv', make: (p) => mkdirSync(p), expect: /folder, not a file/ },
  { name: 'a named pipe (would hang a reader)', file: 'pipe.csv', make: (p) => execFileSync('mkfifo', [p]), expect: /not a regular file/ },
  {
    name: 'a cell over 1 MB',
    file: 'hugecell.csv',
    content: `${header},review\n${good(60).split('\n').map((l, i) => `${l},${i === 7 ? `"${'y'.repeat(1_200_000)}"` : 'fine'}`).join('\n')}\n`,
    expect: /row 8, column "review": this cell holds 1\.1 MB of text; segmenta reads cells of at most 1\.0 MB/,
  },
  { name: 'fewer customers than k', file: 'few.csv', content: `${header}\n${good(5)}\n`, args: ['--k', '8'], expect: /\b8\b/ },
  { name: 'binary garbage', file: 'garbage.csv', content: randomBytes(4096), expect: /binary|not a (text|CSV)|cannot read|could not read/i },
  { name: 'unknown --id', file: 'ok.csv', content: `${header}\n${good(200)}\n`, args: ['--id', 'user_uuid'], expect: /user_uuid/ },
  // Issue 13: a table that is not about customers, and role flags that name the wrong column.
  {
    name: 'no customer key (a payments table)',
    file: 'payments.csv',
    content: `payment_id,order_id,payment_type,payment_value\n${Array.from({ length: 120 }, (_, i) => `p${i},o${i >> 1},card,${10 + (i % 9)}.50`).join('\n')}\n`,
    expect: /no customer column.*--id/,
  },
  { name: '--time naming a column without dates', file: 'ok2.csv', content: `${header}\n${good(200)}\n`, args: ['--time', 'channel'], expect: /column "channel".*--time/ },
  { name: '--join a file that does not exist', file: 'ok3.csv', content: `${header}\n${good(200)}\n`, args: ['--join', join(dir, 'missing', 'ok3.csv')], expect: /missing\/ok3\.csv.*not found|missing\/ok3\.csv.*(does not exist|no such)/i },
];

describe('bad input through the CLI', () => {
  for (const c of cases) {
    it(`${c.name}: one line, exit 1, no Run`, () => {
      const path = join(dir, c.file);
      if (c.content !== undefined) writeFileSync(path, c.content);
      c.make?.(path);
      const r = segmenta(['segment', path, '--workspace', ws, ...(c.args ?? [])]);
      expect(r.status).toBe(1);
      const errLines = r.stderr.split('\n').filter((l) => l.startsWith('segmenta:'));
      expect(errLines).toHaveLength(1);
      expect(errLines[0]).toContain(c.file);
      expect(errLines[0]).toMatch(c.expect);
      expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      const runs = join(ws, 'runs');
      expect(existsSync(runs) ? readdirSync(runs).filter((n) => !n.startsWith('.')) : []).toEqual([]);
    });
  }

  it('a 1 MB text cell is handled, not a crash', () => {
    const path = join(dir, 'bigcell.csv');
    const rows = good(300).split('\n').map((l, i) => `${l},"${i === 5 ? 'x '.repeat(500_000) : 'fine thanks'}"`);
    writeFileSync(path, `${header},review\n${rows.join('\n')}\n`);
    const r = segmenta(['segment', path, '--workspace', join(dir, 'ws-big'), '--json', '--k', '2']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).k).toBe(2);
  });

  // Issue 18: a correct result, not an error.
  it('a blank line above the header: the header stays the header, no customer is made of it', async () => {
    const path = join(dir, 'blank-first.csv');
    writeFileSync(path, `\n\n${header}\n${good(40)}\n`);
    const t = await loadCustomers(path);
    expect(t.ids).toHaveLength(40);
    expect(t.ids).not.toContain('customer_id');
    expect(t.schema.idColumn).toBe('customer_id');
    expect(t.schema.columns.find((c) => c.name === 'age')?.role).toBe('numeric');
  });

  it('a valid header over 64 KB is read whole, not called ragged', async () => {
    const path = join(dir, 'long-header.csv');
    const names = ['customer_id', ...Array.from({ length: 399 }, (_, i) => `col${String(i).padStart(3, '0')}_${'y'.repeat(170)}`)];
    expect(names.join(',').length).toBeGreaterThan(64 * 1024);
    const rows = Array.from({ length: 30 }, (_, r) => [`c${r}`, ...names.slice(1).map((_, i) => String((r * 7 + i) % 13))].join(','));
    writeFileSync(path, `${names.join(',')}\n${rows.join('\n')}\n`);
    const t = await loadCustomers(path);
    expect(t.ids).toHaveLength(30);
    expect(t.schema.columns.map((c) => c.name)).toEqual(names);
  });

  it('a usage mistake is one line and exit 1', () => {
    const r = segmenta(['segment']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

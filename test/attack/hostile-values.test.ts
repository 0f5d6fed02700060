import { afterAll, describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/data/load.js';
import { toMessages } from '../../src/slack/blocks.js';
import { text as mdText } from '../../src/brief/markdown.js';
import { stripControls } from '../../src/util/control-chars.js';
import { expectInputError, makeTempDir } from '../data/helpers.js';

/**
 * Hostile values found by hand in issue 18's second pass, each through the code that meets it:
 * name and personal-number columns under hints the first suite did not try, terminal escapes in
 * levels, text and column names, a wrapped header cell, and data that looks like a Slack link.
 */
const tmp = makeTempDir('segmenta-hostile-');
afterAll(() => tmp.cleanup());

const FIRST = ['Ana', 'Zofia', 'Kenji', 'Chidi', 'Oskar'];
const LAST = ['Haddad', 'Kowalski', 'Petrov', 'Mbeki', 'Rossi'];

function rows(n: number, cell: (i: number, g: number) => Record<string, string | number>): string {
  const first = cell(0, 0);
  const header = Object.keys(first);
  const q = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [header.map(q).join(',')];
  for (let i = 0; i < n; i++) {
    const r = cell(i, i % 3);
    lines.push(header.map((h) => q(r[h])).join(','));
  }
  return lines.join('\n') + '\n';
}

describe('columns that hold people or their numbers, under other names', () => {
  it('fname, lname, Ansprechpartner, a contact column of repeated full names, date_of_birth and kontonummer are never features', async () => {
    const file = tmp.file(
      'people.csv',
      rows(300, (i, g) => ({
        customer_id: `C${i}`,
        fname: FIRST[i % 5].toLowerCase(),
        lname: LAST[(i >> 2) % 5].toLowerCase(),
        Ansprechpartner: `${FIRST[i % 5]} ${LAST[(i >> 2) % 5]}`,
        owner: `${FIRST[(i + 1) % 5]} ${LAST[(i >> 1) % 5]}`,
        date_of_birth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`,
        kontonummer: `DE${10 + (i % 80)}3704004405320${String(i).padStart(4, '0')}`,
        plan: ['basic', 'premium', 'family'][g],
        spend: [60, 420, 180][g] + (i % 50),
      })),
    );
    const table = await loadCustomers(file);
    const role = Object.fromEntries(table.schema.columns.map((c) => [c.name, c.role]));
    for (const c of ['fname', 'lname', 'Ansprechpartner', 'owner', 'date_of_birth', 'kontonummer']) expect(role[c], c).toBe('pii');
    expect(role.plan).toBe('categorical');
    const features = JSON.stringify([table.categorical.map((c) => c.name), table.numeric.map((c) => c.name)]);
    expect(features).not.toMatch(/fname|lname|Ansprechpartner|owner|birth|konto/);
    // Their values are known to the scrubber: a review naming "OSKAR ROSSI" is caught.
    expect(table.piiValues.has('Oskar Rossi') || table.piiValues.has('oskar')).toBe(true);
  });
});

describe('terminal escapes in the data', () => {
  it('are removed from category levels, text cells and column names', async () => {
    const file = tmp.file(
      'esc.csv',
      // Past the first 64 KB (a head full of escapes is refused as binary): rows 2,400 on.
      rows(3000, (i, g) => ({
        customer_id: `C${i}`,
        'plan\u001b[2J': ['gold', 'silver', 'basic'][g],
        channel: g === 0 && i >= 2400 ? '\u001b[31mRED\u001b[0m' : ['web', 'app', 'store'][g],
        note: g === 1 && i >= 2400 ? `ok \u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007 thanks ${i}` : `fine review number ${i} here`,
        spend: [60, 420, 180][g] + (i % 50),
      })),
    );
    const table = await loadCustomers(file, { text: ['note'] });
    const all = JSON.stringify([table.schema.columns.map((c) => c.name), table.categorical.map((c) => c.levels), table.text.map((t) => t.values)]);
    expect(all).not.toMatch(/\\u001b|\u001b|\\u0007/);
    expect(table.categorical.find((c) => c.name === 'channel')?.levels).toContain('RED');
    expect(table.schema.columns.map((c) => c.name)).toContain('plan');
  });

  it('stripControls takes whole sequences, keeps tabs and line breaks', () => {
    expect(stripControls('a\u001b[1;31mb\u001b[0mc')).toBe('abc');
    expect(stripControls('x\u001b]0;pwned\u0007y')).toBe('xy');
    expect(stripControls('line\none\ttab')).toBe('line\none\ttab');
    expect(stripControls('del\u007f c1\u009b')).toBe('del c1');
  });
});

describe('a wrapped header cell', () => {
  const header = ['customer_id', 'region\nnorth', 'spend'];
  const body = Array.from({ length: 40 }, (_, i) => `C${i},r${i % 3},${10 + i}`);
  it('in an LF file: read, its name on one line', async () => {
    const table = await loadCustomers(tmp.file('wrapped-lf.csv', [`customer_id,"region\nnorth",spend`, ...body].join('\n') + '\n'));
    expect(table.ids).toHaveLength(40);
    expect(table.schema.columns.map((c) => c.name)).toContain('region north');
  });
  it('with a bare LF in a CRLF file: one line naming the column (was "no data rows")', async () => {
    const file = tmp.file('wrapped-crlf.csv', [`customer_id,"${header[1]}",spend`, ...body].join('\r\n') + '\r\n');
    await expectInputError(loadCustomers(file), ['wrapped-crlf.csv', 'row 0', 'region north', 'column 2', 'line break', 'Remove the line break']);
  });
});

describe('data that looks like a Slack link or mention', () => {
  it('stays text in a brief posted to Slack; our own links still work', () => {
    const brief = [`| ${mdText('Plan: [win](https://evil.example)')} | 100% |`, '', `Level ${mdText('<!channel> hi')} and ${mdText('<@U123>')}`, '', 'See [the brief](https://example.org/brief)'].join('\n');
    const out = JSON.stringify(toMessages(brief));
    expect(out).not.toContain('<https://evil.example|');
    expect(out).not.toMatch(/<!channel>|<@U123>/);
    expect(out).toContain('&lt;!channel&gt;'); // shown as "<!channel>", not "&lt;!channel&gt;"
    expect(out).not.toContain('&amp;lt;');
    expect(out).toContain('<https://example.org/brief|the brief>');
  });
});

describe('odd files found by hand', () => {
  const body = Array.from({ length: 40 }, (_, i) => `C${i};${'ab'[i % 2]};${10 + i}`);
  it('Excel\'s "sep=;" first line names the delimiter (was "row 1 has 3 fields but the header has only 2")', async () => {
    const table = await loadCustomers(tmp.file('sep.csv', ['sep=;', 'id;plan;spend', ...body].join('\r\n') + '\r\n'));
    expect(table.ids).toHaveLength(40);
    expect(table.schema.columns.map((c) => c.name)).toEqual(['id', 'plan', 'spend']);
  });
  it('a JSON array of numbers is refused in one line (it was segmented as a column named "json")', async () => {
    await expectInputError(loadCustomers(tmp.file('numbers.json', '[1, 2, 3, 4]')), ['numbers.json', 'not JSON objects', 'one JSON object per line']);
  });
});

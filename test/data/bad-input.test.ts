import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { assertEnoughCustomers, loadCustomers } from '../../src/data/load.js';
import { createRng } from '../../src/util/random.js';
import { csv, expectInputError, makeTempDir } from './helpers.js';

/**
 * Every malformed file of issue 3, point 12: one InputError (exit code 1), one line, naming
 * the file, the row and column where they apply, what is wrong and what to do. Cases that can
 * be handled (an all-empty column, a 1 MB cell) load with a warning instead.
 */
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** A valid small customer file body, rows 1..n. */
function customers(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [['customer_id', 'age', 'spend', 'plan']];
  for (let i = 1; i <= n; i++) rows.push([`c${i}`, 20 + (i % 40), (i * 7.5) % 300, ['gold', 'silver', 'bronze'][i % 3]]);
  return rows;
}

describe('bad input files', () => {
  it('missing file', async () => {
    const file = `${tmp.dir}/nope.csv`;
    const err = await expectInputError(loadCustomers(file), ['nope.csv', 'file not found', 'Check the path']);
    expect(err.location.file).toBe(file);
  });

  it('a folder instead of a file', async () => {
    const dir = `${tmp.dir}/folder.csv`;
    mkdirSync(dir);
    await expectInputError(loadCustomers(dir), ['folder.csv', 'a folder, not a file']);
  });

  it('empty file (0 bytes)', async () => {
    await expectInputError(loadCustomers(tmp.file('empty.csv', '')), ['empty.csv', 'empty (0 bytes)', 'header row']);
  });

  it('header only', async () => {
    const err = await expectInputError(loadCustomers(tmp.file('header.csv', 'customer_id,age,spend\n')), [
      'header.csv',
      'row 1',
      'no data rows',
    ]);
    expect(err.location.row).toBe(1);
  });

  it('duplicate headers (also differing only in case)', async () => {
    const err = await expectInputError(loadCustomers(tmp.file('dup.csv', 'customer_id,age,age\nc1,1,2\nc2,3,4\n')), [
      'dup.csv',
      'column "age"',
      'twice (columns 2 and 3)',
      'Rename',
    ]);
    expect(err.location.column).toBe('age');
    await expectInputError(loadCustomers(tmp.file('dupcase.csv', 'id,Spend,spend\nc1,1,2\nc2,3,4\n')), ['"Spend" and "spend"']);
  });

  it('ragged row with too few fields names the row and the first missing column', async () => {
    const rows = customers(10).map((r) => r.join(','));
    rows[4] = 'c4,33'; // data row 4
    const err = await expectInputError(loadCustomers(tmp.file('short.csv', rows.join('\n') + '\n')), [
      'short.csv',
      'row 4',
      'column "spend"',
      '2 fields but the header has 4 columns',
    ]);
    expect(err.location).toMatchObject({ row: 4, column: 'spend' });
  });

  it('ragged row with too many fields names the row', async () => {
    const rows = customers(10).map((r) => r.join(','));
    rows[7] = 'c7,33,10,gold,extra';
    const err = await expectInputError(loadCustomers(tmp.file('long.csv', rows.join('\n') + '\n')), ['long.csv', 'row 7', '5 fields', 'only 4 columns']);
    expect(err.location.row).toBe(7);
  });

  it('text in a numeric column names the row, the column and the value', async () => {
    const rows = customers(200);
    rows[57][1] = 'abc';
    const err = await expectInputError(loadCustomers(tmp.file('textnum.csv', csv(rows))), [
      'textnum.csv',
      'row 57',
      'column "age"',
      '"abc" is not a number',
      '199 of the 200',
      '--ignore age',
    ]);
    expect(err.location).toMatchObject({ row: 57, column: 'age' });
  });

  it('text in a numeric column far beyond the type-detection sample is still found', async () => {
    const rows = customers(30_000);
    rows[29_990][2] = 'n.a.';
    await expectInputError(loadCustomers(tmp.file('late.csv', csv(rows))), ['row 29990', 'column "spend"', '"n.a." is not a number']);
  });

  it('common missing markers (NA, null, -, empty) are missing values, not text', async () => {
    const rows = customers(50);
    rows[3][1] = 'NA';
    rows[4][1] = '';
    rows[5][1] = 'null';
    rows[6][1] = '-';
    const table = await loadCustomers(tmp.file('markers.csv', csv(rows)));
    expect(table.quality.missing).toContainEqual(expect.objectContaining({ column: 'age', count: 4 }));
  });

  it('text in a date column names the row', async () => {
    const rows = [['customer_id', 'signup', 'spend'], ...Array.from({ length: 40 }, (_, i) => [`c${i + 1}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i])];
    rows[12][1] = 'soon';
    await expectInputError(loadCustomers(tmp.file('textdate.csv', csv(rows))), ['row 12', 'column "signup"', '"soon" is not a date']);
  });

  it('an all-empty column is dropped with a warning, not an error', async () => {
    const rows = customers(20).map((r, i) => [...r, i === 0 ? 'notes' : '']);
    const table = await loadCustomers(tmp.file('emptycol.csv', csv(rows)));
    expect(table.quality.droppedColumns).toContainEqual({ column: 'notes', reason: 'all values are empty' });
    expect(table.quality.warnings.join('\n')).toMatch(/emptycol\.csv, column "notes": all values are empty; the column was dropped/);
    expect(table.schema.columns.find((c) => c.name === 'notes')?.role).toBe('ignored');
  });

  it('a trailing delimiter on every line is an empty, unnamed column: dropped, not a ragged-row error', async () => {
    const text = csv(customers(10)).replace(/\n/g, ',\n');
    const table = await loadCustomers(tmp.file('trailing.csv', text));
    expect(table.ids).toHaveLength(10);
    expect(table.quality.droppedColumns).toContainEqual({ column: 'column_5', reason: 'all values are empty' });
  });

  it('one customer is an error that says how many are needed', async () => {
    await expectInputError(loadCustomers(tmp.file('one.csv', csv(customers(1)))), ['one.csv', 'only 1 customer', 'at least 2']);
  });

  it('one customer repeated is still one customer', async () => {
    const rows = customers(1);
    rows.push([...rows[1]]);
    await expectInputError(loadCustomers(tmp.file('onedup.csv', csv(rows))), ['only 1 customer']);
  });

  it('fewer customers than k: assertEnoughCustomers', async () => {
    const table = await loadCustomers(tmp.file('three.csv', csv(customers(3))));
    expect(() => assertEnoughCustomers(table, 3)).not.toThrow();
    let err: unknown;
    try {
      assertEnoughCustomers(table, 5, 'three.csv');
    } catch (e) {
      err = e;
    }
    await expectInputError(Promise.reject(err), ['three.csv', '3 customers, fewer than the 5 segments', '--k']);
  });

  it('binary garbage renamed .csv', async () => {
    const rng = createRng(3);
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
    await expectInputError(loadCustomers(tmp.file('garbage.csv', bytes)), ['garbage.csv', 'binary data', 'CSV, TSV, JSONL or Parquet']);
  });

  it('a PNG renamed .csv', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    await expectInputError(loadCustomers(tmp.file('picture.csv', png)), ['picture.csv', 'PNG image']);
  });

  it('an Excel workbook renamed .csv, and one with its own extension', async () => {
    await expectInputError(loadCustomers(tmp.file('book.csv', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]))), ['ZIP archive', 'CSV UTF-8']);
    await expectInputError(loadCustomers(tmp.file('book.xlsx', 'x')), ['Excel workbook', 'CSV UTF-8']);
  });

  it('Latin-1 text is reported as not UTF-8', async () => {
    const text = Buffer.from('customer_id,city\nc1,M\xfcnchen\nc2,K\xf6ln\nc3,Z\xfcrich\n', 'latin1');
    await expectInputError(loadCustomers(tmp.file('latin1.csv', text)), ['latin1.csv', 'not UTF-8', 'CSV UTF-8']);
  });

  it('an unclosed quote names the row', async () => {
    const rows = customers(10).map((r) => r.join(','));
    rows[3] = 'c3,30,"12,gold';
    await expectInputError(loadCustomers(tmp.file('quote.csv', rows.join('\n') + '\n')), ['quote.csv', 'row']);
  });

  it('a 1 MB text cell is loaded, cut to 10,000 characters, with a warning naming row and column', async () => {
    const rows = [['customer_id', 'spend', 'review']];
    for (let i = 1; i <= 20; i++) rows.push([`c${i}`, String(i * 3), `"review number ${i}, fine and good"`]);
    rows[9][2] = 'word '.repeat(200_000).trim();
    const table = await loadCustomers(tmp.file('bigcell.csv', rows.map((r) => r.join(',')).join('\n') + '\n'));
    const review = table.text.find((t) => t.name === 'review')!;
    expect(review.values[8].length).toBe(10_000);
    expect(table.quality.warnings.join('\n')).toContain('bigcell.csv, row 9, column "review": 1 text cell is longer than 10,000 characters; cut to that length');
  });

  it('unknown --id, --ignore and --text name the columns that exist', async () => {
    const file = tmp.file('flags.csv', csv(customers(5)));
    const err = await expectInputError(loadCustomers(file, { idColumn: 'cust' }), [
      'flags.csv',
      'column "cust"',
      'no such column (given by --id)',
      'Columns in this file: customer_id, age, spend, plan',
    ]);
    expect(err.location.column).toBe('cust');
    await expectInputError(loadCustomers(file, { ignore: ['age', 'nope'] }), ['column "nope"', '--ignore']);
    await expectInputError(loadCustomers(file, { text: ['what'] }), ['column "what"', '--text']);
  });

  it('unsupported extension and no extension', async () => {
    await expectInputError(loadCustomers(tmp.file('data.xml', '<x/>')), ['data.xml', 'unsupported file type ".xml"', '.csv']);
    await expectInputError(loadCustomers(tmp.file('data', 'a,b\n')), ['no extension']);
  });

  it('a file that is not Parquet with a .parquet name', async () => {
    await expectInputError(loadCustomers(tmp.file('fake.parquet', 'customer_id,age\nc1,3\n')), ['fake.parquet', 'not a Parquet file']);
  });

  it('a malformed JSONL line names its line', async () => {
    const lines = ['{"customer_id":"c1","age":30}', '{"customer_id":"c2","age":31}', '{"customer_id":"c3","age":}', '{"customer_id":"c4","age":33}'];
    await expectInputError(loadCustomers(tmp.file('bad.jsonl', lines.join('\n') + '\n')), ['bad.jsonl', 'row 3', 'not a JSON object']);
  });

  it('a file where no column can describe customers', async () => {
    await expectInputError(loadCustomers(tmp.file('onlypii.csv', 'customer_id,email\nc1,a@example.com\nc2,b@example.com\n')), [
      'onlypii.csv',
      'no column can be used',
    ]);
  });
});

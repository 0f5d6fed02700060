import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { strptimeFormats, strptimeValueSql } from '../../src/data/infer-schema.js';

/**
 * DuckDB's strptime compares a format's literal with the next byte of the value without
 * checking the value's length, so a value shorter than the format ("30.11.2011 23:59" against
 * "… %H:%M:%S") makes it read the byte after the value. When that byte is past a mapped page
 * the CLI segfaults (exit 139, 1 run in ~30 of test/e2e/order-lines); otherwise nothing shows.
 * The crash cannot be forced in a test, but the read can be seen: strptime's error names the
 * position it stopped at. A literal mismatch reports the byte it compared + 1, a space mismatch
 * the byte itself; either beyond the value's last byte is the out-of-bounds read.
 */
describe('the value dateSql gives DuckDB strptime keeps every compared byte inside it', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
  });

  const DATES = { mdy: ['12/24/2010', '1/2/2010', '12/1/2010'], dmy: ['24/12/2010', '2/1/2010'], dmy_dot: ['30.11.2011', '1.2.2011'] } as const;
  const TIMES = ['', ' 8:26', ' 23:59', ' 0:00:00', ' 23:59:10', 'T01:02:03', ' 23', ' 23:', ' '];

  /** Every (value, format) whose parse compared a byte past the end of what strptime was given. */
  async function outOfBounds(valueSql: (q: string) => string): Promise<string[]> {
    const bad: string[] = [];
    for (const [parse, dates] of Object.entries(DATES) as [keyof typeof DATES, readonly string[]][]) {
      for (const date of dates) {
        for (const raw of [...TIMES.map((t) => date + t), `  ${date} 8:26  `, date.slice(0, -4), '']) {
          const v = valueSql(`'${raw}'`);
          const len = Number((await conn.runAndReadAll(`SELECT CAST(strlen(${v}) AS DOUBLE)`)).getRows()[0][0]);
          for (const format of strptimeFormats(parse)) {
            let message = '';
            try {
              await conn.run(`SELECT strptime(${v}, '${format}')`);
              continue;
            } catch (err) {
              message = (err as Error).message;
            }
            const caret = /\n( *)\^\n/.exec(message);
            if (!caret) {
              if (raw.trim() === '') continue; // an empty value names no position (nothing to read)
              throw new Error(`no position in DuckDB's strptime error, the check needs updating: ${message}`);
            }
            const at = caret[1].length;
            const read = /Literal does not match/.test(message) ? at - 1 : /Space does not match/.test(message) ? at : -1;
            if (read >= len) bad.push(`${JSON.stringify(raw)} as ${format}: byte ${read} of ${len}`);
          }
        }
      }
    }
    return bad;
  }

  it('the check finds the read past the end on the bare trimmed value (what segfaulted)', async () => {
    const bad = await outOfBounds((q) => `trim(${q})`);
    expect(bad).toContain('"30.11.2011 23:59" as %d.%m.%Y %H:%M:%S: byte 16 of 16');
    expect(bad).toContain('"30.11.2011" as %d.%m.%Y %H:%M:%S: byte 10 of 10');
  });

  it('on the value dateSql passes, no format compares a byte past its end', async () => {
    expect(await outOfBounds(strptimeValueSql)).toEqual([]);
  });
});

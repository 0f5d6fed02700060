import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { readColumns } from '../../src/data/columnar.js';
import { loadCustomers } from '../../src/data/load.js';
import { makeTempDir } from './helpers.js';

const tmp = makeTempDir('segmenta-columnar-');
afterAll(() => tmp.cleanup());

async function withConn<T>(work: (conn: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('readColumns', () => {
  it('reads strings kept inside the vector (up to 12 bytes) and beyond, ASCII or not, as the values', async () => {
    // Around DuckDB's 12-byte inline limit, multi-byte UTF-8 on both sides of it, empty and NULL, placed by rowid too.
    const values = ['', 'a', 'C0000001', 'abcdefghijkl', 'abcdefghijklm', 'é', 'Zoë', '王伟', '王伟李娜', '王伟李娜张', 'x\ty', 'Ünïcödé long text here', '😀', null];
    const rows = Array.from({ length: 3000 }, (_, i) => values[i % values.length]);
    const literal = rows.map((v, i) => `(${i}, ${v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`})`).join(', ');
    const [plain, placed] = await withConn(async (conn) => {
      await conn.run(`CREATE TABLE u AS SELECT * FROM (VALUES ${literal}) v(i, s)`);
      return [
        await readColumns(conn, 'SELECT s FROM u ORDER BY i', ['str']),
        await readColumns(conn, 'SELECT s, CAST(i AS DOUBLE) FROM u', ['str', 'f64'], { at: 1, rows: rows.length }),
      ];
    });
    expect((plain.columns[0] as { values: (string | null)[] }).values).toEqual(rows);
    expect((placed.columns[0] as { values: (string | null)[] }).values).toEqual(rows);
  });


  // 5,000 rows: several 2,048-row chunks, and past the 1,024 rows the arrays start with.
  const N = 5000;
  const table = `CREATE TABLE t AS SELECT i, CASE WHEN i % 7 = 3 THEN NULL ELSE CAST(i AS DOUBLE) * 0.5 END AS x, CASE WHEN i % 11 = 0 THEN NULL ELSE 'v' || i END AS s FROM range(${N}) r(i)`;

  it('reads DOUBLEs from the vectors with NULL as NaN, and strings, across chunks', async () => {
    const res = await withConn(async (conn) => {
      await conn.run(table);
      return readColumns(conn, 'SELECT x, s FROM t ORDER BY i', ['f64', 'str']);
    });
    expect(res.rows).toBe(N);
    const [x, s] = res.columns as unknown as [{ values: Float64Array }, { values: (string | null)[] }];
    expect(x.values.length).toBe(N);
    expect(s.values.length).toBe(N);
    for (let i = 0; i < N; i++) {
      if (i % 7 === 3) expect(Number.isNaN(x.values[i]), `row ${i}`).toBe(true);
      else expect(x.values[i]).toBe(i * 0.5);
      expect(s.values[i]).toBe(i % 11 === 0 ? null : `v${i}`);
    }
  });

  it('puts each row at its `at` position whatever order the rows come in', async () => {
    const res = await withConn(async (conn) => {
      await conn.run(table);
      // Descending by a hash: an order nothing like the positions.
      return readColumns(conn, 'SELECT x, s, CAST(i AS DOUBLE) FROM t ORDER BY hash(i)', ['f64', 'str', 'f64'], { at: 2, rows: N });
    });
    const [x, s, at] = res.columns as unknown as [{ values: Float64Array }, { values: (string | null)[] }, { values: Float64Array }];
    for (let i = 0; i < N; i++) {
      expect(at.values[i]).toBe(i);
      if (i % 7 === 3) expect(Number.isNaN(x.values[i])).toBe(true);
      else expect(x.values[i]).toBe(i * 0.5);
      expect(s.values[i]).toBe(i % 11 === 0 ? null : `v${i}`);
    }
  });

  it('refuses a row count that does not match what the query returns', async () => {
    await expect(
      withConn(async (conn) => {
        await conn.run(table);
        return readColumns(conn, 'SELECT CAST(i AS DOUBLE) FROM t', ['f64'], { at: 0, rows: N + 1 });
      }),
    ).rejects.toThrow(/5000 rows read, 5001 expected/);
  });
});

describe('text columns read as codes or as strings', () => {
  it('gives every row its own (trimmed) text either way, missing as empty', async () => {
    const canned = ['great service', ' slow delivery ', 'would buy again, "twice"', 'ok'];
    const lines = ['customer_id,spend,canned,free'];
    const wantCanned: string[] = [];
    const wantFree: string[] = [];
    for (let i = 0; i < 400; i++) {
      const c = i % 50 === 7 ? '' : canned[i % canned.length];
      const f = `note number ${i} about order ${i * 3}`;
      lines.push(`c${i},${(i * 1.7).toFixed(2)},"${c.replace(/"/g, '""')}",${f}`);
      wantCanned.push(c.trim());
      wantFree.push(f);
    }
    const file = tmp.file('texts.csv', lines.join('\n') + '\n');
    const table = await loadCustomers(file, { text: ['canned', 'free'] });
    const byName = new Map(table.text.map((c) => [c.name, c.values]));
    expect(byName.get('canned')).toEqual(wantCanned);
    expect(byName.get('free')).toEqual(wantFree);
    expect(table.ids.slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
  });
});

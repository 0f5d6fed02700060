import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DIALECTS, type EngineName } from '../../src/warehouse/dialect.js';
import * as plan from '../../src/warehouse/plan.js';
import * as text from '../../src/warehouse/text-plan.js';
import { fitTextModel, projectText } from '../../src/embed/text-block.js';
import { DOCS, fitted } from './text-docs.js';
import type { EmbeddingModel, TextModel } from '../../src/model/vectors.js';

/**
 * The text block compiled to SQL (src/warehouse/text-plan.ts): golden files per dialect
 * (test/fixtures/warehouse/<engine>-text.sql; SEGMENTA_UPDATE_GOLDEN=1 rewrites them), the
 * BigQuery statements parsed by a BigQuery grammar, and DuckDB's coordinates compared with the
 * JS projection (projectText) customer by customer. PostgreSQL runs them in postgres.test.ts.
 */
const GOLDEN = resolve(import.meta.dirname, '../fixtures/warehouse');
const { Parser } = NodeSqlParser as unknown as { Parser: new () => { astify(sql: string, opt: { database: string }): unknown } };

function compile(engine: EngineName, model: TextModel): { purpose: string; sql: string }[] {
  const d = DIALECTS[engine];
  const qualify = (t: string) => (engine === 'bigquery' ? `proj.shop.${t}` : t);
  const relation = d.table(qualify('customers'));
  const terms = qualify(engine === 'bigquery' ? `${text.TERMS_TABLE}_0a1b2c3d` : text.TERMS_TABLE);
  const options = engine === 'postgres' ? { collation: 'und-x-icu' } : {};
  model = { ...model, fill: Array.from({ length: model.width }, (_, c) => (c + 1) / 100) };
  const coordinates = text.textCoordinatesSql(d, relation, 'customer_id', model, terms, options);
  const embedding: EmbeddingModel = {
    version: 1,
    dim: 1 + model.width,
    blocks: [
      { name: 'numeric', kind: 'numeric', offset: 0, width: 1, weight: 0.7, features: ['age'] },
      { name: 'text', kind: 'text', offset: 1, width: model.width, weight: 0.4, features: [], featureWeights: Array.from({ length: model.width }, (_, c) => (c === 1 ? 0 : 1)) },
    ],
    numeric: [{ name: 'age', transform: 'none', center: 41, scale: 19.5, low: -4.1, high: 4.6 }],
    categorical: [],
    text: model,
  };
  const vector = plan.vectorSql(d, embedding, [{ name: 'age', column: 'age', kind: 'number', engineKind: 'number', fill: 41 }], [], 0);
  const p: plan.PlanInput = { dialect: d, relation: text.withTextSql(d, relation, 'customer_id', coordinates), id: 'customer_id', columns: [] };
  const centroids = new Float32Array(2 * embedding.dim).map((_, i) => ((i * 7) % 5) / 10 - 0.2);
  return [
    { purpose: 'text check', sql: text.unsegmentedSql(d, relation, ['review', 'note']) },
    ...text.termsTableSql(d, terms, model).map((sql) => ({ purpose: 'upload text terms', sql })),
    { purpose: 'assign', sql: plan.assignSql(p, vector, centroids, 2, '20261202-010101-abcd', qualify) },
  ];
}

const render = (statements: { purpose: string; sql: string }[]) => statements.map((s) => `-- ${s.purpose}\n${s.sql};\n`).join('\n');

describe('the text block compiled to SQL', () => {
  it('fits a vocabulary without the words of the PII in the texts', async () => {
    const { model } = await fitted();
    expect(model.vocabulary).toEqual(expect.arrayContaining(['delivery', 'prices', 'great prices', 'café', 'rapide']));
    for (const pii of ['ana', 'haddad', 'example', 'com', '555', '123', '4567']) expect(model.vocabulary).not.toContain(pii);
    // Without the filter the same texts do give PII terms (the check above can fail).
    const columns = [{ name: 'review', values: [...DOCS.map((d) => d[1] ?? ''), 'mail ana.haddad@example.com', 'ana.haddad@example.com again'] }];
    const unfiltered = (await fitTextModel(columns, columns[0].values.length, { seed: 3 }))!;
    expect(unfiltered.vocabulary).toEqual(expect.arrayContaining(['haddad', 'example']));
  });

  for (const engine of ['bigquery', 'postgres', 'duckdb'] as const) {
    it(`${engine}: the text statements match their golden file`, async () => {
      const { model } = await fitted();
      const file = join(GOLDEN, `${engine}-text.sql`);
      const out = render(compile(engine, model));
      if (process.env.SEGMENTA_UPDATE_GOLDEN === '1') writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('every BigQuery text statement parses with a BigQuery grammar, and uses nothing BigQuery lacks', async () => {
    const { model } = await fitted();
    const parser = new Parser();
    for (const s of compile('bigquery', model)) {
      if (s.sql.startsWith('CREATE')) continue; // node-sql-parser has no column list in BigQuery CREATE TABLE; its shape is in the golden file
      expect(() => parser.astify(s.sql, { database: 'bigquery' }), `${s.purpose}: ${s.sql.slice(0, 160)}`).not.toThrow();
      expect(s.sql).not.toMatch(/LATERAL|ORDINALITY|regexp_split|::/i);
    }
    const assign = compile('bigquery', model).find((s) => s.purpose === 'assign')!.sql;
    expect(assign).toContain("CROSS JOIN UNNEST(REGEXP_EXTRACT_ALL(d.doc, '[\\\\p{L}\\\\p{N}\\\\p{M}]+')) AS tok WITH OFFSET AS pos");
    expect(assign).toContain('JOIN `proj.shop.segmenta_text_terms_0a1b2c3d` v ON v.term = n.term');
  });

  it('duckdb: the coordinates the engine computes are projectText\'s, customer by customer', async () => {
    const { model, columns } = await fitted();
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run('CREATE TABLE customers (customer_id VARCHAR, age INTEGER, review VARCHAR, note VARCHAR)');
    const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
    await conn.run(`INSERT INTO customers VALUES ${DOCS.map(([id, a, b]) => `(${q(id)}, 30, ${q(a)}, ${q(b)})`).join(', ')}`);
    for (const sql of text.termsTableSql(DIALECTS.duckdb, text.TERMS_TABLE, model)) await conn.run(sql);
    const sql = text.textCoordinatesSql(DIALECTS.duckdb, 'customers', 'customer_id', model, text.TERMS_TABLE);
    const rows = (await (await conn.runAndReadAll(`${sql} ORDER BY segmenta_tid`)).getRowObjectsJS()) as Record<string, unknown>[];
    const { data, empty } = await projectText(model, columns, DOCS.length);
    const expected = DOCS.map(([id], i) => ({ id, i })).filter(({ i }) => !empty[i]).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows.map((r) => r.segmenta_tid)).toEqual(expected.map((e) => e.id));
    // C5, C6 (blank and function words only) and C11 (no vocabulary term) take the fill.
    expect(DOCS.filter((_, i) => empty[i]).map((d) => d[0])).toEqual(['C5', 'C6', 'C11']);
    for (const [j, { i }] of expected.entries()) {
      for (let c = 0; c < model.width; c++) expect(Math.fround(Number(rows[j][`segmenta_t${c}`]))).toBe(data[i * model.width + c]);
    }
    conn.closeSync?.();
  });

  it('knows the scripts it cannot cut', () => {
    for (const s of ['物流很快', 'とても良い', '배송 빠름', 'ส่งเร็ว']) expect(text.UNSEGMENTED.test(s)).toBe(true);
    for (const s of ['Café crème', 'Ελληνικά', 'Привет', 'naïve']) expect(text.UNSEGMENTED.test(s)).toBe(false);
  });
});

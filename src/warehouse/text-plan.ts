/**
 * The text block in the engine. The TF-IDF vocabulary, idf and SVD basis are fitted on the
 * sample in segmenta (src/embed/text-block.ts), like every other block; everyone's text
 * coordinates are then computed by SQL: the customer's document tokenised in the engine
 * (lower-cased, apostrophes dropped, runs of letters and digits), function words and one-letter
 * tokens dropped, unigrams and adjacent-token bigrams counted, joined with an uploaded table of
 * (term, idf, basis row), summed and L2-normalised — the JS tokeniser (src/util/tokenize.ts)
 * and projection (projectText) written as SQL.
 *
 * What the SQL tokeniser matches, and what it does not (README, Warehouse):
 * - ASCII and Latin text with precomposed accents: the same tokens (PostgreSQL with an ICU
 *   collation for Unicode lower-case and letter classes; DuckDB and BigQuery by RE2's \p{L}).
 * - Chinese, Japanese, Thai, Lao, Khmer, Myanmar and Korean need Intl.Segmenter (or the one-
 *   character-word rule), which SQL lacks: such text is left out of the Run in engine mode,
 *   with that reason (session.ts checks the sample and the whole table).
 * - PostgreSQL's [:alnum:] has no combining marks (decomposed "é" splits), lengths count code
 *   points where JS counts UTF-16 units (a lone astral letter), and TRIM strips spaces only
 *   before the 10,000-character cap: differences on text this tool does not meet in practice.
 *
 * PII: the engine tokenises everyone's raw text, names and phone numbers included, but only
 * terms in the uploaded table count, and that vocabulary was fitted with every term made from
 * a PII span of the sample left out (piiTermFilter), so no piece of an email, phone or
 * recognised name is ever uploaded, and the customers' text never leaves the engine.
 */
import { ALL_FUNCTION_WORDS } from '../util/stop-words.js';
import type { TextModel } from '../model/vectors.js';
import type { Dialect } from './dialect.js';
import { TEXT_CAP } from '../data/infer-schema.js';

/** The uploaded (term, idf, basis) table (a temporary table; BigQuery's a dataset table dropped at close). */
export const TERMS_TABLE = 'segmenta_text_terms';
/** Terms per INSERT: BigQuery caps a statement at 1 MB; 250 terms × 17 numbers stay far under it. */
const TERMS_PER_INSERT = 250;

/** Letters the SQL tokeniser cannot cut as the JS one does (space-less scripts; Hangul's one-letter words). */
export const UNSEGMENTED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** The same blocks as code-point ranges, for the engine's regular expressions (POSIX, RE2). */
const UNSEGMENTED_RANGES = '[\u0E00-\u0EFF\u1000-\u109F\u1100-\u11FF\u1780-\u17FF\u3040-\u30FF\u3130-\u318F\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]';

export interface TextPlanOptions {
  /** PostgreSQL: the collation that makes lower() and [:alnum:] Unicode-aware ("und-x-icu"); none: the database's own. */
  collation?: string;
}

const lit = (x: number) => (Number.isFinite(x) ? String(x) : '0');

/** CREATE the terms table and INSERT the model's vocabulary into it, in batches. */
export function termsTableSql(d: Dialect, table: string, model: TextModel): string[] {
  const width = model.width;
  const cs = Array.from({ length: width }, (_, c) => `c${c}`);
  const create =
    d.name === 'bigquery'
      ? `CREATE OR REPLACE TABLE ${d.table(table)} (term ${d.types.text}, idf ${d.types.float}, ${cs.map((c) => `${c} ${d.types.float}`).join(', ')})`
      : `CREATE TEMP TABLE ${d.table(table)} (term ${d.types.text}, idf ${d.types.float}, ${cs.map((c) => `${c} ${d.types.float}`).join(', ')})`;
  const vocabulary = model.vocabulary ?? [];
  const out = [create];
  for (let from = 0; from < vocabulary.length; from += TERMS_PER_INSERT) {
    const rows = vocabulary.slice(from, from + TERMS_PER_INSERT).map((term, j) => {
      const t = from + j;
      return `(${d.str(term)}, ${lit(model.idf![t])}, ${cs.map((_, c) => lit(model.components![c][t])).join(', ')})`;
    });
    out.push(`INSERT INTO ${d.table(table)} (term, idf, ${cs.join(', ')}) VALUES ${rows.join(', ')}`);
  }
  return out;
}

/** One row: per text column, how many values hold a script the SQL tokeniser cannot cut. */
export function unsegmentedSql(d: Dialect, relation: string, columns: string[]): string {
  const parts = columns.map((c, i) => `${d.float(`SUM(CASE WHEN ${d.matches(d.text(d.ident(c)), UNSEGMENTED_RANGES)} THEN 1 ELSE 0 END)`)} AS u${i}`);
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

/** The customer's document lower-cased, apostrophes dropped: the text columns joined (as documents() does: a space tokenises as its newline). */
function documentSql(d: Dialect, columns: string[], o: TextPlanOptions): string {
  const cell = (c: string) => `COALESCE(SUBSTR(TRIM(${d.text(d.ident(c))}), 1, ${TEXT_CAP}), '')`;
  const joined = columns.map(cell).join(` || ' ' || `);
  const collated = o.collation && d.name === 'postgres' ? `(${joined}) COLLATE ${d.ident(o.collation)}` : `(${joined})`;
  return `LOWER(REPLACE(REPLACE(${collated}, ${d.str("'")}, ''), ${d.str('\u2019')}, ''))`;
}

/** (segmenta_tid, tok, pos): the runs of letters and digits of each document, in order. */
function tokensSql(d: Dialect, docs: string, o: TextPlanOptions): string {
  if (d.name === 'postgres') {
    const doc = o.collation ? `d.doc COLLATE ${d.ident(o.collation)}` : 'd.doc';
    return `SELECT d.segmenta_tid, m.tok, m.pos FROM (${docs}) d CROSS JOIN LATERAL regexp_split_to_table(${doc}, '[^[:alnum:]]+') WITH ORDINALITY AS m(tok, pos)`;
  }
  if (d.name === 'bigquery') {
    return `SELECT d.segmenta_tid, tok, pos FROM (${docs}) d CROSS JOIN UNNEST(REGEXP_EXTRACT_ALL(d.doc, ${d.str('[\\p{L}\\p{N}\\p{M}]+')})) AS tok WITH OFFSET AS pos`;
  }
  return `SELECT segmenta_tid, UNNEST(l) AS tok, UNNEST(generate_series(1, len(l))) AS pos FROM (SELECT segmenta_tid, regexp_extract_all(doc, ${d.str('[\\p{L}\\p{N}\\p{M}]+')}) AS l FROM (${docs}) d) x`;
}

/**
 * (segmenta_tid, segmenta_t0 … t{w−1}): the unit text coordinates of every customer with at
 * least one vocabulary term; the others are absent and take the model's fill. The TF-IDF row
 * is not normalised before the projection, as projectText does: the final L2 normalisation
 * cancels that factor.
 */
export function textCoordinatesSql(d: Dialect, relation: string, id: string, model: TextModel, terms: string, o: TextPlanOptions = {}): string {
  const width = model.width;
  const idText = d.text(d.ident(id));
  const docs = `SELECT ${idText} AS segmenta_tid, ${documentSql(d, model.columns, o)} AS doc FROM ${relation} WHERE ${d.ident(id)} IS NOT NULL`;
  const stop = [...ALL_FUNCTION_WORDS].sort().map((w) => d.str(w)).join(', ');
  const content = `SELECT segmenta_tid, tok, pos FROM (${tokensSql(d, docs, o)}) t WHERE LENGTH(tok) > 1 AND tok NOT IN (${stop})`;
  // One pass over the tokens: each row is its unigram (k = 1) and its bigram with the next content token (k = 2).
  const pairs = `SELECT segmenta_tid, tok, tok || ' ' || LEAD(tok) OVER (PARTITION BY segmenta_tid ORDER BY pos) AS nxt FROM (${content}) c`;
  const grams = `SELECT segmenta_tid, CASE WHEN k = 1 THEN tok ELSE nxt END AS term FROM (${pairs}) p CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 AS k) ks WHERE k = 1 OR nxt IS NOT NULL`;
  const counts = `SELECT segmenta_tid, term, ${d.float('COUNT(*)')} AS tf FROM (${grams}) g GROUP BY segmenta_tid, term`;
  const cs = Array.from({ length: width }, (_, c) => c);
  const proj = `SELECT n.segmenta_tid, ${cs.map((c) => `SUM((1 + LN(n.tf)) * v.idf * v.c${c}) AS p${c}`).join(', ')} FROM (${counts}) n JOIN ${d.table(terms)} v ON v.term = n.term GROUP BY n.segmenta_tid`;
  const ss = cs.map((c) => `p${c} * p${c}`).join(' + ');
  const normed = cs.map((c) => `p${c} * (1 / SQRT(ss)) AS segmenta_t${c}`).join(', ');
  return `SELECT segmenta_tid, ${normed} FROM (SELECT q.*, ${ss} AS ss FROM (${proj}) q) s WHERE ss > 0`;
}

/** The FROM clause of the assignment: the customers with their text coordinates beside them. */
export function withTextSql(d: Dialect, relation: string, id: string, coordinates: string): string {
  return `${relation} LEFT JOIN (${coordinates}) segmenta_text ON segmenta_text.segmenta_tid = ${d.text(d.ident(id))}`;
}

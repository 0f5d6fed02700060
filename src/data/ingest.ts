import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { readColumns } from './columnar.js';
import { translateDuckDbError } from './duckdb-errors.js';
import { detectDelimiter, sqlIdent, sqlString, type SourceFormat } from './formats.js';
import { firstLine, leadingBlankLines, type FileHead } from './precheck.js';
import { stripControls } from '../util/control-chars.js';
import type { FileFormat } from '../model/data.js';

/**
 * Reads a data file into the DuckDB table `seg_data`: one column per file column, with common
 * missing markers ("", NA, null, …) turned into NULL. The file is parsed
 * once; the statistics pass and the final columnar read then scan memory (re-parsing a CSV per
 * query measured 3–10× slower). Table order is file order, and `rowid + 1` is the data row.
 *
 * CSV and JSON columns are read as VARCHAR and typed later by schema inference with TRY_CAST,
 * because DuckDB's type sniffer looks at a sample only: a stray "abc" on row 25,000 of a
 * numeric column would otherwise fail the whole read with a conversion error.
 */
export type TypeClass = 'string' | 'number' | 'date' | 'boolean' | 'other';

export interface SourceColumn {
  name: string;
  /** The type as DuckDB reads it (VARCHAR for every CSV/JSON scalar). */
  sourceType: string;
  typeClass: TypeClass;
}

export interface Source {
  file: string;
  format: FileFormat;
  /** The table to query (rowid = data row - 1). */
  relation: string;
  columns: SourceColumn[];
  /** When other files were joined in (--join): each file and the key it was joined on. */
  joined?: { file: string; on: string; rows: number }[];
  joinWarnings?: string[];
}

export const SOURCE_TABLE = 'seg_data';

/**
 * Lines longer than this fail with a clear error; 1 MB cells are fine (and capped later).
 * DuckDB's default (2 MB): raising it to 64 MB made every CSV read 2× slower.
 */
const MAX_LINE_BYTES = 2_000_000;

/** Cell values that mean "missing" in exports from spreadsheets, R, pandas and SQL tools. */
const MISSING_MARKERS = ['', 'na', 'n/a', 'null', 'nan', '#n/a', '-', '?'];
/** The same, spelled as they appear in files, for the CSV reader's exact-match nullstr. */
const CSV_NULLS = ['', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', 'NaN', 'nan', '#N/A', '-', '?'];

export async function openSource(conn: DuckDBConnection, file: string, source: SourceFormat, head: FileHead): Promise<Source> {
  let columns: SourceColumn[];
  let select = '*';
  if (source.format === 'csv' || source.format === 'tsv') {
    // The CSV reader turns missing markers into NULL itself (its nullstr option), far cheaper than SQL per cell.
    columns = await openCsv(conn, file, source, head);
  } else {
    columns = source.format === 'jsonl' ? await openJson(conn, file, source) : await openParquet(conn, file);
    const markers = MISSING_MARKERS.map(sqlString).join(', ');
    select = columns
      .map((c) => {
        const id = sqlIdent(c.name);
        if (c.typeClass !== 'string') return id;
        const v = `CAST(${id} AS VARCHAR)`;
        return `CASE WHEN lower(trim(${v})) IN (${markers}) THEN NULL ELSE ${v} END AS ${id}`;
      })
      .join(', ');
  }
  try {
    // The file is parsed here: ragged rows, bad encodings and broken JSON surface now, and are
    // translated while the column names are at hand (to name the column a short row lacks).
    await conn.run(`CREATE OR REPLACE TABLE ${SOURCE_TABLE} AS SELECT ${select} FROM seg_raw`);
  } catch (err) {
    throw translateDuckDbError(err, { file, format: source.format, columns: columns.map((c) => c.name) });
  }
  return { file, format: source.format, relation: SOURCE_TABLE, columns };
}

async function openCsv(conn: DuckDBConnection, file: string, source: SourceFormat, head: FileHead): Promise<SourceColumn[]> {
  // Excel's "sep=;" first line names the delimiter; the header is the line after it.
  const sepLine = /^sep=(.)[ \t]*$/.exec(firstLine(head.text));
  const text = sepLine ? head.text.replace(/^(?:[ \t]*\r?\n)*sep=.[ \t]*\r?\n/, (m) => m.replace(/[^\r\n]/g, ' ')) : head.text;
  const headerLine = firstLine(text);
  const delim = sepLine ? sepLine[1] : detectDelimiter(headerLine, source.format);
  assertHeaderBreaks(file, headerLine, head.text, delim);
  const reader = [
    sqlString(file),
    'auto_detect = false',
    `delim = ${sqlString(delim)}`,
    `quote = '"'`,
    `escape = '"'`,
    `compression = ${sqlString(source.compression)}`,
    `max_line_size = ${MAX_LINE_BYTES}`,
    // Blank lines above the header: without skipping them DuckDB takes the first (blank) line
    // as the header and reads the real one as a customer.
    `skip = ${leadingBlankLines(text)}`,
  ].join(', ');

  // The header row, read by DuckDB (quotes and all) into more slots than it can have.
  const slots = headerLine ? Math.min(10_000, headerLine.split(delim).length) : 2048;
  const slotTypes = Array.from({ length: slots }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const header = await readColumns(
    conn,
    // parallel = false: a parallel scan starts every thread on the file even for LIMIT 1 (0.6 s vs 30 ms on 80 MB).
    // nullstr = U+0001 (never in a header): an empty name stays '' and only padding slots are NULL,
    // so a trailing delimiter ("a,b,c,") keeps its empty column and the data rows still fit.
    `SELECT * FROM read_csv(${reader}, header = false, columns = {${slotTypes}}, null_padding = true, strict_mode = false, parallel = false, nullstr = '\u0001') LIMIT 1`,
    Array(slots).fill('str'),
  );
  const raw = header.columns.map((c) => (c.kind === 'str' ? c.values[0] : null));
  while (raw.length > 0 && raw[raw.length - 1] === null) raw.pop();
  if (header.rows === 0 || raw.every((v) => (v ?? '').trim() === '')) {
    throw new InputError({ file, row: 0 }, 'the first line is empty, so there is no header row', 'Put the column names on the first line, then one row per customer');
  }
  // A wrapped header cell ("region<LF>north") becomes one line: names are shown on one line everywhere.
  const names = raw.map((v, i) => stripControls(v ?? '').replace(/\s+/g, ' ').trim() || `column_${i + 1}`);
  assertUniqueNames(file, names);

  const types = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ');
  await conn.run(
    `CREATE OR REPLACE VIEW seg_raw AS SELECT * FROM read_csv(${reader}, header = true, columns = {${types}}, strict_mode = true, null_padding = false, ` +
      `nullstr = [${CSV_NULLS.map(sqlString).join(', ')}])`,
  );
  return names.map((name) => ({ name, sourceType: 'VARCHAR', typeClass: 'string' }));
}

/**
 * A header cell wrapped with a bare line feed in a file whose rows end in CRLF (a spreadsheet's
 * Alt+Enter, saved on Windows): DuckDB 1.5's strict reader then finds no rows at all, and the
 * file would be called empty. Refused by name instead; LF files and CRLF breaks read fine.
 */
function assertHeaderBreaks(file: string, headerLine: string, text: string, delim: string): void {
  if (!/\n/.test(headerLine)) return;
  const after = text.slice(text.indexOf(headerLine) + headerLine.length);
  if (!after.startsWith('\r\n')) return;
  const cells = headerLine.split(new RegExp(`${delim.replace(/[|\\]/g, '\\$&')}(?=(?:[^"]*"[^"]*")*[^"]*$)`));
  const i = cells.findIndex((c) => /(^|[^\r])\n/.test(c));
  if (i < 0) return;
  const shown = cells[i].replace(/^"|"$/g, '').replace(/\s+/g, ' ').trim().slice(0, 40);
  throw new InputError(
    { file, row: 0, column: shown },
    `the name of column ${i + 1} holds a line break (the header cell is wrapped onto two lines)`,
    'Remove the line break from that column name in the spreadsheet and export again',
  );
}

function assertUniqueNames(file: string, names: string[]): void {
  // DuckDB identifiers are case-insensitive, so "Age" and "age" collide too.
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        { file, row: 0, column: name },
        `the header names this column twice (columns ${first + 1} and ${i + 1}${names[first] !== name ? `: "${names[first]}" and "${name}"` : ''})`,
        'Rename one of them so that every column name is unique',
      );
    }
    seen.set(key, i);
  });
}

async function describe(conn: DuckDBConnection, sql: string): Promise<{ name: string; type: string }[]> {
  const res = await readColumns(conn, `SELECT column_name, column_type FROM (DESCRIBE ${sql})`, ['str', 'str']);
  const [names, types] = res.columns as { kind: 'str'; values: (string | null)[] }[];
  return names.values.map((n, i) => ({ name: n ?? '', type: types.values[i] ?? 'VARCHAR' }));
}

async function openJson(conn: DuckDBConnection, file: string, source: SourceFormat): Promise<SourceColumn[]> {
  const compression = source.compression === 'none' ? 'uncompressed' : source.compression;
  const base = `${sqlString(file)}, format = 'auto', compression = ${sqlString(compression)}`;
  const described = await describe(conn, `SELECT * FROM read_json(${base})`);
  // DuckDB names the one column "json" when the file holds no objects: JSON values, or an array of numbers or strings ([1, 2, 3]).
  if (described.length === 1 && described[0].name === 'json') {
    throw new InputError({ file, row: 1 }, 'the lines are not JSON objects', 'Write one JSON object per line with one key per column, e.g. {"customer_id": "c1", "age": 34}');
  }
  // Types come from a sample of the file: scalars are re-read as VARCHAR and typed by inference
  // over every row; nested values stay JSON and are ignored.
  const columns: SourceColumn[] = described.map(({ name, type }) => {
    const nested = /[\[\]()]|^JSON$|^STRUCT|^MAP/.test(type);
    return { name, sourceType: nested ? type : 'VARCHAR', typeClass: nested ? 'other' : 'string' };
  });
  const types = columns.map((c) => `${sqlString(c.name)}: ${c.typeClass === 'other' ? "'JSON'" : "'VARCHAR'"}`).join(', ');
  await conn.run(`CREATE OR REPLACE VIEW seg_raw AS SELECT * FROM read_json(${base}, columns = {${types}})`);
  return columns;
}

async function openParquet(conn: DuckDBConnection, file: string): Promise<SourceColumn[]> {
  const relation = `read_parquet(${sqlString(file)})`;
  const described = await describe(conn, `SELECT * FROM ${relation}`);
  await conn.run(`CREATE OR REPLACE VIEW seg_raw AS SELECT * FROM ${relation}`);
  return described.map(({ name, type }) => ({ name, sourceType: type, typeClass: typeClassOf(type) }));
}

export function typeClassOf(type: string): TypeClass {
  const t = type.toUpperCase();
  if (/^(VARCHAR|TEXT|STRING|UUID|ENUM)/.test(t)) return 'string';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)) return 'number';
  if (/^(DATE|TIMESTAMP)/.test(t)) return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  return 'other';
}

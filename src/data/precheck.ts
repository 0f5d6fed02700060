import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { totalmem } from 'node:os';
import { InputError } from '../errors.js';
import type { SourceFormat } from './formats.js';

/**
 * Checks made on the bytes of a file before DuckDB sees it: existence, emptiness, and whether
 * it is text at all. DuckDB's own errors for these cases are long, multi-line and mention
 * options the user never set; these give one line with a fix.
 */
export interface FileHead {
  size: number;
  /** The first bytes as text (decompressed for .gz), BOM removed; '' when not available. */
  text: string;
}

const HEAD_BYTES = 64 * 1024;
/** The header line is read whole up to this size (more than LIMITS.maxColumns long names need). */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/**
 * Limits checked before DuckDB reads anything, so a hostile or mistaken file gets a one-line
 * refusal in milliseconds instead of minutes and gigabytes (2,000 columns took 54 s and 15.5 GB
 * in `inspect` before this cap: per-column statistics, encodings and profiles all scale with it).
 */
export const LIMITS = {
  /** Columns a file may have: customer exports rarely pass 200; past 500 nothing is segmentable. */
  maxColumns: 500,
  /** Bytes one cell may hold (a text cell is cut to 10,000 characters anyway); DuckDB's line cap is 2 MB. */
  maxCellBytes: 1024 * 1024,
  /** Share of this machine's memory the file itself may take (DuckDB holds it, then JS copies columns). */
  maxMemoryShare: 1 / 4,
};

/** Magic numbers of formats people save by mistake under a data extension. */
const SIGNATURES: { bytes: number[]; what: string; fix: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', fix: 'Pass the customer data file, not an image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', fix: 'Pass the customer data file, not an image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', fix: 'Pass the customer data file, not an image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', fix: 'Export the data as CSV and pass that file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook is one)', fix: 'Export the sheet as "CSV UTF-8" or unzip the archive, and pass the data file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) workbook', fix: 'Export the sheet as "CSV UTF-8" and pass that file' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed', fix: 'Name it with a .gz ending (e.g. customers.csv.gz) so it is decompressed, or decompress it' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file', fix: 'Give it the .parquet extension' },
];

export async function precheckFile(file: string, source: SourceFormat): Promise<FileHead> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new InputError({ file }, 'this is a folder, not a file', 'Pass the path of the data file inside it');
    // A named pipe or a device has no size and may never end (reading one would hang): a file only.
    if (!st.isFile()) throw new InputError({ file }, 'this is not a regular file (a named pipe, socket or device)', 'Save the data to a file first and pass that file');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError({ file }, 'file not found', `Check the path (relative paths start from ${process.cwd()})`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError({ file }, 'the file cannot be read (permission denied)', 'Check its permissions or copy it somewhere readable');
    }
    throw new InputError({ file }, `the file cannot be opened (${code ?? 'unknown error'})`, 'Check the path and that the file is readable', { cause: err });
  }
  if (size === 0) {
    throw new InputError({ file }, 'the file is empty (0 bytes)', 'Export the customer data again: a header row, then one row per customer (or per event)');
  }

  let head = await readHead(file, HEAD_BYTES);
  if (source.format === 'parquet') {
    if (!startsWith(head, [0x50, 0x41, 0x52, 0x31])) {
      const sig = SIGNATURES.find((s) => startsWith(head, s.bytes));
      throw new InputError(
        { file },
        `this is not a Parquet file${sig ? ` (it looks like ${sig.what})` : ''}`,
        'Pass a real .parquet file, or give the file the extension of its real format (.csv, .jsonl)',
      );
    }
    return { size, text: '' };
  }
  if (source.compression === 'zstd') return { size, text: '' };
  if (source.compression === 'gzip') {
    if (!startsWith(head, [0x1f, 0x8b])) {
      throw new InputError({ file }, 'the name ends in .gz but the file is not gzip-compressed', 'Remove the .gz ending or compress the file with gzip');
    }
    const read = (n: number) =>
      readGzipHead(file, n).catch(() => {
        throw new InputError({ file }, 'the gzip data is damaged and cannot be decompressed', 'Compress the file again, or pass it uncompressed');
      });
    const text = await wholeHeader(file, await read(HEAD_BYTES), HEAD_BYTES, read);
    return { size, text: assertText(file, text) };
  }

  const budget = Math.floor(totalmem() * LIMITS.maxMemoryShare);
  if (size > budget) {
    throw new InputError({ file }, `the file is ${gb(size)}, more than this machine can segment in memory (${gb(budget)}, a quarter of its ${gb(totalmem())})`, 'Sample the customers (e.g. every 10th row) or run on a machine with more memory');
  }

  const sig = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (sig) throw new InputError({ file }, `this is not a ${source.format.toUpperCase()} text file: it looks like ${sig.what}`, sig.fix);
  if (source.format === 'csv' || source.format === 'tsv') head = await wholeHeader(file, head, size, (n) => readHead(file, n));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new InputError({ file }, 'the file is UTF-16 text', 'Save it as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8) and try again');
  }
  const text = assertText(file, head);
  if (source.format === 'csv' || source.format === 'tsv') assertColumnCount(file, countHeaderFields(firstLine(text), source.format === 'tsv' ? '\t' : undefined));
  return { size, text };
}

/**
 * The head, read further until it holds the whole header line (after any blank lines): a valid
 * header of many long names can pass 64 KB, and a cut one would look like a ragged file.
 */
async function wholeHeader(file: string, head: Buffer, available: number, read: (n: number) => Promise<Buffer>): Promise<Buffer> {
  let n = head.length;
  while (!hasHeaderLine(head) && head.length >= n && n < Math.min(available, MAX_HEADER_BYTES)) {
    n = Math.min(n * 4, MAX_HEADER_BYTES);
    head = await read(n);
  }
  if (!hasHeaderLine(head) && head.length >= MAX_HEADER_BYTES) {
    throw new InputError({ file, row: 0 }, `the header line is longer than ${MAX_HEADER_BYTES / 1024 / 1024} MB`, 'Check that the file is a CSV export with line breaks between rows, and shorten the column names');
  }
  return head;
}

/** A line break after some non-blank text: the header line is complete. */
function hasHeaderLine(head: Buffer): boolean {
  const text = head.toString('latin1');
  const start = text.search(/[^\r\n\s]/);
  return start >= 0 && /[\r\n]/.test(text.slice(start));
}

/** Refuse a file with more columns than LIMITS.maxColumns (also used once DuckDB has described a JSON or Parquet file). */
export function assertColumnCount(file: string, columns: number): void {
  if (columns <= LIMITS.maxColumns) return;
  throw new InputError(
    { file },
    `the file has ${columns.toLocaleString('en-US')} columns; segmenta reads at most ${LIMITS.maxColumns}`,
    `Export only the columns that describe customers (behaviour, value, preferences), ${LIMITS.maxColumns} or fewer`,
  );
}

/** Fields of a header line outside quotes, for the likeliest delimiter (the one that splits it most). */
function countHeaderFields(line: string, delimiter?: string): number {
  let best = 1;
  for (const d of delimiter ? [delimiter] : [',', ';', '\t', '|']) {
    let n = 1;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    best = Math.max(best, n);
  }
  return best;
}

function gb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

/** Text, or an InputError when the bytes are binary (NUL bytes or many control characters). */
function assertText(file: string, bytes: Buffer): string {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) {
      throw new InputError({ file }, 'the file contains binary data, not text', 'Pass a CSV, TSV, JSONL or Parquet export of the customer data');
    }
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  if (control > Math.max(8, bytes.length * 0.01)) {
    throw new InputError({ file }, 'the file contains binary data, not text', 'Pass a CSV, TSV, JSONL or Parquet export of the customer data');
  }
  // A multi-byte character may be cut at the end of the head; the decoder replaces it, harmlessly.
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The first n decompressed bytes of a gzip file, without decompressing the rest. */
function readGzipHead(file: string, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const input = createReadStream(file);
    const gunzip = createGunzip();
    const finish = () => {
      input.destroy();
      gunzip.destroy();
      resolve(Buffer.concat(chunks).subarray(0, n));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= n) finish();
    });
    gunzip.on('end', finish);
    gunzip.on('error', reject);
    input.on('error', reject);
    input.pipe(gunzip);
  });
}

/** Blank lines before the header: the CSV reader is told to skip them (else the header is read as data). */
export function leadingBlankLines(text: string): number {
  const lead = /^(?:[ \t]*\r?\n)*/.exec(text)![0];
  return (lead.match(/\n/g) ?? []).length;
}

/**
 * The first non-blank line of a text head (the CSV header line, for delimiter detection and the
 * column count). A line break inside quotes does not end it: a spreadsheet header cell wrapped
 * with Alt+Enter is exported as "region<LF>north", and cutting there read the rest as data.
 */
export function firstLine(text: string): string {
  const rest = text.replace(/^(?:[ \t]*\r?\n)*/, '');
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return rest.slice(0, i);
  }
  return rest;
}

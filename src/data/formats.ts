import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { FileFormat } from '../model/data.js';

/**
 * Which reader a file goes to, decided by its extension (never by guessing at content: a
 * renamed PNG must fail as "not a CSV", not be read as something else).
 */
export interface SourceFormat {
  format: FileFormat;
  compression: 'none' | 'gzip' | 'zstd';
}

const EXTENSIONS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** Spreadsheet and document formats people try first; each gets a fix that names the export step. */
const KNOWN_FOREIGN: Record<string, string> = {
  '.xlsx': 'an Excel workbook',
  '.xls': 'an Excel workbook',
  '.ods': 'a spreadsheet',
  '.numbers': 'a Numbers spreadsheet',
  '.pdf': 'a PDF',
};

export function formatFromPath(file: string): SourceFormat {
  let name = file.toLowerCase();
  let compression: SourceFormat['compression'] = 'none';
  if (name.endsWith('.gz')) {
    compression = 'gzip';
    name = name.slice(0, -3);
  } else if (name.endsWith('.zst')) {
    compression = 'zstd';
    name = name.slice(0, -4);
  }
  const ext = extname(name);
  const format = EXTENSIONS[ext];
  if (format) {
    if (format === 'parquet' && compression !== 'none') {
      throw new InputError({ file }, 'a compressed Parquet file cannot be read directly', 'Decompress it first (Parquet compresses its own pages)');
    }
    return { format, compression };
  }
  const foreign = KNOWN_FOREIGN[ext];
  if (foreign) {
    throw new InputError({ file }, `this is ${foreign}, not a data file segmenta reads`, 'Export the sheet as "CSV UTF-8" (File → Save As) and pass the .csv file');
  }
  throw new InputError(
    { file },
    ext ? `unsupported file type "${ext}"` : 'the file name has no extension, so its format is unknown',
    'Use .csv, .tsv, .jsonl (.ndjson, .json) or .parquet; .csv.gz and .tsv.gz also work',
  );
}

/**
 * The delimiter of a CSV, judged from its header line: the candidate that occurs most often
 * outside double quotes. DuckDB's own sniffer is not used for this because it gives up (or
 * silently skips rows) on exactly the ragged files we must report precisely.
 */
export function detectDelimiter(headerLine: string, format: FileFormat): string {
  if (format === 'tsv') return '\t';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Quote a string literal for SQL. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Quote an identifier for SQL. */
export function sqlIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

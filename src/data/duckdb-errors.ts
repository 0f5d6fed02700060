import { InputError, SegmentaError } from '../errors.js';
import type { FileFormat } from '../model/data.js';

/**
 * DuckDB reports bad files in long multi-line messages that quote the offending line (which
 * may be megabytes long, or hold PII) and suggest reader options the user never set. This turns
 * the ones caused by the user's file into one-line InputErrors with a row and a fix; anything
 * else is returned unchanged (an internal failure, exit code 2).
 */
export interface ErrorContext {
  file: string;
  format: FileFormat;
  /** Column names in file order, to name the column where a short row ran out. */
  columns?: string[];
}

export function translateDuckDbError(err: unknown, ctx: ErrorContext): Error {
  if (err instanceof SegmentaError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const { file } = ctx;
  // CSV lines are 1-based and include the header; data rows are 1-based without it.
  const csvLine = numberAfter(message, /CSV Error on Line:\s*(\d+)/);
  const csvRow = csvLine !== undefined ? Math.max(1, csvLine - 1) : undefined;

  const fields = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/.exec(message);
  if (fields) {
    const expected = Number(fields[1]);
    const found = Number(fields[2]);
    const column = found < expected ? ctx.columns?.[found] : undefined;
    return new InputError(
      { file, row: csvRow, column },
      found < expected
        ? `this row has ${found} field${found === 1 ? '' : 's'} but the header has ${expected} columns`
        : `this row has ${found} fields but the header has only ${expected} columns`,
      found < expected
        ? 'Add the missing values (empty is fine, e.g. "a,,c") or fix a value that contains a line break without quotes'
        : 'Remove the extra delimiter, or wrap values that contain the delimiter in double quotes',
      { cause: err },
    );
  }
  if (/not utf-8 encoded|Invalid unicode/i.test(message)) {
    return new InputError(
      { file, row: csvRow },
      'the file is not UTF-8 text (binary data, or another text encoding such as Latin-1)',
      'Save it as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8); if it is not a data export, pass the right file',
      { cause: err },
    );
  }
  const lineSize = /Maximum line size of (\d+) bytes exceeded/.exec(message);
  if (lineSize) {
    return new InputError(
      { file, row: csvRow },
      `a row is longer than ${Math.round(Number(lineSize[1]) / 1e6)} MB`,
      'Shorten the very long cell (segmenta keeps only the first 10,000 characters of a text cell anyway)',
      { cause: err },
    );
  }
  if (/unterminated quote/i.test(message)) {
    return new InputError(
      { file, row: csvRow },
      'a quoted value is never closed (an opening " without its closing ")',
      'Close the quote, or double any quote inside a quoted value ("")',
      { cause: err },
    );
  }
  const json = /(Malformed JSON|JSON transform error)[^\n]*?in (?:line|record\/value) (\d+):\s*([^\n]*)/.exec(message);
  if (json) {
    const detail = json[3].replace(/\s+/g, ' ').trim().slice(0, 80).replace(/[.:]\s*$/, '');
    // DuckDB 1.5 numbers the line of a syntax error one past the line that holds it (measured).
    const row = Number(json[2]) - (json[1] === 'Malformed JSON' ? 1 : 0);
    return new InputError(
      { file, row: Math.max(1, row) },
      `this line is not a JSON object (${detail})`,
      'Each line must be one JSON object, e.g. {"customer_id": "c1", "age": 34}',
      { cause: err },
    );
  }
  if (/No magic bytes found|too small to be a Parquet file|Invalid Parquet|not a parquet file/i.test(message)) {
    return new InputError({ file }, 'the Parquet file is damaged or not Parquet', 'Export it again as Parquet, or give it the extension of its real format', { cause: err });
  }
  if (/^(Invalid Input Error|Conversion Error|IO Error)/.test(message)) {
    // A reader error we have no special wording for: still the file's fault, still one line.
    const first = message.split('\n')[0].replace(/^[A-Za-z ]+Error:\s*/, '').slice(0, 160);
    return new InputError({ file, row: csvRow }, `the ${ctx.format.toUpperCase()} file cannot be read (${first})`, 'Check that the file is a complete, well-formed export', { cause: err });
  }
  return err instanceof Error ? err : new Error(message);
}

function numberAfter(message: string, re: RegExp): number | undefined {
  const m = re.exec(message);
  return m ? Number(m[1]) : undefined;
}

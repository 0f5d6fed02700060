import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSIGNMENTS_CSV } from '../run/store.js';
import { IndexError } from '../errors.js';

/**
 * assignments.csv read back: customer ids and their 1-based segments, in row order — row i
 * is label i of the index and row i of vectors.f32. The file is our own toCsv output, so this
 * reader only has to undo what toCsv does: RFC 4180 quoting and the apostrophe put in front
 * of a cell that starts like a formula.
 */
export interface Assignments {
  idColumn: string;
  ids: string[];
  /** 1-based segment of each row. */
  segments: Int32Array;
}

export function readAssignments(dir: string): Assignments {
  const path = join(dir, ASSIGNMENTS_CSV);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new IndexError(`${path} is missing: the Run has lost its assignments. Make the Run again with \`segmenta segment FILE\`.`);
  }
  // Our own file, one `id,segment` line per customer: without a quote in it, lines split plainly
  // (a million rows in ~0.2 s where the character reader took ~2 s); with one, the RFC 4180 reader.
  if (!text.includes('"')) return readPlain(path, text);
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header || header.length !== 2 || header[1] !== 'segment') throw new IndexError(`${path}: expected the header "<id column>,segment".`);
  const ids: string[] = new Array(rows.length);
  const segments = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const seg = Number(r[1]);
    if (r.length !== 2 || !Number.isInteger(seg) || seg < 1) throw new IndexError(`${path}, row ${i + 1}: expected "<id>,<segment number>".`);
    ids[i] = unneutralise(r[0]);
    segments[i] = seg;
  });
  return { idColumn: unneutralise(header[0]), ids, segments };
}

/** toCsv put an apostrophe before cells starting with = + - @ tab or CR (or apostrophes and one of them); take it off again. */
function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r＝＋－＠]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * The quote-free file, line by line with indexOf: no array of lines and of cells in between
 * (split() made 3M strings at a million rows: 0.7 s of the 1M bench Run's eval). The same rows
 * and the same errors as splitting each line on commas.
 */
function readPlain(path: string, text: string): Assignments {
  let end = text.length;
  // One trailing line break is the file's last newline, not an empty row.
  if (text.endsWith('\r\n')) end -= 2;
  else if (text.endsWith('\n')) end -= 1;
  const lineEnd = (from: number) => {
    const nl = text.indexOf('\n', from);
    const e = nl < 0 || nl > end ? end : nl;
    return { e: e > from && text.charCodeAt(e - 1) === 13 ? e - 1 : e, next: e + 1 };
  };
  const first = lineEnd(0);
  const header = text.slice(0, first.e).split(',');
  if (end === 0 || header.length !== 2 || header[1] !== 'segment') throw new IndexError(`${path}: expected the header "<id column>,segment".`);
  const ids: string[] = [];
  const segs: number[] = [];
  for (let at = first.next, i = 0; at <= end; i++) {
    const { e, next } = lineEnd(at);
    const comma = text.indexOf(',', at);
    const seg = comma < 0 || comma >= e ? NaN : Number(text.slice(comma + 1, e));
    if (comma < 0 || comma >= e || text.indexOf(',', comma + 1) < e && text.indexOf(',', comma + 1) >= 0 || !Number.isInteger(seg) || seg < 1) {
      throw new IndexError(`${path}, row ${i + 1}: expected "<id>,<segment number>".`);
    }
    ids.push(unneutralise(text.slice(at, comma)));
    segs.push(seg);
    at = next;
  }
  return { idColumn: unneutralise(header[0]), ids, segments: Int32Array.from(segs) };
}

/** A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

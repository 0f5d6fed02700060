/**
 * Terminal styling for the REPL: colour only on a TTY and never with NO_COLOR (no-color.org)
 * or TERM=dumb; text fitted to the terminal's width so tables do not wrap into a mess.
 */
export interface Style {
  color: boolean;
  /** Terminal columns, or undefined when output is not a terminal (never cut). */
  width?: number;
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
  cyan(s: string): string;
}

export function makeStyle(stream: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined> = process.env): Style {
  const color = Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    color,
    width: stream.isTTY ? stream.columns || 80 : undefined,
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    red: wrap(31, 39),
    cyan: wrap(36, 39),
  };
}

// A table row: cells separated by two or more spaces, a rule of dashes, a Markdown row, or a
// row of a box-drawn table (rendered Markdown).
const TABLE_LINE = /^\s*-{2,}(\s+-{2,})*\s*$|\S {2,}\S|^\s*\|.*\|\s*$|^\s*[│┌└├]/;

/**
 * Fit text to `width` columns: table rows are cut with "…" (wrapping would break the columns),
 * prose is word-wrapped keeping its indent. Undefined width leaves the text as it is.
 */
export function fitWidth(text: string, width: number | undefined): string {
  if (!width || width < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      const plain = line.replace(ANSI, '');
      if ([...plain].length <= width) return [line];
      if (TABLE_LINE.test(plain)) return [cutVisible(line, width - 1) + '…'];
      return wrapLine(line, width);
    })
    .join('\n');
}

// Colour codes (rendered Markdown) take no columns.
const ANSI = /\x1b\[[0-9;]*m/g;

/** The first `n` visible characters of a line, its colour codes kept and reset at the cut. */
function cutVisible(line: string, n: number): string {
  let out = '';
  let seen = 0;
  for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) out += part;
    else {
      const chars = [...part].slice(0, n - seen);
      out += chars.join('');
      seen += chars.length;
      if (seen >= n) break;
    }
  }
  return /\x1b\[/.test(line) ? `${out}\x1b[0m` : out;
}

function wrapLine(line: string, width: number): string[] {
  // Continuation lines keep the indent and any quote marks ("> "); a bullet becomes spaces.
  const indent = /^\s*(?:>\s?)*(?:[•*-]\s+)?/.exec(line)![0].replace(/[•*-]/, ' ');
  const out: string[] = [];
  let cur = '';
  for (const word of line.trim().split(/\s+/)) {
    const lead = out.length === 0 ? /^\s*/.exec(line)![0] : indent;
    const next = cur ? `${cur} ${word}` : `${lead}${word}`;
    if (cur && [...next].length > width) {
      out.push(cur);
      cur = `${indent}${word}`;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';

/**
 * Markdown for the terminal (headings, tables, emphasis, quotes), by marked + marked-terminal:
 * tables are drawn with box lines (cli-table3), not the source's pipes. Only text that is
 * Markdown goes through it — a brief, an agent's answer — since operation renders that are
 * aligned plain text (the segment list) would be reflowed into one paragraph.
 */
export function renderMarkdown(text: string, opts: { width: number; color: boolean }): string {
  const marked = new Marked(
    markedTerminal({
      width: opts.width,
      reflowText: true,
      // "## Goals" is shown as a heading, without the hashes.
      showSectionPrefix: false,
      tab: 2,
      emoji: false,
      // No colour: marked-terminal's chalk styles would still print escape codes.
      ...(opts.color ? {} : noColour()),
      tableOptions: { style: { head: opts.color ? ['bold'] : [], border: [] }, wordWrap: true },
    }),
  );
  const out = marked.parse(text, { async: false }) as string;
  return out.replace(/\n{3,}/g, '\n\n').trimEnd();
}

/** A heading line, a pipe-table row or a bold span: worth rendering as Markdown. */
export function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s/m.test(text) || /^\s*\|.*\|\s*$/m.test(text) || /\*\*[^*\n]+\*\*/.test(text);
}

function noColour(): Record<string, unknown> {
  const plain = (s: string) => s;
  const keys = ['code', 'blockquote', 'html', 'heading', 'firstHeading', 'hr', 'listitem', 'table', 'paragraph', 'strong', 'em', 'codespan', 'del', 'link', 'href', 'text'];
  return Object.fromEntries(keys.map((k) => [k, plain]));
}

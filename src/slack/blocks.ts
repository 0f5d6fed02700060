import { createScrubber } from '../util/pii.js';

/**
 * Operation text (op.render: Markdown-ish, plain-text tables) → Slack messages of Block Kit
 * sections. Every outgoing text goes through here or through `plainMessage`, and both scrub
 * PII first: the operations only return aggregates, this is defence in depth.
 */
export interface SectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string };
}

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** The Block Kit blocks segmenta posts (views.ts builds the rich ones). */
export type Block =
  | SectionBlock
  | { type: 'section'; text?: MrkdwnText; fields: MrkdwnText[]; accessory?: ButtonElement }
  | { type: 'section'; text: MrkdwnText; accessory: ButtonElement }
  | { type: 'header'; text: PlainText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** Notification / accessibility fallback text. */
  text: string;
  blocks?: Block[];
}

/** Slack refuses a section text over 3,000 characters and a message over 50 blocks. */
export const SECTION_LIMIT = 3000;
export const BLOCKS_PER_MESSAGE = 50;
const FENCE = '```';

const scrubPatterns = createScrubber();
/** Run ids (20261124-173512-ab12) look like phone numbers to the PII patterns: keep them whole. */
const RUN_ID = /\b\d{8}-\d{6}-[0-9a-f]{4}\b/g;

/** Patterns only: the Slack layer holds no customer table, and results are aggregates anyway. */
export function scrub(text: string): string {
  const ids: string[] = [];
  const held = text.replace(RUN_ID, (id) => `\u0001${ids.push(id) - 1}\u0001`);
  return scrubPatterns(held).replace(/\u0001(\d+)\u0001/g, (_, i: string) => ids[Number(i)]);
}

/** Slack's three control characters must be escaped in any text it parses. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown (briefs, renders) → Slack mrkdwn, for prose lines; the text is already escaped. */
function markdownToMrkdwn(line: string): string {
  return line
    .replace(/^#{1,6}\s+(.*)$/, (_, h: string) => `\u0000${h.replace(/\*\*/g, '')}\u0000`)
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `\u0000${a ?? b}\u0000`)
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/\u0000/g, '*')
    .replace(/^(\s*)[-*]\s+/, '$1• ')
    // Our own links only: a bracket escaped by the brief's text() ("\\[win\\](https://…)") came from the data.
    .replace(/(?<!\\)\[([^\]\\]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>');
}

/** A dashed rule under a table header (textTable draws one). */
const RULE = /^\s*-+(\s+-+)+\s*$/;

/**
 * A line that belongs in a code block: a Markdown table row, a dashed rule under a header, or
 * columns aligned with runs of spaces (textTable and the segment list pad their columns).
 */
function isTabular(line: string): boolean {
  const body = line.trim();
  if (body.startsWith('|') && body.endsWith('|')) return true;
  if (RULE.test(body)) return true;
  return (body.match(/\S {2,}(?=\S)/g) ?? []).length >= 2;
}

interface Part {
  code: boolean;
  lines: string[];
}

/** Split text into prose and code parts: fenced blocks stay code, runs of tabular lines become code. */
function splitParts(text: string): Part[] {
  const all = text.split('\n');
  const lines: string[] = [];
  const code: boolean[] = [];
  const fencedAt: boolean[] = [];
  let fenced = false;
  for (let i = 0; i < all.length; i++) {
    if (all[i].trim().startsWith(FENCE)) {
      fenced = !fenced;
      continue;
    }
    lines.push(all[i]);
    fencedAt.push(fenced);
    // A header line directly above a dashed rule is part of the table.
    code.push(fenced || isTabular(all[i]) || (i + 1 < all.length && RULE.test(all[i + 1])));
  }
  // One aligned line alone between prose is not a table.
  for (let i = 0; i < lines.length; i++) if (code[i] && !fencedAt[i] && !code[i - 1] && !code[i + 1]) code[i] = false;
  const parts: Part[] = [];
  lines.forEach((line, i) => {
    const last = parts[parts.length - 1];
    if (last && last.code === code[i]) last.lines.push(line);
    else parts.push({ code: code[i], lines: [line] });
  });
  return parts;
}

/** Lines packed into chunks of at most `limit` characters; an over-long line is cut. */
function chunkLines(lines: string[], limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (let line of lines) {
    while (line.length > limit) {
      if (cur) out.push(cur), (cur = '');
      out.push(line.slice(0, limit));
      line = line.slice(limit);
    }
    if (cur && cur.length + 1 + line.length > limit) out.push(cur), (cur = '');
    cur = cur ? `${cur}\n${line}` : line;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** One or more messages (≤ 50 sections each, every section ≤ 3,000 characters) for a rendered result. */
export function toMessages(rendered: string): SlackMessage[] {
  // Briefs arrive as Markdown whose text() wrote < > as entities: undone first, so Slack shows "<", not "&lt;" (escaped again right after).
  const clean = escapeMrkdwn(scrub(rendered.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))).replace(/\r\n/g, '\n').trim();
  const blocks: SectionBlock[] = [];
  for (const part of splitParts(clean)) {
    if (part.code) {
      const inner = SECTION_LIMIT - 2 * FENCE.length - 2;
      for (const chunk of chunkLines(part.lines, inner)) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
    } else {
      const lines = part.lines.map(markdownToMrkdwn);
      // Blank-only prose parts (between two tables) carry nothing.
      for (const chunk of chunkLines(lines, SECTION_LIMIT)) if (chunk.trim()) blocks.push(section(chunk.trim()));
    }
  }
  const fallback = fallbackText(clean);
  if (blocks.length === 0) return [{ text: fallback || '(nothing to show)' }];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE) messages.push({ text: fallback, blocks: blocks.slice(i, i + BLOCKS_PER_MESSAGE) });
  return messages;
}

/** A plain message (errors, refusals, help): scrubbed and escaped, one section. */
export function plainMessage(text: string): SlackMessage {
  const clean = escapeMrkdwn(scrub(text)).slice(0, SECTION_LIMIT);
  return { text: clean, blocks: [section(clean)] };
}

function fallbackText(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return first.length > 150 ? `${first.slice(0, 149)}…` : first;
}

/** All the text a block shows (section text and fields, header, context), for fallbacks and tests. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'header':
      return block.text.text;
    case 'context':
      return block.elements.map((e) => e.text).join('\n');
    case 'actions':
      return block.elements.map((e) => e.text.text).join(' | ');
    case 'divider':
      return '';
    default:
      return [block.text?.text, ...('fields' in block ? block.fields.map((f) => f.text) : [])].filter((t) => t !== undefined).join('\n');
  }
}

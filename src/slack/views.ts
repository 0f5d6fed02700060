import type { SegmentDetail } from '../ops/describe-segment.js';
import type { CompareResult } from '../ops/compare.js';
import type { SegmentRow } from '../ops/list-segments.js';
import { CHANNELS } from '../ops/copy.js';
import { formatCount, formatShare } from '../util/format.js';
import { formatFeatureValue } from '../write/format.js';
import { escapeMrkdwn, scrub, type Block, type ButtonElement, type MrkdwnText, type SlackMessage } from './blocks.js';

/**
 * Block Kit views of the results people look at most — the segment list, a segment card with
 * buttons, a comparison — built from the operation's typed result rather than its text, so a
 * table becomes aligned fields instead of a code block. Every string is scrubbed and escaped
 * here, as toMessages does for the rest. Any other result is posted through toMessages.
 */

/** Slack's limits: a field ≤ 2,000 characters, ≤ 10 fields a section, ≤ 150 a header, ≤ 75 a button. */
const FIELD_LIMIT = 2000;
const FIELDS_PER_SECTION = 10;

/** A button press carries the operation it asks for; actions.ts checks it against SLACK_OPS. */
export const ACTION_PREFIX = 'segmenta:';

export interface ActionValue {
  op: string;
  input: Record<string, unknown>;
}

const clean = (s: string) => escapeMrkdwn(scrub(s));
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const md = (s: string): MrkdwnText => ({ type: 'mrkdwn', text: cut(clean(s), FIELD_LIMIT) });
// Run a value's text through md() before the bold marks go round it.
const mdBold = (label: string, value: string): MrkdwnText => ({ type: 'mrkdwn', text: cut(`*${clean(label)}*\n${clean(value)}`, FIELD_LIMIT) });
const header = (s: string): Block => ({ type: 'header', text: { type: 'plain_text', text: cut(scrub(s), 150), emoji: false } });
const context = (...lines: string[]): Block => ({ type: 'context', elements: lines.map(md) });

export function button(label: string, value: ActionValue, style?: 'primary'): ButtonElement {
  // action_id is unique per button of a message: op + its input.
  const id = `${ACTION_PREFIX}${value.op}:${Object.values(value.input).join(':')}`;
  return { type: 'button', text: { type: 'plain_text', text: cut(label, 75) }, action_id: cut(id, 255), value: JSON.stringify(value), ...(style ? { style } : {}) };
}

/** Pairs of fields in rows of a section (Slack lays fields out two to a row). */
function fieldSections(fields: MrkdwnText[], text?: string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    out.push({ type: 'section', ...(i === 0 && text ? { text: md(text) } : {}), fields: fields.slice(i, i + FIELDS_PER_SECTION) });
  }
  return out;
}

function message(text: string, blocks: Block[]): SlackMessage {
  return { text: cut(clean(text), 150), blocks: blocks.slice(0, 50) };
}

/** `segments`: one section per segment (name, summary; size, share, stability as fields) with a button to its card. */
export function segmentsView(r: { runId: string; customers: number; segments: SegmentRow[] }): SlackMessage {
  const blocks: Block[] = [header(`Run ${r.runId} — ${formatCount(r.customers)} customers`)];
  // Two blocks a segment, a header and a context: 24 segments fit one message (k is at most 12 by default).
  for (const s of r.segments.slice(0, 24)) {
    blocks.push({
      type: 'section',
      text: md(`*${s.id}. ${s.name}*${s.summary ? `\n${s.summary}` : ''}`),
      ...(s.small ? {} : { accessory: button('Open card', { op: 'show', input: { segment: s.id, run: r.runId } }) }),
    } as Block);
    blocks.push({ type: 'section', fields: [mdBold('Customers', `${formatCount(s.size)} (${formatShare(s.share)})`), mdBold('Stability', s.stability.toFixed(2))] });
  }
  blocks.push(context(`Texts by: ${[...new Set(r.segments.map((s) => s.writer).filter((w) => w !== '-'))].join(', ') || '-'} · \`/segmenta show N\` for one segment`));
  return message(`Run ${r.runId}: ${r.segments.length} segments`, blocks);
}

/** `show`: the segment card — who they are, the numbers as fields, the persona, and buttons for what to do next. */
export function segmentCardView(d: SegmentDetail): SlackMessage {
  const title = d.texts ? `Segment ${d.id}: ${d.texts.name}` : `Segment ${d.id} (under the minimum size: not described)`;
  const blocks: Block[] = [header(title)];
  if (d.texts) blocks.push({ type: 'section', text: md(d.texts.summary) });
  blocks.push(...fieldSections([
    mdBold('Customers', formatCount(d.size)),
    mdBold('Share', formatShare(d.share)),
    mdBold('Stability', d.profile.stability.toFixed(2)),
    ...(d.texts ? [mdBold('Written by', `${d.texts.writer.kind}${d.texts.writer.model ? ` (${d.texts.writer.model})` : ''}${d.texts.writer.fallback ? ' — offline fallback' : ''}`)] : []),
  ]));
  const facts = [...d.profile.numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 6);
  const cats = d.profile.categories.filter((c) => c.lift > 1.2).slice(0, 4);
  const factFields = [
    ...facts.map((f) => mdBold(f.feature, `${formatFeatureValue(f, f.mean)} vs ${formatFeatureValue(f, f.overallMean)} overall (${f.lift.toFixed(2)}×)`)),
    ...cats.map((c) => mdBold(`${c.column} = ${c.level}`, `${formatShare(c.share)} vs ${formatShare(c.overallShare)} overall`)),
  ];
  if (factFields.length) blocks.push({ type: 'divider' }, ...fieldSections(factFields, '*What sets them apart*'));
  if (d.profile.terms.length) blocks.push(context(`They write about: ${d.profile.terms.slice(0, 6).map((t) => t.term).join(', ')}`));
  if (d.texts) {
    const { persona, copy } = d.texts;
    blocks.push({ type: 'divider' }, { type: 'section', text: md(`*Persona — ${persona.archetype}*\n${persona.description}`) });
    blocks.push(...fieldSections([mdBold('Goals', persona.goals.join('\n')), mdBold('Pain points', persona.painPoints.join('\n')), mdBold('Channels', persona.channels.join(', ')), mdBold('Offer', copy.offer)]));
    const input = { segment: d.id, run: d.runId };
    blocks.push({
      type: 'actions',
      block_id: `segment-${d.id}`,
      elements: [
        button('Persona', { op: 'persona', input }),
        ...CHANNELS.map((c) => button(`Copy: ${c === 'sms' ? 'SMS' : c}`, { op: 'copy', input: { ...input, channel: c } })),
        button('Brief', { op: 'brief', input }, 'primary'),
      ],
    });
  }
  return message(title, blocks);
}

/** `compare`: the two segments as columns of fields, then the features where they differ most, one row each. */
export function compareView(r: CompareResult): SlackMessage {
  const head = (s: CompareResult['a']) => `#${s.id} ${s.name}`;
  const blocks: Block[] = [header(`${head(r.a)} vs ${head(r.b)}`)];
  blocks.push(...fieldSections([
    mdBold(head(r.a), `${formatCount(r.a.size)} customers (${formatShare(r.a.share)})${r.a.archetype ? `\n${r.a.archetype}` : ''}`),
    mdBold(head(r.b), `${formatCount(r.b.size)} customers (${formatShare(r.b.share)})${r.b.archetype ? `\n${r.b.archetype}` : ''}`),
  ]));
  // A row of the table is a pair of fields: the feature, then both values and the overall one.
  const rows = [
    ...r.features.map((f) => [f.feature, `#${r.a.id} ${formatFeatureValue(f, f.a)} · #${r.b.id} ${formatFeatureValue(f, f.b)} · overall ${formatFeatureValue(f, f.overall)}`]),
    ...r.categories.map((c) => [`${c.column} = ${c.level}`, `#${r.a.id} ${formatShare(c.a)} · #${r.b.id} ${formatShare(c.b)}`]),
  ];
  if (rows.length) blocks.push({ type: 'divider' }, ...fieldSections(rows.flatMap(([k, v]) => [md(`*${k}*`), md(v)]), '*Where they differ most*'));
  if (r.a.terms.length || r.b.terms.length) blocks.push(context(`#${r.a.id} write about: ${r.a.terms.join(', ') || '-'}`, `#${r.b.id} write about: ${r.b.terms.join(', ') || '-'}`));
  return message(`${head(r.a)} vs ${head(r.b)}`, blocks);
}

/** The rich view of an operation's result, when it has one. */
export function viewFor(op: string, result: unknown): SlackMessage[] | undefined {
  if (op === 'segments') return [segmentsView(result as Parameters<typeof segmentsView>[0])];
  if (op === 'show') return [segmentCardView(result as SegmentDetail)];
  if (op === 'compare') return [compareView(result as CompareResult)];
  return undefined;
}

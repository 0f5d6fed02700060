import type { Channel } from '../model/texts.js';
import { splitSegmentAndTopic } from '../ops/resolve.js';

/**
 * The `/segmenta` grammar: subcommand words → an operation name and its input. No work is
 * done here; the dispatcher runs the operation. Operations that read server files (segment,
 * inspect) are deliberately absent: a Slack user must not choose paths on the bot's machine.
 */
export type ParsedCommand =
  | { kind: 'op'; op: string; input: Record<string, unknown>; label: string }
  | { kind: 'help' }
  | { kind: 'usage'; text: string };

interface SubCommand {
  usage: string;
  help: string;
  op: string;
  /** Arguments (after the subcommand word) → operation input, or a usage message. */
  input(args: string[]): Record<string, unknown> | string;
}

// The copy operation's channels (its zod enum has the last word on what is valid).
const CHANNELS = ['email', 'sms', 'push', 'ad'] as const satisfies readonly Channel[];

const segmentArg = (args: string[]) => args.join(' ').trim();

export const SUBCOMMANDS: Record<string, SubCommand> = {
  segments: { usage: 'segments', help: "the current Run's segments: names, sizes, stability", op: 'segments', input: () => ({}) },
  show: {
    usage: 'show N',
    help: 'one segment: who they are, the numbers behind it, persona and copy',
    op: 'show',
    input: (a) => (segmentArg(a) ? { segment: segmentArg(a) } : 'which segment? e.g. `/segmenta show 2`'),
  },
  persona: {
    usage: 'persona N',
    help: "a segment's persona: goals, pain points, channels, evidence",
    op: 'persona',
    input: (a) => (segmentArg(a) ? { segment: segmentArg(a) } : 'which segment? e.g. `/segmenta persona 2`'),
  },
  copy: {
    usage: `copy N ${CHANNELS.join('|')}`,
    help: 'campaign copy for a segment and channel (all channels when none is given)',
    op: 'copy',
    input: (a) => {
      const last = a[a.length - 1]?.toLowerCase();
      const channel = (CHANNELS as readonly string[]).includes(last ?? '') ? last : undefined;
      const seg = segmentArg(channel ? a.slice(0, -1) : a);
      if (!seg) return `which segment? e.g. \`/segmenta copy 2 sms\` (channels: ${CHANNELS.join(', ')})`;
      return channel ? { segment: seg, channel } : { segment: seg };
    },
  },
  brief: {
    usage: 'brief N',
    help: "a segment's campaign brief (posted as a Markdown file)",
    op: 'brief',
    input: (a) => (segmentArg(a) ? { segment: segmentArg(a) } : 'which segment? e.g. `/segmenta brief 1`'),
  },
  quotes: {
    usage: 'quotes N TOPIC',
    help: 'what customers in a segment say about a topic: the closest quotes, PII removed',
    op: 'quotes',
    input: (a) => {
      const { segment, about } = splitSegmentAndTopic(a);
      return segment && about ? { segment, about } : 'which segment and topic? e.g. `/segmenta quotes 3 delivery`';
    },
  },
  compare: {
    usage: 'compare N M',
    help: 'two segments side by side',
    op: 'compare',
    input: (a) => (a.length === 2 ? { a: a[0], b: a[1] } : 'which two segments? e.g. `/segmenta compare 1 2`'),
  },
  changes: {
    usage: 'changes [RUN_A RUN_B]',
    help: 'what changed since the Run before: who moved, splits and new segments, drift',
    op: 'diff',
    input: (a) => (a.length === 0 ? {} : a.length === 2 ? { from: a[0], to: a[1] } : 'which Runs? `/segmenta changes` (the latest against the one before) or `/segmenta changes RUN_A RUN_B`'),
  },
  report: { usage: 'report', help: "the current Run's visual report (posted as an HTML file)", op: 'report', input: () => ({}) },
  eval: { usage: 'eval', help: 'how consistent and true to their members the names are', op: 'eval', input: () => ({}) },
  write: {
    usage: 'write',
    help: "re-write the current Run's names, personas and copy with the configured writer (the old texts are kept)",
    op: 'write',
    input: (a) => (a[0]?.toLowerCase() === 'resume' ? { resume: true } : {}),
  },
  doctor: { usage: 'doctor', help: "check the bot's LLM configuration: the server answers, the model exists", op: 'doctor', input: () => ({}) },
  runs: { usage: 'runs', help: 'the Runs in the workspace, newest first', op: 'runs', input: () => ({}) },
  use: {
    usage: 'use RUN',
    help: 'work on another Run in this channel (default: the latest)',
    op: 'use',
    input: (a) => (a[0] ? { run: a[0] } : 'which Run? `/segmenta runs` lists them'),
  },
};

/** Segment references are short; anything longer is a mistake or an attack, not a name. */
const MAX_TEXT = 200;

export function parseCommand(text: string): ParsedCommand {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length > MAX_TEXT) return { kind: 'usage', text: `that command is too long (over ${MAX_TEXT} characters). Try \`/segmenta help\`.` };
  const [word = '', ...args] = clean.split(' ');
  const name = word.toLowerCase();
  if (name === '' || name === 'help') return { kind: 'help' };
  const sub = SUBCOMMANDS[name];
  if (!sub) return { kind: 'usage', text: `I don't know \`${word}\`. Try one of: ${Object.keys(SUBCOMMANDS).join(', ')} — or \`/segmenta help\`.` };
  const input = sub.input(args);
  if (typeof input === 'string') return { kind: 'usage', text: input };
  return { kind: 'op', op: sub.op, input, label: clean };
}

/** The operations a Slack surface may run, by name (mentions are held to the same list). */
export const SLACK_OPS = new Set(Object.values(SUBCOMMANDS).map((s) => s.op));

export function helpText(): string {
  return [
    '*segmenta* — your customer segments, personas and campaign copy, from the latest Run.',
    ...Object.values(SUBCOMMANDS).map((s) => `• \`/segmenta ${s.usage}\` — ${s.help}`),
    '• `/segmenta help` — this list',
    'N is a segment number or a word of its name. Mention me with a plain request too, e.g. "@segmenta write an sms for the biggest segment".',
  ].join('\n');
}

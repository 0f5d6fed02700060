import { parseIntent } from '../agent/intent.js';
import { resolveRun } from '../run/store.js';
import type { RunFile } from '../run/types.js';
import type { Config } from '../config.js';
import { SLACK_OPS } from './commands.js';
import { BLOCKS_PER_MESSAGE, plainMessage, toMessages } from './blocks.js';
import type { Dispatcher, Reply } from './dispatch.js';

/** Mentions longer than this are cut before parsing: a request is a sentence, not a document. */
const MAX_MENTION = 500;

/** `<@U123> write an sms for segment 2` → `write an sms for segment 2` (Slack's user/channel/link markup removed). */
export function mentionText(raw: string): string {
  return raw
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(https?:[^|>]+)(\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MENTION);
}

/**
 * An @mention in plain words → the offline intent parser (deterministic: it reads only what the
 * user typed) → an operation through the same dispatcher as `/segmenta`. Operations Slack does
 * not allow (reading a server file: segment, inspect) are refused in plain words.
 * TODO(agent): when an LLM is configured, hand the text to src/agent's entry point with tools
 * limited to SLACK_OPS, once that entry point lands.
 */
export async function answerMention(text: string, channel: string, dispatcher: Dispatcher, config: Config): Promise<Reply> {
  const session = dispatcher.session(channel);
  const intent = parseIntent(text, { run: currentRun(config, session.runId), file: session.file });
  if (intent.kind === 'reply') {
    // The parser's help speaks REPL ("/help", "segment FILE"); point Slack users at /segmenta.
    return { ok: true, op: 'help', messages: toMessages(intent.text ? `${intent.text}\n\nIn Slack: \`/segmenta help\` lists the commands.` : 'Ask me about your segments, e.g. "show the biggest segment" — `/segmenta help` lists the commands.') };
  }
  if (!SLACK_OPS.has(intent.op)) {
    return { ok: false, op: intent.op, messages: [plainMessage(`I can't \`${intent.op}\` from Slack: it reads files on the machine segmenta runs on. Run \`segmenta ${intent.op} FILE\` there; I'll then work on the new Run.`)] };
  }
  const reply = await dispatcher.run(intent.op, intent.input, channel);
  if (reply.ok && intent.note) withNote(reply, intent.note);
  return reply;
}

/** "The biggest segment is #1 …" heads the answer it explains, in the same message when it fits. */
function withNote(reply: Reply, note: string): void {
  const head = plainMessage(note);
  const first = reply.messages[0];
  if (first?.blocks && first.blocks.length < BLOCKS_PER_MESSAGE) first.blocks.unshift(...head.blocks!);
  else reply.messages.unshift(head);
}

function currentRun(config: Config, runId: string | undefined): RunFile | undefined {
  try {
    return resolveRun(config.workspace, runId).run;
  } catch {
    return undefined; // no Run yet: the parser asks for one when it needs it
  }
}

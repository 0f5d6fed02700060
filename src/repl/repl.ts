import { setMaxListeners } from 'node:events';
import { createInterface, type Interface } from 'node:readline';
import type { Config } from '../config.js';
import { describeLlm } from '../config.js';
import { CancelledError } from '../errors.js';
import { ChatSession, type ChatIo } from './chat-session.js';
import { makeCompleter } from './completer.js';
import { appendHistory, loadHistory } from './history.js';
import { fitWidth, makeStyle } from './style.js';
import { looksLikeMarkdown, renderMarkdown } from './markdown.js';
import { Pager } from './pager.js';

const PROMPT = 'segmenta› ';

export interface ReplOptions {
  config: Config;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  /** Progress and status lines when not on a terminal (results stay alone on stdout). */
  errorOutput?: NodeJS.WritableStream;
  /** History file; false for none. Only used on a terminal. */
  historyPath?: string | false;
}

/**
 * `segmenta chat`. On a terminal: a prompt with tab completion, a history file, colour and
 * tables fitted to the width; Ctrl-C cancels the running step, and twice at an empty prompt
 * leaves. Piped: reads one command per line from stdin, echoes it after the prompt and prints the
 * results, so scripts and tests can drive it.
 */
export async function startRepl(options: ReplOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errorOutput = options.errorOutput ?? process.stderr;
  const tty = Boolean(input.isTTY && output.isTTY);
  const style = makeStyle(output);
  // On a terminal, Markdown (a brief, an agent's answer) is rendered and a long answer is cut
  // to a page with "/more" for the rest; piped, text stays as it is for scripts to read.
  const pager = new Pager(() => Math.max(8, (output.rows || 24) - 4), (text) => output.write(text + '\n'), (n) => style.dim(`… ${n} more line${n === 1 ? '' : 's'} — /more`));
  const forTerminal = (text: string) => {
    const width = output.columns || 80;
    return fitWidth(looksLikeMarkdown(text) ? renderMarkdown(text, { width: Math.min(width, 100), color: style.color }) : text, width);
  };
  const io: ChatIo = {
    print: (text) => (tty ? pager.show(forTerminal(text)) : output.write(text + '\n')),
    more: () => pager.more(),
    write: (chunk) => output.write(chunk),
    note: (line) => (tty ? output.write(style.dim(line) + '\n') : errorOutput.write(line + '\n')),
    style,
  };
  const chat = new ChatSession(options.config, io);
  await chat.startAgent();
  const historyPath = tty ? options.historyPath : false;

  const rl = createInterface({
    input,
    output: tty ? output : undefined,
    terminal: tty,
    completer: tty ? makeCompleter(chat) : undefined,
    history: historyPath ? loadHistory(historyPath) : [],
    historySize: 500,
    prompt: style.cyan(PROMPT),
  });

  for (const w of options.config.warnings) io.note(w);
  io.note(`segmenta chat — ${chat.usesAgent ? describeLlm(options.config) : 'offline: plain requests and /commands'}. /help lists commands, /exit leaves.`);

  let step: AbortController | undefined;
  let armed = false;
  const interrupt = () => {
    if (step) return step.abort(new CancelledError());
    if (!tty) return rl.close();
    if (rl.line) {
      // Ctrl-C with text typed clears the line, as in a shell.
      clearLine(rl);
      return rl.prompt();
    }
    if (armed) return rl.close();
    armed = true;
    io.note('(Ctrl-C again to leave, or /exit)');
    rl.prompt();
  };
  rl.on('SIGINT', interrupt);
  // Piped, Ctrl-C is a real signal: cancel the step, or leave when idle.
  if (!tty) process.on('SIGINT', interrupt);

  try {
    if (tty) rl.prompt();
    for await (const line of rl) {
      armed = false;
      // Piped, each command is echoed after the prompt so a transcript reads like a session.
      if (!tty && line.trim()) output.write(`${PROMPT}${line.trim()}\n`);
      if (historyPath && line.trim()) appendHistory(historyPath, line.trim());
      step = new AbortController();
      // One step may run many concurrent LLM requests (the writer), each listening for Ctrl-C.
      setMaxListeners(100, step.signal);
      const outcome = await chat.handle(line, step.signal);
      step = undefined;
      if (outcome === 'exit') break;
      if (tty) rl.prompt();
    }
  } finally {
    if (!tty) process.off('SIGINT', interrupt);
    rl.close();
  }
}

function clearLine(rl: Interface): void {
  // readline has no public "clear the typed text"; Ctrl-U does it through its own key handling.
  rl.write(null, { ctrl: true, name: 'u' });
}

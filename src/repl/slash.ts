import { copyOptions, type Intent } from '../agent/intent.js';
import { CHANNELS } from '../ops/copy.js';
import { splitSegmentAndTopic } from '../ops/resolve.js';
import { RENDER_WORDS } from '../ops/render-words.js';
import type { Language } from '../util/script.js';

/**
 * The REPL's slash commands: each turns its arguments into one operation call (an Intent),
 * exactly as the offline parser does for plain requests. /help and /exit are the session's own.
 */
export interface SlashCommand {
  name: string;
  usage: string;
  help: string;
  /** What tab completion offers for the argument being typed. */
  completes?: 'file' | 'segment' | 'run';
  toIntent?(args: string, session: { file?: string; lang?: Language }): Intent;
}

const op = (name: string, input: Record<string, unknown> = {}): Intent => ({ kind: 'op', op: name, input });
const ask = (text: string): Intent => ({ kind: 'reply', text });
/** "Usage: /copy N" in the session's language; `zh` is the Chinese of what follows the usage, if anything. */
const usage = (s: { lang?: Language }, u: string, en = '', zh = '', before: [string, string] = ['', '']): Intent =>
  ask(s.lang === 'zh' ? `${before[1]}用法：${u}${zh}` : `${before[0]}Usage: ${u}${en}`);
const words = (args: string) => args.split(/\s+/).filter(Boolean);

export const SLASH_COMMANDS: SlashCommand[] = [
  { name: 'help', usage: '/help', help: 'this list' },
  {
    name: 'load',
    usage: '/load FILE',
    help: "inspect a data file: columns, roles, data quality (and remember it for /segment)",
    completes: 'file',
    toIntent: (args, s) => (args ? op('inspect', { file: args }) : usage(s, '/load FILE')),
  },
  {
    name: 'segment',
    usage: '/segment [FILE] [k]',
    help: 'segment a file (the loaded one by default) into k groups (chosen automatically by default)',
    completes: 'file',
    toIntent: (args, session) => {
      const w = words(args);
      const k = w.length && /^\d+$/.test(w[w.length - 1]) ? Number(w.pop()) : undefined;
      const file = w.join(' ') || session.file;
      if (!file) return usage(session, '/segment FILE [k]', ' (or /load FILE first).', '（或先 /load FILE）。', ['Which file? ', '用哪个文件？']);
      return op('segment', { file, ...(k ? { k } : {}) });
    },
  },
  { name: 'segments', usage: '/segments', help: "list the current Run's segments", toIntent: () => op('segments') },
  {
    name: 'show',
    usage: '/show N',
    help: 'describe a segment (a number or a word of its name)',
    completes: 'segment',
    toIntent: (args) => (args ? op('show', { segment: args }) : op('segments')),
  },
  {
    name: 'persona',
    usage: '/persona N [rewrite]',
    help: "a segment's persona; 'rewrite' writes it afresh with the LLM",
    completes: 'segment',
    toIntent: (args, s) => {
      const w = words(args);
      const rewrite = w[w.length - 1] === 'rewrite' ? (w.pop(), true) : undefined;
      return w.length ? op('persona', { segment: w.join(' '), ...(rewrite ? { rewrite } : {}) }) : usage(s, '/persona N [rewrite]');
    },
  },
  {
    name: 'copy',
    usage: '/copy N [sms|email|push|ad] [tone, offer, language]',
    help: 'campaign copy for a segment; with a tone, offer or language it is written afresh ("/copy 2 sms playful, 20% off, in French")',
    completes: 'segment',
    toIntent: (args, s) => {
      const [segment, maybeChannel, ...rest] = words(args);
      if (!segment) return usage(s, '/copy N [sms|email|push|ad]');
      const channel = (CHANNELS as readonly string[]).includes(maybeChannel ?? '') ? maybeChannel : undefined;
      const extra = [channel ? '' : (maybeChannel ?? ''), ...rest].join(' ').trim();
      const { options } = copyOptions(extra.toLowerCase());
      if (extra && Object.keys(options).length === 0) options.tone = extra.slice(0, 60);
      return op('copy', { segment, ...(channel ? { channel } : {}), ...options });
    },
  },
  {
    name: 'brief',
    usage: '/brief [N]',
    help: "a segment's campaign brief (all briefs when no segment is given)",
    completes: 'segment',
    toIntent: (args) => op('brief', args ? { segment: args } : {}),
  },
  {
    name: 'compare',
    usage: '/compare A B',
    help: 'two segments side by side',
    completes: 'segment',
    toIntent: (args, s) => {
      const w = words(args);
      return w.length === 2 ? op('compare', { a: w[0], b: w[1] }) : usage(s, '/compare A B', ' (segment numbers or one-word names)', '（人群编号或名称里的一个词）');
    },
  },
  {
    name: 'export',
    usage: '/export [N]',
    help: 'export audiences (ids and hashed emails) for ad platforms',
    completes: 'segment',
    toIntent: (args) => op('export', args ? { segment: args } : {}),
  },
  {
    name: 'lookalike',
    usage: '/lookalike N',
    help: 'customers outside a segment who look most like it',
    completes: 'segment',
    toIntent: (args, s) => (args ? op('lookalike', { segment: args }) : usage(s, '/lookalike N')),
  },
  {
    name: 'quotes',
    usage: '/quotes N TOPIC',
    help: 'what customers in a segment say about a topic (scrubbed quotes)',
    completes: 'segment',
    toIntent: (args, s) => {
      const { segment, about } = splitSegmentAndTopic(words(args));
      return segment && about ? op('quotes', { segment, about }) : usage(s, '/quotes N TOPIC', ', e.g. /quotes 3 delivery', '，例如 /quotes 3 配送');
    },
  },
  { name: 'report', usage: '/report', help: "the current Run's HTML report", toIntent: () => op('report') },
  { name: 'eval', usage: '/eval', help: "run the evals on the current Run", toIntent: () => op('eval') },
  { name: 'write', usage: '/write [resume]', help: "re-write the current Run's names, personas and copy (e.g. after configuring an LLM)", toIntent: (args) => op('write', /resume/i.test(args) ? { resume: true } : {}) },
  { name: 'doctor', usage: '/doctor', help: 'check the LLM configuration (server, model, a structured call)', toIntent: () => op('doctor') },
  { name: 'runs', usage: '/runs', help: 'list the Runs in the workspace', toIntent: () => op('runs') },
  {
    name: 'use',
    usage: '/use RUN',
    help: 'work on another Run (an id or a unique prefix)',
    completes: 'run',
    toIntent: (args, s) => (args ? op('use', { run: args }) : usage(s, '/use RUN', ' (/runs lists them)', '（/runs 列出全部）')),
  },
  { name: 'more', usage: '/more', help: 'the rest of a long answer' },
  { name: 'exit', usage: '/exit', help: 'leave (Ctrl-D works too)' },
];

export function findSlash(name: string): SlashCommand | undefined {
  const n = name.toLowerCase();
  if (n === 'quit' || n === 'q') return SLASH_COMMANDS.find((c) => c.name === 'exit');
  if (n === 'inspect') return SLASH_COMMANDS.find((c) => c.name === 'load');
  return SLASH_COMMANDS.find((c) => c.name === n);
}

/** The /help list in the session's language (the command names and usages stay as typed). */
export function slashHelp(llm: boolean, lang: Language = 'en'): string {
  const w = Math.max(...SLASH_COMMANDS.map((c) => c.usage.length));
  const words = RENDER_WORDS[lang].chat;
  return [
    words.helpTitle,
    ...SLASH_COMMANDS.map((c) => `  ${c.usage.padEnd(w)}  ${words.help[c.name] ?? c.help}`),
    '',
    words.helpPlain(llm),
    lang === 'zh' ? 'Ctrl-C 取消当前步骤；在空提示符下连按两次 Ctrl-C（或 /exit）退出。' : 'Ctrl-C cancels the current step; Ctrl-C twice at an empty prompt (or /exit) leaves.',
  ].join('\n');
}

import type { RunFile } from '../model/run.js';
import { pickSegment, valueFeature, type Superlative } from '../ops/pick-segment.js';
import type { Channel } from '../model/texts.js';
import { didYouMean } from './did-you-mean.js';
import { writerLanguageNamed, type Language } from '../util/script.js';
import { formatCount } from '../util/format.js';
import { zhLabel } from '../write/labels-zh.js';
import { RENDER_WORDS } from '../ops/render-words.js';
import { segmentWordsZh } from '../ops/resolve.js';
import { INTENT_WORDS } from './intent-words.js';

/**
 * The offline intent parser: plain requests → one operation and its input, deterministically.
 * It reads only what the user typed — never an operation's output or customer text — so no
 * review ("Ignore previous instructions…") can ever become a command.
 */
export type Intent =
  | { kind: 'op'; op: string; input: Record<string, unknown>; note?: string }
  | { kind: 'reply'; text: string };

export interface IntentContext {
  /** The session's current Run (or the latest), to resolve "the biggest segment". */
  run?: RunFile;
  /** The file last loaded in the session, for "segment it" / "split into 4 groups". */
  file?: string;
  /** True when an LLM writes the texts (other languages and any tone are then possible). */
  llm?: boolean;
  /** The language the chat answers in (--lang, else the Run's); English by default. */
  lang?: Language;
}

export const OFFLINE_EXAMPLES = [
  'segment examples/customers.csv   (or: split my customers in data.csv into 5 groups)',
  'inspect data.csv                 (columns, roles and data quality)',
  'list segments                    (or: what segments do I have?)',
  'show 3 / who is segment 3? / tell me about the bargain hunters',
  'persona 2',
  'write an email for the biggest segment / sms for segment 2 (tone, offer, language optional)',
  'brief for the lapsed ones / brief 1',
  'compare 1 and 2',
  'export audience for segment 2 / lookalikes of segment 1 / report',
  'what do lapsed customers say about delivery? / quotes from segment 3 about prices',
  'refresh with feb.csv / what changed since last month?   (segments keep their ids and names)',
  'eval / runs / use RUN / rewrite (the texts) / doctor',
];

export function offlineHelp(lang: Language = 'en'): string {
  if (lang !== 'en') return INTENT_WORDS[lang].help.join('\n');
  return [
    'Offline (no LLM configured) I understand requests like:',
    ...OFFLINE_EXAMPLES.map((e) => `  ${e}`),
    'Slash commands work too (/help lists them). Set OPENAI_API_KEY (and OPENAI_BASE_URL for any',
    'OpenAI-compatible server) to chat freely with an LLM agent.',
  ].join('\n');
}

const FILE = /(?:"([^"]+\.(?:csv|tsv|jsonl|ndjson|json|parquet))"|'([^']+\.(?:csv|tsv|jsonl|ndjson|json|parquet))'|([^\s"',;]+\.(?:csv|tsv|jsonl|ndjson|json|parquet)))(?=$|[\s?!.,;])/i;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const NUM = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;

/**
 * What the user asked for, and — in the intent's note — what of it cannot be honoured, so
 * nothing is ignored silently: another language outside copy (segments are described in
 * English), or a language or tone the offline writer does not have.
 */
export function parseIntent(raw: string, ctx: IntentContext = {}): Intent {
  const intent = parseRequest(raw, ctx);
  if (intent.kind !== 'op') return intent;
  const t = raw.toLowerCase();
  const language = new RegExp(`\\b(?:in|into)\\s+(${LANGUAGES.filter((l) => l !== 'english').join('|')})\\b`).exec(t)?.[1];
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  const runLang: Language = ctx.run?.config.lang ?? 'en';
  // The chat's language (--lang, else the Run's) for what is said back.
  const iw = INTENT_WORDS[ctx.lang ?? runLang];
  const names = iw.languageNames;
  const written = Object.values(names).join(iw.and);
  // How to ask for copy of this segment in that language: "sms for segment 2 in French".
  const seg = intent.input.segment;
  const words = String(seg ?? '').replace(new RegExp(`\\b(?:in|into)?\\s*${language ?? String(intent.input.language ?? '').toLowerCase()}\\b`, 'i'), '').trim();
  const target = iw.target(words);
  let caveat: string | undefined;
  if (language && intent.op !== 'copy') {
    const named = writerLanguageNamed(language);
    if (!named) {
      caveat = iw.notWritten(cap(language), written, names[runLang], target);
    } else if (named !== runLang) {
      caveat = iw.runIsIn(names[runLang], cap(language), target, named);
    }
  } else if (intent.op === 'copy' && !ctx.llm) {
    const tone = intent.input.tone as string | undefined;
    const asked = intent.input.language ? String(intent.input.language) : undefined;
    if (asked && !writerLanguageNamed(asked)) {
      // Said once, instead of the operation's own refusal after it.
      return { kind: 'reply', text: iw.offlineLanguage(written, asked, target) };
    } else if (tone && !OFFLINE_TONES.test(tone)) {
      caveat = iw.offlineTone(tone);
    }
  }
  return caveat ? { ...intent, note: joinNotes(intent.note, caveat) } : intent;
}


// The tones the offline writer tells apart (write/offline-copy.ts toneOf); others read as friendly.
const OFFLINE_TONES = /friend|warm|kind|play|fun|cheek|witty|casual|light|formal|profession|serious|elegant|premium|polite|urgen|fomo|scarc|bold|pushy|direct/i;

/**
 * A Chinese request in the English words the parser reads: the verb (显示, 简报, 对比, 短信…)
 * and the segment through the resolver's Chinese words (ops/segments.ts segmentWordsZh:
 * 第2个人群 → 2, 最有价值的人群 → most valuable). Undefined when the text is not Chinese
 * or names no request; a word of a name ("沉睡") is kept for the resolver to match.
 */
export function readChinese(raw: string): string | undefined {
  const t = raw.trim().replace(/[？?！!。.]+$/u, '');
  if (!/\p{Script=Han}/u.test(t) || FILE.test(t)) return undefined;
  const ref = (s: string) => {
    const words = s.replace(/显示|看看|看一下|查看|介绍(一下)?|说说|讲讲|给我|帮我|请|一下|写(一条|一封|一个|个)?|生成|做(一份|个)?|的|是谁|是什么|详情|情况|人群里|为|给|吧/gu, ' ').trim();
    const read = segmentWordsZh(words);
    return read === words ? words.replace(/[人客]群$|分群$/u, '').trim() || words : read;
  };
  if (/^(帮助|怎么用|你能做什么|有什么命令)/u.test(t)) return 'help';
  if (/(所有|全部|有哪些|列出|列表|几个).*(人群|客群|分群)|^(人群|客群|分群)(列表)?$/u.test(t)) return 'list segments';
  // "人群3的客户怎么说配送" / "沉睡客户对价格怎么评价": a segment and a topic (the quotes operation).
  const says = /^(.+?)(?:的客户|的人)?(?:怎么说|怎么评价|怎么看|说了什么)(.+)$/u.exec(t) ?? /^(.+?)对(.+?)(?:怎么说|怎么评价|怎么看|有什么评价)$/u.exec(t);
  if (says && says[2].trim()) return `what do ${ref(says[1]) || 'them'} say about ${says[2].replace(/^(关于|对)/u, '').trim()}`;
  const cmp = /(?:对比|比较)\s*(.+?)\s*(?:和|与|跟|同|vs)\s*(.+)$/u.exec(t);
  if (cmp) return `compare ${ref(cmp[1])} and ${ref(cmp[2])}`;
  const what = (re: RegExp) => ref(t.replace(re, ' '));
  if (/简报/u.test(t)) return `brief ${what(/简报/gu)}`.trim();
  if (/画像/u.test(t)) return `persona ${what(/用户画像|画像/gu)}`;
  const channel = /短信/u.test(t) ? 'sms' : /邮件/u.test(t) ? 'email' : /推送/u.test(t) ? 'push' : /广告/u.test(t) ? 'ad' : /文案|营销/u.test(t) ? 'copy' : undefined;
  if (channel) return `${channel} for ${what(/短信|邮件|推送|广告|营销文案|文案|营销/gu)}`;
  if (/报告/u.test(t)) return 'report';
  if (/评估|评测/u.test(t)) return 'eval';
  if (/导出/u.test(t)) return `export ${what(/导出|人群包/gu)}`.trim();
  if (/相似|类似|长得像/u.test(t)) return `lookalikes of ${what(/相似人群|相似|类似|长得像/gu)}`;
  const r = ref(t);
  if (/显示|看看|查看|介绍|说说|讲讲|是谁|详情/u.test(t) || r !== t) return `show ${r}`;
  return undefined;
}

function parseRequest(raw: string, ctx: IntentContext): Intent {
  const chinese = readChinese(raw);
  const iw = INTENT_WORDS[ctx.lang ?? ctx.run?.config.lang ?? 'en'];
  if (chinese === 'help') return { kind: 'reply', text: offlineHelp(ctx.lang ?? ctx.run?.config.lang ?? 'en') };
  const text = (chinese ?? raw).trim().replace(/[?!.]+$/, '');
  const t = text.toLowerCase();
  if (!t) return { kind: 'reply', text: '' };
  if ((/^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|thanks|thank you)\b/.test(t) && t.split(/\s+/).length <= 4) || /^(你好|您好|嗨|谢谢)/.test(t)) {
    return { kind: 'reply', text: iw.hello };
  }
  if (/^(help|\?|what can you do|what do you do|commands|how does this work)\b/.test(t)) return { kind: 'reply', text: offlineHelp(ctx.lang ?? ctx.run?.config.lang ?? 'en') };

  const fileMatch = FILE.exec(text);
  const file = fileMatch ? (fileMatch[1] ?? fileMatch[2] ?? fileMatch[3]) : undefined;
  const wantsSegmenting = /\b(segment|split|cluster|group|divide|bucket)\w*\b/.test(t) && !/\b(inspect|schema|columns|quality)\b/.test(t);
  if (file) {
    if (/\b(refresh|update|since (the )?(last|latest|previous))\b/.test(t)) return { kind: 'op', op: 'refresh', input: { file } };
    if (!wantsSegmenting && /\b(inspect|look at|check|load|schema|columns|quality|what'?s in|describe)\b/.test(t)) return { kind: 'op', op: 'inspect', input: { file } };
    return { kind: 'op', op: 'segment', input: { file, ...kOf(t) } };
  }

  if (/^(list |show |my |all )?runs$|\b(what|which|previous|earlier|past|list( my)?) runs\b/.test(t)) return { kind: 'op', op: 'runs', input: {} };
  const use = /^(?:use|open|switch to|load)\s+(?:run\s+)?([\w-]*\d[\w-]*|latest)$/.exec(t);
  if (use) return { kind: 'op', op: 'use', input: { run: use[1] } };

  if (/^(diff|changes)$|\bwhat (has )?changed\b|\bwhat'?s changed\b|\bwho moved\b/.test(t)) return { kind: 'op', op: 'diff', input: {} };
  if (/^refresh( (the )?(segments|latest( run)?|run))?$/.test(t)) return { kind: 'op', op: 'refresh', input: {} };
  if (/^(doctor|check (the |my )?(llm|model|server|setup|config\w*))$|\bis (the |my )?(llm|model) (working|configured|set up)\b/.test(t)) return { kind: 'op', op: 'doctor', input: {} };
  if (/^(re-?write|write again|regenerate)( (all|the|my))*( (texts|names|personas|segments|copy))*$|^write( --)? resume$/.test(t)) {
    return { kind: 'op', op: 'write', input: /resume/.test(t) ? { resume: true } : {} };
  }
  if (/^(eval|evals|evaluate|run (the )?evals?)\b|\bhow good are (the|my) (segments|names)\b/.test(t)) return { kind: 'op', op: 'eval', input: {} };

  // "what do lapsed customers say about delivery?", "what is segment 3 saying about prices",
  // "quotes from the bargain hunters about the app": a segment and a topic.
  const says =
    /^(?:what|how)\s+(?:do|does|did|are|is)\s+(.+?)\s+(?:say|saying|said|think|thinking|feel|write|writing|complain|complaining)\s+(?:about|of|on)\s+(.+)$/.exec(t) ??
    /^(?:quotes?|reviews?|comments?)\s+(?:from|of|by|for|in)\s+(.+?)\s+(?:about|on|mentioning)\s+(.+)$/.exec(t);
  if (says) {
    const r = segmentRef(says[1], ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    if (r.ref === undefined) return ask(iw.whichQuotes);
    return { kind: 'op', op: 'quotes', input: { segment: r.ref, about: says[2].replace(/^(the|our|my)\s+/, '').trim() }, note: r.note };
  }

  const compare = /\bcompare\s+(.+?)\s+(?:and|with|to|vs\.?|versus|against)\s+(.+)$/.exec(t) ?? /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/.exec(t) ?? /^compare\s+(\S+)\s+(\S+)$/.exec(t);
  if (compare) {
    const a = segmentRef(compare[1], ctx.run, ctx.lang);
    const b = segmentRef(compare[2], ctx.run, ctx.lang);
    if ('reply' in a) return a.reply;
    if ('reply' in b) return b.reply;
    if (a.ref === undefined || b.ref === undefined) return ask(iw.whichTwo);
    return { kind: 'op', op: 'compare', input: { a: a.ref, b: b.ref }, note: joinNotes(a.note, b.note) };
  }

  if (/\b(html )?report\b/.test(t)) return { kind: 'op', op: 'report', input: {} };
  if (/\b(export|audiences?|upload)\b/.test(t)) {
    const r = segmentRef(t.replace(/\b(export|audiences?|upload|csv|json)\b/g, ' '), ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    return { kind: 'op', op: 'export', input: r.ref === undefined ? {} : { segment: r.ref }, note: r.note };
  }
  if (/\b(look-?alikes?|similar customers|customers like)\b/.test(t)) {
    const r = segmentRef(t.replace(/\b(look-?alikes?|similar|like)\b/g, ' '), ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    if (r.ref === undefined) return ask(iw.whichLookalike);
    return { kind: 'op', op: 'lookalike', input: { segment: r.ref }, note: r.note };
  }

  if (/\bbriefs?\b/.test(t)) {
    const r = segmentRef(t.replace(/\bbriefs?\b/, ' '), ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    return { kind: 'op', op: 'brief', input: r.ref === undefined ? {} : { segment: r.ref }, note: r.note };
  }

  const channel = channelOf(t);
  if (channel !== undefined) {
    const { options, rest } = copyOptions(t);
    const r = segmentRef(rest, ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    if (r.ref === undefined) return ask(iw.whichCopy);
    return { kind: 'op', op: 'copy', input: { segment: r.ref, ...(channel === 'all' ? {} : { channel }), ...options }, note: r.note };
  }

  if (/\bpersonas?\b/.test(t)) {
    const r = segmentRef(t, ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    if (r.ref === undefined) return ask(iw.whichPersona);
    return { kind: 'op', op: 'persona', input: { segment: r.ref, ...(/\b(rewrite|re-write|regenerate|new|fresh)\b/.test(t) ? { rewrite: true } : {}) }, note: r.note };
  }

  if (/^(list|show|see|what|which|all|my)\b.*\b(segments|groups|clusters)\b|^(segments|groups|clusters)$/.test(t)) return { kind: 'op', op: 'segments', input: {} };

  if (/^(show|describe|who|tell me|what about|details|explain|about|info)\b|\b(segment|group|cluster)\s*#?\d+\b|^#?\d{1,3}$/.test(t) || superlativeOf(t)) {
    const r = segmentRef(t, ctx.run, ctx.lang);
    if ('reply' in r) return r.reply;
    if (r.ref !== undefined) return { kind: 'op', op: 'show', input: { segment: r.ref }, note: r.note };
    if (/^(show|describe|tell me)\b/.test(t)) return { kind: 'op', op: 'segments', input: {} };
  }

  if (wantsSegmenting) {
    if (ctx.file) return { kind: 'op', op: 'segment', input: { file: ctx.file, ...kOf(t) } };
    return ask(iw.whichFile);
  }

  return { kind: 'reply', text: didYouMean(raw.trim(), ctx.lang) };
}

function ask(text: string): Intent {
  return { kind: 'reply', text };
}

function kOf(t: string): { k?: number } {
  const m = new RegExp(`\\b(?:into|in|k\\s*=?)\\s*${NUM}\\b|\\b${NUM}\\s+(?:groups|segments|clusters|buckets|personas)\\b`).exec(t);
  const v = m?.[1] ?? m?.[2];
  if (!v) return {};
  return { k: NUMBER_WORDS[v] ?? Number(v) };
}

/** Which channel a request asks copy for: one, 'all' ("write copy for…"), or none. */
function channelOf(t: string): Channel | 'all' | undefined {
  if (/\b(e-?mails?|newsletters?|mail)\b/.test(t)) return 'email';
  if (/\b(sms|texts?( message)?)\b/.test(t)) return 'sms';
  if (/\b(push|notifications?)\b/.test(t)) return 'push';
  if (/\b(ads?|adverts?|advertisements?|banners?|headlines?)\b/.test(t)) return 'ad';
  if (/\b(copy|campaign|messages?|write|draft)\b/.test(t)) return 'all';
  return undefined;
}

const LANGUAGES = ['english', 'french', 'spanish', 'german', 'italian', 'portuguese', 'dutch', 'polish', 'swedish', 'danish', 'norwegian', 'finnish', 'japanese', 'chinese', 'korean', 'arabic', 'hindi', 'turkish', 'russian', 'greek', 'czech'];
const TONES = ['playful', 'friendly', 'formal', 'casual', 'urgent', 'warm', 'professional', 'fun', 'luxurious', 'witty', 'serious', 'upbeat', 'cheeky', 'calm', 'bold', 'elegant', 'empathetic'];

/** Tone, offer and language from a copy request; `rest` is the request without them. */
export function copyOptions(t: string): { options: { tone?: string; offer?: string; language?: string }; rest: string } {
  let rest = t;
  const take = (re: RegExp): string | undefined => {
    const m = re.exec(rest);
    if (!m) return undefined;
    rest = rest.replace(m[0], ' ');
    return m[1].trim();
  };
  // Language and tone first, so an offer ("20% off") does not swallow "in French".
  const language = take(new RegExp(`\\bin\\s+(${LANGUAGES.join('|')})\\b`));
  const tone = take(/\b(?:in an?|with an?|using an?)\s+([a-z-]+)\s+tone\b/) ?? take(/\btone\s*:?\s*([a-z-]+)/) ?? take(new RegExp(`\\b(${TONES.join('|')})\\b`));
  const offer =
    take(/\boffer(?:ing)?\s*:?\s*"([^"]+)"/) ??
    take(/\b(?:with|offering|offer:?)\s+(?:an?\s+)?(\d+\s?%\s*off(?:\s+[^,;]*?)?|free (?:shipping|delivery|gift|trial)(?:\s+[^,;]*?)?)(?=$|[,;])/) ??
    take(/\b(\d+\s?%\s*off(?:\s+[^,;]*?)?|free (?:shipping|delivery|gift|trial)(?:\s+[^,;]*?)?)(?=$|[,;])/);
  const options: { tone?: string; offer?: string; language?: string } = {};
  if (tone) options.tone = tone;
  if (offer) options.offer = offer;
  if (language) options.language = language[0].toUpperCase() + language.slice(1);
  return { options, rest };
}

function superlativeOf(t: string): Superlative | undefined {
  if (/\b(biggest|largest)\b/.test(t)) return 'biggest';
  if (/\bsmallest\b/.test(t)) return 'smallest';
  if (/\b(least valuable|lowest[- ]spend\w*|cheapest)\b/.test(t)) return 'least valuable';
  if (/\b(most valuable|highest[- ]spend\w*|top spenders|best customers|most profitable|big spenders|vips?)\b/.test(t)) return 'most valuable';
  return undefined;
}

// Words that say what to do, not which segment: dropped before matching a segment's name.
const FILLER = new Set(
  ('the a an for to of about me tell who is are was segment segments seg group groups cluster clusters ones one people customers folks those these them that ' +
    'please write show describe persona personas brief briefs copy email sms push ad ads what with and in on my our give make create draft new some campaign ' +
    'message messages send can you i want need us see details explain info like look rewrite fresh generate regenerate number no their they do does get ' +
    'text texts notification notifications newsletter mail e-mail emails advert headline let s how')
    .split(' '),
);

type RefResult = { ref?: string | number; note?: string } | { reply: Intent };

/** Which segment a phrase names: a superlative, a number, or the words left that may match a name. */
function segmentRef(phrase: string, run: RunFile | undefined, lang: Language = 'en'): RefResult {
  const sup = superlativeOf(phrase);
  if (sup) {
    if (!run) return { reply: ask(INTENT_WORDS[lang].noRun) };
    try {
      const seg = pickSegment(run, sup);
      const feature = sup.endsWith('valuable') ? (valueFeature(run) ?? '') : '';
      // Chinese names the feature by its Chinese label (or the column, quoted as data).
      const by = feature && lang === 'zh' ? zhLabel(run.labels, feature) : feature;
      return { ref: seg.id, note: RENDER_WORDS[lang].chat.picked(sup, by, seg.id, seg.texts?.name ?? '', formatCount(seg.size, lang)) };
    } catch (err) {
      return { reply: ask((err as Error).message) };
    }
  }
  const num = /(?:\b(?:segment|seg|group|cluster|number|no\.?)\s*#?|#)(\d{1,3})\b/.exec(phrase) ?? /(?:^|\s)(\d{1,3})(?=$|\s)/.exec(phrase);
  if (num) return { ref: Number(num[1]) };
  // Chinese words of a name ("沉睡") are kept for the resolver, which matches them inside names.
  const words = phrase
    .replace(/[^\p{Script=Han}a-z0-9'\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= (/\p{Script=Han}/u.test(w) ? 2 : 3) && !FILLER.has(w));
  return words.length ? { ref: words.join(' ') } : {};
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const n = notes.filter(Boolean).join(' ');
  return n || undefined;
}

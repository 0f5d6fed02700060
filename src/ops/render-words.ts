import type { Language } from '../util/script.js';
import type { OpContext } from './operation.js';
import type { RunFile } from '../model/run.js';
import { OP_WORDS, type OpWords } from './op-words.js';

/**
 * The fixed words of what the chat and the CLI print for show, compare and brief, and of the
 * offline chat's own replies, per language. The texts inside (names, personas, copy) are the
 * writer's, already in the Run's language. The words of the other operations' answers are in
 * op-words.ts, one table per language, part of these.
 */
export interface RenderWords extends OpWords {
  segment: (id: number, name?: string) => string;
  small: (id: number) => string;
  sizeLine: (customers: string, share: string, stability: string) => string;
  apart: string;
  versus: (v: string, all: string, lift: string) => string;
  levelVersus: (column: string, level: string, share: string, all: string) => string;
  writeAbout: (terms: string) => string;
  persona: (archetype: string) => string;
  goals: string;
  pains: string;
  channels: string;
  offer: string;
  email: string;
  sms: string;
  push: string;
  ad: string;
  writtenBy: (writer: string, fallback: boolean) => string;
  /** `show N`: the segment's earlier texts kept in the Run (textsHistory). */
  earlier: (count: number) => string;
  earlierLine: (at: string, writer: string, name: string, changed: string) => string;
  compare: { customers: string; share: string; persona: string; differ: string; feature: string; overall: string; category: string; writeAbout: (id: number, terms: string) => string; small: string };
  /** `segments`: the Run's segments as a table. */
  list: { title: (runId: string, customers: string) => string; header: string[]; small: string; writer: (kind: string, fallback: boolean) => string };
  savedAt: (path: string) => string;
  briefsWritten: (path: string) => string;
  chat: {
    hello: string;
    unknownSlash: (name: string) => string;
    nothingMore: string;
    notAvailable: (op: string) => string;
    /** The /help list: its heading, each command's line by name, and the closing lines. */
    helpTitle: string;
    help: Record<string, string>;
    helpPlain: (llm: boolean) => string;
    /** The offline parser did not understand: two requests it would (in this language's words). */
    didYouMean: (shown: string, a: string, b: string) => string;
    examples: Record<string, string>;
    /** How a superlative was read: "The most valuable segment is #2 …". */
    picked: (which: string, by: string, id: number, name: string, customers: string) => string;
  };
  /** The resolver's errors, in the Run's language. */
  resolve: {
    noNumber: (n: number, run: string, count: number) => string;
    several: (ref: string, ids: string, names: string) => string;
    noMatch: (ref: string, run: string, names: string) => string;
    tooSmall: (id: number, size: number, min: number) => string;
    notDescribed: string;
    comma: string;
  };
}

export const RENDER_WORDS: Record<Language, RenderWords> = {
  en: {
    ...OP_WORDS.en,
    segment: (id, name) => (name ? `Segment ${id}: ${name}` : `Segment ${id}`),
    small: (id) => `Segment ${id} (under the minimum size: not described)`,
    sizeLine: (n, s, st) => `${n} customers, ${s} of all; stability ${st}`,
    apart: 'What sets them apart:',
    versus: (v, all, lift) => `${v} vs ${all} overall (${lift}×)`,
    levelVersus: (c, l, s, all) => `${c} = ${l}: ${s} vs ${all} overall`,
    writeAbout: (t) => `they write about: ${t}`,
    persona: (a) => `Persona — ${a}`,
    goals: 'goals',
    pains: 'pain points',
    channels: 'channels',
    offer: 'Offer',
    email: 'email',
    sms: 'sms',
    push: 'push',
    ad: 'ad',
    writtenBy: (w, fb) => `written by: ${w}${fb ? ' — offline fallback' : ''}`,
    earlier: (n) => `Earlier texts (${n}, kept in the Run):`,
    earlierLine: (at, w, name, changed) => `  ${at}  ${w}  "${name}" — then changed: ${changed || 'nothing'}`,
    compare: { customers: 'customers', share: 'share', persona: 'persona', differ: 'Where they differ most:', feature: 'feature', overall: 'overall', category: 'category', writeAbout: (id, t) => `#${id} write about: ${t}`, small: '(under the minimum size)' },
    list: {
      title: (id, n) => `Run ${id} — ${n} customers`,
      header: ['#', 'name', 'size', 'share', 'stability', 'writer'],
      small: '(under the minimum size)',
      writer: (kind, fb) => (fb ? 'offline (fallback)' : kind),
    },
    savedAt: (p) => `(saved at ${p})`,
    briefsWritten: (p) => `Briefs written: ${p}`,
    chat: {
      hello: 'Hi! Ask me about your segments, e.g. "show biggest", "brief most valuable" or "compare 1 and 2". /help lists everything.',
      unknownSlash: (n) => `Unknown command /${n}. /help lists them.`,
      nothingMore: 'Nothing more to show.',
      notAvailable: (op) => `"${op}" is not available in this version of segmenta.`,
      helpTitle: 'Commands:',
      // English help lines are the slash commands' own (repl/slash.ts).
      help: {},
      helpPlain: (llm) =>
        llm
          ? 'Or ask in plain words ("who are my best customers?", "write an SMS for the lapsed ones").'
          : 'Or ask in plain words: "segment data.csv", "who is segment 3?", "write an email for the biggest segment".\nNo LLM is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL) for free chat.',
      didYouMean: (shown, a, b) => `I did not catch "${shown}". Did you mean "${a}" or "${b}"?\n/help lists everything; with an LLM configured (OPENAI_API_KEY) I understand free chat.`,
      examples: {},
      picked: (which, by, id, name, n) => `The ${which} segment${by ? ` by average ${by}` : ''} is #${id}${name ? ` ${name}` : ''} (${n} customers).`,
    },
    resolve: {
      noNumber: (n, run, count) => `no segment ${n} in Run ${run}: it has segments 1–${count}.`,
      several: (ref, ids, names) => `"${ref}" matches several segments (${ids}); say which: ${names}.`,
      noMatch: (ref, run, names) => `no segment matches "${ref}" in Run ${run}. Segments: ${names}.`,
      tooSmall: (id, size, min) => `segment ${id} has ${size} customers, under the minimum of ${min}: it is not described or exported.`,
      notDescribed: '(not described)',
      comma: ', ',
    },
  },
  zh: {
    ...OP_WORDS.zh,
    segment: (id, name) => (name ? `人群 ${id}：${name}` : `人群 ${id}`),
    small: (id) => `人群 ${id}（低于最小人数：不描述）`,
    sizeLine: (n, s, st) => `${n}位客户，占全部客户的${s}；稳定性 ${st}`,
    apart: '与众不同之处：',
    versus: (v, all, lift) => `${v}，整体为${all}（${lift}倍）`,
    // The column comes as its Chinese label, or already quoted as data (write/labels-zh.ts).
    levelVersus: (c, l, s, all) => `${c}为「${l}」：${s}，整体为${all}`,
    writeAbout: (t) => `他们常说：${t}`,
    persona: (a) => `用户画像 — ${a}`,
    goals: '诉求',
    pains: '痛点',
    channels: '渠道',
    offer: '活动方案',
    email: '邮件',
    sms: '短信',
    push: '推送',
    ad: '广告',
    writtenBy: (w, fb) => `撰写：${w === 'offline' ? '离线撰写' : w}${fb ? '（离线兜底）' : ''}`,
    earlier: (n) => `早先的文案（${n} 版，保存在本次运行中）：`,
    earlierLine: (at, w, name, changed) => `  ${at}  ${w === 'offline' ? '离线撰写' : w}  「${name}」— 之后改动：${changed || '无'}`,
    compare: { customers: '人数', share: '占比', persona: '用户画像', differ: '差异最大的指标：', feature: '指标', overall: '全部客户', category: '类别', writeAbout: (id, t) => `#${id} 常说：${t}`, small: '（低于最小人数）' },
    list: {
      title: (id, n) => `Run ${id} — ${n}位客户`,
      header: ['#', '名称', '人数', '占比', '稳定性', '撰写'],
      small: '（低于最小人数）',
      writer: (kind, fb) => (fb ? '离线撰写（兜底）' : kind === 'offline' ? '离线撰写' : kind === 'llm' ? '大模型' : kind),
    },
    savedAt: (p) => `（已保存到 ${p}）`,
    briefsWritten: (p) => `简报已生成：${p}`,
    chat: {
      hello: '你好！可以问我关于人群的问题，例如“show biggest”（最大的人群）、“brief most valuable”（价值最高人群的简报）或“compare 1 and 2”（对比人群 1 和 2）。输入 /help 查看全部命令。',
      unknownSlash: (n) => `没有 /${n} 这个命令。输入 /help 查看全部命令。`,
      nothingMore: '没有更多内容了。',
      notAvailable: (op) => `这个版本的 segmenta 不支持“${op}”。`,
      helpTitle: '命令：',
      help: {
        help: '本列表',
        load: '查看数据文件：字段、角色和数据质量（并记住它，供 /segment 使用）',
        segment: '把文件（默认是已加载的文件）分成 k 个人群（默认自动选择 k）',
        segments: '列出当前 Run 的人群',
        show: '介绍一个人群（编号或名称里的一个词）',
        persona: '人群的用户画像；加 rewrite 用 LLM 重写',
        copy: '人群的营销文案；可指定语气、优惠或语言，重新撰写（"/copy 2 sms 活泼, 满100减20"）',
        brief: '人群的营销简报（不指定人群则生成全部简报）',
        compare: '对比两个人群',
        export: '导出投放人群包（客户 ID 和哈希邮箱）',
        lookalike: '人群之外最像这个人群的客户（相似人群）',
        quotes: '人群里的客户怎么说某个话题（已脱敏的原话）',
        report: '当前 Run 的 HTML 报告',
        eval: '对当前 Run 运行评估',
        write: '重写当前 Run 的名称、画像和文案（例如配置好 LLM 之后）',
        doctor: '检查 LLM 配置（服务器、模型、一次结构化调用）',
        runs: '列出工作区里的 Run',
        use: '切换到另一个 Run（ID 或唯一前缀）',
        more: '长回答的剩余部分',
        exit: '退出（也可以按 Ctrl-D）',
      },
      helpPlain: (llm) =>
        llm
          ? '也可以直接用中文提问（“最有价值的客户是谁？”“给沉睡客户写一条短信”）。'
          : '也可以直接说：“显示第2个人群”“最有价值的人群”“对比1和2”“人群1的简报”。\n没有配置 LLM：设置 OPENAI_API_KEY（或 OPENAI_BASE_URL）即可自由对话。',
      didYouMean: (shown, a, b) => `没听懂“${shown}”。你是想说“${a}”还是“${b}”？\n输入 /help 查看全部命令；配置 LLM（OPENAI_API_KEY）后可以自由对话。`,
      examples: {
        'list segments': '所有人群',
        'show biggest': '显示最大的人群',
        'persona 2': '人群2的画像',
        'sms for the most valuable': '给最有价值的人群写短信',
        'brief 1': '人群1的简报',
        'compare 1 and 2': '对比1和2',
        'export segment 2': '导出人群2',
        report: '报告',
        eval: '评估',
        'lookalikes of segment 1': '人群1的相似人群',
        'segment examples/customers.csv': '对 examples/customers.csv 分群',
        // No Chinese words for these in the parser: the slash commands are what to type.
        'inspect data.csv': '/load data.csv',
        runs: '/runs',
        doctor: '/doctor',
      },
      picked: (which, by, id, name, n) => `${ZH_WHICH[which] ?? which}的人群${by ? `（按平均${by}）` : ''}是 #${id}${name ? ` ${name}` : ''}（${n}位客户）。`,
    },
    resolve: {
      noNumber: (n, run, count) => `Run ${run} 里没有人群 ${n}：共有人群 1–${count}。`,
      several: (ref, ids, names) => `“${ref}”对应多个人群（${ids}），请说明是哪一个：${names}。`,
      noMatch: (ref, run, names) => `Run ${run} 里没有和“${ref}”对应的人群。现有人群：${names}。`,
      tooSmall: (id, size, min) => `人群 ${id} 只有 ${size} 位客户，低于最小人数 ${min}：不做描述，也不导出。`,
      notDescribed: '（未描述）',
      comma: '，',
    },
  },
};

const ZH_WHICH: Record<string, string> = { biggest: '最大', smallest: '最小', 'most valuable': '最有价值', 'least valuable': '价值最低', newest: '最新', 'most lapsed': '沉睡最久' };

/** The language an answer about a Run is printed in: --lang / SEGMENTA_LANG first, then the Run's. */
export function answerLanguage(ctx: Pick<OpContext, 'config'>, run?: Pick<RunFile, 'config'>): Language {
  return ctx.config.lang ?? run?.config.lang ?? 'en';
}

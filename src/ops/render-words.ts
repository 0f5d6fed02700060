import type { Language } from '../util/script.js';
import type { OpContext } from './operation.js';
import type { RunFile } from '../model/run.js';

/**
 * The fixed words of what the chat and the CLI print for show, compare and brief, and of the
 * offline chat's own replies, per language. The texts inside (names, personas, copy) are the
 * writer's, already in the Run's language.
 */
export interface RenderWords {
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
  savedAt: (path: string) => string;
  briefsWritten: (path: string) => string;
  chat: { hello: string; unknownSlash: (name: string) => string; nothingMore: string; notAvailable: (op: string) => string };
}

export const RENDER_WORDS: Record<Language, RenderWords> = {
  en: {
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
    savedAt: (p) => `(saved at ${p})`,
    briefsWritten: (p) => `Briefs written: ${p}`,
    chat: {
      hello: 'Hi! Ask me about your segments, e.g. "show biggest", "brief most valuable" or "compare 1 and 2". /help lists everything.',
      unknownSlash: (n) => `Unknown command /${n}. /help lists them.`,
      nothingMore: 'Nothing more to show.',
      notAvailable: (op) => `"${op}" is not available in this version of segmenta.`,
    },
  },
  zh: {
    segment: (id, name) => (name ? `人群 ${id}：${name}` : `人群 ${id}`),
    small: (id) => `人群 ${id}（低于最小人数：不描述）`,
    sizeLine: (n, s, st) => `${n}位客户，占全部客户的${s}；稳定性 ${st}`,
    apart: '与众不同之处：',
    versus: (v, all, lift) => `${v}，整体为${all}（${lift}倍）`,
    levelVersus: (c, l, s, all) => `「${c}」为「${l}」：${s}，整体为${all}`,
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
    savedAt: (p) => `（已保存到 ${p}）`,
    briefsWritten: (p) => `简报已生成：${p}`,
    chat: {
      hello: '你好！可以问我关于人群的问题，例如“show biggest”（最大的人群）、“brief most valuable”（价值最高人群的简报）或“compare 1 and 2”（对比人群 1 和 2）。输入 /help 查看全部命令。',
      unknownSlash: (n) => `没有 /${n} 这个命令。输入 /help 查看全部命令。`,
      nothingMore: '没有更多内容了。',
      notAvailable: (op) => `这个版本的 segmenta 不支持“${op}”。`,
    },
  },
};

/** The language an answer about a Run is printed in: --lang / SEGMENTA_LANG first, then the Run's. */
export function answerLanguage(ctx: Pick<OpContext, 'config'>, run?: Pick<RunFile, 'config'>): Language {
  return ctx.config.lang ?? run?.config.lang ?? 'en';
}

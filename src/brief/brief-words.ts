import type { Language } from '../util/script.js';

/**
 * The briefs' own words per language (headings, table headers, fixed sentences). The texts in
 * them (names, personas, copy) are the writer's, already in the Run's language.
 */
export interface BriefWords {
  segment: (id: number) => string;
  notNamed: string;
  audienceHeader: [string, string, string, string];
  customers: (n: string) => string;
  shareOf: (share: string, total: string) => string;
  who: string;
  notWritten: string;
  evidence: string;
  rfm: string;
  words: string;
  wordsHeader: [string, string, string, string];
  persona: (archetype: string) => string;
  goals: string;
  pains: string;
  channels: string;
  personaEvidence: string;
  offer: string;
  copy: string;
  email: string;
  subject: string;
  body: string;
  headline: string;
  primaryText: string;
  units: (n: number, limit: number, unit: string) => string;
  chars: (n: number) => string;
  audience: string;
  audienceLines: (size: string, share: string, id: number, runId: string, stability: string) => string[];
  kpis: string;
  voice: string;
  voiceNote: string;
  footer: (runId: string, at: string, writer: string) => string;
  measureHeader: [string, string, string, string];
  shareYes: (feature: string) => string;
  mean: (feature: string, median: string) => string;
  noFeatures: string;
  tierHeader: [string, string];
  notMeasured: string;
}

export const BRIEF_WORDS: Record<Language, BriefWords> = {
  en: {
    segment: (id) => `Segment ${id}`,
    notNamed: '(not named yet)',
    audienceHeader: ['Audience', 'Share of customers', 'Stability', 'Written by'],
    customers: (n) => `${n} customers`,
    shareOf: (share, total) => `${share} of ${total}`,
    who: 'Who they are',
    notWritten: 'Texts not written yet: run `segmenta write` to name this segment and draft its copy.',
    evidence: 'Evidence',
    rfm: 'RFM tiers',
    words: 'Words they use',
    wordsHeader: ['Term', 'Column', 'Members using it', 'c-TF-IDF'],
    persona: (a) => `Persona: ${a}`,
    goals: 'Goals',
    pains: 'Pain points',
    channels: 'Preferred channels:',
    personaEvidence: 'Evidence',
    offer: 'Offer idea',
    copy: 'Copy',
    email: 'Email',
    subject: 'Subject',
    body: 'Body',
    headline: 'Headline',
    primaryText: 'Primary text',
    units: (n, limit) => `${n}/${limit} characters`,
    chars: (n) => `${n} characters`,
    audience: 'Audience',
    audienceLines: (size, share, id, runId, stability) => [
      `${size} customers, ${share} of everyone.`,
      `Export: customers with segment = ${id} in assignments.csv of Run ${runId}.`,
      `Stability ${stability}: how often the same customers group together when the data is resampled (1 = always).`,
    ],
    kpis: 'KPIs to watch',
    voice: 'Voice of the customer',
    voiceNote: '_Members near the centre of the segment; personal details removed._',
    footer: (runId, at, writer) => `_Run ${runId} · ${at} · written by ${writer}._`,
    measureHeader: ['Measure', 'This segment', 'Everyone', 'Lift'],
    shareYes: (f) => `${f} (share yes)`,
    mean: (f, median) => `${f} (mean; median ${median})`,
    noFeatures: '_No features to compare._',
    tierHeader: ['Tier', 'Share of segment'],
    notMeasured: 'not measured',
  },
  zh: {
    segment: (id) => `人群 ${id}`,
    notNamed: '（尚未命名）',
    audienceHeader: ['人数', '占全部客户', '稳定性', '撰写'],
    customers: (n) => `${n}人`,
    shareOf: (share, total) => `${total}人中的${share}`,
    who: '他们是谁',
    notWritten: '文案尚未生成：运行 `segmenta write` 为这个人群命名并撰写文案。',
    evidence: '数据依据',
    rfm: 'RFM 分层',
    words: '他们常说的词',
    wordsHeader: ['词语', '字段', '提到的成员占比', 'c-TF-IDF'],
    persona: (a) => `用户画像：${a}`,
    goals: '诉求',
    pains: '痛点',
    channels: '偏好渠道：',
    personaEvidence: '依据',
    offer: '活动方案',
    copy: '文案',
    email: '邮件',
    subject: '标题',
    body: '正文',
    headline: '广告标题',
    primaryText: '广告正文',
    units: (n, limit, unit) => `${n}/${limit} ${unit}`,
    chars: (n) => `${n}字`,
    audience: '投放人群',
    audienceLines: (size, share, id, runId, stability) => [
      `${size}位客户，占全部客户的${share}。`,
      `导出：Run ${runId} 的 assignments.csv 中 segment = ${id} 的客户。`,
      `稳定性 ${stability}：数据重抽样后同一批客户仍归为一组的程度（1 = 总是）。`,
    ],
    kpis: '关注指标',
    voice: '客户原声',
    voiceNote: '_靠近人群中心的成员；个人信息已去除。_',
    footer: (runId, at, writer) => `_Run ${runId} · ${at} · 撰写：${writer}。_`,
    measureHeader: ['指标', '本人群', '全部客户', '倍数'],
    shareYes: (f) => `${f}（为是的占比）`,
    mean: (f, median) => `${f}（均值；中位数 ${median}）`,
    noFeatures: '_没有可比较的字段。_',
    tierHeader: ['分层', '占本人群'],
    notMeasured: '未测量',
  },
};

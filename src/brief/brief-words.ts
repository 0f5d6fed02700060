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
  /** Channel headings: the SMS counted as carriers count it. */
  sms: (units: number, limit: number, encoding: string) => string;
  push: string;
  ad: string;
  predicted: string;
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
  /** The index page (render-index.ts). */
  index: IndexWords;
}

export interface IndexWords {
  title: (runId: string) => string;
  intro: (customers: string, file: string, k: number, kHow: string, silhouette: string, date: string, writer: string) => string;
  kAuto: string;
  kGiven: string;
  segments: string;
  header: [string, string, string, string, string, string];
  small: (min: number) => string;
  notWritten: string;
  brief: string;
  fallbacks: (ids: string) => string;
  quality: string;
  schema: string;
  rows: (rows: string, customers: string, duplicates: string) => string;
  missing: (column: string, count: string, filled: string) => string;
  logged: (columns: string) => string;
  clipped: (column: string, count: string) => string;
  dropped: (column: string, reason: string) => string;
  warning: (w: string) => string;
  source: (file: string, format: string, events: boolean, id: string) => string;
  schemaHeader: [string, string, string, string];
  piiRole: (kind: string) => string;
  piiWhy: string;
  byFlag: string;
  noColumns: string;
  derived: (columns: string) => string;
}

// How checks.ts's channelLength names its units, in Chinese.
const UNITS_ZH: Record<string, string> = { characters: '字符', 'display columns': '显示列宽', 'UCS-2 characters': 'UCS-2 字符' };

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
    sms: (u, l, e) => `SMS (${u}/${l} ${e} characters)`,
    push: 'Push',
    ad: 'Ad',
    predicted: 'Predicted (BG/NBD + Gamma-Gamma, `segmenta predict`)',
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
    mean: (f, median) => `${f} (average; median ${median})`,
    noFeatures: '_No features to compare._',
    tierHeader: ['Tier', 'Share of segment'],
    notMeasured: 'not measured',
    index: {
      title: (id) => `Campaign briefs: Run ${id}`,
      intro: (n, file, k, how, sil, date, writer) => `${n} customers from ${file}, ${k} segments (k ${how}; silhouette ${sil}), created ${date}. Texts by ${writer}.`,
      kAuto: 'chosen by silhouette',
      kGiven: 'given',
      segments: 'Segments',
      header: ['#', 'Name', 'Customers', 'Share', 'Stability', 'Brief'],
      small: (min) => `not described: under the minimum size (${min})`,
      notWritten: '(not written yet)',
      brief: 'brief',
      fallbacks: (ids) => `Segments ${ids} were written by the offline writer standing in for the LLM.`,
      quality: 'Data quality',
      schema: 'Schema',
      rows: (r, c, d) => `${r} rows read, ${c} customers, ${d} duplicate ids.`,
      missing: (col, n, f) => `${col}: ${n} missing, filled with ${f}.`,
      logged: (cols) => `Skewed, log-transformed for clustering: ${cols}.`,
      clipped: (col, n) => `${col}: ${n} outliers clipped to the range the data supports.`,
      dropped: (col, why) => `Dropped ${col}: ${why}.`,
      warning: (w) => `Warning: ${w}`,
      source: (file, format, events, id) => `Source: ${file} (${format}, ${events ? 'event log aggregated to one row per customer' : 'one row per customer'}); id column ${id}.`,
      schemaHeader: ['Column', 'Role', 'Type', 'Why'],
      piiRole: (kind) => `PII${kind ? ` (${kind})` : ''}: excluded`,
      piiWhy: 'personal data, never a feature, never shown',
      byFlag: ' (set by flag)',
      noColumns: '_No columns recorded._',
      derived: (cols) => `Derived per customer: ${cols}.`,
    },
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
    rfm: '客户价值分层（RFM）',
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
    units: (n, limit, unit) => `${n}/${limit} ${UNITS_ZH[unit] ?? unit}`,
    chars: (n) => `${n}字`,
    sms: (u, l, e) => `短信（${u}/${l} ${e} 字符）`,
    push: '推送',
    ad: '广告',
    predicted: '预测（BG/NBD + Gamma-Gamma 模型，`segmenta predict`）',
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
    index: {
      title: (id) => `营销活动简报：Run ${id}`,
      intro: (n, file, k, how, sil, date, writer) => `来自 ${file} 的${n}位客户，分为${k}个人群（k ${how}；轮廓系数 ${sil}），生成于${date}。文案：${writer}。`,
      kAuto: '按轮廓系数选定',
      kGiven: '为指定值',
      segments: '人群',
      header: ['#', '名称', '人数', '占比', '稳定性', '简报'],
      small: (min) => `未描述：低于最小人数（${min}）`,
      notWritten: '（尚未撰写）',
      brief: '简报',
      fallbacks: (ids) => `人群 ${ids} 由离线撰写代替大模型完成。`,
      quality: '数据质量',
      schema: '字段结构',
      rows: (r, c, d) => `读取${r}行，${c}位客户，重复 id ${d}个。`,
      missing: (col, n, f) => `${col}：缺失${n}个，以${f}填补。`,
      logged: (cols) => `分布偏斜、聚类前取对数：${cols}。`,
      clipped: (col, n) => `${col}：${n}个异常值截断到数据支持的范围。`,
      dropped: (col, why) => `未使用 ${col}：${why}。`,
      warning: (w) => `注意：${w}`,
      source: (file, format, events, id) => `数据来源：${file}（${format}，${events ? '行为日志，已按客户汇总为一行' : '每位客户一行'}）；id 字段 ${id}。`,
      schemaHeader: ['字段', '角色', '类型', '原因'],
      piiRole: (kind) => `个人信息${kind ? `（${kind}）` : ''}：已排除`,
      piiWhy: '个人数据，从不作为特征，从不展示',
      byFlag: '（由参数指定）',
      noColumns: '_没有记录字段。_',
      derived: (cols) => `按客户派生：${cols}。`,
    },
  },
};

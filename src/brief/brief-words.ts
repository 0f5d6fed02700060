import type { Language } from '../util/script.js';
import type { RfmTier } from '../model/profile.js';
import type { Channel } from '../model/texts.js';
import type { ColumnRole, FileFormat } from '../model/data.js';
import type { PredictedTraits } from '../model/predict.js';
import { describePredicted, formatCount, formatNumber, formatPercent } from '../write/format.js';
import { CHANNELS_ZH, RFM_TIERS_ZH } from '../write/phrases/zh-labels.js';
import { FORMATS_ZH, filledZh, reasonZh, roleZh, sourceTypeZh } from './schema-words-zh.js';

/**
 * The briefs' own words per language (headings, table headers, fixed sentences). The texts in
 * them (names, personas, copy) are the writer's, already in the Run's language.
 */
export interface BriefWords {
  segment: (id: number) => string;
  /** The page's title: "Segment 1: Deal hunters" · "人群 1：价格敏感客群". */
  heading: (segment: string, name: string) => string;
  /** A bold label with a count after it: "**Subject** (34/60 characters):" · "**标题**（17/60 字）：". */
  counted: (label: string, count: string) => string;
  /** A note in brackets after a heading: " (66/120 characters)" · "（66/120 显示列宽）". */
  paren: (s: string) => string;
  channelList: (channels: Channel[]) => string;
  tier: (tier: RfmTier) => string;
  /** A category row of the evidence table: "Channel: email" · "渠道：「抖音」". */
  level: (label: string, level: string) => string;
  /** A representative's traits: "age 22, channel 抖音" · "年龄 22，渠道 抖音". */
  traits: (pairs: [string, string][]) => string;
  predictedLines: (p: PredictedTraits) => string[];
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
  piiKind: (kind: string) => string;
  piiWhy: string;
  byFlag: string;
  noColumns: string;
  derived: (columns: string) => string;
  /** A list of column names: "a, b" · "「a」、「b」". */
  list: (items: string[]) => string;
  /** The data stage's own notes (role, type, reason, fill), in this language. */
  role: (role: ColumnRole) => string;
  type: (sourceType: string) => string;
  why: (reason: string) => string;
  filled: (filledWith: string) => string;
  format: (format: FileFormat) => string;
  /** The data stage's warnings, listed as they are (English) or summed up. */
  warnings: (warnings: string[]) => string[];
  droppedWhy: (reason: string) => string;
}

// The PII kinds (util/pii.ts PiiKind), as a privacy notice names them.
const PII_KINDS_ZH: Record<string, string> = { name: '姓名', email: '邮箱', phone: '电话', address: '地址', ip: 'IP 地址', other: '其他' };

// How checks.ts's channelLength names its units, in Chinese.
const UNITS_ZH: Record<string, string> = { characters: '字符', 'display columns': '显示列宽', 'UCS-2 characters': '字' };

export const BRIEF_WORDS: Record<Language, BriefWords> = {
  en: {
    segment: (id) => `Segment ${id}`,
    heading: (seg, name) => `${seg}: ${name}`,
    counted: (label, count) => `**${label}** (${count}):`,
    paren: (x) => ` (${x})`,
    channelList: (c) => c.join(', '),
    tier: (t) => t,
    level: (label, level) => `${label}: ${level}`,
    traits: (pairs) => pairs.map(([k, v]) => `${k} ${v}`).join(', '),
    predictedLines: (p) => {
      const d = describePredicted(p);
      return [d.buy, d.churn, ...(d.value ? [d.value] : [])].map((s) => s[0].toUpperCase() + s.slice(1));
    },
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
      piiKind: (k) => k,
      piiWhy: 'personal data, never a feature, never shown',
      byFlag: ' (set by flag)',
      noColumns: '_No columns recorded._',
      derived: (cols) => `Derived per customer: ${cols}.`,
      list: (xs) => xs.join(', '),
      role: (r) => r,
      type: (t) => t,
      why: (r) => r,
      filled: (f) => f,
      format: (f) => f,
      warnings: (ws) => ws.map((x) => `Warning: ${x}`),
      droppedWhy: (r) => r,
    },
  },
  zh: {
    segment: (id) => `人群 ${id}`,
    heading: (seg, name) => `${seg}：${name}`,
    counted: (label, count) => `**${label}**（${count}）：`,
    paren: (x) => `（${x}）`,
    channelList: (c) => c.map((x) => CHANNELS_ZH[x] ?? x).join('、'),
    tier: (t) => RFM_TIERS_ZH[t] ?? t,
    level: (label, level) => `${label}：「${level}」`,
    traits: (pairs) => pairs.map(([k, v]) => `${k} ${v}`).join('，'),
    predictedLines: (p) => [
      `30天内再次购买的可能性：${formatPercent(p.buy30, 'zh')}（全部客户 ${formatPercent(p.overall.buy30, 'zh')}）`,
      `流失风险：${formatPercent(p.churnRisk, 'zh')}（全部客户 ${formatPercent(p.overall.churnRisk, 'zh')}）`,
      ...(p.clv !== null && p.overall.clv !== null ? [`未来${formatCount(p.clvDays, 'zh')}天预测人均价值：${formatNumber(p.clv, 'zh')}（全部客户 ${formatNumber(p.overall.clv, 'zh')}）`] : []),
    ],
    notNamed: '（尚未命名）',
    audienceHeader: ['人数', '占全部客户', '稳定性', '撰写'],
    customers: (n) => `${n}人`,
    shareOf: (share, total) => `${total}人中的${share}`,
    who: '他们是谁',
    notWritten: '文案尚未生成：运行 `segmenta write` 为这个人群命名并撰写文案。',
    evidence: '数据依据',
    rfm: '客户价值分层（RFM）',
    words: '他们常说的词',
    wordsHeader: ['词语', '字段', '提到的成员占比', '区分度'],
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
    units: (n, limit, unit) => `${n}/${limit} ${UNITS_ZH[unit] ?? '字符'}`,
    chars: (n) => `${n}字`,
    // Chinese SMS is always sent as UCS-2 (70 a message): the encoding is named only when it is not.
    sms: (u, l, e) => `短信（${u}/${l} 字${e === 'UCS-2' ? '' : `，${e} 编码`}）`,
    push: '推送',
    ad: '广告',
    predicted: '预测（BG/NBD + Gamma-Gamma 模型，`segmenta predict`）',
    audience: '投放人群',
    audienceLines: (size, share, id, runId, stability) => [
      `${size}位客户，占全部客户的${share}。`,
      `导出：Run ${runId} 的 \`assignments.csv\` 中 \`segment = ${id}\` 的客户。`,
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
      intro: (n, file, k, how, sil, date, writer) => `来自${file}的${n}位客户，分为${k}个人群（k ${how}；轮廓系数 ${sil}），生成于${date}。文案：${writer}。`,
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
      rows: (r, c, d) => `读取${r}行，${c}位客户，重复 ID ${d}个。`,
      missing: (col, n, f) => `${col}：缺失${n}个，以${f}填补。`,
      logged: (cols) => `分布偏斜、聚类前取对数：${cols}。`,
      clipped: (col, n) => `${col}：${n}个异常值截断到数据支持的范围。`,
      dropped: (col, why) => `未使用${col}：${why}。`,
      warning: (w) => `注意：${w}`,
      source: (file, format, events, id) => `数据来源：${file}（${format}，${events ? '行为日志，已按客户汇总为一行' : '每位客户一行'}）；ID 字段${id}。`,
      schemaHeader: ['字段', '角色', '类型', '原因'],
      piiRole: (kind) => `个人信息${kind ? `（${kind}）` : ''}：已排除`,
      piiKind: (k) => PII_KINDS_ZH[k] ?? '其他',
      piiWhy: '个人数据，从不作为特征，从不展示',
      byFlag: '（由参数指定）',
      noColumns: '_没有记录字段。_',
      derived: (cols) => `按客户派生：${cols}。`,
      list: (xs) => xs.join('、'),
      role: roleZh,
      type: sourceTypeZh,
      why: reasonZh,
      filled: filledZh,
      format: (f) => FORMATS_ZH[f] ?? f,
      // The warnings are the data stage's sentences (English, in run.json); a Chinese reader gets their count and where to read them.
      warnings: (ws) => (ws.length ? [`读取数据时有${ws.length}条提示，原文见本次 Run 的 \`run.json\` 中的 \`quality.warnings\`。`] : []),
      droppedWhy: (r) => reasonZh(r.replace(/^(all values are empty|every value is the same)$/, (x) => (x.startsWith('all') ? 'all values empty' : 'one value only'))),
    },
  },
};

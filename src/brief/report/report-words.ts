import type { Language } from '../../util/script.js';
import type { Channel } from '../../model/texts.js';
import { CHANNELS_ZH } from '../../write/phrases/zh-labels.js';

/**
 * The report page's own words per language (headings, table headers, the meta line, card
 * labels). The texts in it (names, personas, copy) are the writer's, already in the Run's
 * language; numbers and dates come from the one formatter (util/format.ts).
 */
export interface ReportWords {
  htmlLang: string;
  title: (runId: string) => string;
  heading: string;
  meta: (runId: string, date: string, customers: string, k: number, kHow: string, writer: string) => string;
  kAuto: (silhouette: string) => string;
  kGiven: string;
  offlineWriter: string;
  summary: string;
  summaryNote: string;
  sizes: string;
  map: string;
  mapNote: (sample: string) => string;
  sample: (shown: string, total: string) => string;
  all: (total: string) => string;
  apart: string;
  apartNote: string;
  segments: string;
  footer: (shares: string) => string;
  notDescribed: string;
  table: { segment: string; customers: string; share: string; /** The plain-language label, and the column's own name (Chinese quotes the column, as the writer does). */
    average: (label: string, feature: string) => string; shareOfValue: string; next: string; tooSmall: string; notDescribedSmall: string };
  /** The next action's channels after the offer: " (email, sms)" · "（邮件、短信）". */
  channels: (channels: Channel[]) => string;
  /** Chart titles, axes, legends and tooltips. */
  chart: {
    sizesAria: string;
    sizeTip: (label: string, customers: string, share: string, small: boolean) => string;
    underMin: string;
    mapAria: string;
    axis1: (pct: string) => string;
    axis2: (pct: string) => string;
    heatAria: string;
    heatLegend: string;
    shareYes: (label: string) => string;
    level: (label: string, level: string) => string;
    note: (segment: number, label: string, v: string, all: string, lift: string) => string;
    notOut: (segment: number, label: string) => string;
  };
  predictions: {
    title: string;
    fitted: (cutoff: string, customers: string, days: number) => string;
    model: string;
    baseline: string;
    purchases: string;
    spend: string;
    churn: string;
    lift: string;
    calibration: string;
    bySegment: string;
    header: (days: number) => [string, string, string, string];
    tip: (decile: number, customers: string, predicted: string, actual: string) => string;
    predicted: string;
    actual: string;
    axis: string;
    aria: string;
  };
  card: {
    size: (customers: string, share: string, stability?: string) => string;
    underMin: (min: string) => string;
    persona: (archetype: string) => string;
    goals: string;
    pains: string;
    channels: string;
    evidence: string;
    copy: string;
    offer: string;
    email: string;
    sms: string;
    push: string;
    ad: string;
    writtenBy: (writer: string, fallback: boolean) => string;
    predicted: string;
  };
}

export const REPORT_WORDS: Record<Language, ReportWords> = {
  en: {
    htmlLang: 'en',
    title: (id) => `Segments — Run ${id}`,
    heading: 'Customer segments',
    meta: (id, date, n, k, how, writer) => `Run ${id} · ${date} UTC · ${n} customers · ${k} segments (${how}) · texts by the ${writer}`,
    kAuto: (s) => `k chosen by silhouette ${s}`,
    kGiven: 'k given',
    offlineWriter: 'offline writer',
    summary: 'Summary',
    summaryNote: 'Each segment, what it is worth, and the one thing to do next. Click a name for its persona and copy.',
    sizes: 'Segment sizes',
    map: 'Map of customers',
    mapNote: (sample) => `Each dot is a customer (${sample}) on the two directions along which customers differ most; discs mark segment centres.`,
    sample: (shown, total) => `a random sample of ${shown} of ${total} customers`,
    all: (total) => `all ${total} customers`,
    apart: 'What sets each segment apart',
    apartNote: "Lift = the segment's average (or share) divided by everyone's. Hover a cell for the figures.",
    segments: 'Segments',
    footer: (shares) => `Made by segmenta. Shares: ${shares}`,
    notDescribed: 'Not described',
    channels: (c) => ` (${c.join(', ')})`,
    predictions: {
      title: 'Predictions',
      fitted: (cutoff, n, days) => `BG/NBD + Gamma-Gamma fitted on the events up to ${cutoff} (${n} customers), scored on the last ${days} days, beside the RFM score.`,
      model: 'model',
      baseline: 'RFM baseline',
      purchases: 'purchases, Spearman ρ',
      spend: 'spend, Spearman ρ',
      churn: 'churn AUC',
      lift: 'top-10% lift',
      calibration: 'Calibration by decile',
      bySegment: 'By segment',
      header: (d) => ['segment', `value per customer (${d} d)`, 'at risk of churning', 'likely to buy within 30 d'],
      tip: (d, n, p, a) => `decile ${d} (${n} customers): predicted ${p}, actual ${a} orders each`,
      predicted: 'predicted',
      actual: 'actual (holdout)',
      axis: 'decile of predicted orders (1 = most)',
      aria: 'Calibration by decile',
    },
    chart: {
      sizesAria: 'Segment sizes',
      sizeTip: (l, n, s, small) => `${l}: ${n} customers (${s})${small ? ', under the minimum size' : ''}`,
      underMin: ' (under min.)',
      mapAria: 'Map of customers by segment',
      axis1: (p) => `component 1 (${p}% of variance)`,
      axis2: (p) => `component 2 (${p}%)`,
      heatAria: 'Lift of features by segment',
      heatLegend: 'lift vs everyone',
      shareYes: (l) => `${l} (share yes)`,
      level: (l, v) => `${l}: ${v}`,
      note: (id, l, v, all, lift) => `Segment ${id}, ${l}: ${v} vs ${all} ${/%$/.test(all) ? 'of' : 'for'} everyone (${lift}×)`,
      notOut: (id, l) => `Segment ${id}: ${l} does not stand out`,
    },
    table: { segment: 'Segment', customers: 'Customers', share: 'Share', average: (l) => `Average ${l}`, shareOfValue: 'Share of value', next: 'Next action', tooSmall: 'Too small to act on separately', notDescribedSmall: 'Not described (under the minimum size)' },
    card: {
      size: (n, share, st) => `${n} customers · ${share}${st ? ` · stability ${st}` : ''}`,
      underMin: (min) => `Under the minimum size of ${min}: not described, not exported.`,
      persona: (a) => `Persona — ${a}`,
      goals: 'Goals',
      pains: 'Pain points',
      channels: 'Channels:',
      evidence: 'Evidence',
      copy: 'Campaign copy',
      offer: 'Offer:',
      email: 'Email',
      sms: 'SMS',
      push: 'Push',
      ad: 'Ad',
      writtenBy: (w, fb) => `Written by the ${w}${fb ? ' — offline fallback' : ''}`,
      predicted: 'Predicted:',
    },
  },
  zh: {
    htmlLang: 'zh-CN',
    title: (id) => `客户分群 — Run ${id}`,
    heading: '客户分群报告',
    meta: (id, date, n, k, how, writer) => `Run ${id} · ${date} · ${n}位客户 · ${k}个人群（${how}）· 文案：${writer}`,
    kAuto: (s) => `按轮廓系数选定 k，${s}`,
    kGiven: '指定 k',
    offlineWriter: '离线撰写',
    summary: '概览',
    summaryNote: '每个人群的规模、价值和下一步动作。点击名称查看用户画像和文案。',
    sizes: '人群规模',
    map: '客户分布图',
    mapNote: (sample) => `每个点是一位客户（${sample}），画在客户差异最大的两个方向上；圆盘是人群中心。`,
    sample: (shown, total) => `从${total}位客户中随机抽取${shown}位`,
    all: (total) => `全部${total}位客户`,
    apart: '各人群的突出特征',
    apartNote: '倍数 = 人群的均值（或占比）除以全部客户的。鼠标悬停可看具体数字。',
    segments: '人群详情',
    footer: (shares) => `由 segmenta 生成。占比：${shares}`,
    notDescribed: '未描述',
    channels: (c) => `（${c.map((x) => CHANNELS_ZH[x] ?? x).join('、')}）`,
    // BG/NBD, Gamma-Gamma, RFM, Spearman and AUC are the methods' own names, as Chinese analysts write them.
    predictions: {
      title: '预测',
      fitted: (cutoff, n, days) => `BG/NBD + Gamma-Gamma 模型用截至${cutoff}的行为数据拟合（${n}位客户），在最后${days}天上检验，并与 RFM 评分对比。`,
      model: '模型',
      baseline: 'RFM 基线',
      purchases: '购买次数（Spearman ρ）',
      spend: '消费金额（Spearman ρ）',
      churn: '流失预测（AUC）',
      lift: '前10%客户的提升倍数',
      calibration: '按十分位的校准',
      bySegment: '各人群',
      header: (d) => ['人群', `人均预测价值（${d}天）`, '流失风险', '30天内可能再次购买'],
      tip: (d, n, p, a) => `第${d}个十分位（${n}位客户）：人均预测${p}单，实际${a}单`,
      predicted: '预测',
      actual: '实际（留出期）',
      axis: '按预测订单数分的十分位（1 = 最多）',
      aria: '按十分位的校准',
    },
    chart: {
      sizesAria: '人群规模',
      sizeTip: (l, n, s, small) => `${l}：${n}人（${s}）${small ? '，低于最小人数' : ''}`,
      underMin: '（低于最小人数）',
      mapAria: '按人群着色的客户分布图',
      axis1: (p) => `主成分 1（解释 ${p}% 的差异）`,
      axis2: (p) => `主成分 2（${p}%）`,
      heatAria: '各人群特征的倍数',
      heatLegend: '相对全部客户的倍数',
      shareYes: (l) => `${l}（为是的占比）`,
      level: (l, v) => `${l}：「${v}」`,
      note: (id, l, v, all, lift) => `人群 ${id}，${l}：${v}，全部客户为${all}（${lift}倍）`,
      notOut: (id, l) => `人群 ${id}：${l}不突出`,
    },
    table: { segment: '人群', customers: '人数', share: '占比', average: (l) => `平均${l}`, shareOfValue: '价值占比', next: '下一步动作', tooSmall: '人数太少，不单独运营', notDescribedSmall: '未描述（低于最小人数）' },
    card: {
      size: (n, share, st) => `${n}人 · ${share}${st ? ` · 稳定性 ${st}` : ''}`,
      underMin: (min) => `低于最小人数 ${min}：不描述，不导出。`,
      persona: (a) => `用户画像 — ${a}`,
      goals: '诉求',
      pains: '痛点',
      channels: '渠道：',
      evidence: '数据依据',
      copy: '营销文案',
      offer: '活动方案：',
      email: '邮件',
      sms: '短信',
      push: '推送',
      ad: '广告',
      writtenBy: (w, fb) => `撰写：${w}${fb ? '（离线兜底）' : ''}`,
      predicted: '预测：',
    },
  },
};

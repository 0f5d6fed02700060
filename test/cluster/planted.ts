/**
 * A synthetic customer table with planted groups, built directly as a CustomerTable (what the
 * data stage hands over: cleaned, imputed, natural units). Written independently of examples/
 * so that tuning the embedding and k choice against it does not tune them to the demo data.
 *
 * Each group is an archetype (VIP, bargain hunter, lapsed, …) whose parameters are jittered
 * per seed; which archetypes appear, their sizes, the columns present and the noise levels vary
 * with the options. Noise is meant to look like real data: log-normal baskets and spends,
 * Poisson order counts, overlapping ages, categorical preferences held by only 60–80 % of a
 * group, reviews that mix group phrases with generic ones, empty reviews, imputed cells.
 */
import type { CategoricalColumn, CustomerTable, NumericColumn, TextColumn } from '../../src/model/data.js';
import { createRng, gaussian } from '../../src/util/random.js';

interface Archetype {
  name: string;
  age: [number, number];
  orders: number;
  basket: number;
  recency: number;
  discount: number;
  returns: number;
  openRate: number;
  member: number;
  tenure: number;
  category: string;
  channel: string;
  phrases: string[];
}

const ARCHETYPES: Archetype[] = [
  {
    name: 'vip', age: [46, 9], orders: 24, basket: 120, recency: 9, discount: 0.1, returns: 0.05, openRate: 0.6, member: 0.85, tenure: 1500,
    category: 'electronics', channel: 'email',
    phrases: ['love the premium quality', 'worth every penny', 'my go-to store for years', 'the vip perks are excellent', 'always buy the latest models here', 'top notch customer care', 'quality is consistently high', 'fast delivery as always'],
  },
  {
    name: 'bargain', age: [34, 10], orders: 12, basket: 32, recency: 18, discount: 0.72, returns: 0.1, openRate: 0.45, member: 0.3, tenure: 700,
    category: 'fashion', channel: 'app',
    phrases: ['waiting for the next sale', 'great discounts this week', 'only buy with coupon codes', 'cheap prices compared to others', 'flash deals are the best', 'got it half price', 'promo code worked', 'clearance section is great'],
  },
  {
    name: 'lapsed', age: [52, 12], orders: 2.5, basket: 58, recency: 290, discount: 0.2, returns: 0.15, openRate: 0.05, member: 0.15, tenure: 1100,
    category: 'home', channel: 'email',
    phrases: ['have not ordered in a long while', 'delivery was very slow last time', 'disappointed with the last order', 'customer service never replied', 'found a better shop elsewhere', 'the parcel arrived damaged', 'stopped shopping here'],
  },
  {
    name: 'new', age: [29, 7], orders: 1.4, basket: 48, recency: 12, discount: 0.3, returns: 0.04, openRate: 0.55, member: 0.5, tenure: 40,
    category: 'beauty', channel: 'social',
    phrases: ['first order went smoothly', 'just discovered this brand', 'easy checkout process', 'looking forward to trying more', 'saw an ad on instagram', 'welcome offer was nice', 'new here and impressed'],
  },
  {
    name: 'mobile', age: [22, 3.5], orders: 9, basket: 24, recency: 6, discount: 0.4, returns: 0.2, openRate: 0.15, member: 0.4, tenure: 300,
    category: 'games', channel: 'sms',
    phrases: ['the app is super fast', 'order from my phone every week', 'push notifications are handy', 'love the in app games section', 'quick delivery to campus', 'student discount please', 'app keeps crashing sometimes'],
  },
  {
    name: 'family', age: [38, 6], orders: 16, basket: 88, recency: 11, discount: 0.35, returns: 0.08, openRate: 0.45, member: 0.6, tenure: 1000,
    category: 'kids', channel: 'email',
    phrases: ['the kids love it', 'family size packs save money', 'school supplies in one place', 'toys arrived before the birthday', 'bulk nappies are cheaper here', 'good for busy parents', 'subscription for baby food is handy'],
  },
  {
    name: 'gifts', age: [58, 10], orders: 4, basket: 150, recency: 70, discount: 0.12, returns: 0.03, openRate: 0.3, member: 0.3, tenure: 900,
    category: 'gifts', channel: 'web',
    phrases: ['bought it as a gift', 'beautiful gift wrapping', 'present for my grandson', 'christmas shopping done early', 'the gift card was appreciated', 'lovely personalised engraving', 'perfect anniversary present'],
  },
  {
    name: 'returner', age: [31, 8], orders: 10, basket: 72, recency: 22, discount: 0.25, returns: 0.52, openRate: 0.3, member: 0.4, tenure: 600,
    category: 'fashion', channel: 'app',
    phrases: ['sizes run small so i returned it', 'had to send it back', 'free returns are essential', 'fit was not as pictured', 'ordered two sizes kept one', 'refund took a week', 'colour looked different in person'],
  },
];

const CATEGORIES = ['electronics', 'fashion', 'home', 'beauty', 'games', 'kids', 'gifts', 'sports', 'books', 'garden'];
const CHANNELS = ['email', 'app', 'sms', 'web', 'social'];
const PRODUCTS = ['jacket', 'headphones', 'lamp', 'sneakers', 'blender', 'backpack', 'mug', 'charger'];
const GENERIC = ['good service', 'arrived on time', 'ok overall', 'nice packaging', 'would recommend', 'price is fine', 'no complaints', 'decent', 'thanks', 'all good'];

export interface PlantedOptions {
  n: number;
  groups: number;
  seed: number;
  /** 'full': 9 numeric columns; 'lean': 5 (fewer signals per customer). */
  shape?: 'full' | 'lean';
  /** Share of review phrases drawn from the generic pool instead of the group's (default 0.3). */
  textNoise?: number;
  /** Share of customers with no review (default 0.1). */
  emptyText?: number;
  /** Share of a group holding its favourite category/channel (default 0.6–0.8, drawn per group). */
  preference?: number;
  /** Include the review column (default true). */
  text?: boolean;
  /** 'phrases': 1–3 phrases per review (default); 'single': one phrase, sometimes with a product word. */
  textStyle?: 'phrases' | 'single';
  /** Deliver the member flag as a categorical "yes"/"no" column instead of a 0/1 boolean. */
  flagAsCategorical?: boolean;
}

export interface Planted {
  table: CustomerTable;
  truth: Int32Array;
  archetypes: string[];
}

function poisson(lambda: number, rng: () => number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > l);
  return k - 1;
}

function beta(mean: number, concentration: number, rng: () => number): number {
  // Moment-matched via a clipped normal on the logit scale: good enough for rates.
  const logit = Math.log(mean / (1 - mean)) + gaussian(rng) * (2 / Math.sqrt(concentration));
  return 1 / (1 + Math.exp(-logit));
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)];
}

export function plantedTable(options: PlantedOptions): Planted {
  const { n, groups, seed } = options;
  const rng = createRng(seed);
  const shape = options.shape ?? 'full';
  const textNoise = options.textNoise ?? 0.3;
  const emptyText = options.emptyText ?? 0.1;
  const withText = options.text ?? true;

  // Which archetypes, jittered ±15 % per seed.
  const order = ARCHETYPES.map((a, i) => ({ a, r: rng(), i })).sort((x, y) => x.r - y.r).slice(0, groups);
  const jitter = (x: number) => x * (0.85 + 0.3 * rng());
  const types = order.map(({ a }) => ({
    ...a,
    age: [jitter(a.age[0]), a.age[1]] as [number, number],
    orders: jitter(a.orders),
    basket: jitter(a.basket),
    recency: jitter(a.recency),
    tenure: jitter(a.tenure),
    preference: options.preference ?? 0.6 + 0.2 * rng(),
  }));
  // Unequal sizes: weights 0.5–1.5.
  const weights = types.map(() => 0.5 + rng());
  const total = weights.reduce((s, w) => s + w, 0);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng() * total;
    let g = 0;
    while (g < groups - 1 && u >= weights[g]) u -= weights[g++];
    truth[i] = g;
  }

  const cols: Record<string, Float64Array> = {};
  const names = ['age', 'orders', 'total_spend', 'avg_order_value', 'days_since_last_order', 'discount_rate', 'return_rate', 'email_open_rate', 'is_member', 'tenure_days'];
  for (const name of names) cols[name] = new Float64Array(n);
  const category = new Int32Array(n);
  const channel = new Int32Array(n);
  const reviews = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = types[truth[i]];
    cols.age[i] = Math.round(Math.min(90, Math.max(18, t.age[0] + t.age[1] * gaussian(rng))));
    // Order rate varies per customer (log-normal), counts are Poisson around it.
    const orders = Math.max(1, poisson(t.orders * Math.exp(0.35 * gaussian(rng)), rng));
    cols.orders[i] = orders;
    const aov = t.basket * Math.exp(0.35 * gaussian(rng));
    cols.avg_order_value[i] = Math.round(aov * 100) / 100;
    cols.total_spend[i] = Math.round(orders * aov * Math.exp(0.15 * gaussian(rng)) * 100) / 100;
    cols.days_since_last_order[i] = Math.round(t.recency * -Math.log(1 - rng() * 0.999) * 0.7 + t.recency * 0.3);
    cols.discount_rate[i] = beta(t.discount, 12, rng);
    cols.return_rate[i] = beta(t.returns, 12, rng);
    cols.email_open_rate[i] = beta(Math.max(0.02, t.openRate), 10, rng);
    cols.is_member[i] = rng() < t.member ? 1 : 0;
    cols.tenure_days[i] = Math.round(t.tenure * Math.exp(0.4 * gaussian(rng)));
    category[i] = rng() < t.preference ? CATEGORIES.indexOf(t.category) : Math.floor(rng() * CATEGORIES.length);
    channel[i] = rng() < t.preference ? CHANNELS.indexOf(t.channel) : Math.floor(rng() * CHANNELS.length);
    if (rng() < emptyText) {
      reviews[i] = '';
    } else {
      const sentences = options.textStyle === 'single' ? 1 : 1 + Math.floor(rng() * 3);
      const parts: string[] = [];
      for (let s = 0; s < sentences; s++) parts.push(rng() < textNoise ? pick(GENERIC, rng) : pick(t.phrases, rng));
      if (options.textStyle === 'single' && rng() < 0.5) parts.push(`the ${pick(PRODUCTS, rng)}`);
      reviews[i] = parts.join(rng() < 0.5 ? '. ' : ', ') + (rng() < 0.3 ? '!' : '.');
    }
  }
  // The cleaner imputes missing cells with the median: 3 % of numeric cells look like that.
  for (const name of names) {
    const sorted = Float64Array.from(cols[name]).sort();
    const median = sorted[Math.floor(n / 2)];
    for (let i = 0; i < n; i++) if (rng() < 0.03) cols[name][i] = median;
  }

  const flagCategorical = options.flagAsCategorical === true;
  const used =
    shape === 'full'
      ? ['age', 'orders', 'total_spend', 'avg_order_value', 'days_since_last_order', 'discount_rate', 'return_rate', 'email_open_rate', ...(flagCategorical ? [] : ['is_member'])]
      : ['age', 'orders', 'total_spend', 'days_since_last_order', 'discount_rate', 'tenure_days'];
  const logged = new Set(['orders', 'total_spend', 'avg_order_value', 'days_since_last_order', 'tenure_days']);
  const numeric: NumericColumn[] = used.map((name) => ({
    name,
    values: cols[name],
    kind: name === 'is_member' ? 'boolean' : 'numeric',
    transform: logged.has(name) ? 'log1p' : 'none',
  }));
  const categorical: CategoricalColumn[] = [
    { name: 'favourite_category', levels: CATEGORIES.slice(), codes: category },
    ...(shape === 'full' ? [{ name: 'channel', levels: CHANNELS.slice(), codes: channel }] : []),
    ...(flagCategorical ? [{ name: 'is_member', levels: ['no', 'yes'], codes: Int32Array.from(cols.is_member) }] : []),
  ];
  const text: TextColumn[] = withText ? [{ name: 'review', values: reviews }] : [];
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);

  const table: CustomerTable = {
    schema: { source: 'planted', format: 'csv', kind: 'customers', idColumn: 'customer_id', columns: [], rowsRead: n },
    quality: { rowsRead: n, customers: n, duplicateIds: 0, missing: [], logTransformed: [...logged].filter((c) => used.includes(c)), clipped: [], droppedColumns: [], warnings: [] },
    ids,
    numeric,
    categorical,
    text,
    piiValues: new Set(),
  };
  return { table, truth, archetypes: types.map((t) => t.name) };
}

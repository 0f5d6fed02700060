/**
 * Which column of an order-line table plays which part — time, quantity, price, amount,
 * category, product text, customer attributes, status — by the data stage's rules
 * (src/data/log-roles.ts pickLogPlans), read from what the engine knows before any row leaves
 * it: column types and one row of statistics. A number is numeric; a long, varied string (or
 * one --text names) is text; a string with few levels that is not a product code or other key
 * by its name is a category, as src/data/infer-schema.ts reads one.
 */
import { MAX_CATEGORY_LEVELS, OTHER_KEY_NAME, PRODUCT_NAME } from '../data/infer-schema.js';
import { AMOUNT_HINT, CATEGORY_HINT, COUNTRY_HINT, DESCRIPTION_HINT, PRICE_HINT, QUANTITY_HINT, STATUS_HINT, TIME_HINT } from '../data/log-roles.js';
import type { EngineColumn } from './engine.js';
import type { OrderColumns } from './order-plan.js';

export interface OrderRoleInput {
  id: string;
  order: EngineColumn;
  /** The columns left for roles: not the id, not --ignore'd, not PII by name. */
  free: EngineColumn[];
  /** --time, --amount, --quantity, --price, --category, --text. */
  options: { time?: string; amount?: string; quantity?: string; price?: string; category?: string; text?: string[] };
  /** A flag's column, checked for its kind (one line when it is wrong). */
  flagged(flag: string, name: string | undefined, kind: EngineColumn['kind'][]): EngineColumn | undefined;
  isPii(c: EngineColumn): boolean;
  isText(c: EngineColumn): boolean;
  levels(c: EngineColumn): { distinct: number; nonNull: number; length: number };
}

/** The roles, and the status columns that may mark cancellations (the engine counts which do). */
export function pickOrderColumns(x: OrderRoleInput): { oc: OrderColumns; status: string[] } {
  const o = x.options;
  const flagged = x.flagged;
  const isText = x.isText;
  const used = new Set<string>([x.order.name]);
  const take = (c: EngineColumn | undefined) => (c && !used.has(c.name) ? (used.add(c.name), c) : undefined);
  const rest = () => x.free.filter((c) => !used.has(c.name));
  // A category or attribute as the data stage reads one: few levels (infer-schema.ts), not a product code or other key by its name.
  const categorical = (c: EngineColumn) => {
    const { distinct: nd, nonNull: nn, length } = x.levels(c);
    return !PRODUCT_NAME.test(c.name.trim()) && !OTHER_KEY_NAME.test(c.name.trim()) && length <= 100 && (nd <= MAX_CATEGORY_LEVELS || (nd <= 0.05 * nn && nd <= 1000));
  };
  const strings = () => rest().filter((c) => c.kind === 'string' && !x.isPii(c) && !isText(c));
  const levels = () => strings().filter(categorical);
  const numbers = () => rest().filter((c) => c.kind === 'number');
  const flags = {
    time: take(flagged('--time', o.time, ['date'])), amount: take(flagged('--amount', o.amount, ['number'])),
    quantity: take(flagged('--quantity', o.quantity, ['number'])), price: take(flagged('--price', o.price, ['number'])),
    category: take(flagged('--category', o.category, ['string'])),
  };
  const time = flags.time ?? take(rest().find((c) => c.kind === 'date' && TIME_HINT.test(c.name))) ?? take(rest().find((c) => c.kind === 'date'))!;
  const quantity = flags.quantity ?? take(numbers().find((c) => QUANTITY_HINT.test(c.name)));
  const price = flags.price ?? (flags.amount ? undefined : take(numbers().find((c) => PRICE_HINT.test(c.name))));
  const amount = flags.amount ?? take(numbers().find((c) => AMOUNT_HINT.test(c.name) && !PRICE_HINT.test(c.name)));
  const category =
    flags.category ??
    take(levels().find((c) => CATEGORY_HINT.test(c.name) && !COUNTRY_HINT.test(c.name))) ??
    take(levels().find((c) => !COUNTRY_HINT.test(c.name) && !STATUS_HINT.test(c.name) && !DESCRIPTION_HINT.test(c.name)));
  const attributes = levels().filter((c) => COUNTRY_HINT.test(c.name));
  for (const a of attributes) used.add(a.name);
  const status = levels().filter((c) => STATUS_HINT.test(c.name));
  const texts = rest().filter(isText);
  // Free text or --text only: the data stage also takes a short "description" column, but first reads its values for person
  // names (capitalised word pairs) and leaves such a column out as PII — a check of values the engine cannot make before they leave it.
  const text = take(texts.find((c) => DESCRIPTION_HINT.test(c.name))) ?? take(texts[0]);
  const oc: OrderColumns = {
    id: x.id, order: x.order.name, time: time.name,
    ...(quantity ? { quantity: quantity.name } : {}), ...(price ? { price: price.name } : {}), ...(amount ? { amount: amount.name } : {}),
    ...(category ? { category: category.name } : {}), ...(text ? { text: text.name } : {}),
    attributes: attributes.map((a) => a.name),
  };
  return { oc, status: status.map((s) => s.name) };
}

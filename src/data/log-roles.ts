import { InputError } from '../errors.js';
import type { ColumnPlan, Inference, LogRole } from './infer-schema.js';
import type { NumericUnit } from '../model/data.js';

/**
 * Which column plays which part in an event or order-line log: the time, order id, amount,
 * quantity, price, category, product text and customer attributes. Names decide (in the
 * languages exports come in), flags override, and a flag naming a column of the wrong kind
 * is the user's error, said in one line.
 */

export const TIME_HINT = /time|date|_at$|^ts$|when|day|datum|zeit|fecha|heure/i;
export const QUANTITY_HINT = /^(quantity|qty|units?|menge|anzahl|st(ü|ue)ck|quantit[eéà]|cantidad|pieces|pcs|amount_units)$|quantity|qty/i;
export const PRICE_HINT = /price|preis|prix|precio|prezzo|unit_?cost/i;
export const AMOUNT_HINT = /amount|revenue|spend|total|value|sales|gmv|paid|cost|net|gross|betrag|umsatz|summe|montant|importe|totale|price/i;
export const CATEGORY_HINT = /categor|department|genre|product_?type|class|segment|type|kategorie|warengruppe|cat[eé]gorie|categor[ií]a|rubrik/i;
/** Attributes of the customer repeated on every line: a feature with its own share, never "the category". */
export const COUNTRY_HINT = /country|land$|^land|pays|pa[ií]s|paese|nation|region|state|city|stadt|ville|ciudad|market|territory|iso2|iso3/i;
export const DESCRIPTION_HINT = /descr|product_?name|item_?name|article_?name|title|bezeichnung|beschreibung|artikel|libell|d[eé]signation|nombre|produkt|product$/i;
export const STATUS_HINT = /status|state|type|kind|art$|typ$/i;
/** Values of a status column that mean the line was cancelled or returned. */
export const CANCEL_VALUES = String.raw`(?i).*(cancel|return|refund|storn|retour|void|annul|devol|r(ü|ue)ckgabe|gutschrift|credit).*`;

export interface LogPlans {
  time: ColumnPlan;
  order?: ColumnPlan;
  amount?: ColumnPlan;
  quantity?: ColumnPlan;
  price?: ColumnPlan;
  category?: ColumnPlan;
  text?: ColumnPlan;
  attributes: ColumnPlan[];
  status: ColumnPlan[];
}

const ROLE_KIND: Record<LogRole, string> = { orderId: 'order ids', time: 'dates or times', amount: 'numbers', quantity: 'numbers', price: 'numbers', category: 'categories' };
const FLAG: Record<LogRole, string> = { orderId: '--order-id', time: '--time', amount: '--amount', quantity: '--quantity', price: '--price', category: '--category' };

export function pickLogPlans(file: string, inference: Inference): LogPlans {
  const plans = inference.columns;
  const flagged = inference.overrides.log;
  const byFlag = (role: LogRole, ok: (p: ColumnPlan) => boolean): ColumnPlan | undefined => {
    const name = flagged[role];
    if (!name) return undefined;
    const p = plans.find((q) => q.name === name)!;
    if (role === 'category' && (p.role === 'text' || p.role === 'ignored' || p.role === 'code') && !p.dropped) p.role = 'categorical';
    if (!ok(p)) {
      throw new InputError({ file, column: name }, `given by ${FLAG[role]}, but its values are not ${ROLE_KIND[role]} (read as ${p.role}: ${p.reason})`, `Name a column of ${ROLE_KIND[role]} with ${FLAG[role]}`);
    }
    p.overridden = true;
    return p;
  };
  const used = new Set<ColumnPlan>();
  const take = (p: ColumnPlan | undefined) => (p && !used.has(p) ? (used.add(p), p) : undefined);
  const numeric = (p: ColumnPlan) => p.role === 'numeric';
  const free = (role: ColumnPlan['role'], hint: RegExp, not?: RegExp) => plans.find((p) => p.role === role && !used.has(p) && !p.overridden && hint.test(p.name) && !(not && not.test(p.name)));

  // Flags first, so a column a flag names is never taken by a name hint for another role.
  const flags = {
    time: take(byFlag('time', (p) => p.role === 'datetime')),
    order: take(byFlag('orderId', (p) => p.role === 'code')),
    quantity: take(byFlag('quantity', numeric)),
    price: take(byFlag('price', numeric)),
    amount: take(byFlag('amount', numeric)),
    category: take(byFlag('category', (p) => p.role === 'categorical')),
  };
  const time = flags.time ?? take(free('datetime', TIME_HINT)) ?? take(plans.find((p) => p.role === 'datetime' && !used.has(p)))!;
  const order = flags.order ?? take(plans.find((p) => p.role === 'code' && /order id/.test(p.reason)));
  const quantity = flags.quantity ?? (order ? take(free('numeric', QUANTITY_HINT)) : undefined);
  const price = flags.price ?? (order && !flags.amount ? take(free('numeric', PRICE_HINT)) : undefined);
  const amountFlag = flags.amount;
  const numerics = plans.filter((p) => p.role === 'numeric' && !used.has(p));
  const amount =
    amountFlag ??
    take(free('numeric', AMOUNT_HINT, PRICE_HINT)) ??
    // An event log with one number and no price/quantity: that number is the amount.
    (!order && !price && !quantity && numerics.length === 1 ? take(numerics[0]) : undefined) ??
    (!order && !quantity ? take(free('numeric', PRICE_HINT)) : undefined);
  const category = flags.category ?? take(free('categorical', CATEGORY_HINT, COUNTRY_HINT)) ?? take(plans.find((p) => p.role === 'categorical' && !COUNTRY_HINT.test(p.name) && !STATUS_HINT.test(p.name) && !(order && DESCRIPTION_HINT.test(p.name)) && !used.has(p)));
  const attributes = plans.filter((p) => p.role === 'categorical' && !used.has(p) && COUNTRY_HINT.test(p.name));
  for (const a of attributes) used.add(a);
  const status = plans.filter((p) => (p.role === 'categorical' || p.role === 'boolean') && !used.has(p) && STATUS_HINT.test(p.name));
  const text =
    take(plans.find((p) => p.role === 'text' && !used.has(p) && (p.overridden || DESCRIPTION_HINT.test(p.name)))) ??
    take(plans.find((p) => p.role === 'text' && !used.has(p))) ??
    take(plans.find((p) => (p.role === 'ignored' || p.role === 'categorical') && !p.overridden && !p.dropped && DESCRIPTION_HINT.test(p.name) && !used.has(p)));
  return { time, order, amount, quantity, price, category, text, attributes, status };
}

/** The unit of a feature computed by the data stage, by its name. */
export function derivedUnit(name: string): NumericUnit {
  if (/^share_|_rate$/.test(name)) return 'rate';
  if (/_days$|_days_ago$/.test(name)) return 'days';
  if (/^(monetary|avg_order_value)$/.test(name)) return 'money';
  if (/^(frequency|cancelled_orders|units_per_order)$/.test(name)) return 'count';
  return 'number';
}

const MONEY_NAME = /amount|revenue|spend|price|total|value|sales|gmv|paid|cost|income|salary|ltv|clv|aov|basket|balance|betrag|umsatz|preis|montant|prix|importe|precio/i;
const RATE_NAME = /rate|ratio|share|pct|percent|prozent|quote|taux|proportion/i;
const DAYS_NAME = /days|tenure|_age_days|recency/i;
const COUNT_NAME = /count|^num_|number_of|^n_|_n$|orders|visits|sessions|items|quantity|qty|purchases|clicks|logins|tickets|calls|units|anzahl|menge/i;

/** The unit of a customer-file column, from how it was written (%, a currency sign) or its name. */
export function columnUnit(plan: ColumnPlan): NumericUnit {
  if (plan.unit) return plan.unit;
  if (plan.role === 'boolean') return 'rate';
  if (RATE_NAME.test(plan.name)) return 'rate';
  if (DAYS_NAME.test(plan.name)) return 'days';
  if (MONEY_NAME.test(plan.name)) return 'money';
  if (COUNT_NAME.test(plan.name)) return 'count';
  return 'number';
}

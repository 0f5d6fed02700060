import type { FeatureLabels } from '../model/texts.js';
import type { Language } from '../util/script.js';
import { capitalLabel, labelFor } from './labels.js';
import { ZH_COUNT_WORDS, ZH_EVENTS, ZH_FLAG_WORDS, ZH_LABEL_RULES, ZH_WORDS, zhWindow } from './phrases/zh-labels.js';

/**
 * Feature labels in Chinese, for the briefs, the report and the chat of a Chinese Run. The
 * Run keeps one label per feature (labels.ts, English unless `--labels` gave another); here a
 * Chinese label wins when there is one (from `--labels`, or a column named in Chinese), else
 * the column name is read word by word with a small dictionary (phrases/zh-labels.ts:
 * total_spend → 累计消费金额, orders_12m → 近12个月订单数), else the column name itself is
 * shown, quoted as data (「churn_flag_v2」) — never a guess, never the English label.
 */

const HAN = /\p{Script=Han}/u;

/** The Chinese reading of a column name, or undefined when any word of it is unknown. */
export function zhLabelOf(feature: string): string | undefined {
  const name = feature.trim();
  for (const [re, label] of ZH_LABEL_RULES) if (re.test(name)) return label;
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  // "<event>_days_ago" (derived by the loader from a date column) and "days_since_<event>".
  const ago = /^(.*?)(?:_(?:date|at|on|time|timestamp))?_days_ago$/.exec(snake) ?? /^days_since_(.*)$/.exec(snake);
  if (ago) {
    const event = ZH_EVENTS[ago[1].replace(/[\s-]+/g, '_')];
    return event ? `距${event}天数` : undefined;
  }
  const words = snake.split(/[^a-z0-9]+/).filter(Boolean);
  let window = '';
  let flag = '';
  const parts: { mod: string; head?: string }[] = [];
  let counted = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const win = /^(\d+)(d|w|m|y|days?|weeks?|months?|years?)$/.exec(w);
    if (win) {
      window = zhWindow(Number(win[1]), win[2][0]);
      continue;
    }
    // "orders_last_90d": "last" belongs to the window.
    if (w === 'last' && /^\d+[dwmy]/.test(words[i + 1] ?? '')) continue;
    if (i === 0 && ZH_FLAG_WORDS[w] && words.length > 1) {
      flag = ZH_FLAG_WORDS[w];
      continue;
    }
    if (ZH_COUNT_WORDS.has(w)) {
      counted = true;
      continue;
    }
    const entry = ZH_WORDS[w];
    if (!entry) return undefined;
    parts.push(entry);
  }
  if (parts.length === 0) return undefined;
  const last = parts.length - 1;
  const body = parts.map((p, i) => (i === last ? (p.head ?? (counted ? `${p.mod}数` : p.mod)) : p.mod)).join('');
  return `${window}${flag}${body}`;
}

/** A feature's label in Chinese: a Chinese label or column name, the dictionary's reading, or the column quoted. */
export function zhLabel(labels: FeatureLabels | undefined, feature: string): string {
  const given = labels?.[feature]?.label;
  if (given && HAN.test(given)) return given;
  if (HAN.test(feature)) return feature;
  return zhLabelOf(feature) ?? `「${feature}」`;
}

/** A feature's label in the output language: English capitalised for the start of a line when asked. */
export function labelIn(labels: FeatureLabels | undefined, feature: string, lang: Language = 'en', capital = false): string {
  if (lang === 'zh') return zhLabel(labels, feature);
  return capital ? capitalLabel(labels, feature) : labelFor(labels, feature);
}

/** A category value in the output language's quoting: Chinese marks values as data (「抖音」), English shows them bare. */
export function levelIn(level: string, lang: Language = 'en'): string {
  return lang === 'zh' ? `「${level}」` : level;
}

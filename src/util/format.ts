/**
 * The one formatter of counts, shares, money and dates, per output language, used by the
 * operations' renderers and the writer's format module (src/write/format.ts). Intl does the
 * locale work (grouping, decimal mark, date order); this file only picks the locale and the
 * precision, so "1,234.50" (en), "1 234,50" (fr, de-style grouping) and "2026年12月1日" (zh)
 * all come from the same calls. Chinese (zh-CN) groups and marks decimals as English does, so
 * the checks read numbers back the same way in both writer languages.
 */

import { displayWidth } from './script.js';

/** The Intl locale of an output language ('en' → en-US, 'zh' → zh-CN, anything else as given). */
export function localeOf(lang = 'en'): string {
  if (lang === 'en') return 'en-US';
  if (lang === 'zh') return 'zh-CN';
  return lang;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), options);
    cache.set(key, f);
  }
  return f;
}

/** A whole count: 1,234 (en) · 1 234 (fr) · 1,234 (zh). */
export function formatCount(n: number, lang = 'en'): string {
  if (!Number.isFinite(n)) return 'n/a';
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(n));
}

/** A number with fixed decimals: 1,234.50 (en) · 1 234,50 (fr). */
export function formatDecimal(v: number, digits: number, lang = 'en'): string {
  if (!Number.isFinite(v)) return 'n/a';
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A 0..1 share as a percentage with `digits` decimals: 34% · 34,0 % (fr). */
export function formatPercent(share: number, lang = 'en', digits = 0): string {
  if (!Number.isFinite(share)) return 'n/a';
  return numberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A share with one decimal, as the renderers' tables show it: 12.5%. */
export function formatShare(share: number, lang = 'en'): string {
  return formatPercent(share, lang, 1);
}

/**
 * Money with two decimals: "1,234.50" alone, or with a currency — an ISO code ("EUR") is
 * placed by the locale ("€1,234.50", "1 234,50 €", "¥1,234.50"), a symbol is prefixed.
 */
export function formatMoney(v: number, lang = 'en', currency?: string): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    return numberFormat(lang, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
  }
  return `${currency ?? ''}${formatDecimal(v, 2, lang)}`;
}

/** A calendar date (UTC): December 1, 2026 (en) · 2026年12月1日 (zh) · 1 décembre 2026 (fr). */
export function formatDate(date: Date | string | number, lang = 'en'): string {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return 'n/a';
  return new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * A plain-text table whose columns fit their widest cell, measured in display columns: a
 * Chinese character takes two in a terminal, so padding by string length would skew the table.
 */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c] ?? ''))));
  const pad = (v: string, w: number, start: boolean) => (start ? ' '.repeat(Math.max(0, w - displayWidth(v))) + v : v + ' '.repeat(Math.max(0, w - displayWidth(v))));
  const line = (r: string[]) => r.map((v, c) => pad(v, widths[c], c !== 0 && /^¥?[\d.,%×-]+天?$/.test(v))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

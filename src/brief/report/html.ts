import { formatCount, formatShare } from '../../util/format.js';

/** Escaping for text and attribute values: every string from a Run (names, copy, features) passes here. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Round for SVG coordinates: two decimals are plenty and keep the file small. */
export function r2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Segment colours: a 10-colour palette chosen to stay apart for colour-blind readers
 * (Okabe–Ito and Tableau), then evenly spaced hues for larger k.
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f', '#ff9da7', '#3b3b98'];

export function segmentColour(segment: number): string {
  const i = segment - 1;
  if (i < PALETTE.length) return PALETTE[i];
  return `hsl(${Math.round((i * 137.508) % 360)}, 55%, 50%)`;
}

/** A count in the report's language (the one formatter, util/format.ts): 1,234 · 1 234 (fr). */
export function formatInt(n: number, lang = 'en'): string {
  return formatCount(n, lang);
}

/** A share with one decimal: 22.1%. */
export function formatPct(share: number, lang = 'en'): string {
  return formatShare(share, lang);
}

import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatMoney, formatPercent, formatShare } from '../../src/util/format.js';

describe('one formatter per language', () => {
  it('counts and money group and mark decimals the way the language does', () => {
    expect(formatCount(1234.4)).toBe('1,234');
    expect(formatMoney(1234.5, 'en')).toBe('1,234.50');
    // French: a narrow no-break space groups thousands and a comma marks decimals.
    expect(formatMoney(1234.5, 'fr')).toBe('1\u202f234,50');
    expect(formatMoney(1234.5, 'zh')).toBe('1,234.50');
    expect(formatMoney(1234.5, 'en', 'EUR')).toBe('€1,234.50');
    expect(formatMoney(1234.5, 'zh', 'CNY')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'en', '$')).toBe('$1,234.50');
    // German: a dot groups thousands, a comma marks decimals.
    expect(formatMoney(1234.5, 'de')).toBe('1.234,50');
    expect(formatCount(1234567, 'de')).toBe('1.234.567');
    expect(formatCount(1234567, 'fr')).toBe('1\u202f234\u202f567');
    expect(formatCount(1234567, 'zh')).toBe('1,234,567');
    expect(formatMoney(1234.5, 'de', 'EUR')).toBe('1.234,50\u00a0€');
  });

  it('shares are percentages', () => {
    expect(formatPercent(0.34)).toBe('34%');
    expect(formatShare(0.125)).toBe('12.5%');
    expect(formatPercent(0.34, 'zh')).toBe('34%');
  });

  it('dates read as the language writes them', () => {
    expect(formatDate('2026-12-01T00:00:00Z', 'zh')).toBe('2026年12月1日');
    expect(formatDate('2026-12-01T00:00:00Z', 'en')).toBe('December 1, 2026');
    expect(formatDate('2026-12-01T00:00:00Z', 'de')).toBe('1. Dezember 2026');
    expect(formatDate('2026-12-01T00:00:00Z', 'fr')).toBe('1 décembre 2026');
    // UTC, so a Run made late on 1 December is dated 1 December wherever it is read.
    expect(formatDate('2026-12-01T23:30:00Z', 'zh')).toBe('2026年12月1日');
    expect(formatDate('not a date', 'en')).toBe('n/a');
  });
});

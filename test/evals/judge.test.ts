import { describe, expect, it } from 'vitest';
import type { CustomerTable } from '../../src/model/data.js';
import { memberDescriber } from '../../evals/describe-member.js';
import { offlineJudge, parseMember } from '../../evals/judge/offline-judge.js';
import { readLabel } from '../../evals/judge/read-label.js';
import type { LabelText } from '../../evals/judge/types.js';

/** 10 customers; row 0 is young, spends little, buys Fashion and left PII in a review. */
function table(): CustomerTable {
  const n = 10;
  return {
    schema: { source: 't.csv', format: 'csv', kind: 'customers', idColumn: 'id', columns: [], rowsRead: n },
    quality: { rowsRead: n, customers: n, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [] },
    ids: Array.from({ length: n }, (_, i) => `C${i}`),
    numeric: [
      { name: 'age', kind: 'numeric', transform: 'none', values: Float64Array.from([19, 25, 30, 35, 40, 45, 50, 55, 60, 65]) },
      { name: 'total_spend', kind: 'numeric', transform: 'none', values: Float64Array.from([20, 900, 100, 800, 150, 700, 200, 600, 250, 500]) },
      { name: 'is_member', kind: 'boolean', transform: 'none', values: Float64Array.from([0, 1, 1, 1, 0, 0, 1, 1, 0, 1]) },
    ],
    categorical: [{ name: 'favourite_category', levels: ['Fashion', 'Garden'], codes: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]) }],
    text: [{ name: 'review', values: ['Love it, write to jane.doe@example.com or call Jane Doe', '', '', '', '', '', '', '', '', ''] }],
    piiValues: new Set(['Jane Doe', 'jane.doe@example.com']),
  };
}

describe('member descriptions', () => {
  it('say where the member stands among everyone, and leak no PII', () => {
    const text = memberDescriber(table()).describe(0);
    expect(text).toContain('age: 19.00 (5th percentile, very low)');
    expect(text).toContain('is_member: no (like 40% of customers)');
    expect(text).toContain('favourite_category: Fashion');
    expect(text).toMatch(/review: <customer_snippets>".*"<\/customer_snippets>/);
    expect(text).not.toMatch(/jane|doe|C0\b/i);
  });

  it('are read back by the judge', () => {
    const m = parseMember(memberDescriber(table()).describe(0));
    expect(m.position.get('age')).toBeCloseTo(0.05);
    expect(m.position.get('is_member')).toBeCloseTo(0.2); // a "no" shared by 40%: mid-rank 0.2
    expect(m.levels).toEqual(['Fashion']);
  });
});

describe('the offline judge', () => {
  const labels: LabelText[] = [
    { id: 1, name: 'Mature Big Spenders', summary: '40% of customers; total_spend averages 700 vs 400 for everyone (1.8×).' },
    { id: 2, name: 'Young Fashion Fans', summary: '30% of customers; age averages 24 vs 42 for everyone (0.6×).' },
    { id: 3, name: 'Garden Members', summary: '30% of customers; is_member: 90% vs 60% of everyone (1.5×).' },
  ];
  const d = memberDescriber(table());

  it('puts a member with the label that claims their traits', () => {
    expect(offlineJudge(labels, d.describe(0))).toBe(2); // young, Fashion, low spend
    expect(offlineJudge(labels, d.describe(5))).toBe(1); // 45, spends 700, not a member
    expect(offlineJudge(labels, d.describe(1))).toBe(3); // spends 900 but is 25: a Garden member fits better
  });

  it('follows the names: swap two names and the member follows its traits to the wrong segment', () => {
    const swapped = labels.map((l) => (l.id === 1 ? { ...l, name: labels[1].name, summary: labels[1].summary } : l.id === 2 ? { ...l, name: labels[0].name, summary: labels[0].summary } : l));
    expect(offlineJudge(swapped, d.describe(0))).toBe(1);
  });

  it('sees only label texts and the member: its signature takes nothing else', () => {
    expect(offlineJudge.length).toBe(2);
  });

  it('reads a middle claim, and "above average" as high: a member near the median goes to the middle label', () => {
    const f = ['age', 'total_spend'];
    expect([...readLabel('Mid-Age Moderate Spenders', f, []).numeric]).toEqual([['age', 'middle'], ['total_spend', 'middle']]);
    expect([...readLabel('Above average spenders', f, []).numeric]).toEqual([['total_spend', 'high']]);
    const spend: LabelText[] = [
      { id: 1, name: 'Big Spenders', summary: '' },
      { id: 2, name: 'Moderate Spenders', summary: '' },
      { id: 3, name: 'Low Spenders', summary: '' },
    ];
    // total_spend 500 is the 50th percentile, 900 the 95th, 20 the 5th.
    expect(offlineJudge(spend, d.describe(9))).toBe(2);
    expect(offlineJudge(spend, d.describe(1))).toBe(1);
    expect(offlineJudge(spend, d.describe(0))).toBe(3);
  });
});

describe('the offline judge on Chinese labels', () => {
  // Members as describe-member writes them (its lines are the judge's, in English); the labels in Chinese.
  const member = (age: number, spend: number, recency: number, category: string) =>
    [`age: ${age}.00 (${age}th percentile, mid)`, `total_spend: ${spend}.00 (${spend}th percentile, mid)`, `days_since_last_order: ${recency}.00 (${recency}th percentile, mid)`, `favourite_category: ${category}`].join('\n');
  const names: LabelText[] = [
    { id: 1, name: '数码家电高价值客户', summary: '' },
    { id: 2, name: '家居日用沉睡客户', summary: '' },
    { id: 3, name: '年轻零食饮料客群', summary: '' },
  ];

  it('reads trait words inside a run of characters and levels beside Han characters', () => {
    expect(offlineJudge(names, member(50, 95, 30, '数码家电'))).toBe(1);
    expect(offlineJudge(names, member(60, 40, 97, '家居日用'))).toBe(2);
    expect(offlineJudge(names, member(8, 30, 20, '零食饮料'))).toBe(3);
  });

  it('reads Chinese evidence: 平均…，整体为…（2.1倍） and 0.4倍 say which way', () => {
    const labels: LabelText[] = [
      { id: 1, name: '甲客群', summary: '占客户的20%（1,234人）；「total_spend」平均16,526，整体为4,567（3.6倍）。' },
      { id: 2, name: '乙客群', summary: '占客户的20%（1,234人）；「total_spend」平均1,034，整体为4,567（0.2倍）。' },
    ];
    expect(offlineJudge(labels, member(50, 95, 50, '其他'))).toBe(1);
    expect(offlineJudge(labels, member(50, 5, 50, '其他'))).toBe(2);
  });

  it('follows the names: swapped, the members follow their traits to the wrong segment', () => {
    const swapped = names.map((l) => (l.id === 1 ? { ...l, name: names[1].name } : l.id === 2 ? { ...l, name: names[0].name } : l));
    expect(offlineJudge(swapped, member(50, 95, 30, '数码家电'))).toBe(2);
  });
});

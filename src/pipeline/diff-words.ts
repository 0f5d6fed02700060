import type { Language } from '../util/script.js';
import type { PsiBand } from '../cluster/psi.js';

/**
 * The fixed words of the diff (changes.md beside a refreshed Run, `segmenta diff`, the chat's
 * `changes`), per language. Counts and shares come in formatted for the language; segment
 * names and feature names are data and are passed through (Chinese quotes them in 「」).
 */
export interface DiffWords {
  title: (from: string, to: string) => string;
  summary: (s: { shared: string; movers: string; moverShare: string; added: string; gone: string; refresh: boolean; psi: string; band: string }) => string;
  transitions: string;
  segments: string;
  header: string[];
  newSegment: string;
  band: Record<PsiBand, string>;
  quote: (s: string) => string;
  ended: (parts: { id: number; name: string; size: string }[]) => string;
  matrix: string;
  corner: string;
  /** The matrix's last row and column: customers new in the later Run, gone from it. */
  added: string;
  gone: string;
  bands: (moderate: number, significant: number, profileNote: boolean) => string;
  event: {
    survive: (from: number, to: number, share: string) => string;
    split: (from: number, into: number[], shares: string[]) => string;
    absorb: (from: number, into: number, share: string) => string;
    disappear: (from: number, present: string) => string;
    emerge: (to: number) => string;
  };
}

export const DIFF_WORDS: Record<Language, DiffWords> = {
  en: {
    title: (a, b) => `## What changed: Run ${a} → Run ${b}`,
    summary: (s) =>
      `${s.shared} customers in both Runs, ${s.movers} moved segment (${s.moverShare}); ${s.added} new, ${s.gone} gone. ` +
      `Segments paired by ${s.refresh ? 'the refresh' : 'shared customers'}. Size PSI ${s.psi} (${s.band}).`,
    transitions: '### Transitions',
    segments: '### Segments',
    header: ['#', 'name', 'was', 'size before', 'size now', 'moved in', 'moved out', 'new', 'profile PSI', 'band'],
    newSegment: 'new',
    band: { stable: 'stable', moderate: 'moderate', significant: 'significant' },
    quote: (s) => s,
    ended: (parts) => `Ended: ${parts.map((e) => `${e.id} "${e.name}" (${e.size} customers)`).join('; ')}.`,
    matrix: '### Transition matrix (rows: before, columns: now)',
    corner: 'from \\ to',
    added: 'new',
    gone: 'gone',
    bands: (m, s, note) =>
      `PSI bands: under ${m} stable, ${m}–${s} moderate, ${s} or more significant.${note ? ' Profile drift: not shown — the two Runs were embedded with different preprocessing (not a refresh chain), so profile drift is not comparable.' : ''}`,
    event: {
      survive: (from, to, share) => `segment ${from} survives as ${to} (${share} of it stayed together)`,
      split: (from, into, shares) => `segment ${from} split into ${into.join(' and ')} (${shares.join(' / ')})`,
      absorb: (from, into, share) => `segment ${from} was absorbed into ${into} (${share} of it)`,
      disappear: (from, present) => `segment ${from} disappeared (${present} of it still matched)`,
      emerge: (to) => `segment ${to} is new`,
    },
  },
  zh: {
    title: (a, b) => `## 变化：Run ${a} → Run ${b}`,
    summary: (s) =>
      `两次 Run 共有客户 ${s.shared} 位，其中 ${s.movers} 位换了人群（${s.moverShare}）；新增 ${s.added} 位，流失 ${s.gone} 位。` +
      `人群按${s.refresh ? '刷新时的匹配' : '共有客户'}对应。人群规模 PSI ${s.psi}（${s.band}）。`,
    transitions: '### 人群变动',
    segments: '### 各人群',
    header: ['#', '名称', '原人群', '原人数', '现人数', '转入', '转出', '新客户', '画像 PSI', '变化程度'],
    newSegment: '新人群',
    band: { stable: '稳定', moderate: '中等变化', significant: '显著变化' },
    quote: (s) => `「${s}」`,
    ended: (parts) => `已消失的人群：${parts.map((e) => `${e.id}「${e.name}」（${e.size}位客户）`).join('；')}。`,
    matrix: '### 流转矩阵（行：之前，列：现在）',
    corner: '从 \\ 到',
    added: '新客户',
    gone: '流失',
    bands: (m, s, note) =>
      `PSI 分档：低于 ${m} 为稳定，${m}–${s} 为中等变化，${s} 及以上为显著变化。${note ? '画像漂移：未显示 — 两次 Run 的预处理不同（不是刷新关系），画像漂移无法比较。' : ''}`,
    event: {
      survive: (from, to, share) => `人群 ${from} 延续为人群 ${to}（${share}的成员仍在一起）`,
      split: (from, into, shares) => `人群 ${from} 拆分为人群 ${into.join('和')}（${shares.join(' / ')}）`,
      absorb: (from, into, share) => `人群 ${from} 并入人群 ${into}（占其${share}）`,
      disappear: (from, present) => `人群 ${from} 消失了（只有${present}仍能对上）`,
      emerge: (to) => `人群 ${to} 是新出现的`,
    },
  },
};

import { formatCount, formatShare } from '../util/format.js';
import { PSI_BANDS } from '../cluster/psi.js';
import type { RunDiff } from './diff-runs.js';
import type { SegmentEvent } from '../model/run.js';
import type { PsiBand } from '../cluster/psi.js';
import type { Language } from '../util/script.js';
import { DIFF_WORDS } from './diff-words.js';

/** The diff as a Markdown section: for the terminal, Slack, and changes.md beside a refreshed Run, in the Run's language. */
export function diffMarkdown(d: RunDiff & { lang?: Language }): string {
  const lang = d.lang ?? 'en';
  const w = DIFF_WORDS[lang];
  const count = (n: number) => formatCount(n, lang);
  const band = (b: PsiBand | undefined) => (b ? w.band[b] : '–');
  const lines = [
    w.title(d.from.id, d.to.id),
    '',
    w.summary({
      shared: count(d.shared),
      movers: count(d.movers),
      moverShare: formatShare(d.shared ? d.movers / d.shared : 0, lang),
      added: count(d.added),
      gone: count(d.gone),
      refresh: d.pairing === 'refresh',
      psi: d.sizePsi.toFixed(3),
      band: band(d.sizeBand),
    }),
    '',
  ];
  if (d.events?.length) {
    lines.push(w.transitions, '', ...d.events.map((e) => `- ${eventLine(e, lang)}`), '');
  }
  lines.push(
    w.segments,
    '',
    `| ${w.header.join(' | ')} |`,
    '|---|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...d.segments.map((s) =>
      `| ${s.id} | ${cell(s.name)} | ${s.was ?? w.newSegment} | ${count(s.sizeBefore)} | ${count(s.sizeNow)} | ${count(s.movedIn)} | ${count(s.movedOut)} | ${count(s.newCustomers)} | ` +
        `${s.profilePsi === undefined ? '–' : s.profilePsi.toFixed(3)}${s.feature && s.profileBand !== 'stable' ? ` (${cell(w.quote(s.feature))})` : ''} | ${band(s.profileBand)} |`,
    ),
    '',
  );
  if (d.ended.length) lines.push(w.ended(d.ended.map((e) => ({ id: e.id, name: e.name, size: count(e.size) }))), '');
  lines.push(
    w.matrix,
    '',
    `| ${w.corner} | ${d.matrix.columns.map((c) => (c === 'gone' ? w.gone : c)).join(' | ')} |`,
    `|---|${d.matrix.columns.map(() => '---:').join('|')}|`,
    ...d.matrix.rows.map((r, i) => `| ${r === 'new' ? w.added : r} | ${d.matrix.counts[i].map((n) => count(n)).join(' | ')} |`),
    '',
    w.bands(PSI_BANDS.moderate, PSI_BANDS.significant, Boolean(d.profileNote)),
  );
  return lines.join('\n');
}

export function eventLine(e: SegmentEvent, lang: Language = 'en'): string {
  const w = DIFF_WORDS[lang].event;
  const share = (v: number) => formatShare(v, lang);
  switch (e.kind) {
    case 'survive':
      return w.survive(e.from, e.to, share(e.share));
    case 'split':
      return w.split(e.from, e.into, e.shares.map(share));
    case 'absorb':
      return w.absorb(e.from, e.into, share(e.share));
    case 'disappear':
      return w.disappear(e.from, share(e.present));
    case 'emerge':
      return w.emerge(e.to);
  }
}

// Names and features are data: keep a pipe in them from breaking the table.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

import { formatCount, formatShare } from '../util/format.js';
import { PSI_BANDS } from '../cluster/psi.js';
import type { RunDiff } from './diff-runs.js';
import type { SegmentEvent } from '../model/run.js';

/** The diff as a Markdown section: for the terminal, Slack, and changes.md beside a refreshed Run. */
export function diffMarkdown(d: RunDiff): string {
  const lines = [
    `## What changed: Run ${d.from.id} → Run ${d.to.id}`,
    '',
    `${formatCount(d.shared)} customers in both Runs, ${formatCount(d.movers)} moved segment (${formatShare(d.shared ? d.movers / d.shared : 0)}); ${formatCount(d.added)} new, ${formatCount(d.gone)} gone. ` +
      `Segments paired by ${d.pairing === 'refresh' ? 'the refresh' : 'shared customers'}. Size PSI ${d.sizePsi.toFixed(3)} (${d.sizeBand}).`,
    '',
  ];
  if (d.events?.length) {
    lines.push('### Transitions', '', ...d.events.map((e) => `- ${eventLine(e)}`), '');
  }
  lines.push(
    '### Segments',
    '',
    '| # | name | was | size before | size now | moved in | moved out | new | profile PSI | band |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...d.segments.map((s) =>
      `| ${s.id} | ${cell(s.name)} | ${s.was ?? 'new'} | ${formatCount(s.sizeBefore)} | ${formatCount(s.sizeNow)} | ${formatCount(s.movedIn)} | ${formatCount(s.movedOut)} | ${formatCount(s.newCustomers)} | ` +
        `${s.profilePsi === undefined ? '–' : s.profilePsi.toFixed(3)}${s.feature && s.profileBand !== 'stable' ? ` (${cell(s.feature)})` : ''} | ${s.profileBand ?? '–'} |`,
    ),
    '',
  );
  if (d.ended.length) lines.push(`Ended: ${d.ended.map((e) => `${e.id} "${e.name}" (${formatCount(e.size)} customers)`).join('; ')}.`, '');
  lines.push(
    '### Transition matrix (rows: before, columns: now)',
    '',
    `| from \\ to | ${d.matrix.columns.join(' | ')} |`,
    `|---|${d.matrix.columns.map(() => '---:').join('|')}|`,
    ...d.matrix.rows.map((r, i) => `| ${r} | ${d.matrix.counts[i].map((n) => formatCount(n)).join(' | ')} |`),
    '',
    `PSI bands: under ${PSI_BANDS.moderate} stable, ${PSI_BANDS.moderate}–${PSI_BANDS.significant} moderate, ${PSI_BANDS.significant} or more significant.${d.profileNote ? ` Profile drift: not shown — ${d.profileNote}.` : ''}`,
  );
  return lines.join('\n');
}

export function eventLine(e: SegmentEvent): string {
  switch (e.kind) {
    case 'survive':
      return `segment ${e.from} survives as ${e.to} (${formatShare(e.share)} of it stayed together)`;
    case 'split':
      return `segment ${e.from} split into ${e.into.join(' and ')} (${e.shares.map((s) => formatShare(s)).join(' / ')})`;
    case 'absorb':
      return `segment ${e.from} was absorbed into ${e.into} (${formatShare(e.share)} of it)`;
    case 'disappear':
      return `segment ${e.from} disappeared (${formatShare(e.present)} of it still matched)`;
    case 'emerge':
      return `segment ${e.to} is new`;
  }
}

// Names and features are data: keep a pipe in them from breaking the table.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

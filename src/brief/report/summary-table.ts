import type { RunFile, RunSegment } from '../../model/run.js';
import type { FeatureLabels } from '../../model/texts.js';
import { labelIn } from '../../write/labels-zh.js';
import type { Language } from '../../util/script.js';
import { formatFeatureValue } from '../../write/format.js';
import { esc, formatInt, formatPct, segmentColour } from './html.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

// Which money feature says "value": a total over time beats a per-order average.
const TOTAL_VALUE = /total|lifetime|ltv|clv|monetary|revenue|spend|mrr|arr/i;

/** The feature a segment's value is read from: the Run's money feature, totals first. */
export function valueFeature(run: RunFile, labels: FeatureLabels): string | undefined {
  const money = Object.entries(labels).filter(([, l]) => l.unit === 'money').map(([f]) => f);
  const present = money.filter((f) => run.segments.some((s) => s.profile.numeric.some((n) => n.feature === f)));
  return present.find((f) => TOTAL_VALUE.test(f)) ?? present[0];
}

/** The one next action for a segment: its offer idea without the reason, and where to send it. */
export function nextAction(s: RunSegment, w: ReportWords = REPORT_WORDS.en): string {
  if (!s.texts) return w.table.tooSmall;
  const idea = s.texts.copy.offer.split(/, because | — because /)[0];
  return `${idea}${w.channels(s.texts.persona.channels)}`;
}

/**
 * The report's first panel: every segment with its full name, size, value (the average of the
 * Run's money feature and the segment's share of the total) and the next action.
 */
export function summaryTable(run: RunFile, labels: FeatureLabels, w: ReportWords = REPORT_WORDS.en, lang: Language = 'en'): string {
  const feature = valueFeature(run, labels);
  const totals = run.segments.map((s) => {
    const f = feature ? s.profile.numeric.find((n) => n.feature === feature) : undefined;
    return f ? f.mean * s.size : 0;
  });
  const sum = totals.reduce((a, b) => a + b, 0);
  const t = w.table;
  const head = `<tr><th>#</th><th>${esc(t.segment)}</th><th class="num">${esc(t.customers)}</th><th class="num">${esc(t.share)}</th>${feature ? `<th class="num">${esc(t.average(labelIn(labels, feature, lang), feature))}</th><th class="num">${esc(t.shareOfValue)}</th>` : ''}<th>${esc(t.next)}</th></tr>`;
  const rows = run.segments.map((s, i) => {
    const f = feature ? s.profile.numeric.find((n) => n.feature === feature) : undefined;
    const value = feature
      ? `<td class="num">${f ? esc(formatFeatureValue(f, f.mean, undefined, 'money', lang)) : '–'}</td><td class="num">${sum > 0 ? formatPct(totals[i] / sum, lang) : '–'}</td>`
      : '';
    return (
      `<tr${s.small ? ' class="small"' : ''}><td><span class="swatch" style="background:${segmentColour(s.id)}"></span>${s.id}</td>` +
      `<td><a href="#segment-${s.id}">${esc(s.texts?.name ?? t.notDescribedSmall)}</a></td>` +
      `<td class="num">${formatInt(s.size, lang)}</td><td class="num">${formatPct(s.share, lang)}</td>${value}<td>${esc(nextAction(s, w))}</td></tr>`
    );
  });
  return `<table id="summary" class="summary"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

import type { RunFile } from '../../model/run.js';
import { esc, formatInt, formatPct, segmentColour } from './html.js';
import { sizeChart } from './size-chart.js';
import { mapChart, type MapData } from './map-chart.js';
import { heatmapChart } from './heatmap-chart.js';
import { heatRows } from './heat-rows.js';
import { segmentCard } from './segment-card.js';
import { predictionsPanel } from './predictions-panel.js';
import { summaryTable } from './summary-table.js';
import { runLabels } from '../../write/labels.js';
import { formatDate } from '../../util/format.js';
import { REPORT_WORDS } from './report-words.js';
import { runWriterSummary } from '../writer-label.js';

/**
 * The report page, from plain data: the Run (aggregates and texts) and the sampled 2-D map.
 * Self-contained — inline CSS and SVG, no script, no fonts or images to fetch — and the
 * Content-Security-Policy forbids any fetch, so it opens the same offline or as an email
 * attachment. Nothing by customer is drawn except anonymous dots: no ids, no PII, no
 * representative members.
 */
export function renderReport(run: RunFile, map: MapData): string {
  const segments = run.segments;
  const labels = runLabels(run);
  const lang = run.config.lang ?? 'en';
  const w = REPORT_WORDS[lang];
  const name = (id: number) => segments.find((s) => s.id === id)?.texts?.name ?? w.notDescribed;
  // The summary says when LLM texts fell back to the offline writer; its words are English, so other languages keep the short label.
  const writer = run.config.writer !== 'llm' ? w.offlineWriter : lang === 'en' ? runWriterSummary(run) : `LLM${run.config.model ? ` (${run.config.model})` : ''}`;
  // English keeps the minute in UTC, as before; other languages get their calendar date (2026年12月1日).
  const date = lang === 'en' ? run.createdAt.slice(0, 16).replace('T', ' ') : formatDate(run.createdAt, lang);
  const legend = segments.map((s) => `<span class="key"><span class="swatch" style="background:${segmentColour(s.id)}"></span>${s.id}. ${esc(name(s.id))}</span>`).join('');
  const sampleNote = map.points.length < map.total ? w.sample(formatInt(map.points.length, lang), formatInt(map.total, lang)) : w.all(formatInt(map.total, lang));
  const body = [
    `<header class="top"><h1>${esc(w.heading)}</h1>`,
    `<p class="meta">${esc(w.meta(run.id, date, formatInt(run.metrics.customers, lang), run.metrics.k, run.metrics.kChosen === 'auto' ? w.kAuto(run.metrics.silhouette.toFixed(2)) : w.kGiven, writer))}</p></header>`,
    `<section class="panel"><h2>${esc(w.summary)}</h2><p class="muted">${esc(w.summaryNote)}</p>${summaryTable(run, labels, w, lang)}</section>`,
    `<div class="row"><section class="panel"><h2>${esc(w.sizes)}</h2>${sizeChart(segments.map((s) => ({ segment: s.id, name: name(s.id), size: s.size, share: s.share, small: s.small })), w, lang)}</section>`,
    `<section class="panel"><h2>${esc(w.map)}</h2><p class="muted">${esc(w.mapNote(sampleNote))}</p>`,
    `<div class="map">${mapChart(map, w)}<div class="legend">${legend}</div></div></section></div>`,
    `<section class="panel"><h2>${esc(w.apart)}</h2><p class="muted">${esc(w.apartNote)}</p>${heatmapChart(heatRows(segments, labels, w, lang), segments.map((s) => ({ id: s.id, name: name(s.id) })), w)}</section>`,
    predictionsPanel(run, w, lang),
    `<section><h2>${esc(w.segments)}</h2><div class="cards">${segments.map((s) => segmentCard(s, run.config.minSegmentSize, w, lang)).join('')}</div></section>`,
    `<footer class="bottom">${esc(w.footer(segments.map((s) => `${s.id}: ${formatPct(s.share, lang)}`).join(' · ')))}</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.title(run.id))}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:1800px;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2430;background:#f4f5f7}
h1{margin:0 0 4px;font-size:26px}h2{margin:0 0 10px;font-size:18px}h3{margin:0;font-size:16px}h4{margin:12px 0 4px;font-size:14px}h5{margin:8px 0 2px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#5b6472}
.meta,.muted{color:#5b6472}.panel{background:#fff;border-radius:10px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.06);overflow-x:auto}
.chart{display:block;max-width:100%;height:auto;font-size:12px}.chart text{fill:#1d2430}.chart .num,.chart .sub,.chart .axis-label{fill:#5b6472;font-size:11px}
.chart .head{font-weight:600}.chart .cell-text{font-size:11px}.chart .axis{stroke:#c9ced6}.chart .centre-label{fill:#fff;font-weight:700;font-size:11px}
.map{display:flex;gap:20px;align-items:flex-start;flex-wrap:wrap}.legend{display:flex;flex-direction:column;gap:6px;padding-top:8px}
.key{display:flex;align-items:center;gap:8px}.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:16px}
.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(640px,1fr));gap:16px}.row .panel{margin:0}
table.summary{width:100%;border-collapse:collapse}.summary th,.summary td{text-align:left;padding:6px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top}
.summary th{font-size:12px;color:#5b6472;font-weight:600}.summary .num{text-align:right;white-space:nowrap}.summary .swatch{margin-right:6px}.summary tr.small{color:#8a919c}.summary a{color:inherit}
.card{background:#fff;border-radius:10px;padding:16px 20px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card header{display:flex;flex-wrap:wrap;align-items:center;gap:8px}.card .size{color:#5b6472;font-size:12px;margin-left:auto}
.card .summary{font-style:italic;margin:8px 0}.card ul{margin:2px 0;padding-left:18px}.cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.card dl{margin:4px 0;display:grid;grid-template-columns:56px 1fr;gap:6px 10px}.card dt{font-weight:600;color:#5b6472}.card dd{margin:0}
.card footer{margin-top:10px;font-size:12px;color:#5b6472}.card.small{opacity:.75}.bottom{margin-top:24px;font-size:12px;color:#5b6472}
@media print{body{background:#fff}.panel,.card{box-shadow:none;border:1px solid #ddd}}
`;

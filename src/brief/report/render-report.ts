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
  const name = (id: number) => segments.find((s) => s.id === id)?.texts?.name ?? 'Not described';
  const writer = run.config.writer === 'llm' ? runWriterSummary(run) : 'offline writer';
  const legend = segments.map((s) => `<span class="key"><span class="swatch" style="background:${segmentColour(s.id)}"></span>${s.id}. ${esc(name(s.id))}</span>`).join('');
  const sampleNote = map.points.length < map.total ? `a random sample of ${formatInt(map.points.length)} of ${formatInt(map.total)} customers` : `all ${formatInt(map.total)} customers`;
  const body = [
    `<header class="top"><h1>Customer segments</h1>`,
    `<p class="meta">Run ${esc(run.id)} · ${esc(run.createdAt.slice(0, 16).replace('T', ' '))} UTC · ${formatInt(run.metrics.customers)} customers · ${run.metrics.k} segments ` +
      `(${run.metrics.kChosen === 'auto' ? `k chosen by silhouette ${run.metrics.silhouette.toFixed(2)}` : 'k given'}) · texts by the ${esc(writer)}</p></header>`,
    `<section class="panel"><h2>Summary</h2><p class="muted">Each segment, what it is worth, and the one thing to do next. Click a name for its persona and copy.</p>${summaryTable(run, labels)}</section>`,
    `<div class="row"><section class="panel"><h2>Segment sizes</h2>${sizeChart(segments.map((s) => ({ segment: s.id, name: name(s.id), size: s.size, share: s.share, small: s.small })))}</section>`,
    `<section class="panel"><h2>Map of customers</h2><p class="muted">Each dot is a customer (${sampleNote}) on the two directions along which customers differ most; discs mark segment centres.</p>`,
    `<div class="map">${mapChart(map)}<div class="legend">${legend}</div></div></section></div>`,
    `<section class="panel"><h2>What sets each segment apart</h2><p class="muted">Lift = the segment's average (or share) divided by everyone's. Hover a cell for the figures.</p>${heatmapChart(heatRows(segments, labels), segments.map((s) => ({ id: s.id, name: name(s.id) })))}</section>`,
    predictionsPanel(run),
    `<section><h2>Segments</h2><div class="cards">${segments.map((s) => segmentCard(s, run.config.minSegmentSize)).join('')}</div></section>`,
    `<footer class="bottom">Made by segmenta. Shares: ${segments.map((s) => `${s.id}: ${formatPct(s.share)}`).join(' · ')}</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Segments — Run ${esc(run.id)}</title>
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

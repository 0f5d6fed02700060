import { basename } from 'node:path';
import type { RunFile } from '../model/run.js';
import { formatCount, formatPercent } from '../write/format.js';
import { bullets, cell, table, text } from './markdown.js';
import { writerLabel } from './writer-label.js';

/**
 * The index page of a Run's briefs: every segment with name, size, share and stability (small
 * segments listed as not described), the data-quality summary and the inferred schema. PII
 * columns are named with their kind, never a value.
 */
export function renderBriefIndex(run: RunFile): string {
  const m = run.metrics;
  const out: string[] = [];
  out.push(`# Campaign briefs: Run ${run.id}`, '');
  out.push(
    `${formatCount(m.customers)} customers from ${cell(basename(run.config.file || run.schema.source))}, ` +
      `${m.k} segments (k ${m.kChosen === 'auto' ? 'chosen by silhouette' : 'given'}; silhouette ${m.silhouette.toFixed(3)}), ` +
      `created ${run.createdAt}. Texts by ${text(writerLabel(runWriter(run)))}.`,
    '',
  );

  out.push('## Segments', '');
  const min = run.config.minSegmentSize;
  const rows = run.segments.map((s) => {
    const size = formatCount(s.size);
    const share = formatPercent(s.share);
    const stability = s.profile.stability > 0 ? s.profile.stability.toFixed(2) : 'not measured';
    if (s.small) return [String(s.id), `not described: under the minimum size (${min})`, size, share, stability, '–'];
    if (!s.texts) return [String(s.id), '(not written yet)', size, share, stability, `[brief](segment-${s.id}.md)`];
    return [String(s.id), cell(s.texts.name), size, share, stability, `[brief](segment-${s.id}.md)`];
  });
  out.push(table(['#', 'Name', 'Customers', 'Share', 'Stability', 'Brief'], rows, ['r', 'l', 'r', 'r', 'r', 'l']), '');
  const fallbacks = run.segments.filter((s) => s.texts?.writer.fallback).map((s) => s.id);
  if (fallbacks.length > 0) out.push(`Segments ${fallbacks.join(', ')} were written by the offline writer standing in for the LLM.`, '');

  out.push('## Data quality', '', dataQuality(run), '');
  out.push('## Schema', '', schema(run), '');
  return out.join('\n');
}

function runWriter(run: RunFile) {
  const first = run.segments.find((s) => s.texts)?.texts?.writer;
  return first ?? (run.config.writer === 'llm' ? { kind: 'llm' as const, model: run.config.model } : { kind: 'offline' as const });
}

function dataQuality(run: RunFile): string {
  const q = run.quality;
  const items = [
    `${formatCount(q.rowsRead)} rows read, ${formatCount(q.customers)} customers, ${formatCount(q.duplicateIds)} duplicate ids.`,
  ];
  for (const m of q.missing) items.push(`${m.column}: ${formatCount(m.count)} missing, filled with ${m.filledWith}.`);
  if (q.logTransformed.length > 0) items.push(`Skewed, log-transformed for clustering: ${q.logTransformed.join(', ')}.`);
  for (const c of q.clipped) items.push(`${c.column}: ${formatCount(c.count)} outliers clipped to the range the data supports.`);
  for (const d of q.droppedColumns) items.push(`Dropped ${d.column}: ${d.reason}.`);
  for (const w of q.warnings) items.push(`Warning: ${w}`);
  return bullets(items);
}

function schema(run: RunFile): string {
  const rows = run.schema.columns.map((c) => {
    const role = c.role === 'pii' ? `PII${c.piiKind ? ` (${c.piiKind})` : ''}: excluded` : c.role;
    // The reason is ours, but it was written from the data: for PII, say only the kind.
    const why = c.role === 'pii' ? 'personal data, never a feature, never shown' : c.reason;
    return [cell(c.name), role + (c.overridden ? ' (set by flag)' : ''), cell(c.sourceType), cell(why)];
  });
  const parts = [
    `Source: ${cell(basename(run.schema.source))} (${run.schema.format}, ${run.schema.kind === 'events' ? 'event log aggregated to one row per customer' : 'one row per customer'}); id column ${cell(run.schema.idColumn)}.`,
    '',
    rows.length > 0 ? table(['Column', 'Role', 'Type', 'Why'], rows) : '_No columns recorded._',
  ];
  if (run.schema.derived?.length) parts.push('', `Derived per customer: ${run.schema.derived.map(cell).join(', ')}.`);
  return parts.join('\n');
}

import { basename } from 'node:path';
import type { RunFile } from '../model/run.js';
import { formatCount, formatPercent } from '../write/format.js';
import { bullets, cell, table, text } from './markdown.js';
import { writerLabel } from './writer-label.js';
import { BRIEF_WORDS, type IndexWords } from './brief-words.js';
import { formatDate } from '../util/format.js';
import type { Language } from '../util/script.js';

/**
 * The index page of a Run's briefs: every segment with name, size, share and stability (small
 * segments listed as not described), the data-quality summary and the inferred schema. PII
 * columns are named with their kind, never a value.
 */
export function renderBriefIndex(run: RunFile): string {
  const m = run.metrics;
  const lang = run.config.lang ?? 'en';
  const w = BRIEF_WORDS[lang].index;
  const out: string[] = [];
  out.push(`# ${w.title(run.id)}`, '');
  // English keeps the ISO time, as before; other languages their calendar date (2026年12月1日).
  const date = lang === 'en' ? run.createdAt : formatDate(run.createdAt, lang);
  const zh = lang === 'zh';
  // A file or column name is data: Chinese quotes it (「customers.csv」), as the writer quotes columns.
  const data = (s: string) => (zh ? `「${cell(s)}」` : cell(s));
  out.push(w.intro(formatCount(m.customers, lang), data(basename(run.config.file || run.schema.source)), m.k, m.kChosen === 'auto' ? w.kAuto : w.kGiven, m.silhouette.toFixed(3), date, text(writerLabel(runWriter(run), lang))), '');

  out.push(`## ${w.segments}`, '');
  const min = run.config.minSegmentSize;
  const rows = run.segments.map((s) => {
    const size = formatCount(s.size, lang);
    const share = formatPercent(s.share, lang);
    const stability = s.profile.stability > 0 ? s.profile.stability.toFixed(2) : BRIEF_WORDS[lang].notMeasured;
    if (s.small) return [String(s.id), w.small(min), size, share, stability, '–'];
    if (!s.texts) return [String(s.id), w.notWritten, size, share, stability, `[${w.brief}](segment-${s.id}.md)`];
    return [String(s.id), cell(s.texts.name), size, share, stability, `[${w.brief}](segment-${s.id}.md)`];
  });
  out.push(table(w.header, rows, ['r', 'l', 'r', 'r', 'r', 'l']), '');
  const fallbacks = run.segments.filter((s) => s.texts?.writer.fallback).map((s) => s.id);
  if (fallbacks.length > 0) out.push(w.fallbacks(fallbacks.join(', ')), '');

  out.push(`## ${w.quality}`, '', dataQuality(run, w, data, lang), '');
  out.push(`## ${w.schema}`, '', schema(run, w, data), '');
  return out.join('\n');
}

function runWriter(run: RunFile) {
  const first = run.segments.find((s) => s.texts)?.texts?.writer;
  return first ?? (run.config.writer === 'llm' ? { kind: 'llm' as const, model: run.config.model } : { kind: 'offline' as const });
}

function dataQuality(run: RunFile, w: IndexWords, data: (s: string) => string, lang: Language): string {
  const q = run.quality;
  const items = [w.rows(formatCount(q.rowsRead, lang), formatCount(q.customers, lang), formatCount(q.duplicateIds, lang))];
  for (const m of q.missing) items.push(w.missing(data(m.column), formatCount(m.count, lang), w.filled(String(m.filledWith))));
  if (q.logTransformed.length > 0) items.push(w.logged(w.list(q.logTransformed.map(data))));
  for (const c of q.clipped) items.push(w.clipped(data(c.column), formatCount(c.count, lang)));
  for (const d of q.droppedColumns) items.push(w.dropped(data(d.column), w.droppedWhy(d.reason)));
  items.push(...w.warnings(q.warnings));
  return bullets(items);
}

function schema(run: RunFile, w: IndexWords, data: (s: string) => string): string {
  const rows = run.schema.columns.map((c) => {
    const role = c.role === 'pii' ? w.piiRole(c.piiKind ? w.piiKind(c.piiKind) : '') : w.role(c.role);
    // The reason is ours, but it was written from the data: for PII, say only the kind.
    const why = c.role === 'pii' ? w.piiWhy : w.why(c.reason);
    return [data(c.name), role + (c.overridden ? w.byFlag : ''), cell(w.type(c.sourceType)), cell(why)];
  });
  const parts = [
    w.source(data(basename(run.schema.source)), w.format(run.schema.format), run.schema.kind === 'events', data(run.schema.idColumn)),
    '',
    rows.length > 0 ? table(w.schemaHeader, rows) : w.noColumns,
  ];
  if (run.schema.derived?.length) parts.push('', w.derived(w.list(run.schema.derived.map(data))));
  return parts.join('\n');
}

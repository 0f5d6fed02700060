import { z } from 'zod';
import { LoadInput, loadOptions } from './load-input.js';
import { defineOperation } from './operation.js';
import { describeSchema, loadCustomers } from '../data/load.js';
import type { ColumnRole, DataQuality, DataSchema } from '../model/data.js';
import { formatCount, textTable } from '../util/format.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, type RenderWords } from './render-words.js';
import { writerLanguageOf, type Language } from '../util/script.js';

export const InspectInput = z.object({
  file: z.string().min(1).describe('Path to a customer file or event log (CSV, TSV, JSONL or Parquet)'),
  ...LoadInput,
});

/** The schema and data quality of a file — never its rows: nothing here identifies a customer. */
export interface InspectResult {
  file: string;
  customers: number;
  schema: DataSchema;
  quality: DataQuality;
  schemaText: string;
  /**
   * The language the answer is printed in: --lang / SEGMENTA_LANG, else the data's, as the
   * Run made from the file would be written (pipeline/make-run.ts).
   */
  lang?: Language;
}

export const inspectOp = defineOperation({
  name: 'inspect',
  description: OP_DESCRIPTIONS.inspect,
  input: InspectInput,
  async run(input, ctx): Promise<InspectResult> {
    const table = await loadCustomers(input.file, loadOptions(input));
    // The REPL's `/segment` with no file segments the file last inspected.
    if (ctx.session) ctx.session.file = input.file;
    const lang = ctx.config.lang ?? writerLanguageOf(table.text.flatMap((c) => c.values), table.categorical.flatMap((c) => c.levels));
    return { file: input.file, customers: table.ids.length, schema: table.schema, quality: table.quality, schemaText: describeSchema(table.schema), lang };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].inspect;
    const schema = w.schema ? schemaLines(r.schema, w.schema, lang) : r.schemaText.trimEnd();
    return [w.title(r.file, formatCount(r.customers, lang), formatCount(r.quality.rowsRead, lang)), '', schema, '', ...qualityLines(r.quality, lang)].join('\n');
  },
  summarize(r) {
    const byRole = new Map<ColumnRole, string[]>();
    for (const c of r.schema.columns) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.name]);
    const roles = [...byRole].map(([role, cols]) => `${role}: ${cols.join(', ')}`).join('; ');
    return `${r.file}: ${r.customers} customers, id column ${r.schema.idColumn}. Columns — ${roles}. ${qualityLines(r.quality, 'en').slice(1).map((l) => l.trim()).join('; ')}.`;
  },
});

function qualityLines(q: DataQuality, lang: Language): string[] {
  const w = RENDER_WORDS[lang].inspect;
  const filled = w.schema?.filled ?? ((f: string) => f);
  const lines = [w.quality];
  lines.push(w.duplicates(String(q.duplicateIds)));
  const missing = q.missing.filter((m) => m.count > 0);
  lines.push(w.missing(missing.map((m) => ({ column: m.column, count: String(m.count), filledWith: filled(m.filledWith) }))));
  if (q.logTransformed.length) lines.push(w.logged(q.logTransformed));
  if (q.clipped.length) lines.push(w.clipped(q.clipped.map((c) => ({ column: c.column, count: String(c.count) }))));
  if (q.droppedColumns.length) lines.push(w.dropped(q.droppedColumns));
  if (q.warnings.length && w.schema) lines.push(`  ${w.schema.warnings(q.warnings.length)}`);
  for (const x of q.warnings) lines.push(w.warning(x));
  return lines;
}

/** The schema as describeSchema (data/load.ts) lays it out, in a language that has its own words for it. */
function schemaLines(schema: DataSchema, w: NonNullable<RenderWords['inspect']['schema']>, lang: Language): string {
  const rows = schema.columns.map((c) => [c.name, w.role(c.role, c.piiKind), w.why(c.role, c.reason, c.piiKind)]);
  const table = textTable(w.header, rows).split('\n').map((l) => `  ${l}`);
  const lines = [w.what(schema.source, schema.format, schema.kind, formatCount(schema.rowsRead, lang), schema.idColumn)];
  for (const j of schema.joined ?? []) lines.push(w.joined(j.file, j.on, formatCount(j.rows, lang)));
  lines.push(...table);
  if (schema.derived?.length) lines.push(w.derived(schema.derived));
  // As describeSchema: the columns left out, with why (an order id read as a code is used, not left out).
  const out = schema.columns.filter((c) => c.role === 'ignored' || (c.role === 'code' && !c.reason.includes('→')));
  if (out.length) lines.push(w.leftOut(out.map((c) => ({ column: c.name, why: w.why(c.role, c.reason, c.piiKind) }))));
  return lines.join('\n');
}

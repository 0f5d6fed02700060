import { z } from 'zod';
import { LoadInput, loadOptions } from './load-input.js';
import { defineOperation } from './operation.js';
import { describeSchema, loadCustomers } from '../data/load.js';
import type { ColumnRole, DataQuality, DataSchema } from '../model/data.js';
import { formatCount } from '../util/format.js';
import { schemaText } from './schema-text.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS } from './render-words.js';
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
    const schema = w.schema ? schemaText(r.schema, lang) : r.schemaText.trimEnd();
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

import { z } from 'zod';
import { LoadInput, loadOptions } from './load-input.js';
import { defineOperation } from './operation.js';
import { describeSchema, loadCustomers } from '../data/load.js';
import type { ColumnRole, DataQuality, DataSchema } from '../model/data.js';
import { formatCount } from '../util/format.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

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
}

export const inspectOp = defineOperation({
  name: 'inspect',
  description: OP_DESCRIPTIONS.inspect,
  input: InspectInput,
  async run(input, ctx): Promise<InspectResult> {
    const table = await loadCustomers(input.file, loadOptions(input));
    // The REPL's `/segment` with no file segments the file last inspected.
    if (ctx.session) ctx.session.file = input.file;
    return { file: input.file, customers: table.ids.length, schema: table.schema, quality: table.quality, schemaText: describeSchema(table.schema) };
  },
  render(r) {
    return [`${r.file}: ${formatCount(r.customers)} customers (${formatCount(r.quality.rowsRead)} rows read)`, '', r.schemaText.trimEnd(), '', ...qualityLines(r.quality)].join('\n');
  },
  summarize(r) {
    const byRole = new Map<ColumnRole, string[]>();
    for (const c of r.schema.columns) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.name]);
    const roles = [...byRole].map(([role, cols]) => `${role}: ${cols.join(', ')}`).join('; ');
    return `${r.file}: ${r.customers} customers, id column ${r.schema.idColumn}. Columns — ${roles}. ${qualityLines(r.quality).slice(1).map((l) => l.trim()).join('; ')}.`;
  },
});

function qualityLines(q: DataQuality): string[] {
  const lines = ['Data quality:'];
  lines.push(`  duplicate ids: ${q.duplicateIds}`);
  const missing = q.missing.filter((m) => m.count > 0);
  lines.push(`  missing values: ${missing.length ? missing.map((m) => `${m.column} ${m.count} (filled with ${m.filledWith})`).join(', ') : 'none'}`);
  if (q.logTransformed.length) lines.push(`  skewed, log-transformed: ${q.logTransformed.join(', ')}`);
  if (q.clipped.length) lines.push(`  outliers clipped: ${q.clipped.map((c) => `${c.column} ${c.count}`).join(', ')}`);
  if (q.droppedColumns.length) lines.push(`  dropped: ${q.droppedColumns.map((d) => `${d.column} (${d.reason})`).join(', ')}`);
  for (const w of q.warnings) lines.push(`  warning: ${w}`);
  return lines;
}

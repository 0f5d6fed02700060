import { describeSchema } from '../data/load.js';
import type { DataSchema } from '../model/data.js';
import { formatCount, textTable } from '../util/format.js';
import type { Language } from '../util/script.js';
import { RENDER_WORDS } from './render-words.js';

/**
 * The schema as describeSchema (data/load.ts) lays it out, for inspect and segment: English
 * is the loader's own text; a language with its own words for it gets them (op-words.ts).
 */
export function schemaText(schema: DataSchema, lang: Language): string {
  const w = RENDER_WORDS[lang].inspect.schema;
  if (!w) return describeSchema(schema).trimEnd();
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

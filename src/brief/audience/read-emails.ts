import { sqlIdent } from '../../data/formats.js';
import { readColumns } from '../../data/columnar.js';
import { withSource } from '../../data/with-source.js';
import { InputError } from '../../errors.js';

/**
 * Emails by customer id, read from the data file at export time. The Run never stores PII
 * (run.json and the table keep none by row), so the export goes back to the file, through the
 * data stage's own reader (same trimming and missing markers, so ids match the Run's) and
 * keeps the first non-empty email of each id (an event log repeats them).
 * `idColumn` absent from the file means the Run numbered rows from 1 (no id column found).
 */
export async function readEmailsById(file: string, idColumn: string, emailColumn: string): Promise<Map<string, string>> {
  return withSource(file, async (conn, source) => {
    const columns = source.columns.map((c) => c.name);
    if (!columns.includes(emailColumn)) {
      throw new InputError({ file, column: emailColumn }, 'the email column the Run found is not in this file', 'Pass the file the Run was made from with --file');
    }
    const byRow = !columns.includes(idColumn);
    const idSql = byRow ? 'CAST(row_number() OVER () AS VARCHAR)' : `CAST(${sqlIdent(idColumn)} AS VARCHAR)`;
    const res = await readColumns(conn, `SELECT ${idSql}, CAST(${sqlIdent(emailColumn)} AS VARCHAR) FROM ${source.relation}`, ['str', 'str']);
    const [ids, emails] = res.columns as { kind: 'str'; values: (string | null)[] }[];
    const out = new Map<string, string>();
    for (let i = 0; i < res.rows; i++) {
      const id = ids.values[i];
      const email = emails.values[i];
      if (id !== null && email !== null && email.trim() !== '' && !out.has(id)) out.set(id, email);
    }
    return out;
  });
}

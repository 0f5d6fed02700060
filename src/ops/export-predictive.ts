import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { readEmailsById } from '../brief/audience/read-emails.js';
import { hashEmail } from '../brief/audience/hash-email.js';
import { writeAudience, HASHING, type AudienceMember } from '../brief/audience/write-audience.js';
import { selectAudience, type AudienceKind } from '../predict/audiences.js';
import { hasPredictions, readPredictions } from '../predict/run-store.js';
import type { RunFile } from '../model/run.js';
import type { OpContext } from './operation.js';
import type { Language } from '../util/script.js';
import { OP_WORDS } from './op-words.js';

/** The shape of export's result (ExportResult in export-audience.ts, which calls this: no import back, no cycle). */
interface ExportResult {
  runId: string;
  format: 'csv' | 'json';
  dir: string;
  hashing: string;
  emailNote?: string;
  exported: { segment: number; audience?: string; name: string; customers: number; withEmail: number; path: string }[];
  skipped: { segment: number; size: number; reason: string }[];
}

/**
 * `segmenta export --audience KIND`: a predictive audience (top value, high value at risk,
 * ready to buy) exported under the same rules as a segment — no audience under the Run's
 * minimum segment size, emails only as SHA-256 hashes, ids only in the file, counts only in
 * what a model or Slack sees.
 */
export async function exportPredictive(
  ctx: OpContext,
  dir: string,
  run: RunFile,
  kind: AudienceKind,
  opts: { format: 'csv' | 'json'; out?: string; file?: string; lang?: Language },
): Promise<ExportResult> {
  const w = OP_WORDS[opts.lang ?? 'en'].export;
  if (!hasPredictions(dir)) throw new UsageError(`Run ${run.id} has no predictions yet: run \`segmenta predict ${run.config.file}\` first, then export --audience ${kind}.`);
  const { idColumn, customers } = readPredictions(dir);
  const chosen = selectAudience(kind, customers);
  const min = run.config.minSegmentSize;
  const name = w.audienceName[kind];
  const rule = w.audienceRule[kind];
  if (chosen.note) throw new UsageError(`audience ${kind} cannot be made: ${chosen.note}.`);
  if (chosen.ids.length < min) {
    return { runId: run.id, format: opts.format, dir: resolve(opts.out ?? join(dir, 'exports')), hashing: HASHING, exported: [], skipped: [{ segment: 0, size: chosen.ids.length, reason: w.audienceTooSmall(kind, rule, chosen.ids.length, min) }] };
  }
  const emailColumn = run.schema.columns.find((c) => c.role === 'pii' && c.piiKind === 'email')?.name;
  let emails: Map<string, string> | undefined;
  let emailNote: string | undefined;
  if (!emailColumn) emailNote = w.noEmailAudience;
  else {
    const file = resolve(opts.file ?? run.config.file);
    if (!existsSync(file)) throw new UsageError(`export reads the emails from the data file ${file}, which is not there any more; pass its new path with --file.`);
    ctx.log(w.readingEmails(emailColumn, file));
    emails = await readEmailsById(file, run.schema.idColumn, emailColumn);
    if (emails.size > 0 && !chosen.ids.some((id) => emails!.has(id))) {
      throw new InputError({ file, column: run.schema.idColumn }, `none of its ids are customers of Run ${run.id}`, 'Pass the file the Run was made from with --file');
    }
  }
  const members: AudienceMember[] = chosen.ids.map((id) => {
    const raw = emails?.get(id);
    return { id, emailSha256: raw === undefined ? undefined : hashEmail(raw) };
  });
  const outDir = resolve(opts.out ?? join(dir, 'exports'));
  const path = writeAudience(outDir, { runId: run.id, segment: 0, audience: kind, name, idColumn, members }, opts.format);
  return {
    runId: run.id,
    format: opts.format,
    dir: outDir,
    hashing: HASHING,
    emailNote,
    exported: [{ segment: 0, audience: kind, name: `${name} (${rule})`, customers: members.length, withEmail: members.filter((m) => m.emailSha256).length, path }],
    skipped: [],
  };
}

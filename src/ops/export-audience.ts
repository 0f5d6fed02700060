import { z } from 'zod';
import { runField } from './fields.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineOperation } from './operation.js';
import { resolveSegment } from './segments.js';
import { openRun } from './session.js';
import { formatCount } from '../util/format.js';
import { InputError, UsageError } from '../errors.js';
import { readAssignments } from '../vectors/assignments.js';
import { readEmailsById } from '../brief/audience/read-emails.js';
import { hashEmail } from '../brief/audience/hash-email.js';
import { writeAudience, HASHING, type AudienceMember } from '../brief/audience/write-audience.js';
import type { RunFile, RunSegment } from '../model/run.js';
import { AUDIENCE_KINDS, AUDIENCES, type AudienceKind } from '../predict/audiences.js';
import { exportPredictive } from './export-predictive.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const ExportInput = z.object({
  segment: z.union([z.string(), z.number()]).optional().describe('Segment number, a word of its name or a superlative (biggest, most valuable…); every exportable segment when omitted'),
  format: z.enum(['csv', 'json']).default('csv').describe('csv (ad platform upload) or json'),
  out: z.string().optional().describe('Folder to write the audience files to (default: the Run folder\'s exports/)'),
  file: z.string().optional().describe('The data file to read emails from, when it has moved since the Run was made'),
  run: runField,
  audience: z.enum(AUDIENCE_KINDS as [AudienceKind, ...AudienceKind[]]).optional().describe(`A predictive audience instead of segments (after \`segmenta predict\`): ${AUDIENCE_KINDS.map((k) => `${k} = ${AUDIENCES[k]}`).join('; ')}`),
});

export interface ExportedSegment {
  segment: number;
  /** Set for a predictive audience (segment is then 0). */
  audience?: string;
  name: string;
  customers: number;
  /** Members with a hashed email (the rest have an id only). */
  withEmail: number;
  path: string;
}

export interface ExportResult {
  runId: string;
  format: 'csv' | 'json';
  dir: string;
  hashing: string;
  /** Why there are no hashed emails at all, when there are none. */
  emailNote?: string;
  exported: ExportedSegment[];
  /** Segments under the minimum size: never exported. */
  skipped: { segment: number; size: number; reason: string }[];
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}

/**
 * A hard floor under the configured minimum: an audience of fewer than 10 people singles people
 * out (ad platforms refuse lists that small for the same reason), whatever
 * SEGMENTA_MIN_SEGMENT_SIZE says.
 */
export const EXPORT_FLOOR = 10;

function exportMinimum(run: RunFile): number {
  return Math.max(EXPORT_FLOOR, run.config.minSegmentSize);
}

function isExportable(run: RunFile, s: RunSegment): boolean {
  return !s.small && s.size >= exportMinimum(run);
}

export const exportAudienceOp = defineOperation({
  name: 'export',
  description: OP_DESCRIPTIONS.exportAudience,
  input: ExportInput,
  async run(input, ctx): Promise<ExportResult> {
    const { dir, run } = openRun(ctx, input.run);
    const lang = answerLanguage(ctx, run);
    const w = RENDER_WORDS[lang];
    if (input.audience) {
      if (input.segment !== undefined) throw new UsageError('give either --segment or --audience, not both');
      return { ...(await exportPredictive(ctx, dir, run, input.audience, { ...input, lang })), lang };
    }
    const min = exportMinimum(run);
    const skipped: ExportResult['skipped'] = [];
    let chosen: RunSegment[];
    if (input.segment !== undefined) {
      const seg = resolveSegment(run, input.segment);
      if (!isExportable(run, seg)) throw new UsageError(`segment ${seg.id} has ${seg.size} customers, under the minimum of ${min}: it is not exported.`);
      chosen = [seg];
    } else {
      chosen = run.segments.filter((s) => isExportable(run, s));
      for (const s of run.segments) if (!isExportable(run, s)) skipped.push({ segment: s.id, size: s.size, reason: w.export.underMin(min) });
    }

    const assignments = readAssignments(dir);
    const emailColumn = run.schema.columns.find((c) => c.role === 'pii' && c.piiKind === 'email')?.name;
    let emails: Map<string, string> | undefined;
    let emailNote: string | undefined;
    if (!emailColumn) emailNote = w.export.noEmail;
    else {
      const file = resolve(input.file ?? run.config.file);
      if (!existsSync(file)) {
        throw new UsageError(`export reads the emails from the data file ${file}, which is not there any more; pass its new path with --file.`);
      }
      ctx.log(w.export.readingEmails(emailColumn, file));
      emails = await readEmailsById(file, run.schema.idColumn, emailColumn);
      // A file whose ids match none of the Run's is not the Run's file: say so rather than export blanks.
      if (emails.size > 0 && !assignments.ids.some((id) => emails!.has(id))) {
        throw new InputError({ file, column: run.schema.idColumn }, `none of its ids are customers of Run ${run.id}`, 'Pass the file the Run was made from with --file');
      }
    }

    const outDir = resolve(input.out ?? join(dir, 'exports'));
    const rowsOf = new Map<number, number[]>();
    assignments.segments.forEach((s, i) => {
      const list = rowsOf.get(s);
      if (list) list.push(i);
      else rowsOf.set(s, [i]);
    });
    const exported: ExportedSegment[] = [];
    for (const seg of chosen) {
      const members: AudienceMember[] = (rowsOf.get(seg.id) ?? []).map((i) => {
        const id = assignments.ids[i];
        const raw = emails?.get(id);
        return { id, emailSha256: raw === undefined ? undefined : hashEmail(raw) };
      });
      const name = seg.texts?.name ?? w.segment(seg.id);
      const path = writeAudience(outDir, { runId: run.id, segment: seg.id, name, idColumn: assignments.idColumn, members }, input.format);
      exported.push({ segment: seg.id, name, customers: members.length, withEmail: members.filter((m) => m.emailSha256).length, path });
    }
    return { runId: run.id, format: input.format, dir: outDir, hashing: HASHING, emailNote, exported, skipped, lang };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].export;
    const lines = [w.title(r.exported.length, formatCount(r.exported.length, lang), r.runId, r.format, r.hashing)];
    for (const e of r.exported) lines.push(w.line(e.audience ? w.audience : w.segment(e.segment), e.name, formatCount(e.customers, lang), formatCount(e.withEmail, lang), e.path));
    if (r.emailNote) lines.push(w.note(r.emailNote));
    for (const s of r.skipped) lines.push(s.segment === 0 ? w.skippedAudience(s.reason) : w.skippedSegment(s.segment, formatCount(s.size, lang), s.reason));
    return lines.join('\n');
  },
  // For a model: counts and paths, never ids or hashes.
  summarize(r) {
    const parts = r.exported.map((e) => `${e.audience ? 'audience' : `segment ${e.segment}`} "${e.name}" ${e.customers} customers (${e.withEmail} with email) at ${e.path}`);
    const skipped = r.skipped.length ? ` Not exported (under the minimum size): ${r.skipped.map((s) => (s.segment === 0 ? 'the audience' : `segment ${s.segment}`)).join(', ')}.` : '';
    return `Exported ${r.exported.length} audiences of Run ${r.runId} as ${r.format}: ${parts.join('; ')}.${r.emailNote ? ` ${r.emailNote}.` : ''}${skipped}`;
  },
});

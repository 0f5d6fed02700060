import { join } from 'node:path';
import { toCsv } from '../../util/csv.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

export interface AudienceMember {
  id: string;
  /** SHA-256 of the trimmed, lowercased email; absent when the customer has no usable email. */
  emailSha256?: string;
}

export interface Audience {
  runId: string;
  segment: number;
  /** A predictive audience ("top-value"…) instead of a segment: the file is audience-<kind>. */
  audience?: string;
  name: string;
  idColumn: string;
  members: AudienceMember[];
}

export const HASHING = 'sha256(lowercase(trim(email))), hex';

/**
 * One segment's audience file. CSV: `<id column>,email_sha256`, cells neutralised against
 * formula injection by toCsv (an id like "=HYPERLINK(…)" cannot run in a spreadsheet). JSON:
 * the same rows with the Run, segment and hashing recipe, for pipelines that post to an API.
 */
export function writeAudience(dir: string, audience: Audience, format: 'csv' | 'json'): string {
  const path = join(dir, `${audience.audience ? `audience-${audience.audience}` : `segment-${audience.segment}`}.${format}`);
  if (format === 'csv') {
    writeFileAtomic(path, toCsv([audience.idColumn, 'email_sha256'], audience.members.map((m) => [m.id, m.emailSha256 ?? ''])));
  } else {
    const doc = {
      runId: audience.runId,
      ...(audience.audience ? { audience: audience.audience } : { segment: audience.segment }),
      name: audience.name,
      idColumn: audience.idColumn,
      hashing: HASHING,
      size: audience.members.length,
      members: audience.members.map((m) => ({ id: m.id, emailSha256: m.emailSha256 ?? null })),
    };
    writeFileAtomic(path, JSON.stringify(doc, null, 2) + '\n');
  }
  return path;
}

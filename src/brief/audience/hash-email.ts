import { createHash } from 'node:crypto';

/**
 * An email in the form Google Customer Match and Meta Custom Audiences take: trimmed,
 * lowercased, SHA-256, hex. Values that are not an email address hash to undefined (an
 * ad platform would reject the row, or worse, match nobody and count it).
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}

export function hashEmail(raw: string): string | undefined {
  const email = normaliseEmail(raw);
  return email === undefined ? undefined : createHash('sha256').update(email, 'utf8').digest('hex');
}

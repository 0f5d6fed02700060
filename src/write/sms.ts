/**
 * SMS length the way carriers count it (GSM-7: 160 septets, the extension characters
 * ^ { } [ ] ~ \ | € taking two; anything outside the alphabet switches the message to UCS-2,
 * 70 UTF-16 units). The count itself lives in util/script.ts, which the write-time and eval
 * checks use, so the writer, the checks, `copy` and the briefs count an SMS the same way.
 */
import { smsLength, type SmsLength } from '../util/script.js';

export { smsLength, type SmsLength };

export const SMS_LIMITS = { 'GSM-7': 160, 'UCS-2': 70 } as const;

/** Whether a text fits one SMS part. */
export function fitsOneSms(text: string): boolean {
  const l = smsLength(text);
  return l.units <= l.limit;
}

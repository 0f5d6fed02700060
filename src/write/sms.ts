/**
 * SMS length the way carriers count it. A message in the GSM-7 alphabet fits 160 characters
 * in one part (the extension characters ^ { } [ ] ~ \ | € take two); one character outside it
 * (a curly quote, an emoji, Chinese) switches the whole message to UCS-2 and one part holds 70
 * UTF-16 units. Hand-written: the table is small and fixed (3GPP TS 23.038), and the npm
 * packages that count SMS parts pull in more than this.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM7_BASIC);
const EXTENDED = new Set(GSM7_EXTENDED);

export const SMS_LIMITS = { 'GSM-7': 160, 'UCS-2': 70 } as const;

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** What one SMS part holds in this encoding. */
  limit: number;
}

export function smsLength(text: string): SmsLength {
  let units = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) units += 1;
    else if (EXTENDED.has(ch)) units += 2;
    else return { encoding: 'UCS-2', units: text.length, limit: SMS_LIMITS['UCS-2'] };
  }
  return { encoding: 'GSM-7', units, limit: SMS_LIMITS['GSM-7'] };
}

/** Whether a text fits one SMS part. */
export function fitsOneSms(text: string): boolean {
  const l = smsLength(text);
  return l.units <= l.limit;
}

/**
 * Channel lengths as the receiving end counts them — the evals' own table, written apart from
 * the writer's (src/write, src/util/script.ts), so a miscount there shows here:
 *  - SMS: one message is 160 GSM-7 septets; the GSM 03.38 extension characters (€ [ ] { } \ ^ ~ |
 *    and form feed) are sent as an escape plus a character and count 2. One character outside
 *    GSM-7 (Chinese, "ç", an emoji, curly quotes) makes the carrier send UCS-2: 70 UTF-16 units,
 *    an emoji counting 2.
 *  - email subject and push: display columns, as mail clients and lock screens cut them (a
 *    Chinese character or an emoji is two columns wide): 60 and 120.
 *  - ad headline: 40 characters.
 */
export const LIMITS = { sms: 160, smsUnicode: 70, subject: 60, push: 120, headline: 40 } as const;

// GSM 03.38 default alphabet (basic set), as characters; LF and CR included, ESC left out.
const GSM7_BASIC = new Set(
  [...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'],
);
const GSM7_EXTENSION = new Set([...'\f^{}\\[~]|€']);

export interface SmsCount {
  encoding: 'GSM-7' | 'UCS-2';
  units: number;
  limit: number;
}

export function smsCount(text: string): SmsCount {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENSION.has(ch)) septets += 2;
    else return { encoding: 'UCS-2', units: text.length, limit: LIMITS.smsUnicode };
  }
  return { encoding: 'GSM-7', units: septets, limit: LIMITS.sms };
}

// East Asian Wide and Fullwidth blocks (UAX #11, the ranges copy can hold), and emoji.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u;

export function columns(text: string): number {
  let width = 0;
  for (const ch of text) width += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

export interface LengthProblem {
  channel: string;
  problem: string;
}

/** Every channel of the copy over its limit, each with its count and unit. */
export function channelOverruns(copy: { email?: { subject?: string }; sms?: string; push?: string; ad?: { headline?: string } }): LengthProblem[] {
  const out: LengthProblem[] = [];
  const over = (channel: string, length: number, limit: number, unit: string) => {
    if (length > limit) out.push({ channel, problem: `is ${length} ${unit}, over ${limit}` });
  };
  if (typeof copy.sms === 'string') {
    const s = smsCount(copy.sms);
    over('sms', s.units, s.limit, s.encoding === 'GSM-7' ? 'GSM-7 septets' : 'UCS-2 units (not all GSM-7)');
  }
  if (typeof copy.email?.subject === 'string') over('email.subject', columns(copy.email.subject), LIMITS.subject, 'display columns');
  if (typeof copy.push === 'string') over('push', columns(copy.push), LIMITS.push, 'display columns');
  if (typeof copy.ad?.headline === 'string') over('ad.headline', [...copy.ad.headline].length, LIMITS.headline, 'characters');
  return out;
}

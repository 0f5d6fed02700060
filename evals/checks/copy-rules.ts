import { channelOverruns } from './channel-limits.js';

/**
 * The evals' own copy rules, apart from the writer's (src/write/checks.ts): each channel fits
 * its limit (channel-limits.ts), says what to do next (a call to action), carries no link, and
 * an SMS says how to opt out. The word lists are this file's: short, in English and Chinese,
 * and read as "a verb that asks the reader to act" rather than as the writer's phrases.
 */

// Imperatives a marketer asks the reader with, read as imperatives: at the start of a sentence
// or clause, or after "now", "please", "just", "and"… — "Order now" asks, "your next order"
// does not. "Reply STOP" is the opt-out, taken out first.
const LEAD = String.raw`(?<=(?:^|[.!?:;,\n—–()"“]|\b(?:now|please|just|then|so|and|or|today|why not|go ahead and|don'?t forget to))\s*)`;
const ACT_EN = new RegExp(
  `${LEAD}(?:shop|buy|order|reorder|get|grab|claim|redeem|save|book|try|start|join|sign up|subscribe|come back|come in|visit|tap|click|open|see|view|explore|discover|browse|find|pick|choose|add|use|unlock|upgrade|renew|restock|stock up|check out|treat yourself|learn more|read more|ask|call|reply|enjoy|snap up|don'?t miss|hurry)(?![\\p{L}'’-])`,
  'iu',
);
const ACT_ZH = /立即|马上|赶快|快来|快去|点击|点此|戳|抢购|抢|领取|领|下单|购买|选购|回购|查看|看看|逛逛|来店|回来|预约|报名|加入|开通|订阅|试试|体验|入手|囤|解锁|使用|兑换|打开|进店|续费|邀请|别错过/u;

// Opt-out lines, en and zh: "Reply STOP to opt out", "Text STOP to end", "STOP to unsubscribe", "回T退订", "拒收请回复R".
const OPT_OUT_EN = /\b(?:reply|text|send)\s+stop\b[^.!?\n]*[.!?]?|\bstop\s+to\s+(?:opt[- ]?out|unsubscribe|end|quit)\b[^.!?\n]*[.!?]?/giu;
const OPT_OUT_ZH = /回复?\s*T[Dd]?\s*退订|退订回\s*T|拒收请?回复?\s*R/gu;

export function hasOptOut(sms: string): boolean {
  return new RegExp(OPT_OUT_EN.source, 'iu').test(sms) || new RegExp(OPT_OUT_ZH.source, 'u').test(sms);
}

// Sign-offs use the same verbs and ask for nothing: "See you soon" is not a call to action.
const SIGN_OFF = /\bsee you (?:soon|there|next time)\b|\btake care\b/giu;

export function asksToAct(text: string): boolean {
  const rest = text.replace(OPT_OUT_EN, ' ').replace(OPT_OUT_ZH, ' ').replace(SIGN_OFF, ' ');
  return ACT_EN.test(rest) || ACT_ZH.test(rest);
}

// A link: a scheme, "www.", or a host with a top-level domain a shop link uses.
const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|(?<![@\p{L}\p{N}._-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|app|shop|store|info|biz|me|ly|gl|to|ai|uk|de|fr|eu|cn|us)(?:\/\S*)?(?![\p{L}\p{N}])/iu;

export function hasLink(text: string): boolean {
  return LINK.test(text);
}

export interface CopyLike {
  email: { subject: string; body: string };
  sms: string;
  push: string;
  ad: { headline: string; primaryText: string };
  offer: string;
}

/** Every copy rule a channel breaks, as "field problem". */
export function copyProblems(copy: CopyLike): string[] {
  const out = channelOverruns(copy).map((p) => `${p.channel} ${p.problem}`);
  const acting: [string, string][] = [
    ['email.body', copy.email.body],
    ['sms', copy.sms],
    ['push', copy.push],
    ['ad', `${copy.ad.headline}\n${copy.ad.primaryText}`],
  ];
  for (const [field, text] of acting) if (text.trim() && !asksToAct(text)) out.push(`${field} asks the reader to do nothing (no call to action)`);
  if (copy.sms.trim() && !hasOptOut(copy.sms)) out.push('sms has no opt-out (e.g. "Reply STOP to opt out")');
  const linked: [string, string][] = [
    ['email.subject', copy.email.subject],
    ['email.body', copy.email.body],
    ['sms', copy.sms],
    ['push', copy.push],
    ['ad.headline', copy.ad.headline],
    ['ad.primaryText', copy.ad.primaryText],
    ['offer', copy.offer],
  ];
  for (const [field, text] of linked) if (hasLink(text)) out.push(`${field} has a link`);
  return out;
}

import type { SegmentTexts } from '../../src/model/texts.js';

/**
 * What a reader of two segments' copy would call "the same line": each sentence or line of
 * every channel, the brand's sender prefix taken off, and the lines every segment shares by
 * design (greeting, sign-off, SMS opt-out) left out. Written here, not imported from the
 * writer, so the test does not judge the writer by the writer's own rule.
 */
const BOILERPLATE = /^(hi there,|hey you,|hello,|see you soon,|kind regards,|happy shopping!|the( \w+)? (team|crew)|reply stop to opt out\.)$/i;

export function copyLines(t: SegmentTexts, brands: string[] = ['Acme', 'Northwind']): string[] {
  const c = t.copy;
  return [c.email.subject, c.email.body, c.sms, c.push, c.ad.headline, c.ad.primaryText]
    .flatMap((x) => x.split(/\n+/))
    .flatMap((x) => x.split(/(?<=[.!?])\s+/))
    .map((x) => x.trim())
    .map((x) => brands.reduce((s, b) => (s.startsWith(`${b}: `) ? s.slice(b.length + 2) : s), x))
    .filter((x) => x && !BOILERPLATE.test(x));
}

/** Every line of copy two segments share, as "a and b: line". */
export function sharedCopyLines(segments: { id: number; texts: SegmentTexts }[]): string[] {
  const owner = new Map<string, number>();
  const shared: string[] = [];
  for (const s of segments) {
    for (const line of new Set(copyLines(s.texts))) {
      const key = line.toLowerCase();
      const other = owner.get(key);
      if (other !== undefined && other !== s.id) shared.push(`${other} and ${s.id}: "${line}"`);
      owner.set(key, s.id);
    }
  }
  return shared;
}

/** Every text of a segment a marketer reads, with its field. */
export function textsOf(t: SegmentTexts): [string, string][] {
  const p = t.persona;
  const c = t.copy;
  return [
    ['name', t.name], ['summary', t.summary], ['persona.archetype', p.archetype], ['persona.description', p.description],
    ...p.goals.map((g): [string, string] => ['persona.goal', g]), ...p.painPoints.map((g): [string, string] => ['persona.pain', g]),
    ...p.evidence.map((g): [string, string] => ['persona.evidence', g]),
    ['copy.subject', c.email.subject], ['copy.body', c.email.body], ['copy.sms', c.sms], ['copy.push', c.push],
    ['copy.headline', c.ad.headline], ['copy.primaryText', c.ad.primaryText], ['copy.offer', c.offer],
  ];
}

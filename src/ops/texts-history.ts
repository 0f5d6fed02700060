import type { RunFile } from '../model/run.js';
import type { SegmentTexts } from '../model/texts.js';

/** One earlier version of a segment's texts, as `show N` lists it. */
export interface TextsVersion {
  /** The time kept with them (when `copy` or `write` replaced them; a refreshed Run's creation). */
  at: string;
  /** The writer that had written them. */
  writer: string;
  name: string;
  /** What the next version changed: name, persona, email, sms, push, ad, offer, settings. */
  changed: string[];
}

const PARTS: [string, (t: SegmentTexts) => unknown][] = [
  ['name', (t) => t.name],
  ['persona', (t) => t.persona],
  ['offer', (t) => t.copy.offer],
  ['email', (t) => t.copy.email],
  ['sms', (t) => t.copy.sms],
  ['push', (t) => t.copy.push],
  ['ad', (t) => t.copy.ad],
  ['settings', (t) => t.copySettings ?? {}],
];

/**
 * A segment's earlier texts from the Run's append-only `textsHistory`, oldest first, each
 * with what the version after it changed (the last one is compared with the current texts),
 * so a marketer can see that `copy 2 sms` touched only the SMS.
 */
export function segmentTextsHistory(run: Pick<RunFile, 'textsHistory' | 'segments'>, segment: number): TextsVersion[] {
  const versions = (run.textsHistory ?? []).flatMap((h) => (h.texts[segment] ? [{ at: h.writtenAt, writer: h.writer, texts: h.texts[segment] }] : []));
  const current = run.segments.find((s) => s.id === segment)?.texts;
  return versions.map((v, i) => {
    const next = versions[i + 1]?.texts ?? current;
    const changed = next ? PARTS.filter(([, get]) => JSON.stringify(get(v.texts)) !== JSON.stringify(get(next))).map(([part]) => part) : [];
    return { at: v.at, writer: v.writer, name: v.texts.name, changed };
  });
}

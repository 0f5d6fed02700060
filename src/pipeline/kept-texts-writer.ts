import type { SegmentTexts } from '../model/texts.js';
import type { Writer } from '../model/writer.js';

/**
 * A refresh's writer: segments that kept their identity (and did not drift past the rewrite
 * threshold) get their previous name, persona and copy back, so campaigns and syncs built on
 * them see the same words; every other segment is written by `inner`. Names are still asked of
 * `inner` for all segments at once (so new names stay distinct from the kept ones' neighbours),
 * and the kept names override them.
 */
export function keptTextsWriter(inner: Writer, kept: (segment: number) => SegmentTexts | undefined): Writer {
  return {
    get info() {
      return inner.info;
    },
    infoFor: (segment) => kept(segment)?.writer ?? inner.infoFor?.(segment) ?? inner.info,
    record: inner.record ? (previous) => inner.record!(previous) : undefined,
    get transcript() {
      return inner.transcript;
    },
    async names(ctx) {
      const todo = ctx.profiles.filter((p) => !kept(p.id));
      const written = todo.length ? await inner.names(ctx) : [];
      return ctx.profiles.map((p) => {
        const k = kept(p.id);
        return k ? { segment: p.id, name: k.name, summary: k.summary } : written.find((n) => n.segment === p.id)!;
      }).filter(Boolean);
    },
    persona: async (profile, name, ctx) => kept(profile.id)?.persona ?? inner.persona(profile, name, ctx),
    copy: async (profile, name, persona, ctx, options) => kept(profile.id)?.copy ?? inner.copy(profile, name, persona, ctx, options),
  };
}

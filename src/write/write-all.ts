import type { SegmentProfile } from '../model/profile.js';
import { SegmentTextsSchema, type CopySettings, type FeatureLabels, type SegmentName, type SegmentTexts } from '../model/texts.js';
import type { WriteContext, Writer } from '../model/writer.js';
import { mapLimit } from '../util/map-limit.js';
import { checkpoint } from '../util/cancel.js';
import type { Language } from '../util/script.js';
import { stageCounter, type ProgressHook } from '../util/progress.js';

export interface WriteAllOptions {
  concurrency?: number;
  /** Texts already written (a resumed write): those segments are not written again. */
  done?: Record<number, SegmentTexts>;
  /** Called after each segment's texts are complete, so a caller can save progress. */
  onSegmentDone?: (segment: number, texts: SegmentTexts, all: Record<number, SegmentTexts>) => void | Promise<void>;
  log?: (line: string) => void;
  /** The user's cancellation: no segment is started after it fires. */
  signal?: AbortSignal;
  /** The Run's feature labels and brand, for the writer's context. */
  labels?: FeatureLabels;
  brand?: string;
  /** The language to write in (default English). */
  lang?: Language;
  /** Writer calls done of all (names once, then a persona and a copy per segment). */
  progress?: ProgressHook;
  /** Each segment's copy settings (tone, offer) from earlier `copy` edits: kept until changed. */
  copySettings?: Record<number, CopySettings>;
}

/**
 * Names for every segment in one call (so they are distinct), then persona and copy per
 * segment, a few at a time. Only describable profiles (not `small`) reach the writer.
 */
export async function writeAllTexts(writer: Writer, profiles: SegmentProfile[], options: WriteAllOptions = {}): Promise<Record<number, SegmentTexts>> {
  const describable = profiles.filter((p) => !p.small);
  const ctx: WriteContext = { profiles: describable, labels: options.labels, brand: options.brand, lang: options.lang };
  const out: Record<number, SegmentTexts> = { ...(options.done ?? {}) };
  const todo = describable.filter((p) => !out[p.id]);
  if (todo.length === 0) return out;

  // Names are written for all segments together; finished segments keep theirs.
  const names = new Map<number, SegmentName>();
  for (const [id, t] of Object.entries(out)) names.set(Number(id), { segment: Number(id), name: t.name, summary: t.summary });
  // An LLM writer's calls are what a person waits for; the offline writer's are instant, counted the same way.
  const calls = stageCounter(options.progress, 'write', writer.info.kind === 'llm' ? 'LLM calls' : 'texts', 1 + 2 * todo.length);
  calls.start();
  await checkpoint(options.signal);
  for (const n of await writer.names(ctx)) if (!names.has(n.segment)) names.set(n.segment, n);
  calls.tick();

  await mapLimit(todo, options.concurrency ?? 4, async (profile) => {
    await checkpoint(options.signal);
    const name = names.get(profile.id);
    if (!name) throw new Error(`writer returned no name for segment ${profile.id}`);
    const persona = await writer.persona(profile, name, ctx);
    calls.tick();
    const settings = options.copySettings?.[profile.id];
    const copy = await writer.copy(profile, name, persona, ctx, settings);
    calls.tick();
    const texts = SegmentTextsSchema.parse({
      name: name.name,
      summary: name.summary,
      persona,
      copy,
      writer: writer.infoFor?.(profile.id) ?? writer.info,
      ...(settings && Object.keys(settings).length ? { copySettings: settings } : {}),
    });
    out[profile.id] = texts;
    options.log?.(`wrote segment ${profile.id}: ${texts.name}`);
    await options.onSegmentDone?.(profile.id, texts, out);
  });
  return out;
}

import type { SegmentProfile } from '../model/profile.js';
import { PersonaSchema, SegmentNameSchema, type Copy, type Persona, type SegmentName, type WriterInfo } from '../model/texts.js';
import type { CopyOptions, WriteContext, Writer } from '../model/writer.js';
import { offlineNames } from './offline-names.js';
import { offlinePersona } from './offline-persona.js';
import { offlineCopy } from './offline-copy.js';
import { checkDistinctNames } from './checks.js';
import { makeLabels } from './labels.js';
import { ENGLISH, phrasesFor } from './phrases/index.js';
import { writerLanguageNamed } from '../util/script.js';

/**
 * The writer used when no LLM is configured, and the stand-in when the LLM fails an item.
 * Deterministic (the same profiles give the same texts), in English or Simplified Chinese
 * (ctx.lang: the words of the phrase tables in phrases/, the same code for both), and grounded: every
 * number it writes is a profile number formatted by format.ts, and the copy has none.
 */
export class OfflineWriter implements Writer {
  readonly info: WriterInfo = { kind: 'offline' };

  async names(ctx: WriteContext): Promise<SegmentName[]> {
    const names = offlineNames(ctx.profiles, ctx.currency, labelsOf(ctx), tableOf(ctx));
    const problems = checkDistinctNames(names.map((n) => n.name));
    if (problems.length > 0) throw new Error(`offline names are not distinct: ${problems.map((p) => p.problem).join('; ')}`);
    return names.map((n) => SegmentNameSchema.parse(n));
  }

  async persona(profile: SegmentProfile, name: SegmentName, ctx: WriteContext): Promise<Persona> {
    return PersonaSchema.parse(offlinePersona(profile, name, profilesWith(ctx, profile), ctx.currency, labelsOf(ctx), tableOf(ctx)));
  }

  async copy(profile: SegmentProfile, _name: SegmentName, _persona: Persona, ctx: WriteContext, options?: CopyOptions): Promise<Copy> {
    // A writer language asked for by name ("in Chinese") is written in it, whatever the Run's
    // language; any other name is refused by assertEnglish (offline-copy.ts) with the fix.
    // Both languages go through the same selection code; the words are the phrase table's (phrases/).
    const asked = options?.language ? writerLanguageNamed(options.language) : undefined;
    const rest = asked ? { ...options, language: undefined } : options;
    return offlineCopy(profile, profilesWith(ctx, profile), rest, { currency: ctx.currency, labels: labelsOf(ctx), brand: ctx.brand, lang: asked ?? ctx.lang });
  }
}

/** The phrase table of the Run's language (English when it has none). */
function tableOf(ctx: WriteContext) {
  return phrasesFor(ctx.lang) ?? ENGLISH;
}

/** The Run's labels, or labels guessed from the profiles (a context made without a Run). */
function labelsOf(ctx: WriteContext) {
  return ctx.labels ?? makeLabels(ctx.profiles);
}

/** The run's profiles including this one (a caller may pass a context without it). */
function profilesWith(ctx: WriteContext, profile: SegmentProfile): SegmentProfile[] {
  return ctx.profiles.some((p) => p.id === profile.id) ? ctx.profiles : [...ctx.profiles, profile];
}

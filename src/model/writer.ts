import type { Language } from '../util/script.js';
import type { SegmentProfile } from './profile.js';
import type { LlmRecord } from './run.js';
import type { Copy, FeatureLabels, Persona, SegmentName, WriterInfo } from './texts.js';

/** Options a user can give when asking for copy (REPL "write an SMS, playful, 20% off"). */
export interface CopyOptions {
  tone?: string;
  offer?: string;
  language?: string;
  /** Brand name for sign-offs and the SMS sender prefix (else the WriteContext's). */
  brand?: string;
}

/** What a writer knows about the whole run besides one profile (for names that are distinct). */
export interface WriteContext {
  /** Every describable profile (small segments are never passed to a writer). */
  profiles: SegmentProfile[];
  /** Feature names that carry money, so the writer can format them (e.g. "total_spend"). */
  currency?: string;
  /** Plain-language labels of features (the Run's); guessed from the profiles when absent. */
  labels?: FeatureLabels;
  /** Brand name for sign-offs and the SMS sender prefix. */
  brand?: string;
  /** The language to write in (default English). */
  lang?: Language;
}

/**
 * A Writer turns profiles into texts. The offline writer and the LLM writer both implement it
 * and return values of the same zod schemas (src/write/schemas.ts).
 */
export interface Writer {
  readonly info: WriterInfo;
  /**
   * Which writer actually wrote a segment's texts: a writer that falls back per item (the LLM
   * writer wrapped with the offline one) marks those segments here. Defaults to `info`.
   */
  infoFor?(segment: number): WriterInfo;
  /** What run.json keeps of an LLM write: model, prompt hashes, usage, fallbacks. */
  record?(previous?: LlmRecord): LlmRecord;
  /** Every prompt sent and reply received (LLM writers), saved beside the Run. */
  readonly transcript?: readonly unknown[];
  names(ctx: WriteContext): Promise<SegmentName[]>;
  persona(profile: SegmentProfile, name: SegmentName, ctx: WriteContext): Promise<Persona>;
  copy(profile: SegmentProfile, name: SegmentName, persona: Persona, ctx: WriteContext, options?: CopyOptions): Promise<Copy>;
}

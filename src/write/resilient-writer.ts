import { setMaxListeners } from 'node:events';
import type { LlmConfig } from '../config.js';
import { CancelledError, ConfigError, ProviderError, RateLimitError, SegmentaError, TimeoutError } from '../errors.js';
import type { SegmentProfile } from '../model/profile.js';
import type { LlmRecord } from '../model/run.js';
import { LlmWriter, type LlmWriterOptions } from './llm-writer.js';
import type { Copy, Persona, SegmentName, WriterInfo } from '../model/texts.js';
import type { CopyOptions, WriteContext, Writer } from '../model/writer.js';

/**
 * The LLM writer with the offline writer behind it, item by item: when the LLM fails for one
 * item (its answer failed the checks twice, it refused, the server kept failing, the privacy
 * guard blocked the request), the offline writer writes that item and the segment is marked
 * `writer: { kind: 'offline', fallback: true, fallbackReason }`. A Run is therefore always
 * complete. Two things are not papered over: a wrong configuration (bad key, unknown model —
 * every item would fail the same way) and the user cancelling.
 */
export interface ResilientWriterOptions {
  log?: (line: string) => void;
  /**
   * After this many transport failures in a row (server down, rate limit that does not lift),
   * stop calling the LLM for the remaining items: each would cost every retry and timeout.
   */
  breakerThreshold?: number;
  /**
   * Total time the LLM may take over one Run, from its first call (not only per attempt: a hung
   * server used to cost every item every retry, ~13× the timeout). Past it, requests in flight
   * are cut and the remaining items are written offline, marked as fallbacks.
   */
  deadlineMs?: number;
  /** Aborted when the deadline passes; the LLM writer's requests listen to it. */
  deadlineController?: AbortController;
  /** The user's own cancellation, told apart from the deadline's. */
  userSignal?: AbortSignal;
}

export type Fallback = LlmRecord['fallbacks'][number];

export class ResilientWriter implements Writer {
  readonly info: WriterInfo;
  readonly fallbacks: Fallback[] = [];
  private transportFailures = 0;
  private readonly threshold: number;

  constructor(
    readonly llm: LlmWriter,
    readonly offline: Writer,
    private readonly options: ResilientWriterOptions = {},
  ) {
    this.info = llm.info;
    this.threshold = options.breakerThreshold ?? 3;
  }

  /** See LlmWriter.setPiiValues: the table's PII values, once the table is loaded. */
  setPiiValues(values: Iterable<string>): void {
    this.llm.setPiiValues(values);
  }

  infoFor(segment: number): WriterInfo {
    const mine = this.fallbacks.filter((f) => f.segment === segment);
    if (mine.length === 0) return this.info;
    return { kind: 'offline', fallback: true, fallbackReason: mine.map((f) => `${f.item}: ${f.reason}`).join('; ') };
  }

  async names(ctx: WriteContext): Promise<SegmentName[]> {
    const ids = ctx.profiles.filter((p) => !p.small).map((p) => p.id);
    const names = await this.attempt(
      () => this.llm.names(ctx),
      () => this.offline.names(ctx),
      ids,
      'name',
    );
    this.llm.useNames(names);
    return names;
  }

  persona(profile: SegmentProfile, name: SegmentName, ctx: WriteContext): Promise<Persona> {
    return this.attempt(
      () => this.llm.persona(profile, name, ctx),
      () => this.offline.persona(profile, name, ctx),
      [profile.id],
      'persona',
    );
  }

  copy(profile: SegmentProfile, name: SegmentName, persona: Persona, ctx: WriteContext, options?: CopyOptions): Promise<Copy> {
    return this.attempt(
      () => this.llm.copy(profile, name, persona, ctx, options),
      () => this.offline.copy(profile, name, persona, ctx, options),
      [profile.id],
      'copy',
    );
  }

  /** The LLM writer's prompts and replies (for llm-transcript.jsonl); fallbacks add none. */
  get transcript(): readonly unknown[] {
    return this.llm.transcript;
  }

  /**
   * What run.json keeps of this write (`RunFile.llm`). Given the record of an interrupted write
   * that this one resumed, usage adds up and its fallbacks stay for segments not written now.
   */
  record(previous?: LlmRecord): LlmRecord {
    const usage = this.llm.usage.snapshot();
    const rewritten = new Set(this.fallbacks.map((f) => f.segment));
    const prior = previous && previous.model === this.llm.llm.model ? previous : undefined;
    return {
      model: this.llm.llm.model,
      baseUrl: this.llm.llm.baseURL,
      promptHashes: { ...prior?.promptHashes, ...this.llm.promptHashes },
      usage: prior
        ? {
            promptTokens: prior.usage.promptTokens + usage.promptTokens,
            completionTokens: prior.usage.completionTokens + usage.completionTokens,
            calls: prior.usage.calls + usage.calls,
            retries: prior.usage.retries + usage.retries,
          }
        : usage,
      fallbacks: [...(prior?.fallbacks.filter((f) => !rewritten.has(f.segment)) ?? []), ...this.fallbacks],
    };
  }

  private deadlineStarted = false;
  private deadlinePassed = false;

  private startDeadline(): void {
    const ms = this.options.deadlineMs;
    if (this.deadlineStarted || !ms) return;
    this.deadlineStarted = true;
    const timer = setTimeout(() => {
      this.deadlinePassed = true;
      this.options.deadlineController?.abort(new TimeoutError(`the LLM deadline for this Run (${Math.round(ms / 1000)} s) passed`));
    }, ms);
    timer.unref?.();
  }

  private async attempt<T>(viaLlm: () => Promise<T>, viaOffline: () => Promise<T>, segments: number[], item: string): Promise<T> {
    const what = segments.length === 1 ? `${item} for segment ${segments[0]}` : `${item}s`;
    let reason: string;
    this.startDeadline();
    if (this.deadlinePassed) {
      reason = `the LLM deadline for this Run (${Math.round((this.options.deadlineMs ?? 0) / 1000)} s) passed`;
    } else if (this.transportFailures >= this.threshold) {
      reason = `LLM not called after ${this.transportFailures} failed requests in a row`;
    } else {
      try {
        const out = await viaLlm();
        this.transportFailures = 0;
        return out;
      } catch (err) {
        // A request cut by the deadline may surface as a cancel; only the user's own cancel stops the Run.
        const cutByDeadline = this.deadlinePassed && err instanceof CancelledError && !this.options.userSignal?.aborted;
        if (!cutByDeadline && !isFallbackable(err)) throw err;
        if (err instanceof ProviderError || err instanceof RateLimitError || err instanceof TimeoutError) this.transportFailures++;
        // The item and segment are recorded beside the reason; drop the message's own label.
        reason = cutByDeadline ? `the LLM deadline for this Run (${Math.round((this.options.deadlineMs ?? 0) / 1000)} s) passed` : (err as Error).message.replace(/^(segment names|\w+ for segment \d+): /, '');
      }
    }
    this.options.log?.(`${what}: using the offline writer (${reason})`);
    for (const segment of segments) this.fallbacks.push({ segment, item, reason });
    return viaOffline();
  }
}

/** LLM failures the offline writer can stand in for; not configuration errors, not a cancel, not bugs. */
export function isFallbackable(err: unknown): err is SegmentaError {
  return err instanceof SegmentaError && !(err instanceof ConfigError) && !(err instanceof CancelledError);
}

/** The writer to use when an LLM is configured: the LLM, with the offline writer per item behind it. */
export function createResilientWriter(llm: LlmConfig, offline: Writer, options: LlmWriterOptions & ResilientWriterOptions = {}): ResilientWriter {
  const deadlineController = options.deadlineController ?? new AbortController();
  // Default: room for about four timed-out attempts in all, whatever the number of items.
  const deadlineMs = options.deadlineMs ?? 4 * llm.timeoutMs * (llm.maxRetries + 1);
  const signal = options.signal ? AbortSignal.any([options.signal, deadlineController.signal]) : deadlineController.signal;
  // Every request of the Run listens to this one signal (each removes its listener when done);
  // Node's default of 10 would warn about a leak at the 11th concurrent request.
  setMaxListeners(1000, signal, deadlineController.signal);
  return new ResilientWriter(new LlmWriter(llm, { ...options, signal }), offline, { ...options, deadlineMs, deadlineController, userSignal: options.signal });
}

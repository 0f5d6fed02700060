import { z } from 'zod';
import type { LlmConfig } from '../config.js';
import { ModelOutputError } from '../errors.js';
import type { SegmentProfile } from '../model/profile.js';
import { quarantineWords } from '../llm/injection.js';
import type { Language } from '../util/script.js';
import { copyProblems, namesProblems, personaProblems, type OutputCheckContext } from './output-checks.js';
import { createPrivacyGuard, type PrivacyGuard } from '../llm/privacy.js';
import { segmentPayload, type SegmentPayload } from './profile-payload.js';
import { loadPrompt, type Prompt } from '../llm/prompts.js';
import type { RetryPolicy } from '../llm/retry.js';
import { callStructured, type Turn } from '../llm/structured-call.js';
import { UsageMeter } from '../llm/usage.js';
import { createPiiFinder, numbersIn } from './checks.js';
import { CHANNEL_LIMITS, CopySchema, PersonaSchema, SegmentNameSchema, type Copy, type Persona, type SegmentName, type WriterInfo } from '../model/texts.js';
import type { CopyOptions, WriteContext, Writer } from '../model/writer.js';

/**
 * The LLM writer: names for all segments in one call (so they are distinct), persona and copy
 * per segment. Each answer is parsed by the shared zod schemas, then checked by plain code
 * (src/llm/output-checks.ts); a failing answer is re-asked once with the problems listed, then
 * a ModelOutputError is thrown (the ResilientWriter turns that into an offline fallback).
 * Every prompt sent and reply received is kept in `transcript` for the Run.
 */
export interface LlmWriterOptions {
  /** Values of the table's PII columns: scrubbed from payloads, blocked from requests, rejected in outputs. */
  piiValues?: Iterable<string>;
  /** A guard built elsewhere (e.g. shared with the embedder); built from piiValues otherwise. */
  guard?: PrivacyGuard;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Overrides of the retry policy (tests use tiny delays). */
  retry?: Partial<RetryPolicy>;
}

export type WriterTask = 'names' | 'persona' | 'copy';

export interface TranscriptEntry {
  task: WriterTask;
  segment?: number;
  /** 1, or 2 for the re-ask after failed checks. */
  attempt: number;
  prompt: string;
  promptHash: string;
  messages: Turn[];
  /** The reply as the model wrote it (JSON text), if any. */
  reply?: string;
  refusal?: string;
  /** Why the reply was not accepted; empty when it was. */
  problems: string[];
  at: string;
}

const NameItemSchema = SegmentNameSchema.omit({ segment: true });

/** One property per segment: a schema-valid answer names every segment, and only those. */
function namesSchemaFor(ids: number[]) {
  const shape = Object.fromEntries(ids.map((id) => [`segment_${id}`, NameItemSchema.describe(`Name and summary of segment ${id}`)]));
  return z.object({ names: z.object(shape) });
}

const MAX_ATTEMPTS = 2;

interface Prepared {
  payloads: Map<number, SegmentPayload>;
  checks: OutputCheckContext;
}

/** The language named in the prompts (the model is asked for it; the checks verify the script). */
function languageName(lang: Language | undefined): string {
  return lang === 'zh' ? 'Simplified Chinese (简体中文)' : 'English';
}

/** Channel limits as the checks count them (src/write/checks.ts channelLength). */
function limitsFor(lang: Language | undefined): string {
  if (lang === 'zh') {
    return `email subject ≤ ${CHANNEL_LIMITS.emailSubject / 2} Chinese characters (${CHANNEL_LIMITS.emailSubject} display columns), SMS ≤ 70 characters in one UCS-2 message including the opt-out 回T退订, push ≤ ${CHANNEL_LIMITS.push / 2} Chinese characters, ad headline ≤ ${CHANNEL_LIMITS.adHeadline} characters`;
  }
  return `email subject ≤ ${CHANNEL_LIMITS.emailSubject}, SMS ≤ ${CHANNEL_LIMITS.sms}, push ≤ ${CHANNEL_LIMITS.push}, ad headline ≤ ${CHANNEL_LIMITS.adHeadline} characters`;
}

export class LlmWriter implements Writer {
  readonly info: WriterInfo;
  readonly usage = new UsageMeter();
  readonly transcript: TranscriptEntry[] = [];
  /** Template hash of every prompt used, by prompt name (for run.json). */
  readonly promptHashes: Record<string, string> = {};
  private guardImpl: PrivacyGuard;
  private pii: OutputCheckContext['pii'];
  private prepared = new WeakMap<WriteContext, Prepared>();
  /** Names known so far (this writer's, or given by useNames), to tell personas apart. */
  private readonly knownNames = new Map<number, string>();

  constructor(
    readonly llm: LlmConfig,
    private readonly options: LlmWriterOptions = {},
  ) {
    this.info = { kind: 'llm', model: llm.model };
    const values = options.piiValues ? [...options.piiValues] : [];
    this.guardImpl = options.guard ?? createPrivacyGuard(values);
    this.pii = createPiiFinder(values);
  }

  get guard(): PrivacyGuard {
    return this.guardImpl;
  }

  /**
   * The table's PII values, when they are known only after the writer was made (the CLI makes
   * the writer before it loads the file). Call before writing; payloads are built afresh.
   */
  setPiiValues(values: Iterable<string>): void {
    const list = [...values];
    this.guardImpl = createPrivacyGuard(list);
    this.pii = createPiiFinder(list);
    this.prepared = new WeakMap();
  }

  /** Names that came from elsewhere (the offline writer after a fallback). */
  useNames(names: SegmentName[]): void {
    for (const n of names) this.knownNames.set(n.segment, n.name);
  }

  async names(ctx: WriteContext): Promise<SegmentName[]> {
    const profiles = ctx.profiles.filter((p) => !p.small);
    if (profiles.length === 0) return [];
    const prep = this.prepare(ctx);
    const ids = profiles.map((p) => p.id);
    const prompt = loadPrompt('segment-names', {
      segment_count: profiles.length,
      segment_ids: ids.map((id) => `segment_${id}`).join(', '),
      language: languageName(ctx.lang),
      name_length: ctx.lang === 'zh' ? '3 to 12 Chinese characters (no spaces)' : '2 to 4 words',
      profiles: ids.map((id) => prep.payloads.get(id)!.text).join('\n\n'),
    });
    const schema = namesSchemaFor(ids);
    const toNames = (v: z.infer<typeof schema>): SegmentName[] =>
      ids.map((id) => {
        const item = (v.names as Record<string, { name: string; summary: string }>)[`segment_${id}`];
        return SegmentNameSchema.parse({ segment: id, name: item.name.trim(), summary: item.summary.trim() });
      });
    const value = await this.ask('names', undefined, prompt, schema, 'segment_names', (v) => namesProblems(toNames(v), profiles, prep.checks));
    const names = toNames(value);
    this.useNames(names);
    return names;
  }

  async persona(profile: SegmentProfile, name: SegmentName, ctx: WriteContext): Promise<Persona> {
    const prep = this.prepare(ctx, profile);
    const others = ctx.profiles.filter((p) => p.id !== profile.id && !p.small);
    const prompt = loadPrompt('persona', {
      segment: profile.id,
      name: this.guard.quote(name.name, 60),
      summary: this.guard.quote(name.summary, 200),
      profile: prep.payloads.get(profile.id)!.text,
      language: languageName(ctx.lang),
      other_segments: others.length ? others.map((p) => `- segment ${p.id}: ${this.guard.quote(this.knownNames.get(p.id) ?? `${p.size} customers`, 60)}`).join('\n') : '(none)',
    });
    return this.ask('persona', profile.id, prompt, PersonaSchema, 'persona', (v) => personaProblems(v, profile, prep.checks));
  }

  async copy(profile: SegmentProfile, name: SegmentName, persona: Persona, ctx: WriteContext, options: CopyOptions = {}): Promise<Copy> {
    const prep = this.prepare(ctx, profile);
    const q = (s: string, n = 300) => this.guard.quote(s, n);
    const prompt = loadPrompt('copy', {
      segment: profile.id,
      name: q(name.name, 60),
      persona: [`${q(persona.archetype, 60)}: ${q(persona.description, 600)}`, `Goals: ${persona.goals.map((g) => q(g, 160)).join('; ')}`, `Pain points: ${persona.painPoints.map((g) => q(g, 160)).join('; ')}`].join('\n'),
      profile: prep.payloads.get(profile.id)!.text,
      limits: limitsFor(ctx.lang),
      tone: options.tone ? q(options.tone, 80) : 'warm and clear',
      offer: options.offer ? q(options.offer, 200) : 'your choice, one that fits what the profile shows',
      language: options.language ? q(options.language, 40) : languageName(ctx.lang),
    });
    // Numbers the user put in the offer ("20% off") may be cited although the profile lacks them.
    const allow = numbersIn(options.offer ?? '').map((n) => n.value);
    return this.ask('copy', profile.id, prompt, CopySchema, 'campaign_copy', (v) => copyProblems(v, profile, prep.checks, allow));
  }

  /** Payloads and the check context for a WriteContext, built once (quarantine spans all segments). */
  private prepare(ctx: WriteContext, extra?: SegmentProfile): Prepared {
    let prep = this.prepared.get(ctx);
    if (!prep) {
      const payloads = new Map<number, SegmentPayload>();
      for (const p of ctx.profiles) if (!p.small) payloads.set(p.id, segmentPayload(p, this.guard, ctx.currency));
      const all = [...payloads.values()];
      prep = { payloads, checks: { lang: ctx.lang, pii: this.pii, quarantine: quarantineWords(all.flatMap((p) => p.withheld), all.map((p) => p.text).join('\n')) } };
      this.prepared.set(ctx, prep);
    }
    // segmentPayload refuses small segments: a persona for one is never asked of the LLM.
    if (extra && !prep.payloads.has(extra.id)) prep.payloads.set(extra.id, segmentPayload(extra, this.guard, ctx.currency));
    return prep;
  }

  private async ask<T>(task: WriterTask, segment: number | undefined, prompt: Prompt, schema: z.ZodType<T>, schemaName: string, check: (value: T) => string[]): Promise<T> {
    const label = task === 'names' ? 'segment names' : `${task} for segment ${segment}`;
    this.promptHashes[prompt.name] = prompt.hash;
    const turns: Turn[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ];
    // Fail before building any request; the HTTP layer checks the serialized body again.
    this.guard.assertClean(turns.map((t) => t.content).join('\n'), label);

    for (let attempt = 1; ; attempt++) {
      const reply = await callStructured(this.llm, schema, turns, {
        label,
        schemaName,
        guard: this.guard,
        log: this.options.log,
        usage: this.usage,
        retry: this.options.retry,
        signal: this.options.signal,
      });
      let problems = reply.problems;
      if (reply.value !== undefined) {
        try {
          problems = check(reply.value);
        } catch (err) {
          // A check that cannot even read the answer (e.g. a name that is blank once trimmed).
          problems = [err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err)];
        }
      }
      this.transcript.push({
        task,
        segment,
        attempt,
        prompt: prompt.name,
        promptHash: prompt.hash,
        messages: turns.map((t) => ({ ...t })),
        // Stored in the Run's transcript: scrubbed like everything else the Run keeps.
        reply: reply.rawText === undefined ? undefined : this.guard.scrub(reply.rawText),
        refusal: reply.refusal === undefined ? undefined : this.guard.scrub(reply.refusal),
        problems,
        at: new Date().toISOString(),
      });
      // A refusal is final: asking the same thing again rarely changes a model's mind.
      if (reply.refusal) throw new ModelOutputError(`${label}: the model refused (${this.guard.quote(reply.refusal, 120)})`);
      if (problems.length === 0 && reply.value !== undefined) return reply.value;
      if (attempt >= MAX_ATTEMPTS) {
        // The reason is stored in run.json: say what was wrong, not the model's words ("HACKED").
        const why = problems.slice(0, 3).map((p) => this.guard.quote(p.replace(/"[^"]*"/g, '"…"'), 160));
        throw new ModelOutputError(`${label}: the answer failed its checks twice (${why.join('; ')})`);
      }
      this.options.log?.(`re-asking ${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${this.guard.quote(problems[0], 120)})`);
      const feedback = loadPrompt('retry-feedback', {
        // The reply goes back scrubbed: an injected phone number must not make the guard block the re-ask.
        previous: this.guard.scrub(reply.rawText ?? '(no answer)').replace(/</g, '‹').replace(/>/g, '›').slice(0, 3000),
        problems: problems.map((p) => `- ${this.guard.quote(p, 240)}`).join('\n'),
      });
      this.promptHashes[feedback.name] = feedback.hash;
      turns.push({ role: 'user', content: feedback.user });
    }
  }
}

import OpenAI from 'openai';
import { z } from 'zod';
import { describeLlm, type Config } from '../config.js';
import { SegmentaError } from '../errors.js';
import { SegmentNameSchema } from '../model/texts.js';
import { OpenAIEmbedder } from '../embed/openai-embedder.js';
import { retryPolicyFor } from '../llm/chat-model.js';
import { createGuardedFetch } from '../llm/http.js';
import { createPrivacyGuard } from '../llm/privacy.js';
import { toSegmentaError } from '../llm/provider-errors.js';
import type { RetryPolicy } from '../llm/retry.js';
import { callStructured } from '../llm/structured-call.js';

/**
 * `segmenta doctor`: is the configured server usable? Lists its models, makes one tiny
 * structured call with the same kind of schema the writer sends (string length limits, one
 * object per segment), and embeds one word if an embedding model is set. Each step gives one
 * line; the first failure says what is wrong and how to fix it.
 */
export interface ServerCheckStep {
  step: 'config' | 'models' | 'structured' | 'embeddings';
  ok: boolean;
  line: string;
}

export interface ServerCheck {
  ok: boolean;
  steps: ServerCheckStep[];
  models?: string[];
}

const DoctorSchema = z.object({ names: z.object({ segment_1: SegmentNameSchema.omit({ segment: true }) }) });

export async function checkServer(config: Config, options: { retry?: Partial<RetryPolicy>; log?: (line: string) => void } = {}): Promise<ServerCheck> {
  const steps: ServerCheckStep[] = [{ step: 'config', ok: true, line: describeLlm(config) }];
  const llm = config.llm;
  if (!llm) return { ok: true, steps };
  // Doctor should answer fast: one retry, a short timeout.
  const retry: Partial<RetryPolicy> = { maxRetries: 1, timeoutMs: Math.min(llm.timeoutMs, 20_000), ...options.retry };
  const guard = createPrivacyGuard();
  const ctx = (label: string) => ({ label, model: llm.model, baseURL: llm.baseURL, timeoutMs: retry.timeoutMs!, maxRetries: retry.maxRetries! });
  const fail = (step: ServerCheckStep['step'], err: unknown, label: string): ServerCheck => {
    const e = err instanceof SegmentaError ? err : toSegmentaError(err, ctx(label));
    steps.push({ step, ok: false, line: e.message });
    return { ok: false, steps };
  };

  let models: string[] | undefined;
  try {
    const client = new OpenAI({
      apiKey: llm.apiKey,
      baseURL: llm.baseURL,
      maxRetries: 0,
      fetch: createGuardedFetch({ label: 'model list', policy: retryPolicyFor(llm, retry), guard, log: options.log }),
    });
    models = [];
    for await (const m of client.models.list()) models.push(m.id);
    const listed = models.includes(llm.model);
    steps.push({
      step: 'models',
      ok: true,
      line: listed ? `${models.length} models listed, including ${llm.model}` : `${models.length} models listed, not including ${llm.model} (some servers list only some; the call below decides)`,
    });
  } catch (err) {
    // Some compatible servers have no /models; only a key or connection problem is fatal here.
    if ((err as { status?: number })?.status !== 404) return fail('models', err, 'model list');
    steps.push({ step: 'models', ok: true, line: 'the server does not list models (404); trying a call' });
  }

  try {
    const reply = await callStructured(
      llm,
      DoctorSchema,
      [
        { role: 'system', content: 'You name customer segments. Answer with the requested JSON.' },
        { role: 'user', content: 'Segment 1: 1,200 customers who buy coffee every weekend (3.1× everyone). Name it.' },
      ],
      { label: 'structured test call', schemaName: 'segment_names', guard, retry, log: options.log },
    );
    if (reply.value === undefined) {
      steps.push({ step: 'structured', ok: false, line: `the server answered, but not with the requested JSON (${reply.problems[0]}). Try SEGMENTA_STRUCTURED_METHOD=${llm.structuredMethod === 'jsonSchema' ? 'functionCalling' : 'jsonSchema'} or another model.` });
      return { ok: false, steps, models };
    }
    steps.push({ step: 'structured', ok: true, line: `structured output (${llm.structuredMethod}) works: "${reply.value.names.segment_1.name}"` });
  } catch (err) {
    return fail('structured', err, 'structured test call');
  }

  if (llm.embeddingModel) {
    try {
      const [v] = await new OpenAIEmbedder(llm, { guard, retry, log: options.log }).embed(['weekend coffee buyers']);
      steps.push({ step: 'embeddings', ok: true, line: `embeddings with ${llm.embeddingModel} work (${v.length} dimensions)` });
    } catch (err) {
      return fail('embeddings', err, 'embedding test call');
    }
  }
  return { ok: true, steps, models };
}

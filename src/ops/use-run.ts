import { z } from 'zod';
import { defineOperation } from './operation.js';
import { resolveRunRef } from './resolve.js';
import { formatCount } from '../util/format.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const UseRunInput = z.object({
  run: z.string().min(1).describe('Run id, a unique prefix of it, "latest" for the newest, or the path of a Run folder'),
});

export interface UseRunResult {
  runId: string;
  createdAt: string;
  file: string;
  customers: number;
  k: number;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}

export const useRunOp = defineOperation({
  name: 'use',
  description: OP_DESCRIPTIONS.useRun,
  input: UseRunInput,
  async run(input, ctx): Promise<UseRunResult> {
    const { run } = resolveRunRef(ctx.config.workspace, input.run);
    if (ctx.session) {
      ctx.session.runId = run.id;
      ctx.session.file = run.config.file;
    }
    return { runId: run.id, createdAt: run.createdAt, file: run.config.file, customers: run.metrics.customers, k: run.metrics.k, lang: answerLanguage(ctx, run) };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    return RENDER_WORDS[lang].runs.using(r.runId, r.createdAt.slice(0, 16).replace('T', ' '), formatCount(r.customers, lang), r.file, r.k);
  },
});

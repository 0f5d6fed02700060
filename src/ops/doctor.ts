import { z } from 'zod';
import { defineOperation } from './operation.js';
import type { ServerCheck } from './check-server.js';
import { describeLlm } from '../config.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const doctorOp = defineOperation({
  name: 'doctor',
  description: OP_DESCRIPTIONS.doctor,
  input: z.object({}),
  async run(_input, ctx): Promise<ServerCheck & { writer: string }> {
    const writer = describeLlm(ctx.config);
    if (!ctx.config.llm) return { ok: true, steps: [], models: [], writer };
    // Imported on use: the LLM client libraries take seconds to load (see create-writer.ts).
    const { checkServer } = await import('./check-server.js');
    return { ...(await checkServer(ctx.config, { log: ctx.log })), writer };
  },
  render(r) {
    const lines = [`writer: ${r.writer}`, ...r.steps.map((s) => `${s.ok ? '✓' : '✗'} ${s.line}`)];
    if (r.steps.length === 0) lines.push('No LLM configured: segmenta works offline. Set OPENAI_API_KEY (and OPENAI_BASE_URL for another server) to use one.');
    return lines.join('\n');
  },
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PATH = fileURLToPath(new URL('../../prompts/agent-system.md', import.meta.url));

/** The agent's system prompt from prompts/agent-system.md, without its documenting comment. */
export function agentSystemPrompt(path = PATH): string {
  return readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '').trim();
}

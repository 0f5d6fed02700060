import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package-path.js';

const PATH = packagePath('prompts', 'agent-system.md');

/** The agent's system prompt from prompts/agent-system.md, without its documenting comment. */
export function agentSystemPrompt(path = PATH): string {
  return readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '').trim();
}

import type { Command } from 'commander';
import { handleError } from '../handle-error.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('Talk to your segments: plain requests and /commands (an LLM agent when one is configured).')
    .option('--history <file>', 'history file (default: $SEGMENTA_HISTORY or ~/.segmenta_history)')
    .option('--no-history', 'keep no history file')
    .option('--offline', 'use the offline intent parser even when an LLM is configured')
    .action(async (o, cmd: Command) => {
      try {
        const g = cmd.optsWithGlobals();
        // The REPL (marked-terminal, LangChain) is loaded only for this command: ~0.6 s at start-up.
        const [{ loadConfig }, { startRepl }, { defaultHistoryPath }] = await Promise.all([import('../../config.js'), import('../../repl/repl.js'), import('../../repl/history.js')]);
        const config = loadConfig({ workspace: g.workspace, model: g.model, baseUrl: g.baseUrl, offline: o.offline });
        await startRepl({ config, historyPath: o.history === false ? false : typeof o.history === 'string' ? o.history : defaultHistoryPath() });
      } catch (err) {
        handleError(err);
      }
    });
}

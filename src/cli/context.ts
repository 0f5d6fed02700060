import { loadConfig, type Config } from '../config.js';
import type { OpContext } from '../ops/operation.js';
import { createProgress } from './progress.js';

/** Options every command shares. */
export interface GlobalOptions {
  workspace?: string;
  model?: string;
  baseUrl?: string;
  /** `--lang` of the commands that write texts (segment, write, copy, brief, report). */
  lang?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * Build the operation context for one CLI invocation: config from env + flags, progress on
 * stderr (a bar over `steps` on a terminal, see progress.ts). `done()` takes the bar down.
 */
export function cliContext(opts: GlobalOptions, steps?: string[]): OpContext & { done(): void } {
  const config: Config = loadConfig({ workspace: opts.workspace, model: opts.model, baseUrl: opts.baseUrl, lang: opts.lang });
  const progress = createProgress({ quiet: opts.quiet, json: opts.json, steps });
  // A bar hides the cursor: give it back however the process ends (Ctrl-C, an error exit).
  process.once('exit', () => progress.stop());
  for (const w of config.warnings) progress.log(`warning: ${w}`);
  return { config, log: (line) => progress.log(line), progress: progress.progress, done: () => progress.stop() };
}

import { loadConfig, type Config } from '../config.js';
import type { OpContext } from '../ops/operation.js';

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

/** Build the operation context for one CLI invocation: config from env + flags, progress on stderr. */
export function cliContext(opts: GlobalOptions): OpContext {
  const config: Config = loadConfig({ workspace: opts.workspace, model: opts.model, baseUrl: opts.baseUrl, lang: opts.lang });
  const started = performance.now();
  const log = (line: string) => {
    if (opts.quiet) return;
    const t = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
    process.stderr.write(`${t}s  ${line}\n`);
  };
  for (const w of config.warnings) log(`warning: ${w}`);
  return { config, log };
}

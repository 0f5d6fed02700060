import { Command } from 'commander';
import { VERSION } from './version.js';
import { registerSegment } from './commands/segment.js';
import { registerRuns } from './commands/runs.js';
import { registerShow } from './commands/show.js';
import { registerBrief } from './commands/brief.js';
import { registerInspect } from './commands/inspect.js';
import { registerPersona } from './commands/persona.js';
import { registerCopy } from './commands/copy.js';
import { registerCompare } from './commands/compare.js';
import { registerChat } from './commands/chat.js';
import { registerSlack } from './commands/slack.js';
import { registerAssign } from './commands/assign.js';
import { registerLookalike } from './commands/lookalike.js';
import { registerQuotes } from './commands/quotes.js';
import { registerExport } from './commands/export.js';
import { registerReport } from './commands/report.js';
import { registerEval } from './commands/eval.js';
import { registerWrite } from './commands/write.js';
import { registerDoctor } from './commands/doctor.js';
import { registerPredict } from './commands/predict.js';
import { registerRefresh } from './commands/refresh.js';
import { registerDiff } from './commands/diff.js';
import { registerHistory } from './commands/history.js';

/** The commander program: global options, then one register function per command file. */
export function buildProgram(): Command {
  const program = new Command('segmenta')
    .description('Turn customer data into named segments, personas and campaign copy.')
    .version(VERSION)
    .option('--workspace <dir>', 'where Runs live (default: $SEGMENTA_WORKSPACE or ./segmenta-workspace)')
    .option('--model <name>', 'LLM model name (default: $SEGMENTA_MODEL)')
    .option('--base-url <url>', 'OpenAI-compatible server (default: $OPENAI_BASE_URL)')
    .option('--json', 'print one JSON document on stdout')
    .option('-q, --quiet', 'no progress lines on stderr')
    .exitOverride()
    // Usage errors are printed once, by handleError, as one line.
    .configureOutput({ outputError: () => {} });
  const commands = [
    // make and read Runs
    registerSegment, registerRuns, registerShow, registerBrief, registerInspect,
    // refresh Runs and see what changed
    registerRefresh, registerDiff, registerHistory,
    // texts
    registerPersona, registerCopy, registerCompare, registerWrite,
    // use segments
    registerAssign, registerLookalike, registerQuotes, registerExport, registerReport, registerPredict,
    // trust them
    registerEval, registerDoctor,
    // surfaces
    registerChat, registerSlack,
  ];
  for (const register of commands) register(program);
  // Subcommands inherit the override so their usage errors take the same path.
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ outputError: () => {} });
  return program;
}

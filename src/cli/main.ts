#!/usr/bin/env node
import { VERSION } from './version.js';

// `segmenta --version` answers before commander and the command modules load: start-up is the
// whole cost of this command. Everything else goes through the program, whose commands import
// their operations on demand (test/cli/startup.test.ts lists what --version and runs may load).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { CommanderError } = await import('commander');
  const { handleError } = await import('./handle-error.js');
  try {
    const { buildProgram } = await import('./program.js');
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; a usage mistake is the user's to fix: exit 1, one line.
      if (err.exitCode === 0) process.exit(0);
      const { UsageError } = await import('../errors.js');
      handleError(new UsageError(`${err.message.replace(/^error: /, '')} (see segmenta --help)`), process.argv.includes('--json'));
    }
    handleError(err, process.argv.includes('--json'));
  }
}

#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { handleError } from './handle-error.js';
import { UsageError } from '../errors.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; a usage mistake is the user's to fix: exit 1, one line.
    if (err.exitCode === 0) process.exit(0);
    handleError(new UsageError(`${err.message.replace(/^error: /, '')} (see segmenta --help)`), process.argv.includes('--json'));
  }
  handleError(err, process.argv.includes('--json'));
}

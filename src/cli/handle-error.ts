import { isSegmentaError } from '../errors.js';

/**
 * The CLI's single exit path for failures: one line on stderr (and one JSON document on
 * stdout in --json mode), exit 1 for the user's input or configuration, 2 for our own bugs.
 * A stack trace is printed only with SEGMENTA_DEBUG=1.
 */
export function handleError(err: unknown, json = false): never {
  const known = isSegmentaError(err);
  const code = known ? err.code : 'internal';
  const message = known
    ? err.message
    : `internal error: ${err instanceof Error ? err.message : String(err)}. This is a bug in segmenta; rerun with SEGMENTA_DEBUG=1 and report it.`;
  process.stderr.write(`segmenta: ${message.split('\n')[0]}\n`);
  if (process.env.SEGMENTA_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  if (json) process.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
  process.exit(known ? err.exitCode : 2);
}

/**
 * One error base with a stable `code`, one subclass per meaning (the openai-node pattern).
 * Callers branch on the class or the code, never on message text. The CLI maps every
 * SegmentaError to one line on stderr and an exit code; anything else is an internal failure.
 */
export type ErrorCode =
  | 'input' // the user's data file is wrong
  | 'usage' // flags, arguments, unknown run or segment
  | 'config' // environment / LLM configuration
  | 'provider' // the LLM or embedding server failed
  | 'rate_limit'
  | 'timeout'
  | 'model_output' // the model answered something that fails its schema or checks
  | 'index' // a missing or mismatched vector index
  | 'cancelled';

export class SegmentaError extends Error {
  readonly code: ErrorCode;
  /** Exit code the CLI uses: 1 for the user's input or configuration, 2 for internal failures. */
  readonly exitCode: 1 | 2;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; exitCode?: 1 | 2 }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** Where in a data file a problem is. Row numbers are 1-based data rows (the header is row 0). */
export interface InputLocation {
  file: string;
  row?: number;
  column?: string;
}

/**
 * A problem with the user's data. The message is one line: file, row and column, what is
 * wrong, and what to do about it.
 */
export class InputError extends SegmentaError {
  readonly location: InputLocation;
  constructor(location: InputLocation, problem: string, fix: string, options?: { cause?: unknown }) {
    super('input', formatInputMessage(location, problem, fix), options);
    this.location = location;
  }
}

export function formatInputMessage(loc: InputLocation, problem: string, fix: string): string {
  const where = [loc.file, loc.row !== undefined ? `row ${loc.row}` : '', loc.column !== undefined ? `column "${loc.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${problem}. ${fix}`.replace(/\s+/g, ' ').trim();
}

export class UsageError extends SegmentaError {
  constructor(message: string) {
    super('usage', message);
  }
}

export class ConfigError extends SegmentaError {
  constructor(message: string) {
    super('config', message);
  }
}

export class ProviderError extends SegmentaError {
  readonly status?: number;
  constructor(message: string, options?: { status?: number; cause?: unknown }) {
    super('provider', message, { cause: options?.cause, exitCode: 2 });
    this.status = options?.status;
  }
}

export class RateLimitError extends SegmentaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('rate_limit', message, { cause: options?.cause, exitCode: 2 });
  }
}

export class TimeoutError extends SegmentaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('timeout', message, { cause: options?.cause, exitCode: 2 });
  }
}

export class ModelOutputError extends SegmentaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('model_output', message, { cause: options?.cause, exitCode: 2 });
  }
}

export class IndexError extends SegmentaError {
  constructor(message: string) {
    super('index', message);
  }
}

export class CancelledError extends SegmentaError {
  constructor(message = 'cancelled') {
    super('cancelled', message, { exitCode: 1 });
  }
}

export function isSegmentaError(err: unknown): err is SegmentaError {
  return err instanceof SegmentaError;
}

import { InputError, UsageError } from '../errors.js';
import type { OrderLog } from './read-orders.js';

/**
 * The minimum-data rules, each broken rule one line naming the file, what is short and what
 * to do. The thresholds are the usual guidance for these models: a few dozen repeat buyers
 * before purchase rates and drop-out can be told apart, and a calibration period at least as
 * long as the window it predicts.
 */
export const MIN_CUSTOMERS = 100;
export const MIN_REPEAT_CUSTOMERS = 50;
/** The events before the holdout must span at least this many holdout windows. */
export const MIN_HISTORY_WINDOWS = 1;

/** "90d", "12w", "3m" (30-day months), "1y" (365 days) or a plain number of days. */
export function parseDays(flag: string, value: string | number): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
  } else {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(d|days?|w|weeks?|m|months?|y|years?)?\s*$/i.exec(value);
    if (m) {
      const unit = (m[2] ?? 'd')[0].toLowerCase();
      const days = Number(m[1]) * ({ d: 1, w: 7, m: 30, y: 365 } as Record<string, number>)[unit];
      if (days > 0) return days;
    }
  }
  throw new UsageError(`${flag} "${value}" is not a length of time; write it like 90d, 12w, 3m or 1y`);
}

export function checkHistory(log: OrderLog, holdoutDays: number): void {
  const need = holdoutDays * (1 + MIN_HISTORY_WINDOWS);
  if (log.spanDays < need) {
    throw new InputError(
      { file: log.file, column: log.timeColumn },
      `the events cover ${fmtDays(log.spanDays)} (${log.start.slice(0, 10)} to ${log.end.slice(0, 10)}), too short for a ${Math.round(holdoutDays)}-day holdout: the history before it must be at least as long as the window`,
      `Use --holdout ${Math.max(1, Math.floor(log.spanDays / (1 + MIN_HISTORY_WINDOWS)))}d or shorter, or a log covering at least ${fmtDays(need)}`,
    );
  }
}

export function checkCustomers(log: OrderLog, customers: number, repeat: number, when: string): void {
  if (customers < MIN_CUSTOMERS) {
    throw new InputError(
      { file: log.file, column: log.idColumn },
      `only ${customers} customer${customers === 1 ? '' : 's'} ordered ${when}; predictions need at least ${MIN_CUSTOMERS}`,
      'Use a log with more customers, or a shorter --holdout so more of them fall before it',
    );
  }
  if (repeat < MIN_REPEAT_CUSTOMERS) {
    throw new InputError(
      { file: log.file, column: log.idColumn },
      `only ${repeat} customer${repeat === 1 ? '' : 's'} ordered more than once ${when}; telling buying rate from drop-out needs at least ${MIN_REPEAT_CUSTOMERS} repeat customers`,
      'Use a longer log (more repeat orders), or check that the id column is the customer and not the order',
    );
  }
}

export function fmtDays(d: number): string {
  const r = Math.round(d);
  return `${r} day${r === 1 ? '' : 's'}`;
}

import type { Command } from 'commander';
import type { Operation } from '../ops/operation.js';
import type { GlobalOptions } from './context.js';
import { handleError } from './handle-error.js';

/**
 * An operation, or a function that imports it. Commands pass the loader so that building the
 * command list loads no operation: `--version` and `runs` start in ~0.2 s instead of 0.47 s
 * (issue #19); only the command that runs pays for its op's imports.
 */
export type OpLoader<R> = Operation<any, R> | (() => Promise<Operation<any, R>>);

/**
 * Run one operation for the CLI: results on stdout (rendered text, or one JSON document with
 * --json), progress and errors on stderr. `toJson` shapes the JSON contract of a command (it may be async, to import what it needs).
 */
export async function runCli<R>(load: OpLoader<R>, input: unknown, opts: GlobalOptions, toJson: (r: R) => unknown = (r) => r, steps?: string[]): Promise<void> {
  try {
    const [op, { runOperation }, { cliContext }] = await Promise.all([
      typeof load === 'function' ? load() : load,
      import('../ops/operation.js'),
      import('./context.js'),
    ]);
    const ctx = cliContext(opts, steps);
    const result = await runOperation(op, input, ctx).finally(() => ctx.done());
    process.stdout.write(opts.json ? JSON.stringify(await toJson(result), null, 2) + '\n' : op.render(result) + '\n');
  } catch (err) {
    handleError(err, opts.json);
  }
}

/** "a,b , c" → ["a","b","c"] for list flags. */
export function splitList(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** The file-reading flags of `segment` and `inspect`, declared once; `loadFlags` reads them back. */
export function withLoadFlags(command: Command): Command {
  return command
    .option('--id <column>', 'the customer id column')
    .option('--ignore <columns>', 'comma-separated columns to leave out')
    .option('--text <columns>', 'comma-separated columns to treat as free text')
    .option('--order-id <column>', 'order or invoice id column of an order-line log')
    .option('--time <column>', 'event or order time column')
    .option('--amount <column>', 'amount column (money per event or line)')
    .option('--quantity <column>', 'quantity column of an order-line log')
    .option('--price <column>', 'unit price column (amount = quantity × price)')
    .option('--category <column>', 'category column whose mix becomes features')
    .option('--join <file>', 'join another file (orders, order items, payments, products); repeatable', (v: string, prev: string[] = []) => [...prev, v]);
}

/** The file-reading flags shared by `segment` and `inspect`, as operation input. */
export function loadFlags(o: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return {
    idColumn: one('id'),
    ignore: splitList(one('ignore')),
    text: splitList(one('text')),
    orderId: one('orderId'),
    time: one('time'),
    amount: one('amount'),
    quantity: one('quantity'),
    price: one('price'),
    category: one('category'),
    join: Array.isArray(o.join) ? o.join : undefined,
  };
}

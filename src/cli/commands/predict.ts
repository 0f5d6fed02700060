import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import type { PredictResult } from '../../ops/predict.js';
import { runCli } from '../output.js';

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description(OP_DESCRIPTIONS.predict)
    .argument('<events>', 'event or order-line log: .csv, .tsv, .jsonl or .parquet (customer id, time, optionally amount)')
    .option('--holdout <window>', 'backtest window at the end of the log, like 90d, 12w or 3m (0: no backtest)', '90d')
    .option('--days <window>', 'horizon of expected orders and spend', '90d')
    .option('--clv <window>', 'lifetime-value window', '365d')
    .option('--id <column>', 'the customer id column')
    .option('--run <run>', 'Run to store the predictions in (default: the latest Run made from this file)')
    .action(async (events: string, o, cmd: Command) =>
      runCli(async () => (await import('../../ops/predict.js')).predictOp, { file: events, holdout: o.holdout, days: o.days, clv: o.clv, idColumn: o.id, run: o.run }, cmd.optsWithGlobals(), async (r: PredictResult) => (await import('../../ops/predict.js')).predictJson(r)),
    );
}

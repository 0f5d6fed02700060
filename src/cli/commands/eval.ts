import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { handleError } from '../handle-error.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(`${OP_DESCRIPTIONS.eval} Exits 1 when a threshold is missed.`)
    .argument('[run]', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .option('--threshold <name=value>', 'override a threshold of evals/thresholds.json (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--file <path>', "the Run's customer file, if it has moved")
    .action(async (run: string | undefined, o: { threshold?: string[]; file?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals();
      try {
        const [{ evalOp }, { runOperation }, { cliContext }, { loadThresholds, parseThresholdFlag }, { scorecardJson }, { EVAL_STEPS }] = await Promise.all([
          import('../../ops/eval.js'),
          import('../../ops/operation.js'),
          import('../context.js'),
          import('../../../evals/thresholds.js'),
          import('../../../evals/scorecard.js'),
          import('../../../evals/run-evals.js'),
        ]);
        // A bar over the eval's steps on a terminal, as `segment` has (plain timed lines when
        // piped); it comes down before the scorecard is printed.
        const ctx = cliContext(opts, EVAL_STEPS);
        const known = loadThresholds();
        const thresholds = Object.fromEntries((o.threshold ?? []).map((t) => parseThresholdFlag(t, known)));
        const result = await runOperation(evalOp, { run, thresholds, file: o.file }, ctx).finally(() => ctx.done());
        // The scorecard goes to stdout either way; a missed threshold is a verdict, not an error,
        // so it sets the exit code instead of taking the error path.
        process.stdout.write(opts.json ? JSON.stringify(scorecardJson(result), null, 2) + '\n' : evalOp.render(result) + '\n');
        if (!result.passed) process.exitCode = 1;
      } catch (err) {
        handleError(err, opts.json);
      }
    });
}

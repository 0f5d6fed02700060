import type { Command } from 'commander';
import { listSegmentsOp } from '../../ops/list-segments.js';
import { describeSegmentOp } from '../../ops/describe-segment.js';
import { runCli } from '../output.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Show a Run (its segments), or one segment of it.')
    .argument('[run]', 'Run id or prefix (default: the latest)')
    .argument('[segment]', 'segment number or a word of its name')
    .action(async (run: string | undefined, segment: string | undefined, _o, cmd: Command) => {
      // "segmenta show 3" means segment 3 of the latest Run: a bare small number is never a Run id.
      if (run !== undefined && segment === undefined && /^\d{1,3}$/.test(run)) [run, segment] = [undefined, run];
      const opts = cmd.optsWithGlobals();
      if (segment === undefined) await runCli(listSegmentsOp, { run }, opts);
      else await runCli(describeSegmentOp, { run, segment }, opts);
    });
}

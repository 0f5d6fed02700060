import type { Command } from 'commander';
import { runCli } from '../output.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Show a Run (its segments), or one segment of it.')
    .argument('[run-and-segment...]', 'a Run (id, prefix, latest or path; default: the latest), then a segment: a number, a word of its name, biggest, smallest, most valuable, newest…')
    .action(async (words: string[], _o, cmd: Command) => {
      // "show biggest", "show most valuable", "show 3": a segment of the latest Run; a Run is
      // named first only by an id, prefix, `latest` or a path (ops/resolve.ts decides).
      const { splitRunAndSegment } = await import('../../ops/resolve.js');
      const { run, segment } = splitRunAndSegment(words);
      const opts = cmd.optsWithGlobals();
      if (segment === undefined) await runCli(async () => (await import('../../ops/list-segments.js')).listSegmentsOp, { run }, opts);
      else await runCli(async () => (await import('../../ops/describe-segment.js')).describeSegmentOp, { run, segment }, opts);
    });
}

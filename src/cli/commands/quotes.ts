import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { runCli } from '../output.js';

export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description(OP_DESCRIPTIONS.quotes)
    .argument('<segment-and-topic...>', 'a segment (number, a word of its name, biggest, most valuable, lapsed…), then the topic: `quotes 3 delivery`, `quotes most valuable about the app`')
    .option('--top <k>', 'how many quotes', '5')
    .option('--run <run>', 'Run id, prefix, latest or a Run folder path (default: the latest)')
    .action(async (words: string[], o, cmd: Command) => {
      const { splitSegmentAndTopic } = await import('../../ops/resolve.js');
      const { segment, about } = splitSegmentAndTopic(words);
      return runCli(async () => (await import('../../ops/quotes.js')).quotesOp, { segment, about: about ?? '', top: o.top, run: o.run }, cmd.optsWithGlobals());
    });
}

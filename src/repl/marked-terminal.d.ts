// marked-terminal ships no types (and @types/marked-terminal pins an older marked): the one
// function the REPL calls, typed as marked's extension object.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
}

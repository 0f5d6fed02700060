import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CHANNELS } from '../ops/copy.js';
import { SLASH_COMMANDS, findSlash } from './slash.js';

/** What the completer may look up: the current Run's segment ids and the Run ids. */
export interface CompletionSource {
  segmentIds(): number[];
  runIds(): string[];
}

/**
 * Tab completion for readline: slash command names, then by command a file path, a segment
 * number (and a channel after /copy N), or a Run id. Plain requests are not completed.
 */
export function makeCompleter(source: CompletionSource, cwd = process.cwd()) {
  return (line: string): [string[], string] => {
    if (!line.startsWith('/')) return [[], line];
    const space = line.indexOf(' ');
    if (space < 0) {
      const hits = SLASH_COMMANDS.map((c) => `/${c.name}`).filter((c) => c.startsWith(line));
      return [hits.length === 1 ? [`${hits[0]} `] : hits, line];
    }
    const cmd = findSlash(line.slice(1, space));
    const args = line.slice(space + 1);
    const argv = args.split(/\s+/);
    const current = argv[argv.length - 1];
    try {
      if (cmd?.completes === 'file') return [completePath(current, cwd), current];
      if (cmd?.completes === 'run') return [source.runIds().filter((r) => r.startsWith(current)), current];
      if (cmd?.completes === 'segment') {
        if (cmd.name === 'copy' && argv.length === 2) return [CHANNELS.filter((c) => c.startsWith(current)), current];
        if (argv.length === 1 || cmd.name === 'compare') return [source.segmentIds().map(String).filter((id) => id.startsWith(current)), current];
      }
    } catch {
      // A completion that cannot be computed (no Run yet, unreadable folder) offers nothing.
    }
    return [[], current];
  };
}

/** Entries of the folder being typed that start with what is typed; folders end in "/". */
function completePath(partial: string, cwd: string): string[] {
  const slash = partial.lastIndexOf('/');
  const dirPart = partial.slice(0, slash + 1);
  const base = partial.slice(slash + 1);
  const dir = isAbsolute(dirPart) ? dirPart : join(cwd, dirPart || '.');
  return readdirSync(dir)
    // Hidden entries only when asked for ("./.e" → ".env").
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => `${dirPart}${name}${statSync(join(dir, name)).isDirectory() ? '/' : ''}`)
    .sort();
}

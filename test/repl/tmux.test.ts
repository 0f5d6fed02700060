import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorkspace } from '../ops/fixture.js';

/**
 * `segmenta chat` on a real terminal: tmux runs it in a pane of 100×40, the test types into it
 * with send-keys and reads the screen with capture-pane — Markdown rendering, a short "did you
 * mean", and Ctrl-C in the middle of a segmentation (issue #17). Needs tmux (.ci/run installs it).
 */
const ROOT = resolve(import.meta.dirname, '../..');
// The sources through tsx's loader (as test/repl/chat-process.ts does): what is in src/, not a stale dist/.
const MAIN = join(ROOT, 'src/cli/main.ts');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SESSION = `segmenta-test-${process.pid}`;
const PROMPT = 'segmenta›';
let workspace: string;
let bigFile: string;

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION, '-S', '-2000').stdout;
const keys = (...k: string[]) => tmux('send-keys', '-t', SESSION, ...k);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
    await sleep(100);
  }
}

const prompts = () => screen().split('\n').filter((l) => l.startsWith(PROMPT)).length;
/** Type a line and wait for the prompt to come back; returns what was printed in between. */
async function type(line: string, timeoutMs = 60_000): Promise<string[]> {
  const before = prompts();
  keys('-l', line);
  keys('Enter');
  await until(() => prompts() > before && lastLine() === PROMPT, `the prompt after "${line}"`, timeoutMs);
  const lines = screen().split('\n');
  const at = lines.map((l, i) => (l.startsWith(`${PROMPT} ${line}`) ? i : -1)).filter((i) => i >= 0).pop()!;
  const end = lines.findIndex((l, i) => i > at && l.startsWith(PROMPT));
  return lines.slice(at + 1, end);
}
const lastLine = () => screen().trimEnd().split('\n').pop()!.trimEnd();

beforeAll(async () => {
  if (!HAS_TMUX) return;
  workspace = fixtureWorkspace().workspace;
  // A big file: the example customers 60 times over (180,000 rows, fresh ids), so segmenting
  // it takes long enough to press Ctrl-C in the middle.
  const [head, ...rows] = readFileSync(join(ROOT, 'examples/customers.csv'), 'utf8').trimEnd().split('\n');
  const out = [head];
  for (let r = 0; r < 60; r++) for (const row of rows) out.push(row.replace(/^C(\d+)/, (_, n) => `C${r}-${n}`));
  bigFile = join(workspace, 'big.csv');
  writeFileSync(bigFile, out.join('\n') + '\n');
  const cmd = `env OPENAI_API_KEY= OPENAI_BASE_URL= SEGMENTA_MODEL= TERM=xterm-256color ${process.execPath} --import tsx ${MAIN} chat --workspace ${workspace} --no-history`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '40', '-c', ROOT, cmd);
  await until(() => lastLine() === PROMPT, 'the first prompt', 30_000);
});

afterAll(() => {
  if (!HAS_TMUX) return;
  tmux('kill-session', '-t', SESSION);
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe.skipIf(!HAS_TMUX)('segmenta chat in a terminal (tmux)', () => {
  it('`brief 1` renders the Markdown: tables drawn with box lines, no pipe characters, no # marks', async () => {
    const out = await type('brief 1');
    const text = out.join('\n');
    expect(text).toContain('Bargain Hunters');
    expect(text).toMatch(/[┌│└]/);
    expect(text).not.toContain('|');
    expect(text).not.toMatch(/^#+ /m);
    // A brief is longer than the screen: the rest waits for /more.
    expect(text).toMatch(/… \d+ more lines — \/more/);
    const more = await type('/more');
    expect(more.join('\n')).not.toContain('|');
    expect(more.length).toBeGreaterThan(0);
  });

  it('an unknown request gets a short "did you mean" (at most 4 lines), in chat words', async () => {
    const out = (await type('blorp the zorgs')).filter((l) => l.trim());
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out.join('\n')).toMatch(/Did you mean "[^"]+" or "[^"]+"/);
    expect(out.join('\n')).not.toMatch(/segmenta (segment|show)/);
  });

  it('Ctrl-C during `segment` of a large file returns a clean prompt and leaves no Run', async () => {
    const before = prompts();
    keys('-l', `segment ${bigFile}`);
    keys('Enter');
    // Press Ctrl-C once the work is under way (its first progress line).
    await until(() => /ingest|read [\d,]+ customers|embed/.test(screen().split(`${PROMPT} segment ${bigFile}`).pop()!), 'the segmentation to start', 60_000);
    keys('C-c');
    await until(() => prompts() > before && lastLine() === PROMPT, 'the prompt after Ctrl-C', 30_000);
    expect(screen()).toMatch(/cancelled\.\n+segmenta›\s*$/);
    // Whatever was still running stops or finishes in the background: wait until no staging
    // folder is left, then the workspace must hold only the fixture Run.
    const runs = join(workspace, 'runs');
    await until(() => !readdirSync(runs).some((n) => n.startsWith('.staging-')), 'the staging folder to go', 120_000);
    await sleep(2000);
    expect(readdirSync(runs).filter((n) => !n.startsWith('.'))).toEqual(['20260101-120000-abcd']);
    // Nothing was drawn over the prompt meanwhile.
    expect(lastLine()).toBe(PROMPT);
    expect(screen()).toMatch(/cancelled\.\n+segmenta›\s*$/);
    // And the session goes on.
    const out = await type('list segments');
    expect(out.join('\n')).toContain('Bargain Hunters');
    expect(existsSync(bigFile)).toBe(true);
  }, 240_000);
});

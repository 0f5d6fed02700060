import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
// The sources through tsx's loader in one process (`node --import tsx`), so the test runs what
// is in src/ rather than a possibly stale dist/. Not the tsx CLI: that relays Ctrl-C to a second
// process and kills it if the relay takes over 30 ms, which a loaded machine exceeds.
const MAIN = join(ROOT, 'src/cli/main.ts');

export interface ChatRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `segmenta chat` as a child process with piped stdin (the non-TTY mode scripts use): each
 * line is one command, echoed after the prompt ("segmenta› show 1") before its output.
 * Asynchronous, so a fake server in the test process can answer it.
 */
export function chat(
  workspace: string,
  lines: string[],
  env: Record<string, string | undefined> = {},
  /** Called on each stdout chunk with all output so far, e.g. to send Ctrl-C (SIGINT) mid-step. */
  onOutput?: (stdout: string, child: ChildProcess) => void,
): Promise<ChatRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'chat', '--workspace', workspace, '--no-history'], {
      cwd: ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      onOutput?.(stdout, child);
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(lines.join('\n') + '\n');
  });
}

/** The output of each command, keyed by the echoed command line ("segmenta› show 1"). */
export function transcript(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = stdout.split(/^segmenta› (.*)$/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], (parts[i + 1] ?? '').trim());
  return out;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from './cli.js';
import type { RunFile } from '../../src/model/run.js';

/**
 * `segmenta write` re-writes a Run's texts without re-clustering, keeping the old ones, and
 * `--resume` finishes an interrupted write without repeating the segments already done.
 */
const ws = join(tempDir(), 'ws');
let runDir: string;
const readRun = (): RunFile => JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));

beforeAll(() => {
  const r = segmenta(['segment', 'examples/customers.csv', '--workspace', ws, '--json', '-q']);
  expect(r.status, r.stderr).toBe(0);
  runDir = JSON.parse(r.stdout).runDir;
});

describe('segmenta write', () => {
  it('refuses --resume when no write was interrupted', () => {
    const r = segmenta(['write', '--resume', '--workspace', ws]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no interrupted write to resume/);
  });

  it('re-writes every segment, keeps the previous texts and the assignments', () => {
    const before = readRun();
    const assignments = readFileSync(join(runDir, 'assignments.csv'), 'utf8');
    const r = segmenta(['write', '--workspace', ws]);
    expect(r.status, r.stderr).toBe(0);
    const after = readRun();
    expect(after.textsHistory).toHaveLength(1);
    expect(Object.keys(after.textsHistory[0].texts).map(Number)).toEqual(before.segments.filter((s) => s.texts).map((s) => s.id));
    expect(readFileSync(join(runDir, 'assignments.csv'), 'utf8')).toBe(assignments);
  });

  it('--resume keeps what an interrupted write finished and writes the rest', () => {
    const run = readRun();
    // An interrupted write that finished segment 1 with a text of its own.
    const done = { ...run.segments[0].texts!, summary: 'Kept from the interrupted write: 23% of customers.' };
    writeFileSync(join(runDir, 'write-progress.json'), JSON.stringify({ startedAt: new Date().toISOString(), writer: 'offline', texts: { 1: done } }));
    const r = segmenta(['write', '--resume', '--workspace', ws]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 kept from the interrupted write/);
    const after = readRun();
    expect(after.segments[0].texts!.summary).toBe(done.summary);
    expect(after.segments[1].texts!.summary).not.toBe(done.summary);
    expect(existsSync(join(runDir, 'write-progress.json'))).toBe(false);
  });

  it('doctor says plainly that no LLM is configured', () => {
    const r = segmenta(['doctor', '--workspace', ws]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/offline/);
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chat, transcript } from './chat-process.js';
import { fixtureWorkspace, INJECTION } from '../ops/fixture.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/customers.csv');

describe('segmenta chat offline (piped stdin)', () => {
  it('answers plain requests and /commands on a Run, and errors are plain words that do not end the session', async () => {
    const { workspace } = fixtureWorkspace();
    const r = await chat(workspace, [
      'what segments do I have?',
      'who is segment 3?',
      'write an email for the biggest segment',
      'show 9',
      '/load missing.csv',
      '/frobnicate',
      'sms for the premium ones',
      '/compare 1 3',
      '/runs',
    ]);
    expect(r.code).toBe(0);
    const t = transcript(r.stdout);
    expect([...t.keys()]).toHaveLength(9);
    expect(t.get('what segments do I have?')).toMatch(/1\s+Bargain Hunters\s+500/);
    expect(t.get('who is segment 3?')).toMatch(/^Segment 3: Lapsed Browsers/);
    const email = t.get('write an email for the biggest segment')!;
    expect(email).toMatch(/biggest segment is #1 Bargain Hunters/);
    expect(email).toMatch(/Subject: A deal for Bargain Hunters/);
    expect(t.get('show 9')).toMatch(/^✗ no segment 9 in Run 20260101-120000-abcd: it has segments 1–4\.$/);
    expect(t.get('/load missing.csv')).toMatch(/^✗ .*missing\.csv/);
    expect(t.get('/frobnicate')).toMatch(/Unknown command \/frobnicate/);
    expect(t.get('sms for the premium ones')).toMatch(/SMS \(\d+\/160 GSM-7\)\nPremium Regulars: 15% off/);
    expect(t.get('/compare 1 3')).toMatch(/Where they differ most/);
    expect(t.get('/runs')).toMatch(/20260101-120000-abcd/);
    // No stack traces, ever.
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('customer text shown in results never runs anything', async () => {
    const { workspace } = fixtureWorkspace();
    const r = await chat(workspace, ['/brief 1', 'show 1', '/persona 1']);
    const t = transcript(r.stdout);
    // Exactly the three commands typed ran; no Run was made and nothing else was executed.
    expect([...t.keys()]).toEqual(['/brief 1', 'show 1', '/persona 1']);
    expect(readdirSync(join(workspace, 'runs'))).toEqual(['20260101-120000-abcd']);
    expect(r.stdout).not.toMatch(/Made Run|Now using Run/);
    expect(INJECTION).toMatch(/Ignore previous instructions/);
  });

  it.skipIf(!existsSync(EXAMPLES))('segment examples/customers.csv → email for the biggest segment → /brief 1, with real results', async () => {
    const { workspace } = fixtureWorkspace();
    const r = await chat(workspace, ['segment examples/customers.csv', 'write an email for the biggest segment', '/brief 1']);
    expect(r.code).toBe(0);
    const t = transcript(r.stdout);
    expect(t.get('segment examples/customers.csv')).toMatch(/Run \S+: [\d,]+ customers in \d+ segments/);
    const email = t.get('write an email for the biggest segment')!;
    expect(email).toMatch(/The biggest segment is #1/);
    expect(email).toMatch(/Subject: .+\n\n.+/);
    // The brief is of the Run just made (the session's current one), not the fixture Run.
    expect(t.get('/brief 1')).toMatch(/^#/);
    expect(t.get('/brief 1')).not.toMatch(/20260101-120000-abcd/);
  });
});

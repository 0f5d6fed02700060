import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { evalOp } from '../../src/ops/eval.js';
import { runOperation } from '../../src/ops/operation.js';
import { readRunFile } from '../../src/run/store.js';
import { runEvals } from '../../evals/run-evals.js';
import { offlineJudge } from '../../evals/judge/offline-judge.js';
import type { LabelText } from '../../evals/judge/types.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../servers/fake-openai.js';
import { segmenta, tempDir } from '../e2e/cli.js';

/**
 * The LLM variant of held-out assignment and the agreement of repeated judgements, driven
 * through the real LLM client over HTTP against the fake OpenAI-compatible server. The fake
 * "model" either judges sensibly (it runs the offline judge on the prompt it received) or
 * guesses at random; the metrics must tell the two apart.
 */
const FILE = resolve('examples/customers.csv');

/** Read the judge prompt back as a model would: the segment lines and the customer block. */
function readPrompt(json: any): { labels: LabelText[]; member: string } {
  const user: string = json.messages.find((m: any) => m.role === 'user').content;
  const segments = user.split('Segments:\n')[1].split('\n\nCustomer:')[0];
  const member = user.split('Customer:\n')[1].split('\n\nWhich segment')[0];
  const labels = segments.split('\n').map((line) => {
    const m = /^(\d+)\. (.+?) — (.*)$/.exec(line)!; // the summary runs on into "Evidence: …"
    return { id: Number(m[1]), name: m[2], summary: m[3] };
  });
  return { labels, member };
}

const answer = (segment: number): FakeReply => ({ content: JSON.stringify({ segment, confidence: 0.8 }) });

describe('the LLM judge (fake OpenAI server over HTTP)', () => {
  let server: FakeOpenAI;
  let workspace: string;
  let runDir: string;

  beforeAll(async () => {
    server = await startFakeOpenAI({ responder: ({ json }) => { const p = readPrompt(json); return answer(offlineJudge(p.labels, p.member)); } });
    workspace = tempDir('segmenta-evals-llm-');
    // The Run is written offline (no LLM in the CLI's environment); only the evals talk to the server.
    const r = segmenta(['segment', FILE, '--workspace', workspace, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    runDir = JSON.parse(r.stdout).runDir;
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  const config = () => loadConfig({ workspace, baseUrl: server.url, maxRetries: 0 }, {});

  it('reports llm_heldout_accuracy and judge_fleiss_kappa from json_schema answers, and passes for a sensible judge', async () => {
    server.requests.length = 0;
    // The stand-in "LLM" answers with the offline judge, which since issue 14 reads labels with
    // its own parser instead of the writer's vocabulary and is less sharp (0.80 over 300 members,
    // 0.77 over these 30): the plumbing is what this test checks, so its bar is 0.7 here.
    const r = await runOperation(evalOp, { thresholds: { llm_heldout_accuracy: 0.7 } }, { config: config(), log: () => {} });
    const m = (name: string) => r.metrics.find((x) => x.name === name)!;
    expect(m('llm_heldout_accuracy').value).toBeGreaterThanOrEqual(0.7);
    expect(m('judge_fleiss_kappa').value).toBe(1);
    expect(r.passed).toBe(true);
    expect(r.judge).toMatch(/LLM \(gpt-4o-mini\)/);

    const chats = server.chatRequests();
    expect(chats).toHaveLength(30 * 3);
    for (const c of chats) {
      expect(c.json.response_format?.type).toBe('json_schema');
      expect(c.json.messages[0].content).toMatch(/never an instruction to you/);
    }
    // What reached the server: labels and PII-free member descriptions, never an email, phone or id.
    const csv = readFileSync(FILE, 'utf8').trim().split('\n').slice(1);
    const bodies = chats.map((c) => c.body).join('\n');
    for (const line of csv.slice(0, 300)) {
      const [id, , email] = line.split(',');
      expect(bodies).not.toContain(email);
      expect(bodies).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
    const saved = JSON.parse(readFileSync(join(r.runDir, 'evals.json'), 'utf8'));
    expect(saved.llm.usage.calls).toBe(90);
    expect(saved.llm.promptHash).toMatch(/^[0-9a-f]{64}$/);
  }, 180_000);

  it('fails both metrics when the judge guesses: random answers agree with nothing', async () => {
    server.setResponder(({ index }) => answer(1 + ((index * 7919) % 6)));
    const report = await runEvals(runDir, readRunFile(runDir), config(), () => {}, { llm: { members: 20, samples: 3 } });
    const m = (name: string) => report.metrics.find((x) => x.name === name)!;
    expect(m('llm_heldout_accuracy').passed).toBe(false);
    expect(m('judge_fleiss_kappa').value).toBeLessThan(0.2);
    expect(m('judge_fleiss_kappa').passed).toBe(false);
    expect(report.passed).toBe(false);
  }, 180_000);
});

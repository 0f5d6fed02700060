/**
 * Issue 16, build item 2 (every text segmenta writes follows the language) for the surfaces
 * ops-zh.test.ts does not cover: the eval scorecard, the diff and the changes.md beside a
 * refreshed Run, history, runs, use, write and copy's tone note. On a Run whose language is
 * Chinese (from the data, no --lang) none of them prints a run of English words beyond data
 * (ids, column and metric names, file paths) and the statistics' own names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { evalOp } from '../../src/ops/eval.js';
import { diffOp } from '../../src/ops/diff.js';
import { refreshOp } from '../../src/ops/refresh.js';
import { historyOp } from '../../src/ops/history.js';
import { listRunsOp } from '../../src/ops/list-runs.js';
import { useRunOp } from '../../src/ops/use-run.js';
import { writeTextsOp } from '../../src/ops/write-texts.js';
import { copyOp } from '../../src/ops/copy.js';
import { readAssignments } from '../../src/vectors/assignments.js';
import { loadThresholds } from '../../evals/thresholds.js';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { englishRuns } from '../e2e/english-runs.js';

/** Names of statistics and their authors, written in Latin letters by Chinese analysts too. */
const STAT_NAMES = ['PSI', 'Jaccard', 'Cohen', 'Landis', 'Koch', 'Hennig'];

const root = mkdtempSync(join(tmpdir(), 'segmenta-ops-zh-runs-'));
const ws = join(root, 'ws');
const file = join(root, 'zh-customers.csv');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function context(lang?: 'en' | 'zh'): OpContext & { lines: string[] } {
  const lines: string[] = [];
  return { config: loadConfig({ workspace: ws, ...(lang ? { lang } : {}) }, {}), log: (l) => lines.push(l), lines };
}

describe('eval, diff, changes.md, history, runs, use, write and copy notes on a Chinese Run', () => {
  let run: MadeRun;
  let refreshed: string;
  let data: string[];
  const texts: Record<string, string> = {};

  beforeAll(async () => {
    writePlantedZhCustomers(file, 600, 21);
    run = await makeRun({ file, seed: 42, config: loadConfig({ workspace: ws }, {}), log: () => {} });
    const r = await runOperation(refreshOp, { file, since: run.runId }, context());
    refreshed = r.runId;
    const ids = readAssignments(run.runDir).ids;
    data = [root, refreshed, ...ids, ...run.run.schema.columns.map((c) => c.name), ...Object.keys(loadThresholds()), ...STAT_NAMES];
    const answer = async (op: Parameters<typeof runOperation>[0], input: unknown, lang?: 'en' | 'zh') => {
      const ctx = context(lang);
      return op.render(await runOperation(op, input, ctx));
    };
    texts.eval = await answer(evalOp, { run: run.runId });
    texts.diff = await answer(diffOp, { from: run.runId, to: refreshed });
    texts.changes = readFileSync(join(ws, 'runs', refreshed, 'changes.md'), 'utf8');
    texts.history = await answer(historyOp, { customer: ids[0] });
    texts.historyOut = await answer(historyOp, { out: join(root, 'history.csv') });
    texts.runs = await answer(listRunsOp, {});
    texts.use = await answer(useRunOp, { run: run.runId });
    texts.write = await answer(writeTextsOp, { run: run.runId });
    texts.copyTone = await answer(copyOp, { run: run.runId, segment: 1, tone: 'sarcastic' });
    texts.evalEn = await answer(evalOp, { run: run.runId }, 'en');
    texts.diffEn = await answer(diffOp, { from: run.runId, to: refreshed }, 'en');
  }, 600_000);

  it('the Runs are Chinese', () => {
    expect(run.run.config.lang).toBe('zh');
  });

  for (const name of ['eval', 'diff', 'changes', 'history', 'historyOut', 'runs', 'use', 'write', 'copyTone']) {
    it(`${name} prints no English words`, () => {
      const text = texts[name];
      expect(englishRuns(text, run.runId, data), `${name}:\n${text}`).toEqual([]);
      expect(text).toMatch(/\p{Script=Han}{4,}/u);
    });
  }

  it('the answers carry their numbers, in Chinese words', () => {
    expect(texts.eval).toMatch(/^Run \S+ 的评估：(通过|未通过)/);
    expect(texts.eval).toMatch(/指标\s+数值\s+阈值\s+结果\s+说明/);
    expect(texts.eval).toMatch(/heldout_accuracy\s+[\d.]+\s+≥ 0.800\s+通过/);
    expect(texts.diff).toMatch(/^## 变化：Run \S+ → Run \S+\n\n两次 Run 共有客户 600 位/);
    expect(texts.changes).toContain('### 流转矩阵（行：之前，列：现在）');
    expect(texts.history).toMatch(/^客户 \S+：/);
    expect(texts.runs.split('\n')[0]).toMatch(/^Run\s+创建时间\s+客户数/);
    expect(texts.use).toMatch(/^已切换到 Run \S+（.*）：.* 中的 600 位客户，分为 \d+ 个人群。$/);
    expect(texts.write).toMatch(/^已重写 Run \S+（撰写：离线撰写）：写了 \d+ 个人群。/);
    expect(texts.copyTone).toMatch(/离线撰写没有「sarcastic」这种语气/);
  });

  it('the detector bites: the same answers with --lang en are caught', () => {
    expect(texts.evalEn).toMatch(/^Evals of Run /);
    expect(englishRuns(texts.evalEn, run.runId, data).length).toBeGreaterThan(10);
    expect(texts.diffEn).toMatch(/^## What changed: /);
    expect(englishRuns(texts.diffEn, run.runId, data).length).toBeGreaterThan(10);
  });
});

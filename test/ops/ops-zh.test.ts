/**
 * Issue 16, `--lang` governs every text segmenta writes: on a Run whose language is Chinese
 * (detected from the data, as `segmenta segment FILE` does), the answers of assign, export,
 * lookalike, quotes, predict, refresh, inspect, segment, persona and copy are Chinese — no run of English words
 * (the detector of the zh e2e test), except data: ids, column names, file paths, the Run's id.
 * The same operations on an English Run keep their English words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { makeRun, type MadeRun } from '../../src/pipeline/make-run.js';
import { runOperation, type OpContext } from '../../src/ops/operation.js';
import { assignOp } from '../../src/ops/assign.js';
import { exportAudienceOp } from '../../src/ops/export-audience.js';
import { lookalikeOp } from '../../src/ops/lookalike.js';
import { quotesOp } from '../../src/ops/quotes.js';
import { predictOp } from '../../src/ops/predict.js';
import { refreshOp } from '../../src/ops/refresh.js';
import { inspectOp } from '../../src/ops/inspect-data.js';
import { segmentOp } from '../../src/ops/segment.js';
import { personaOp } from '../../src/ops/persona.js';
import { copyOp } from '../../src/ops/copy.js';
import { readAssignments } from '../../src/vectors/assignments.js';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { generateOrderLines, writeOrderLines } from '../fixtures/order-lines.js';
import { englishRuns } from '../e2e/english-runs.js';

const root = mkdtempSync(join(tmpdir(), 'segmenta-ops-zh-'));
const ws = join(root, 'ws');
const file = join(root, 'zh-customers.csv');
const orders = join(root, 'orders.csv');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function context(): OpContext & { lines: string[] } {
  const lines: string[] = [];
  // No --lang: the language is the Run's (the data's), as a user of a zh Run meets it.
  return { config: loadConfig({ workspace: ws }, {}), log: (l) => lines.push(l), lines };
}

describe('the operations answer about a Chinese Run in Chinese', () => {
  let run: MadeRun;
  let data: string[];

  beforeAll(async () => {
    writePlantedZhCustomers(file, 600, 21);
    run = await makeRun({ file, seed: 42, config: loadConfig({ workspace: ws }, {}), log: () => {} });
    // What is data in these answers: ids, column names, file paths.
    data = [root, ...readAssignments(run.runDir).ids, ...run.run.schema.columns.map((c) => c.name), 'term-hash-512'];
  }, 240_000);

  /** An op run through its one implementation and rendered, with its own progress lines (not the pipeline's) kept. */
  async function answer(op: Parameters<typeof runOperation>[0], input: unknown, logs = true): Promise<string> {
    const ctx = context();
    const text = op.render(await runOperation(op, input, ctx));
    return [text, ...(logs ? ctx.lines : [])].join('\n');
  }

  it('the Run is Chinese', () => {
    expect(run.run.config.lang).toBe('zh');
  });

  it('assign, export, lookalike, quotes and inspect print no English words', async () => {
    const out = join(root, 'assigned.csv');
    const texts = {
      assign: await answer(assignOp, { file, out }),
      export: await answer(exportAudienceOp, {}),
      lookalike: await answer(lookalikeOp, { segment: 1, top: 8 }),
      quotes: await answer(quotesOp, { segment: 1, about: '物流' }),
      quotesNone: await answer(quotesOp, { segment: 1, about: '火箭发射', top: 1 }),
      inspect: await answer(inspectOp, { file }),
      persona: await answer(personaOp, { segment: 1 }),
      copy: await answer(copyOp, { segment: 2 }),
    };
    for (const [name, text] of Object.entries(texts)) {
      expect(englishRuns(text, run.runId, data), `${name}:\n${text}`).toEqual([]);
      expect(text, name).toMatch(/\p{Script=Han}{4,}/u);
    }
    // Real answers, not empty ones: the numbers are there, in Chinese words.
    expect(texts.assign).toMatch(/已把 .* 中的 600 位客户分配到 Run /);
    expect(texts.export).toMatch(/已导出 Run \S+ 的 \d+ 个投放人群包/);
    expect(texts.export).toMatch(/数据里没有邮箱列/);
    expect(texts.lookalike).toMatch(/最相似的 8 位客户/);
    expect(texts.lookalike).toMatch(/当前人群\s+距离/);
    expect(texts.quotes).toMatch(/人群 1（.+）关于「物流」的原话/);
    expect(texts.inspect).toMatch(/数据质量：/);
    expect(texts.inspect).toMatch(/个人信息（电话）/);
  }, 240_000);

  it('segment prints no English words (the commands it suggests are typed, not read)', async () => {
    // The pipeline's own progress lines are not segment's answer: left out.
    const text = await answer(segmentOp, { file, seed: 42 }, false);
    const made = /^Run (\S+)：/.exec(text)![1];
    const commands = text.split('\n').filter((l) => !/^\s+segmenta /.test(l)).join('\n');
    expect(englishRuns(commands.split(made).join(' '), run.runId, data), text).toEqual([]);
    expect(text).toMatch(/个人群 — 文案：离线撰写/);
    expect(text).toMatch(/个人信息（电话）/);
    expect(text).toMatch(/接下来可以试试：\n  segmenta show biggest/);
  }, 240_000);

  it('refresh prints no English words', async () => {
    // The pipeline's own progress lines (ingest, embed, cluster…) are not refresh's answer: left out.
    const text = await answer(refreshOp, { file, since: run.runId }, false);
    const made = /^Run (\S+)：/.exec(text)![1];
    expect(englishRuns(text.split(made).join(' '), run.runId, data), text).toEqual([]);
    expect(text).toMatch(/由 Run \S+ 刷新而来/);
    expect(text).toMatch(/原人群 \d+，文案(沿用|已重写)/);
  }, 240_000);

  it('predict on an order log whose Run is Chinese prints no English words, beyond the model names', async () => {
    writeOrderLines(orders, generateOrderLines({ customers: 300, seed: 5 }));
    const ctx = { config: loadConfig({ workspace: ws, lang: 'zh' }, {}), log: () => {} };
    const made = await makeRun({ file: orders, seed: 42, config: ctx.config, log: () => {} });
    expect(made.run.config.lang).toBe('zh');
    const r = await runOperation(predictOp, { file: orders, holdout: '90d' }, ctx);
    const text = predictOp.render(r);
    expect(r.stored?.runId).toBe(made.runId);
    const ids = readAssignments(made.runDir).ids;
    // AUC is written so by Chinese analysts too (op-words.ts); the model's name is quoted.
    // The log reader's warnings are its own English sentences, shown under a Chinese heading.
    const [answerText, warnings] = text.split(/读取日志时有 \d+ 条提示（数据读取阶段的原文）：/);
    if (r.warnings.length) expect(warnings?.trim().split('\n')).toHaveLength(r.warnings.length);
    const runs = englishRuns(answerText, made.runId, [...ids, 'run.json']).filter((w) => w !== 'AUC');
    expect(runs, text).toEqual([]);
    expect(text).toMatch(/回测：/);
    expect(text).toMatch(/未来 90 天/);
    expect(text).toMatch(/已存入 Run /);
  }, 240_000);

  it('the detector bites: the English answers of the same operations are caught', async () => {
    // The same Run, answered in English (--lang en): the words are English again.
    const ctx = { config: loadConfig({ workspace: ws, lang: 'en' }, {}), log: () => {} };
    const r = await runOperation(lookalikeOp, { segment: 1, top: 3, run: run.runId }, ctx);
    const en = lookalikeOp.render(r);
    expect(en).toMatch(/customers most like segment 1/);
    expect(englishRuns(en, run.runId, data).length).toBeGreaterThan(3);
  }, 60_000);
});

describe('English answers stay as they were', () => {
  it('export and assign on an English Run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-ops-en-'));
    try {
      const w = join(dir, 'ws');
      const f = join(dir, 'en.csv');
      writePlantedZhCustomers(f, 300, 5, { reviews: 'en' });
      // Chinese categories make the data's language Chinese: English is asked for, as --lang en does.
      const config = loadConfig({ workspace: w, lang: 'en' }, {});
      const made = await makeRun({ file: f, seed: 42, config, log: () => {} });
      const ctx = { config: loadConfig({ workspace: w }, {}), log: () => {} };
      const e = exportAudienceOp.render(await runOperation(exportAudienceOp, {}, ctx));
      expect(e).toMatch(new RegExp(`^Exported \\d+ audiences of Run ${made.runId} \\(csv, emails as sha256\\(lowercase\\(trim\\(email\\)\\)\\), hex\\):`));
      expect(e).toMatch(/Note: the data has no email column, so the audiences hold customer ids only\./);
      const out = join(dir, 'a.csv');
      const a = assignOp.render(await runOperation(assignOp, { file: f, out }, ctx));
      expect(a.split('\n')[0]).toBe(`Assigned 300 customers from ${f} to Run ${made.runId}'s segments: ${out}`);
      expect(a.split('\n')[1]).toMatch(/^#\s+name\s+customers\s+share$/);
      writeFileSync(join(dir, 'done'), '');
      expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('customer_id,segment');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

/**
 * Issue 16 through the real CLI: `segmenta segment FILE` on planted customers with Chinese
 * reviews writes every name, persona and line of copy in Chinese (detected from the data, and
 * with --lang zh), grounded in the profile, within the Chinese channel limits; the briefs'
 * texts are Chinese; an unknown --lang is one line naming the supported codes. With --lang zh,
 * `eval` passes on the Run (the offline judge reads the Chinese labels) and fails on a copy of
 * it whose names were swapped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from './cli.js';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { checkSegmentTexts, checkScript, channelLength } from '../../src/write/checks.js';
import type { RunFile } from '../../src/model/run.js';
import { englishRuns } from './english-runs.js';

/** What a reader of the report sees: text, tooltips and chart labels (no tags, no CSS). */
function visibleText(html: string): string {
  const body = html.replace(/<style[\s\S]*?<\/style>/g, ' ');
  const labels = [...body.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  return [body.replace(/<[^>]+>/g, ' '), ...labels].join(' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const dir = tempDir('segmenta-zh-');
const ws = join(dir, 'ws');
const file = join(dir, 'zh-customers.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('segmenta segment on Chinese customers', () => {
  let run: RunFile;
  let runDir: string;
  beforeAll(() => {
    writePlantedZhCustomers(file, 3000, 21);
    // No --lang: the language comes from the data's text.
    const r = segmenta(['segment', file, '--workspace', ws, '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    runDir = JSON.parse(r.stdout).runDir;
    run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  }, 240_000);

  it('stores the language in the Run and writes every text in Chinese, passing every check', () => {
    expect(run.config.lang).toBe('zh');
    const described = run.segments.filter((s) => s.texts);
    expect(described.length).toBeGreaterThanOrEqual(5);
    for (const s of described) {
      const t = s.texts!;
      expect(checkSegmentTexts(t, s.profile, { all: described.map((x) => x.profile), lang: 'zh' })).toEqual([]);
      for (const text of [t.name, t.summary, t.persona.description, ...t.persona.goals, t.copy.sms, t.copy.push, t.copy.email.subject]) {
        expect(checkScript(text, 'zh'), text).toEqual([]);
      }
      expect(channelLength('sms', t.copy.sms).limit).toBe(70);
    }
  });

  it('writes the briefs with the Chinese texts', () => {
    const brief = readFileSync(join(runDir, 'briefs', 'segment-1.md'), 'utf8');
    expect(brief).toContain(run.segments[0].texts!.name);
  });

  it('an unknown --lang is one line listing the supported codes, exit 1', () => {
    const r = segmenta(['segment', file, '--workspace', ws, '--lang', 'fr', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--lang "fr" is not a language segmenta writes; supported: en, zh/);
  });
});

describe('segmenta segment --lang zh, then eval', () => {
  let runDir: string;
  let run: RunFile;
  beforeAll(() => {
    const r = segmenta(['segment', file, '--workspace', ws, '--lang', 'zh', '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    runDir = JSON.parse(r.stdout).runDir;
    run = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  }, 240_000);

  it('writes Chinese texts grounded in the profile, and eval passes on them', () => {
    expect(run.config.lang).toBe('zh');
    const described = run.segments.filter((s) => s.texts);
    for (const s of described) {
      const t = s.texts!;
      expect(checkSegmentTexts(t, s.profile, { all: described.map((x) => x.profile), lang: 'zh' })).toEqual([]);
      for (const text of [t.name, t.summary, t.persona.description, ...t.persona.evidence, t.copy.email.body, t.copy.sms, t.copy.push, t.copy.ad.headline, t.copy.ad.primaryText]) {
        expect(checkScript(text, 'zh'), text).toEqual([]);
      }
    }
    const r = segmenta(['eval', runDir, '--workspace', ws, '--json']);
    const report = JSON.parse(r.stdout);
    const failed = report.metrics?.filter((m: { status?: string }) => m.status !== 'pass' && m.status !== 'not run');
    expect(report.passed).toBe(true);
    expect(r.status, JSON.stringify(failed ?? report).slice(0, 2000)).toBe(0);
  }, 120_000);

  it('writes the report and the briefs in Chinese: headings, table headers, KPIs, dates', () => {
    const r = segmenta(['report', runDir, '--workspace', ws, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    // Every heading, table header and card label, as a reader sees it (tags and entities out).
    const fixed = [...html.matchAll(/<(h[1-5]|th|dt|b)\b[^>]*>([^<]+)</g)].map((m) => m[2].replace(/&[a-z#0-9]+;/g, ' ').trim()).filter((x) => x && x !== '#');
    expect(fixed.length).toBeGreaterThan(20);
    for (const t of fixed) expect(checkScript(t, 'zh'), t).toEqual([]);
    const meta = /<p class="meta">([^<]+)/.exec(html)![1];
    expect(meta).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(checkScript(meta.replace(/Run \S+/, ''), 'zh'), meta).toEqual([]);

    const brief = readFileSync(join(runDir, 'briefs', 'segment-1.md'), 'utf8');
    const headings = [...brief.matchAll(/^#{1,3} (.+)$/gm)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) expect(checkScript(h, 'zh'), h).toEqual([]);
    const kpis = brief.split('## 关注指标')[1].split('\n## ')[0].split('\n').filter((l) => l.startsWith('- '));
    expect(kpis.length).toBeGreaterThan(1);
    for (const k of kpis) expect(checkScript(k, 'zh'), k).toEqual([]);
    expect(brief).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const index = readFileSync(join(runDir, 'briefs', 'index.md'), 'utf8');
    expect(index).toMatch(/^# 营销活动简报/);
    expect(index).toContain('| # | 名称 | 人数 | 占比 | 稳定性 | 简报 |');

    // No English anywhere a reader looks: every brief, the index and the report.
    const pages = readdirSync(join(runDir, 'briefs')).map((f) => [f, readFileSync(join(runDir, 'briefs', f), 'utf8')] as const);
    expect(pages.length).toBe(run.segments.filter((s) => !s.small).length + 1);
    for (const [f, page] of [...pages, ['report.html', visibleText(html)] as const]) expect(englishRuns(page, run.id), f).toEqual([]);
    // The check bites: the English labels, units and tiers these pages had before are caught.
    expect(englishRuns('| Return rate（均值） | 6 days | Champions | 「return_rate」 | `segmenta write` |', run.id)).toEqual(['Return', 'rate', 'days', 'Champions']);

    // The evidence in Chinese words: labels, units (天), RFM classes, channels.
    expect(brief).toMatch(/\| 距上次下单天数（均值；中位数 \d+天） \| \d+天 \| \d+天 \|/);
    expect(brief).toMatch(/\| 累计消费金额（均值；/);
    expect(brief).toMatch(/\| (重要价值|重要保持|一般发展|新|重要挽留|一般挽留)客户 \| \d+% \|/);
    expect(brief).toMatch(/\*\*偏好渠道：\*\*[邮件短信推送广告、]+\n/);
    expect(html).toMatch(/<th class="num">平均累计消费金额<\/th>/);
  }, 120_000);

  it('the chat answers about a zh Run in Chinese: show, compare, brief and its fixed phrases', () => {
    const r = segmenta(['chat', '--workspace', ws], {}, 'show 1\ncompare 1 2\nbrief 1\n/nope\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`人群 1：${run.segments[0].texts!.name}`);
    expect(r.stdout).toMatch(/与众不同之处：/);
    expect(r.stdout).toMatch(/差异最大的指标：/);
    expect(r.stdout).toMatch(/已保存到 /);
    expect(r.stdout).toContain('没有 /nope 这个命令');
    expect(r.stdout).not.toMatch(/What sets them apart|Where they differ most|Unknown command|saved at/);
    // What they say: words and phrases, never a single character.
    const says = /他们常说：(.+)/.exec(r.stdout)![1].split('、');
    expect(says.length).toBeGreaterThan(1);
    for (const w of says) expect([...w.trim()].length, says.join('、')).toBeGreaterThan(1);
    // Their features by Chinese label, with Chinese units.
    expect(r.stdout).toMatch(/距上次下单天数：\d+天，整体为\d+天/);
  }, 120_000);

  it('eval fails on the same Run with two names swapped', () => {
    const bad = `${runDir}-swapped`;
    cpSync(runDir, bad, { recursive: true });
    const file = join(bad, 'run.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as RunFile;
    const [a, b] = doc.segments.filter((s) => s.texts);
    [a.texts!.name, b.texts!.name] = [b.texts!.name, a.texts!.name];
    writeFileSync(file, JSON.stringify(doc));
    const r = segmenta(['eval', bad, '--workspace', ws]);
    expect(r.status, r.stdout).toBe(1);
    // The scorecard of a zh Run is Chinese (evals/eval-words.ts): the verdict is 不达标, the metric keeps its id.
    expect(r.stdout).toMatch(/heldout_name_accuracy\s+\S+\s+\S+ \S+\s+不达标/);
    expect(r.stdout).toMatch(/^Run \S+ 的评估：未通过/);
    expect(r.stdout).toMatch(/不达标的指标：[\s\S]*\n  heldout_name_accuracy: 只看名称/);
  }, 120_000);
});

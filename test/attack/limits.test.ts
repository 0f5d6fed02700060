import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { segmenta, tempDir } from '../e2e/cli.js';
import { fixtureRun, fixtureWorkspace } from '../ops/fixture.js';
import { runOperation } from '../../src/ops/operation.js';
import { exportAudienceOp } from '../../src/ops/export-audience.js';
import { loadConfig } from '../../src/config.js';
import { cleanStaleStaging, listRuns, resolveRun, stageRun } from '../../src/run/store.js';
import { listRunsOp } from '../../src/ops/list-runs.js';
import { runWriterSummary } from '../../src/brief/writer-label.js';

/**
 * Issue 18, resource limits and the "internal error" list: each is a one-line user error (exit 1,
 * no stack) or a correct result. Timings are measured by hand and in the report, never asserted here.
 */
describe('limits checked up front', () => {
  it('a file with 2,000 columns is refused in one line, before DuckDB reads it', () => {
    const dir = tempDir();
    const file = join(dir, 'wide.csv');
    const header = ['customer_id', ...Array.from({ length: 2000 }, (_, i) => `n${i}`)].join(',');
    const rows = Array.from({ length: 200 }, (_, r) => [`C${r}`, ...Array.from({ length: 2000 }, (_, i) => String((r * i) % 10))].join(','));
    writeFileSync(file, [header, ...rows].join('\n') + '\n');
    const r = segmenta(['inspect', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/has 2,001 columns; segmenta reads at most 500/);
  });
});

describe('export floor', () => {
  it('never exports an audience under 10 people, whatever SEGMENTA_MIN_SEGMENT_SIZE says', async () => {
    const run = fixtureRun();
    run.config.minSegmentSize = 1;
    run.segments[3].small = false; // 20 customers: exportable at 1, and at 10
    run.segments.push({ ...run.segments[3], id: 5, size: 4, share: 0.004, small: false, profile: { ...run.segments[3].profile, id: 5, size: 4, small: false } });
    const { workspace } = fixtureWorkspace(run);
    const ctx = { config: loadConfig({ workspace }, {}), log: () => {} };
    await expect(runOperation(exportAudienceOp, { segment: 5 }, ctx)).rejects.toThrow(/4 customers, under the minimum of 10/);
  });
});

describe('the summary line says who really wrote the texts', () => {
  it('"texts by the LLM" only when the LLM wrote them', () => {
    const run = fixtureRun();
    run.config.writer = 'llm';
    run.config.model = 'gpt-4o-mini';
    const described = run.segments.filter((s) => s.texts);
    expect(described.length).toBeGreaterThan(1);
    for (const s of described) s.texts!.writer = { kind: 'llm', model: 'gpt-4o-mini' };
    expect(runWriterSummary(run)).toBe('LLM (gpt-4o-mini)');
    described[0].texts!.writer = { kind: 'offline', fallback: true, fallbackReason: 'answer failed its checks' };
    expect(runWriterSummary(run)).toBe(`LLM (gpt-4o-mini), except 1 of ${described.length} segments, which fell back to the offline writer`);
    for (const s of described) s.texts!.writer = { kind: 'offline', fallback: true, fallbackReason: 'answer failed its checks' };
    expect(runWriterSummary(run)).toBe('offline writer: every text fell back from the LLM (gpt-4o-mini) (answer failed its checks)');
    run.config.writer = 'offline';
    expect(runWriterSummary(run)).toBe('offline writer (no LLM configured)');
  });
});

describe('the Run store under damage', () => {
  it('a truncated run.json is named with a clear error, not a vanished Run', () => {
    const { workspace, runDir } = fixtureWorkspace();
    const text = readFileSync(join(runDir, 'run.json'), 'utf8');
    writeFileSync(join(runDir, 'run.json'), text.slice(0, text.length / 2));
    expect(() => resolveRun(workspace, '20260101')).toThrow(/run\.json: cannot read the Run/);
    expect(() => resolveRun(workspace)).toThrow(/run\.json: cannot read the Run/);
  });

  it('…and `runs` names it rather than leaving it out', async () => {
    const { workspace, runDir } = fixtureWorkspace();
    const text = readFileSync(join(runDir, 'run.json'), 'utf8');
    writeFileSync(join(runDir, 'run.json'), text.slice(0, text.length / 2));
    const ctx = { config: loadConfig({ workspace }, {}), log: () => {} };
    const r = await runOperation(listRunsOp, {}, ctx);
    expect(r.runs).toEqual([]);
    expect(r.broken).toEqual([{ id: '20260101-120000-abcd', why: 'its run.json is cut short or not JSON' }]);
    const shown = listRunsOp.render(r);
    expect(shown).toContain('Run 20260101-120000-abcd cannot be read (its run.json is cut short or not JSON)');
    expect(shown).not.toContain(workspace); // Slack shows this too: no server path
  });

  it('a symlink loop in runs/ does not break listing', () => {
    const { workspace } = fixtureWorkspace();
    symlinkSync(join(workspace, 'runs', 'loop'), join(workspace, 'runs', 'loop'));
    expect(listRuns(workspace).map((r) => r.id)).toEqual(['20260101-120000-abcd']);
  });

  it('an orphaned staging folder (kill -9 during save) is cleaned when the next Run starts; a live one is kept', () => {
    const workspace = tempDir();
    const orphan = join(workspace, 'runs', '.staging-20260101-000000-dead');
    mkdirSync(orphan, { recursive: true });
    writeFileSync(join(orphan, 'run.json'), '{');
    const live = stageRun(workspace, '20260101-000001-live');
    expect(existsSync(orphan)).toBe(false);
    expect(cleanStaleStaging(workspace)).toEqual([]);
    expect(existsSync(live.dir)).toBe(true);
    live.abort();
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderBrief, renderBriefIndex, writeBriefs } from '../../src/brief/index.js';
import { UsageError } from '../../src/errors.js';
import { fixtureRun } from './run-fixture.js';

const { run, table } = await fixtureRun();
const described = run.segments.filter((s) => !s.small);

describe('renderBrief', () => {
  it('has every section of a campaign brief', () => {
    const md = renderBrief(run, described[0]);
    for (const h of ['# Segment 1: ', '## Who they are', '## Evidence', '## Persona: ', '## Offer idea', '## Copy', '### Email', '### SMS', '### Push', '### Ad', '## Audience', '## KPIs to watch']) {
      expect(md).toContain(h);
    }
    expect(md).toContain(described[0].texts!.name);
    expect(md).toContain('offline writer');
  });

  it('counts characters against each channel limit', () => {
    const seg = described[1];
    const md = renderBrief(run, seg);
    const c = seg.texts!.copy;
    // Issue 15: SMS is counted as carriers count it (GSM-7 160, UCS-2 70); this one is plain GSM-7.
    expect(md).toContain(`### SMS (${c.sms.length}/160 GSM-7 characters)`);
    expect(md).toContain(`### Push (${c.push.length}/120 characters)`);
    expect(md).toContain(`**Subject** (${c.email.subject.length}/60 characters)`);
    expect(md).toContain(`**Headline** (${c.ad.headline.length}/40 characters)`);
  });

  it('puts the profile’s numbers in the evidence table, formatted as everywhere else', () => {
    const seg = described[2]; // the lapsed group
    const md = renderBrief(run, seg);
    const recency = seg.profile.numeric.find((f) => f.feature === 'recency_days')!;
    // Issue 15: features by their plain-language label, days as whole days.
    expect(md).toMatch(new RegExp(`\\| Days since last purchase \\(average; median [\\d.,]+ days\\) \\| ${Math.round(recency.mean)} days \\| ${Math.round(recency.overallMean)} days \\| ${recency.lift.toFixed(1)}× \\|`));
    expect(md).not.toContain('recency_days');
    expect(md).toContain('## KPIs to watch');
    expect(md).toMatch(/Reactivation rate|Win-back redemption rate/);
  });

  it('refuses a segment under the minimum size', () => {
    const small = run.segments.find((s) => s.small)!;
    expect(() => renderBrief(run, small)).toThrow(UsageError);
  });

  it('escapes markup coming from data or a model', () => {
    const seg = structuredClone(described[0]);
    seg.texts!.persona.description = 'Nice <script>alert(1)</script> [click](javascript:alert(1)) | pipe';
    seg.profile.categories[0].level = 'a|b';
    const md = renderBrief(run, seg);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).not.toContain('[click](');
    expect(md).toContain('a\\|b');
  });

  it('says when the offline writer stood in for the LLM', () => {
    const seg = structuredClone(described[0]);
    seg.texts!.writer = { kind: 'offline', fallback: true, model: 'gpt-x', fallbackReason: 'rate limited' };
    expect(renderBrief(run, seg)).toContain('the offline writer, standing in for the LLM (gpt-x): rate limited');
  });
});

describe('renderBriefIndex', () => {
  const md = renderBriefIndex(run);
  it('lists every segment, small ones as not described', () => {
    for (const s of described) expect(md).toContain(`| ${s.id} | ${s.texts!.name} |`);
    expect(md).toMatch(/\| 6 \| not described: under the minimum size \(50\) \| 20 \|/);
    expect(md).not.toContain('segment-6.md');
  });
  it('summarises data quality and schema without PII values', () => {
    expect(md).toContain('## Data quality');
    expect(md).toContain('age: 3 missing, filled with median.');
    expect(md).toContain('| email | PII (email): excluded |');
    expect(md).not.toContain('jane.doe0@example.com');
    expect(md).not.toContain('Jane Doe');
  });
});

describe('writeBriefs', () => {
  it('writes a brief per described segment and the index, with no PII anywhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-briefs-'));
    try {
      const written = writeBriefs(dir, run);
      const files = readdirSync(join(dir, 'briefs')).sort();
      expect(files).toEqual(['index.md', 'segment-1.md', 'segment-2.md', 'segment-3.md', 'segment-4.md', 'segment-5.md']);
      expect(written.at(-1)).toBe(join(dir, 'briefs', 'index.md'));
      const all = files.map((f) => readFileSync(join(dir, 'briefs', f), 'utf8')).join('\n');
      for (const v of table.piiValues) expect(all).not.toContain(v);
      for (const id of table.ids) expect(all).not.toContain(id);
      expect(all).not.toMatch(/@example\.com|\+44 7700/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

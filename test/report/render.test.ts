import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunIndex } from '../../src/vectors/build.js';
import { mapData, writeReport } from '../../src/brief/report/build-report.js';
import { renderReport } from '../../src/brief/report/render-report.js';
import { fitPca2, project } from '../../src/brief/report/pca.js';
import { liftColour } from '../../src/brief/report/heatmap-chart.js';
import { blobs, fakeRunFile, writeAssignments } from '../vectors/fixtures.js';
import type { RunFile } from '../../src/model/run.js';
import type { SegmentTexts } from '../../src/model/texts.js';

const texts = (name: string): SegmentTexts => ({
  name,
  summary: 'Spend 2.1× the average across 14 orders a year.',
  persona: {
    archetype: 'The weekend deal hunter',
    description: 'Shops on Saturdays, reads every coupon.',
    goals: ['Save money'],
    painPoints: ['Late deliveries'],
    channels: ['email', 'sms'],
    evidence: ['Average spend $412 (2.1× everyone)'],
  },
  copy: {
    email: { subject: 'Your weekend picks', body: 'Fresh deals chosen for you, all weekend long.' },
    sms: 'Weekend deals are live now.',
    push: 'Deals inside',
    ad: { headline: 'Weekend deals', primaryText: 'Fresh picks every Saturday.' },
    offer: '15% off weekend orders',
  },
  writer: { kind: 'offline' },
});

function run(): RunFile {
  const b = blobs(900, 6, 3, 2);
  const r = fakeRunFile(b);
  r.segments[0].texts = texts('Deal <script>alert(1)</script> Hunters');
  r.segments[1].texts = texts('Quiet "Loyals" & Co');
  r.segments[2].small = true; // under the minimum size: no texts, no card content
  r.segments[0].profile.numeric = [{ feature: 'total_spend', kind: 'numeric', mean: 412, median: 380, overallMean: 196, lift: 2.1, z: 1.4 }];
  r.segments[1].profile.numeric = [{ feature: 'total_spend', kind: 'numeric', mean: 90, median: 80, overallMean: 196, lift: 0.46, z: -0.9 }];
  r.segments[0].profile.categories = [{ column: 'channel', level: 'sms', share: 0.6, overallShare: 0.2, lift: 3 }];
  return r;
}

describe('the HTML report, rendered from plain data', () => {
  const b = blobs(900, 6, 3, 2);
  const html = renderReport(run(), mapData(b.vectors, Int32Array.from(b.labels, (l) => l + 1), { k: 3, data: b.centroids }, 900));

  it('is self-contained: no script, no external URL, and a CSP that forbids fetching anything', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/);
  });

  it('escapes every text from the Run', () => {
    expect(html).toContain('Deal &lt;script&gt;alert(1)&lt;/script&gt; Hunters');
    expect(html).toContain('Quiet &quot;Loyals&quot; &amp; Co');
  });

  it('draws every chart: a bar per segment, a dot per sampled customer, a cell per feature × segment', () => {
    const svg = (id: string) => html.match(new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`))![0];
    expect(svg('chart-sizes').match(/<rect /g)).toHaveLength(3);
    expect(svg('chart-map').match(/<circle /g)).toHaveLength(900 + 3);
    // Rows: total_spend and channel = sms; 3 segments each; plus 5 legend swatches.
    expect(svg('chart-heatmap').match(/<rect /g)).toHaveLength(2 * 3 + 5);
    expect(html).toMatch(/Under the minimum size of 50: not described, not exported/);
  });

  it('says when the map is a sample', () => {
    const m = mapData(b.vectors, Int32Array.from(b.labels, (l) => l + 1), { k: 3, data: b.centroids }, 12_000);
    expect(renderReport(run(), m)).toMatch(/a random sample of 900 of 12,000 customers/);
  });
});

describe('writeReport on a Run folder', () => {
  it('draws at most 5,000 sampled customers and writes report.html', () => {
    const big = blobs(12_000, 5, 3, 4);
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-report-unit-'));
    writeAssignments(dir, big);
    const r = fakeRunFile(big, { index: buildRunIndex(dir, big.vectors, big) });
    const path = writeReport(dir, r);
    expect(path).toBe(join(dir, 'report.html'));
    const html = readFileSync(path, 'utf8');
    expect(html.match(/<svg id="chart-map"[\s\S]*?<\/svg>/)![0].match(/<circle /g)).toHaveLength(5000 + 3);
    expect(html).toMatch(/a random sample of 5,000 of 12,000 customers/);
    expect(html).not.toMatch(/\bc\d+\b/); // no customer id ("c1", "c2", … in this fixture)
  });
});

describe('PCA for the map', () => {
  it('finds the direction of largest spread first', () => {
    // Points along (1, 1, 0) with small noise in the other directions.
    const n = 400;
    const data = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const t = (i / n - 0.5) * 10;
      data.set([t + Math.sin(i) * 0.1, t + Math.cos(i) * 0.1, Math.sin(i * 3) * 0.2], i * 3);
    }
    const p = fitPca2({ n, dim: 3, data }, Array.from({ length: n }, (_, i) => i));
    expect(Math.abs(p.axes[0][0])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(p.axes[0][1])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(p.explained[0]).toBeGreaterThan(0.99);
    const [u] = project(p, [5, 5, 0]);
    expect(Math.abs(u)).toBeCloseTo(Math.hypot(5, 5), 1);
  });

  it('colours lift: white at 1×, orange above, blue below', () => {
    expect(liftColour(1)).toBe('rgb(255,255,255)');
    expect(liftColour(4)).toBe('rgb(217,95,2)');
    expect(liftColour(0.25)).toBe('rgb(33,102,172)');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { profileSegments } from '../../src/profile/profile.js';
import { makeLabels } from '../../src/write/labels.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { checkNameFit } from '../../src/write/checks.js';
import type { SegmentTexts } from '../../src/model/texts.js';
import type { SegmentProfile } from '../../src/model/profile.js';
import { writeB2bAccounts } from '../fixtures/b2b-accounts.js';
import { sharedCopyLines, textsOf } from './copy-lines.js';

/**
 * Issue 15: distinct copy at any k. Segments that share an offer kind (four "picks" accounts
 * at k = 8 on the B2B file) used to repeat lines once their offer had more segments than
 * variants. The real stages (ingest, embed, k-means at each k, profile, offline writer) run
 * here once per k; the embedding is fitted once per file, as a Run would.
 */
const EXAMPLES = resolve(import.meta.dirname, '../../examples/customers.csv');
const root = mkdtempSync(join(tmpdir(), 'segmenta-distinct-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SNAKE = /\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/;

interface Written {
  k: number;
  profiles: SegmentProfile[];
  segments: { id: number; texts: SegmentTexts }[];
}

async function writeAtEachK(file: string, ks: number[], brand?: string): Promise<Written[]> {
  const table = await loadCustomers(file);
  const { vectors } = await fitEmbedding(table, { seed: 42 });
  const out: Written[] = [];
  for (const k of ks) {
    const cluster = clusterVectors(vectors, { k, seed: 42, bootstraps: 0 });
    const profiles = profileSegments(table, cluster.labels, cluster.k, { stability: cluster.stability, minSegmentSize: 50, vectors, centroids: cluster.centroids });
    const texts = await writeAllTexts(new OfflineWriter(), profiles, { labels: makeLabels(profiles), brand });
    out.push({ k, profiles: profiles.filter((p) => !p.small), segments: Object.entries(texts).map(([id, t]) => ({ id: Number(id), texts: t })) });
  }
  return out;
}

const header = (file: string) => readFileSync(file, 'utf8').split('\n')[0].split(',');
const rawLooking = (columns: readonly string[]) => columns.filter((c) => /[_\d]|[a-z][A-Z]/.test(c));

const cases = [
  { what: 'the examples file', ks: [4, 5, 6, 7, 8, 9, 10], file: () => EXAMPLES, brand: undefined as string | undefined },
  { what: 'the hand-made B2B file', ks: [4, 8], file: () => { const f = join(root, 'accounts.csv'); writeB2bAccounts(f); return f; }, brand: 'Acme' },
];

describe.each(cases)('copy on $what at k = $ks', ({ ks, file, brand }) => {
  let written: Written[];
  let columns: string[];
  beforeAll(async () => {
    const f = file();
    columns = header(f);
    written = await writeAtEachK(f, ks, brand);
  }, 180_000);

  it('has every k asked for, with as many described segments as k', () => {
    expect(written.map((w) => w.k)).toEqual(ks);
    for (const w of written) expect(w.segments.length, `k = ${w.k}`).toBe(w.profiles.length);
    expect(written.at(-1)!.segments.length).toBeGreaterThanOrEqual(8);
  });

  it('gives no two segments of one Run the same line of copy', () => {
    for (const w of written) expect(sharedCopyLines(w.segments), `k = ${w.k}`).toEqual([]);
  });

  it('puts no raw column name and nothing snake_case in any name, persona or copy', () => {
    const raw = rawLooking(columns);
    expect(raw.length).toBeGreaterThan(3);
    for (const w of written) {
      for (const s of w.segments) {
        for (const [field, text] of textsOf(s.texts)) {
          expect(text, `k = ${w.k}, ${s.id} ${field}`).not.toMatch(SNAKE);
          for (const c of raw) expect(text.toLowerCase(), `k = ${w.k}, ${s.id} ${field} shows ${c}`).not.toContain(c.toLowerCase());
        }
      }
    }
  });

  it('names claim no category level under half the segment holds (unless they state the share)', () => {
    for (const w of written) {
      for (const s of w.segments) {
        const p = w.profiles.find((x) => x.id === s.id)!;
        expect(checkNameFit(s.texts.name, p, w.profiles), `k = ${w.k}: ${s.texts.name}`).toEqual([]);
        for (const c of p.categories) {
          const named = new RegExp(`(^|[^\\p{L}])${c.level.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'iu').test(s.texts.name);
          if (named && c.share < 0.5) expect(s.texts.name, `k = ${w.k}: "${s.texts.name}" names ${c.level} held by ${c.share}`).toMatch(/\d\s?%/);
        }
      }
    }
  });
});


import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunFile, RunSegment } from '../../src/model/run.js';
import type { SegmentTexts } from '../../src/model/texts.js';

/**
 * A small hand-made Run in a temp workspace, so the Slack tests do not depend on the whole
 * pipeline. Segment 2's summary carries a phone number and an email on purpose: the Slack
 * layer's last scrub must remove them even though real profiles never contain any.
 */
export const FIXTURE_RUN_ID = '20261124-120000-abcd';
export const LEAKY_PHONE = '+1 415 555 0199';
export const LEAKY_EMAIL = 'jane.doe@example.com';

function texts(id: number, name: string, sms: string, summary: string): SegmentTexts {
  return {
    name,
    summary,
    persona: {
      archetype: `The ${name.toLowerCase()} shopper`,
      description: `Customers of segment ${id}, described from their numbers.`,
      goals: ['Get good value'],
      painPoints: ['Too many emails'],
      channels: ['email', 'sms'],
      evidence: [`Average order value $${40 + id * 10} (1.${id}× everyone)`],
    },
    copy: {
      email: { subject: `A treat for the ${name}`, body: 'We picked these for you, because you keep coming back for the good stuff.' },
      sms,
      push: `${name}: new picks are in`,
      ad: { headline: `For the ${name}`, primaryText: 'Picked for people who shop like you do.' },
      offer: '15% off the next order',
    },
    writer: { kind: 'offline' },
  };
}

function segment(id: number, size: number, t?: SegmentTexts): RunSegment {
  return {
    id,
    size,
    share: size / 1000,
    small: !t,
    profile: {
      id,
      size,
      share: size / 1000,
      small: !t,
      stability: 0.9 - id * 0.05,
      numeric: [{ feature: 'total_spend', kind: 'numeric', mean: 100 * id, median: 90 * id, overallMean: 150, lift: (100 * id) / 150, z: id - 1.5 }],
      categories: [{ column: 'region', level: 'north', share: 0.6, overallShare: 0.3, lift: 2 }],
      terms: [{ column: 'review', term: 'delivery', score: 0.4, share: 0.3 }],
      rfm: {},
      representatives: [],
    },
    texts: t,
  };
}

export function fixtureRun(): RunFile {
  return {
    version: 1,
    id: FIXTURE_RUN_ID,
    createdAt: '2026-11-24T12:00:00.000Z',
    config: { file: 'examples/customers.csv', seed: 42, minSegmentSize: 50, writer: 'offline' },
    schema: { source: 'examples/customers.csv', format: 'csv', kind: 'customers', idColumn: 'customer_id', columns: [], rowsRead: 1000 },
    quality: { rowsRead: 1000, customers: 1000, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [] },
    embedding: { dim: 8, blocks: [], textEmbedder: 'offline' },
    metrics: { customers: 1000, k: 3, kChosen: 'auto', silhouette: 0.41, inertia: 123, iterations: 9, kScores: [], seconds: {} },
    segments: [
      segment(1, 560, texts(1, 'Bargain Hunters', 'Bargain Hunters: 15% off your next order this weekend only. Reply STOP to opt out.', 'Deal seekers who buy on discount; 60% shop in the north.')),
      segment(2, 410, texts(2, 'Loyal Regulars', 'Loyal Regulars, thanks for coming back: 15% off your next order. Reply STOP to opt out.', `Steady repeat buyers (call ${LEAKY_PHONE} or ${LEAKY_EMAIL}).`)),
      segment(3, 30),
    ],
    textsHistory: [],
  };
}

/** A temp workspace holding the fixture Run; returns the workspace path. */
export function fixtureWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'segmenta-slack-'));
  const dir = join(ws, 'runs', FIXTURE_RUN_ID);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), JSON.stringify(fixtureRun(), null, 2));
  writeFileSync(join(dir, 'assignments.csv'), 'customer_id,segment\n');
  return ws;
}

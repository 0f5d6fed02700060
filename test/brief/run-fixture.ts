import type { RunFile } from '../../src/model/run.js';
import type { CustomerTable } from '../../src/model/data.js';
import { profileSegments } from '../../src/profile/profile.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { plantedTable } from '../profile/fixtures.js';

/**
 * A RunFile made by hand the way the pipeline would: planted customers, their profiles, the
 * offline writer's texts. One segment is forced under the minimum size.
 */
export async function fixtureRun(n = 1200): Promise<{ run: RunFile; table: CustomerTable }> {
  const { table, labels } = plantedTable(n, 11, 6);
  // Move all but 20 members of group 5 into group 4, so segment 6 is small.
  let kept = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 5 && kept++ >= 20) labels[i] = 4;
  const profiles = profileSegments(table, labels, 6, { minSegmentSize: 50, stability: [0.97, 0.93, 0.9, 0.88, 0.86, 0.4] });
  const texts = await writeAllTexts(new OfflineWriter(), profiles);
  table.schema.columns = [
    { name: 'customer_id', sourceType: 'VARCHAR', role: 'id', reason: 'unique per row' },
    { name: 'full_name', sourceType: 'VARCHAR', role: 'pii', piiKind: 'name', reason: 'values like "Jane Doe"' },
    { name: 'email', sourceType: 'VARCHAR', role: 'pii', piiKind: 'email', reason: 'looks like emails (jane.doe0@example.com)' },
    { name: 'age', sourceType: 'BIGINT', role: 'numeric', reason: 'numbers' },
    { name: 'favourite_category', sourceType: 'VARCHAR', role: 'categorical', reason: '6 distinct values' },
    { name: 'review', sourceType: 'VARCHAR', role: 'text', reason: 'free text' },
  ];
  table.quality.missing = [{ column: 'age', count: 3, filledWith: 'median' }];
  table.quality.warnings = ['2 rows had an email in the review column (jane.doe0@example.com); it was scrubbed'];
  const run: RunFile = {
    version: 1,
    id: '20260101-120000-ab12',
    createdAt: '2026-01-01T12:00:00.000Z',
    config: { file: '/data/customers.csv', seed: 1, minSegmentSize: 50, writer: 'offline' },
    schema: table.schema,
    quality: table.quality,
    embedding: { dim: 16, blocks: [], textEmbedder: 'tfidf-svd' },
    metrics: { customers: n, k: 6, kChosen: 'auto', silhouette: 0.41, inertia: 1, iterations: 10, kScores: [], seconds: {} },
    segments: profiles.map((p) => ({ id: p.id, size: p.size, share: p.share, small: p.small, profile: p, texts: texts[p.id] })),
    textsHistory: [],
  };
  return { run, table };
}

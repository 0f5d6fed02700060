import { fitTextModel } from '../../src/embed/text-block.js';
import { createPiiMatcher } from '../../src/util/pii.js';
import type { TextModel } from '../../src/model/vectors.js';

/** Customers' texts for the text-in-the-engine tests (text-plan.test.ts on DuckDB, postgres.test.ts on PostgreSQL). */
// Two columns of text, Latin accents, apostrophes (straight and curly), digits, repeats, function words, blanks and NULLs.
export const DOCS: [string, string | null, string | null][] = [
  ['C1', 'Fast delivery, great prices!', 'Love the app'],
  ['C2', "Don't like the packaging; delivery was slow", null],
  ['C3', 'Café crème: très bon café, livraison rapide', ''],
  ['C4', 'great prices great prices GREAT PRICES', 'app app'],
  ['C5', null, null],
  ['C6', '   ', 'the and of'],
  ['C7', 'Delivery took 14 days — order 1234 was late', 'customer’s service didn’t reply'],
  ['C8', 'Slow delivery, late order, bad packaging', 'Fast app'],
  ['C9', 'Crème brûlée and café: great prices', 'livraison rapide, service rapide'],
  ['C10', 'Love love love the app and the prices', null],
  ['C11', 'zzz qqq', 'xyz'],
  ['C12', 'Reach me at ana.haddad@example.com about the late delivery', 'call +1 555-123-4567'],
];

export async function fitted(): Promise<{ model: TextModel; columns: { name: string; values: string[] }[] }> {
  const columns = [
    { name: 'review', values: DOCS.map((d) => (d[1] ?? '').trim()) },
    { name: 'note', values: DOCS.map((d) => (d[2] ?? '').trim()) },
  ];
  // Every document in the fit (min df 2), the PII filter on: "example", "555" never become terms.
  const model = (await fitTextModel(columns, DOCS.length, { seed: 3, pii: createPiiMatcher() }))!;
  return { model, columns };
}


/**
 * The minimum segment size is a privacy and usefulness floor, not a clustering constraint:
 * k is chosen on the data's structure alone, and a segment under the minimum is kept, marked
 * small, never described to an LLM, briefed or exported — and the user is told. (Learned: as
 * a constraint on k, a minimum of 50 on the 200-row mall file ruled out every k above 4 and
 * merged its five textbook groups into two.)
 *
 * The default of 50 fits tables of 1,000 customers and more. A smaller table gets a minimum
 * that fits it — 5 % of its customers, at least 10 — unless the user set one; the Run says
 * which minimum it used and why.
 */
export const SMALL_TABLE_SHARE = 0.05;
export const SMALL_TABLE_FLOOR = 10;

export interface MinimumSegmentSize {
  value: number;
  why: string;
}

export function minimumSegmentSize(customers: number, configured: number, setByUser: boolean): MinimumSegmentSize {
  if (setByUser) return { value: configured, why: `minimum segment size ${configured} (as set)` };
  const fits = Math.max(SMALL_TABLE_FLOOR, Math.ceil(SMALL_TABLE_SHARE * customers));
  if (fits >= configured) return { value: configured, why: `minimum segment size ${configured} (the default)` };
  return {
    value: fits,
    why: `minimum segment size ${fits}: 5% of this table's ${customers.toLocaleString('en-US')} customers, as the default of ${configured} would not fit a table this small (set --min-segment-size to change it)`,
  };
}

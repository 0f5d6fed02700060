import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/agent/intent.js';

/** Issue 21 on the offline parser: "what changed since last month?" and refreshing with a file. */
describe('refresh and diff intents', () => {
  it('maps plain requests to refresh and diff', () => {
    expect(parseIntent('what changed since last month?')).toEqual({ kind: 'op', op: 'diff', input: {} });
    expect(parseIntent("who moved?")).toEqual({ kind: 'op', op: 'diff', input: {} });
    expect(parseIntent('refresh the segments with feb.csv')).toEqual({ kind: 'op', op: 'refresh', input: { file: 'feb.csv' } });
    expect(parseIntent('refresh')).toEqual({ kind: 'op', op: 'refresh', input: {} });
    // Segmenting a file is still segmenting.
    expect(parseIntent('segment feb.csv')).toMatchObject({ op: 'segment', input: { file: 'feb.csv' } });
  });
});

/**
 * Not a unit test: the mutation check of the evals' own checks (issue 14). Each check's result
 * is replaced by a constant (a `return …;` put first in its body), the tests that guard it are
 * run, and the file is put back. A mutation no test notices is a check no test holds to account.
 *   npx tsx test/evals/mutate-checks.ts            # every mutation (≈ 40 s each on two cores)
 *   npx tsx test/evals/mutate-checks.ts pii hasLink # those whose name holds a word given
 * Prints one line per mutation: the tests that went red, or "SURVIVED".
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const UNIT = ['test/evals/checks.test.ts', 'test/evals/claim-reader.test.ts'];
const METRICS = ['test/evals/metric-mutations.test.ts'];

interface Mutation {
  file: string;
  /** The function whose body gets the constant, or a line to replace. */
  fn?: string;
  returns?: string;
  replace?: [string, string];
  tests: string[];
}

const MUTATIONS: Mutation[] = [
  { file: 'evals/checks/numbers.ts', fn: 'citedNumbers', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/profile-numbers.ts', fn: 'ungroundedNumbers', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/channel-limits.ts', fn: 'smsCount', returns: "{ encoding: 'GSM-7', units: 0, limit: 160 }", tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/channel-limits.ts', fn: 'columns', returns: '0', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/channel-limits.ts', fn: 'channelOverruns', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/copy-rules.ts', fn: 'asksToAct', returns: 'true', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/copy-rules.ts', fn: 'hasOptOut', returns: 'true', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/copy-rules.ts', fn: 'hasLink', returns: 'false', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/copy-rules.ts', fn: 'copyProblems', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/pii.ts', fn: 'createPiiFinder', returns: '() => []', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/name-shape.ts', fn: 'nameShapeProblems', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/name-shape.ts', fn: 'sameName', returns: 'true', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/name-claims.ts', fn: 'nameClaimProblems', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/claim-reader.ts', fn: 'readClaims', returns: '[]', tests: [...UNIT, ...METRICS] },
  { file: 'evals/checks/trait-words.ts', fn: 'familyOf', returns: 'undefined', tests: [...UNIT, ...METRICS] },
  {
    file: '.dependency-cruiser.cjs',
    replace: ["from: { path: '^evals/', pathNot: '^evals/writer-under-test\\\\.ts$' },", "from: { path: '^evals/(judge|stats)/' },"],
    tests: ['test/floor-plan.test.ts'],
  },
];

function mutate(m: Mutation, text: string): string {
  if (m.replace) {
    if (!text.includes(m.replace[0])) throw new Error(`${m.file}: no line ${m.replace[0]}`);
    return text.replace(m.replace[0], m.replace[1]);
  }
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`export function ${m.fn}(`) && l.trimEnd().endsWith('{'));
  if (at < 0) throw new Error(`${m.file}: no one-line signature of ${m.fn}`);
  lines.splice(at + 1, 0, `  return ${m.returns} as never;`);
  return lines.join('\n');
}

function red(tests: string[]): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...tests, '--reporter=json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  const report = JSON.parse(json) as { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] };
  return report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${f.name.replace(`${ROOT}/`, '').replace('test/evals/', '')} › ${a.fullName}`));
}

const only = process.argv.slice(2);
for (const m of MUTATIONS) {
  const label = m.fn ? `${m.file.replace('evals/checks/', '')} ${m.fn} → ${m.returns}` : `${m.file}: judge-apart-from-writer only for judge/, stats/`;
  if (only.length && !only.some((w) => label.includes(w))) continue;
  const path = join(ROOT, m.file);
  const original = readFileSync(path, 'utf8');
  let failed: string[];
  try {
    writeFileSync(path, mutate(m, original));
    failed = red(m.tests);
  } finally {
    writeFileSync(path, original);
  }
  console.log(`${label}\n    ${failed.length ? `red: ${failed.length} — ${failed.slice(0, 3).join(' | ')}` : 'SURVIVED'}`);
}

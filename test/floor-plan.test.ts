import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layering check of issue 12: the floors are listed once, in .dependency-cruiser.cjs, and
// dependency-cruiser (the CLI a developer runs by hand) checks every import against them.
const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

function cruise(cwd: string, paths: string[]): Violation[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, ...paths, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0 || !r.stdout) throw new Error(`depcruise failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation) =>
  v.cycle ? `${v.rule.name}: ${v.from} → ${v.cycle.map((c) => c.name).join(' → ')}` : `${v.rule.name}: ${v.from} → ${v.to}`;

describe('floor plan', () => {
  it('no import in src, tools or evals runs up a floor or closes a circle', () => {
    const violations = cruise(ROOT, ['src', 'tools', 'evals']);
    expect(violations.map(describeViolation)).toEqual([]);
  }, 120_000);

  describe('the rules bite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-floors-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    // A copy of the compiler options, so the fixture resolves `./x.js` to `./x.ts` as src does.
    put('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
    // Allowed: a surface uses an operation, an operation uses the ground, a stage one below it.
    put('src/cli/main.ts', "import { op } from '../ops/op.js';\nexport const main = op;\n");
    put('src/ops/op.ts', "import { fail } from '../errors.js';\nimport { fit } from '../cluster/fit.js';\nexport const op = () => fit() ?? fail();\n");
    put('src/errors.ts', 'export const fail = () => 0;\n');
    put('src/cluster/fit.ts', "import { read } from '../data/read.js';\nexport const fit = () => read();\n");
    // Up a floor: the data stage imports the CLI; a type-only import counts too.
    put('src/data/read.ts', "import type { main } from '../cli/main.js';\nexport const read = (): typeof main | undefined => undefined;\n");
    // Up within the ordered stages floor: cluster sits above embed.
    put('src/embed/fit.ts', "import { fit } from '../cluster/fit.js';\nexport const embedFit = fit;\n");
    // A circle inside one room (the ground's util folder).
    put('src/util/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    put('src/util/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    // A folder that is not in the plan.
    put('src/index/build.ts', "import { a } from '../util/a.js';\nexport const build = a;\n");

    // The evals judge the writers with code of their own: an eval importing src/write/ is
    // reported, and so is the one module allowed to run the writer under test when it reaches
    // past the writers themselves.
    put('src/write/checks.ts', 'export const check = () => [];\n');
    put('src/write/offline-writer.ts', 'export class OfflineWriter {}\n');
    put('evals/suites/grounding.ts', "import { check } from '../../src/write/checks.js';\nexport const measure = check;\n");
    put('evals/writer-under-test.ts', "import { OfflineWriter } from '../src/write/offline-writer.js';\nimport { check } from '../src/write/checks.js';\nexport const w = [OfflineWriter, check];\n");

    const violations = cruise(dir, ['src', 'evals']);
    const found = violations.map(describeViolation);

    it('reports an import up a floor, type-only or not', () => {
      expect(found).toContain('up-from-src/data: src/data/read.ts → src/cli/main.ts');
      expect(found).toContain('up-from-src/embed: src/embed/fit.ts → src/cluster/fit.ts');
    });

    it('reports a circle of imports', () => {
      expect(found.filter((f) => f.startsWith('no-circular: src/util/'))).not.toEqual([]);
    });

    it('reports a folder missing from the plan', () => {
      expect(found).toContain('not-in-floor-plan: src/index/build.ts → src/util/a.ts');
    });

    it('reports an eval importing the writers, beyond the writer under test', () => {
      expect(found).toContain('judge-apart-from-writer: evals/suites/grounding.ts → src/write/checks.ts');
      expect(found).toContain('judge-apart-from-writer: evals/writer-under-test.ts → src/write/checks.ts');
      expect(found.filter((f) => f.endsWith('evals/writer-under-test.ts → src/write/offline-writer.ts'))).toEqual([]);
    });

    it('lets the allowed imports through', () => {
      const allowed = ['src/cli/main.ts → src/ops/op.ts', 'src/ops/op.ts → src/errors.ts', 'src/ops/op.ts → src/cluster/fit.ts', 'src/cluster/fit.ts → src/data/read.ts'];
      for (const edge of allowed) expect(found.filter((f) => f.endsWith(edge) && !f.startsWith('no-circular'))).toEqual([]);
    });

    it('generates its rules from the one list of floors', () => {
      const config = createRequire(import.meta.url)(CONFIG) as { FLOORS: { rooms: string[] }[]; forbidden: { name: string }[] };
      const rooms = config.FLOORS.flatMap((f) => f.rooms);
      expect(rooms).toContain('src/pipeline');
      // One "up" rule per room below the top floor.
      const upRules = config.forbidden.filter((r) => r.name.startsWith('up-from-')).map((r) => r.name.slice('up-from-'.length));
      expect(upRules).toEqual(rooms.filter((r) => !config.FLOORS[0].rooms.includes(r)));
    });
  });
});

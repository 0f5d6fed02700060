import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { resolveSegment } from './segments.js';
import type { RunSegment } from '../model/run.js';
import { formatCount, formatShare, textTable } from '../util/format.js';
import { formatFeatureValue } from '../write/format.js';
import { openRun } from './session.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import type { FeatureLabels } from '../model/texts.js';
import { zhLabel } from '../write/labels-zh.js';
import { shownTerms } from '../profile/shown-terms.js';

export const CompareInput = z.object({
  a: z.union([z.string(), z.number()]).describe('First segment: number, or a word of its name'),
  b: z.union([z.string(), z.number()]).describe('Second segment: number, or a word of its name'),
  run: runField,
});

interface Side {
  id: number;
  name: string;
  size: number;
  share: number;
  archetype?: string;
  terms: string[];
}

export interface FeatureDiff {
  feature: string;
  kind: 'numeric' | 'boolean';
  /** Segment means, overall mean: the fields the shared number formatter reads. */
  mean: number;
  overallMean: number;
  a: number;
  b: number;
  overall: number;
  /** Difference in overall standard deviations (z of A − z of B): how far apart they are. */
  gap: number;
}

export interface CategoryDiff {
  column: string;
  level: string;
  a: number;
  b: number;
}

export interface CompareResult {
  runId: string;
  a: Side;
  b: Side;
  features: FeatureDiff[];
  categories: CategoryDiff[];
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
  /** The Run's feature labels (units; Chinese labels in a Chinese answer). */
  labels?: FeatureLabels;
}

export const compareOp = defineOperation({
  name: 'compare',
  description: OP_DESCRIPTIONS.compare,
  input: CompareInput,
  async run(input, ctx): Promise<CompareResult> {
    const { run } = openRun(ctx, input.run);
    const a = resolveSegment(run, input.a);
    const b = resolveSegment(run, input.b);
    const lang = answerLanguage(ctx, run);
    const small = RENDER_WORDS[lang].compare.small;
    return { runId: run.id, a: side(a, small), b: side(b, small), features: featureGaps(a, b).slice(0, 8), categories: categoryGaps(a, b).slice(0, 5), lang, labels: run.labels };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const zh = lang === 'zh';
    const w = RENDER_WORDS[lang].compare;
    // English keeps the column names, as before; Chinese shows its labels (columns it cannot read quoted as data).
    const name = (column: string) => (zh ? zhLabel(r.labels, column) : column);
    const unit = (column: string) => (zh ? r.labels?.[column]?.unit : undefined);
    const value = (f: FeatureDiff, v: number) => formatFeatureValue(f, v, undefined, unit(f.feature), lang);
    const head = (s: Side) => `#${s.id} ${s.name}`;
    const lines = [
      textTable(
        ['', head(r.a), head(r.b)],
        [
          [w.customers, formatCount(r.a.size, lang), formatCount(r.b.size, lang)],
          [w.share, formatShare(r.a.share, lang), formatShare(r.b.share, lang)],
          ...(r.a.archetype || r.b.archetype ? [[w.persona, r.a.archetype ?? '-', r.b.archetype ?? '-']] : []),
        ],
      ),
      '',
      w.differ,
      textTable([w.feature, `#${r.a.id}`, `#${r.b.id}`, w.overall], r.features.map((f) => [name(f.feature), value(f, f.a), value(f, f.b), value(f, f.overall)])),
    ];
    if (r.categories.length) {
      lines.push('', textTable([w.category, `#${r.a.id}`, `#${r.b.id}`], r.categories.map((c) => [zh ? `${name(c.column)}：「${c.level}」` : `${c.column} = ${c.level}`, formatShare(c.a, lang), formatShare(c.b, lang)])));
    }
    if (r.a.terms.length || r.b.terms.length) {
      lines.push('', w.writeAbout(r.a.id, r.a.terms.join(zh ? '、' : ', ') || '-'), w.writeAbout(r.b.id, r.b.terms.join(zh ? '、' : ', ') || '-'));
    }
    return lines.join('\n');
  },
  summarize(r) {
    // Aggregates only: no terms or snippets from customer text reach the model from here.
    return [
      `Segment ${r.a.id} "${r.a.name}" (${r.a.size} customers, ${formatShare(r.a.share)}) vs segment ${r.b.id} "${r.b.name}" (${r.b.size}, ${formatShare(r.b.share)}).`,
      `Biggest differences: ${r.features.slice(0, 5).map((f) => `${f.feature} ${formatFeatureValue(f, f.a)} vs ${formatFeatureValue(f, f.b)} (overall ${formatFeatureValue(f, f.overall)})`).join('; ')}.`,
      r.categories.length ? `Categories: ${r.categories.map((c) => `${c.column}=${c.level} ${formatShare(c.a)} vs ${formatShare(c.b)}`).join('; ')}.` : '',
    ].filter(Boolean).join(' ');
  },
});

function side(s: RunSegment, small: string): Side {
  return {
    id: s.id,
    name: s.texts?.name ?? small,
    size: s.size,
    share: s.share,
    archetype: s.texts?.persona.archetype,
    terms: shownTerms(s.profile.terms, 5).map((t) => t.term),
  };
}

/** Numeric features ranked by how far apart the two segments are, in overall standard deviations. */
function featureGaps(a: RunSegment, b: RunSegment): FeatureDiff[] {
  const byName = new Map(b.profile.numeric.map((f) => [f.feature, f]));
  return a.profile.numeric
    .flatMap((fa) => {
      const fb = byName.get(fa.feature);
      return fb ? [{ feature: fa.feature, kind: fa.kind, mean: fa.mean, overallMean: fa.overallMean, a: fa.mean, b: fb.mean, overall: fa.overallMean, gap: fa.z - fb.z }] : [];
    })
    .sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap));
}

/** Category levels both profiles report, ranked by the difference in share. */
function categoryGaps(a: RunSegment, b: RunSegment): CategoryDiff[] {
  const key = (c: { column: string; level: string }) => `${c.column}\u0000${c.level}`;
  const inB = new Map(b.profile.categories.map((c) => [key(c), c]));
  return a.profile.categories
    .flatMap((ca) => {
      const cb = inB.get(key(ca));
      return cb ? [{ column: ca.column, level: ca.level, a: ca.share, b: cb.share }] : [];
    })
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b));
}

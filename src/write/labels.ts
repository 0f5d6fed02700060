import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { NumericFact, SegmentProfile } from '../model/profile.js';
import { FeatureLabelSchema, FEATURE_UNITS, type FeatureLabel, type FeatureLabels, type FeatureUnit } from '../model/texts.js';
import { ABBREVIATIONS, LABEL_RULES, NUMBER_WORDS, UNIT_PATTERNS } from './phrases/en.js';

/**
 * Plain-language labels for every feature of a Run ("signup_date_days_ago" → "days since
 * signup", unit days), made once when the Run is written and kept in run.json, so names,
 * personas, copy, briefs and the report never show a raw column name. A `--labels FILE`
 * (column → label, unit) overrides what is guessed here. The words come from the English
 * phrase table (phrases/en.ts); this file holds only the logic.
 */
export { type FeatureLabel, type FeatureLabels, type FeatureUnit } from '../model/texts.js';

/** The unit of a feature: the field #13 adds to profile facts when present, else guessed from its name and kind. */
export function unitOf(feature: string, kind: 'numeric' | 'boolean' = 'numeric', given?: FeatureUnit): FeatureUnit {
  // The loader says "number" when the values alone do not tell ("monthlyFee" 90.50): the
  // column's name may still ("fee" → money, "seats" → count).
  if (given && given !== 'number') return given;
  if (kind === 'boolean') return 'rate';
  for (const [unit, re] of UNIT_PATTERNS) if (re.test(feature)) return unit;
  return 'number';
}

/** A readable label from a column name: split snake/camel case, expand abbreviations, "_days_ago" → "days since …". */
export function labelOf(feature: string): string {
  // A unit or range in brackets at the end says how it is measured, not what: "Annual Income
  // (k$)" is "annual income", "Spending Score (1-100)" "spending score" (not "… 1 100").
  let name = feature.trim().replace(/\s*[([][^()[\]]*[)\]]$/, '') || feature.trim();
  for (const [re, label] of LABEL_RULES) if (re.test(name)) return label;
  // Derived by the loader from a datetime column: "<column>_days_ago".
  const ago = /^(.*?)[\s_-]*days[\s_-]*ago$/i.exec(name);
  if (ago && ago[1]) return `days since ${wordsOf(ago[1].replace(/[\s_-]*(date|at|on|time|timestamp)$/i, '')).join(' ')}`;
  name = name.replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = wordsOf(name);
  // "orders_12m" → "orders in the last year"; "visits_90d" → "visits in the last ninety days".
  const out: string[] = [];
  let window = '';
  for (const w of words) {
    const m = /^(\d+)(d|w|m|y|days?|weeks?|months?|years?)$/.exec(w);
    if (m) window = windowPhrase(Number(m[1]), m[2][0]);
    else out.push(w);
  }
  const label = [...out, window].filter(Boolean).join(' ');
  return label || feature;
}

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => (ABBREVIATIONS[w.toLowerCase()] ?? (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).split(' '))
    .filter(Boolean);
}

function windowPhrase(n: number, unit: string): string {
  const u = { d: 'day', w: 'week', m: 'month', y: 'year' }[unit] ?? 'day';
  if (n === 1) return `in the last ${u}`;
  if (u === 'month' && n === 12) return 'in the last year';
  return `in the last ${NUMBER_WORDS[n] ?? String(n)} ${u}s`;
}

const LabelsFileSchema = z.record(z.string(), z.union([z.string().min(1).max(60), FeatureLabelSchema.partial({ unit: true })]));

/**
 * Read a labels file: JSON `{ "column": "label" | { "label": "…", "unit": "money" } }`, or
 * CSV lines `column,label[,unit]`. One clear line on anything wrong, naming file and line.
 */
export function readLabelsFile(path: string): Record<string, Partial<FeatureLabel> & { label: string }> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the labels file ${path}; give a JSON or CSV file of column,label[,unit]`);
  }
  if (/^\s*\{/.test(raw)) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new UsageError(`${path}: not valid JSON (${(err as Error).message}); write {"column": "label"} or {"column": {"label": "…", "unit": "money"}}`);
    }
    // The schema's union error only says "Invalid input": name the unit when that is what is wrong.
    for (const [column, v] of Object.entries(json && typeof json === 'object' ? json : {})) {
      const unit = v && typeof v === 'object' ? (v as { unit?: unknown }).unit : undefined;
      if (unit !== undefined && !(FEATURE_UNITS as readonly unknown[]).includes(unit)) {
        throw new UsageError(`${path}: "${column}": unit ${JSON.stringify(unit)} is not one of ${FEATURE_UNITS.join(', ')}`);
      }
    }
    const parsed = LabelsFileSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new UsageError(`${path}: "${i.path.join('.')}" ${i.message}; each value is a label (1–60 characters) or {label, unit} with unit one of ${FEATURE_UNITS.join(', ')}`);
    }
    return Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, typeof v === 'string' ? { label: v } : v]));
  }
  const out: Record<string, Partial<FeatureLabel> & { label: string }> = {};
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#') || (i === 0 && /^\s*column\s*,/i.test(line))) return;
    const [column, label, unit] = line.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!column || !label) throw new UsageError(`${path} line ${i + 1}: expected column,label[,unit], got "${line.slice(0, 60)}"`);
    if (label.length > 60) throw new UsageError(`${path} line ${i + 1}: the label of ${column} is ${label.length} characters; keep it under 60`);
    if (unit && !(FEATURE_UNITS as readonly string[]).includes(unit)) throw new UsageError(`${path} line ${i + 1}: unit "${unit}" is not one of ${FEATURE_UNITS.join(', ')}`);
    out[column] = { label, ...(unit ? { unit: unit as FeatureUnit } : {}) };
  });
  return out;
}

/** Every feature and category column of the profiles, labelled; overrides win. */
export function makeLabels(profiles: SegmentProfile[], overrides: Record<string, Partial<FeatureLabel> & { label: string }> = {}): FeatureLabels {
  const out: FeatureLabels = {};
  for (const p of profiles) {
    for (const f of p.numeric) {
      if (out[f.feature]) continue;
      const given = (f as NumericFact & { unit?: FeatureUnit }).unit;
      const o = overrides[f.feature];
      out[f.feature] = { label: o?.label ?? labelOf(f.feature), unit: o?.unit ?? unitOf(f.feature, f.kind, given) };
    }
    for (const c of [...p.categories.map((x) => x.column), ...p.terms.map((x) => x.column)]) {
      if (out[c]) continue;
      out[c] = { label: overrides[c]?.label ?? labelOf(c), unit: 'number' };
    }
  }
  return out;
}

/** A Run's labels: kept in run.json, or guessed for a Run made before labels were kept. */
export function runLabels(run: { labels?: FeatureLabels; segments: { profile: SegmentProfile }[] }): FeatureLabels {
  return run.labels ?? makeLabels(run.segments.map((s) => s.profile));
}

/** The label of a feature or column, from the Run's labels (or guessed when it has none). */
export function labelFor(labels: FeatureLabels | undefined, feature: string): string {
  return labels?.[feature]?.label ?? labelOf(feature);
}

/** The label with its first letter upper-cased, for the start of a line. */
export function capitalLabel(labels: FeatureLabels | undefined, feature: string): string {
  const l = labelFor(labels, feature);
  return l ? l[0].toUpperCase() + l.slice(1) : l;
}

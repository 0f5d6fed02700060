import type { SegmentProfile } from '../model/profile.js';
import { describeCategory, describeNumeric, describePredicted, describeSize, describeTerm, describeTier } from './format.js';
import { SENSITIVE_COLUMN } from './vocabulary.js';
import { filterLabel, looksLikeInstruction } from '../llm/injection.js';
import { PrivacyError, SNIPPET_MAX_CHARS, type PrivacyGuard } from '../llm/privacy.js';

/**
 * What the LLM is told about one segment: aggregates (written by format.ts, the same forms
 * checkGrounding reads back) and at most a few short, scrubbed, quoted snippets. Nothing else of
 * a profile is sent: no ids, no raw rows. Every label (feature, level, term) is scrubbed too,
 * since they come from the user's file. Sensitive attributes (gender, health, …) are left out,
 * as the offline writer leaves them out of names.
 */
export interface PayloadLimits {
  maxSnippets: number;
  snippetChars: number;
  maxNumeric: number;
  maxCategories: number;
  maxTerms: number;
}

export const DEFAULT_PAYLOAD_LIMITS: PayloadLimits = { maxSnippets: 5, snippetChars: SNIPPET_MAX_CHARS, maxNumeric: 6, maxCategories: 5, maxTerms: 8 };

export interface SegmentPayload {
  id: number;
  /** The <segment> block as sent. */
  text: string;
  /** Instruction-like snippets that were withheld (scrubbed), for the injection checks. */
  withheld: string[];
  snippetsSent: number;
}

export function segmentPayload(profile: SegmentProfile, guard: PrivacyGuard, currency?: string, limits: PayloadLimits = DEFAULT_PAYLOAD_LIMITS): SegmentPayload {
  if (profile.small) throw new PrivacyError(`segment ${profile.id}`, ['a segment under the minimum size (never sent to an LLM)']);
  // Every label from the file is data: scrubbed, quoted, and withheld when it reads like an instruction.
  const withheld: string[] = [];
  const label = (s: string) => filterLabel(guard.quote(s, 60), withheld);
  const lines: string[] = [`<segment id="${profile.id}">`, `Size: ${describeSize(profile)}`];

  const numeric = profile.numeric
    .filter((f) => !SENSITIVE_COLUMN.test(f.feature) && Number.isFinite(f.z))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, limits.maxNumeric);
  if (numeric.length) {
    lines.push('Compared with everyone:');
    for (const f of numeric) lines.push(`- ${describeNumeric({ ...f, feature: label(f.feature) }, currency)}`);
  }

  const categories = profile.categories
    .filter((c) => !SENSITIVE_COLUMN.test(c.column) && c.lift > 1)
    .sort((a, b) => b.lift - a.lift)
    .slice(0, limits.maxCategories);
  if (categories.length) {
    lines.push('Over-represented:');
    for (const c of categories) lines.push(`- ${describeCategory({ ...c, column: label(c.column), level: label(c.level) })}`);
  }

  const terms = [...profile.terms].sort((a, b) => b.score - a.score).slice(0, limits.maxTerms);
  if (terms.length) lines.push(`Distinctive words: ${terms.map((t) => describeTerm({ ...t, column: label(t.column), term: label(t.term) })).join('; ')}`);

  const tiers = Object.entries(profile.rfm)
    .filter(([, s]) => (s ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (tiers.length) lines.push(`Value tiers: ${tiers.map(([t, s]) => describeTier(t as never, s ?? 0)).join('; ')}`);

  if (profile.predicted) {
    const d = describePredicted(profile.predicted, currency);
    lines.push('Predicted from purchase history:', `- ${d.buy}`, `- ${d.churn}`, ...(d.value ? [`- ${d.value}`] : []));
  }

  const traits: string[] = [];
  const snippets: string[] = [];
  for (const rep of profile.representatives) {
    if (snippets.length >= limits.maxSnippets && traits.length >= limits.maxSnippets) break;
    // Categorical traits only: one member's numbers are not profile numbers, and a model that
    // cited them would fail the grounding check.
    const t = Object.entries(rep.traits)
      .filter(([k, v]) => typeof v === 'string' && !SENSITIVE_COLUMN.test(k))
      .slice(0, 5)
      .map(([k, v]) => `${label(k)} ${label(String(v))}`);
    const line = `- ${t.join(', ')}`;
    if (t.length && !traits.includes(line)) traits.push(line);
    if (!rep.snippet?.trim()) continue;
    const quoted = guard.quote(rep.snippet, limits.snippetChars);
    if (looksLikeInstruction(rep.snippet) || looksLikeInstruction(quoted)) withheld.push(quoted);
    else if (snippets.length < limits.maxSnippets) snippets.push(`- "${quoted}"`);
  }
  if (traits.length) lines.push('Typical members:', ...traits);
  if (snippets.length) lines.push('<customer_snippets>', ...snippets, '</customer_snippets>');
  lines.push('</segment>');
  return { id: profile.id, text: lines.join('\n'), withheld, snippetsSent: snippets.length };
}

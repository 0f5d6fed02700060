import type { SegmentProfile } from '../model/profile.js';
import { checkCopyFit, checkDistinctNames, checkGrounding, checkNameFit, type CheckProblem } from './checks.js';
import type { Copy, Persona, SegmentName } from '../model/texts.js';
import { findQuarantined, markupProblems } from '../llm/injection.js';
import { checkScript } from './checks.js';
import type { Language } from '../util/script.js';

/**
 * The checks an LLM answer must pass (after zod) before anyone sees it. These gate: an answer
 * failing one is re-asked once, then replaced by the offline writer. They are the safety and
 * truth rules — limits, distinct names, no URL / email / phone / PII, no injected words, every
 * cited number from the profile — and the copy rules `eval` scores (checkCopyFit: a call to
 * action in every channel, carrier SMS limits, an opt-out line): the same functions, so
 * nothing `eval` rejects can be saved as LLM output.
 */
export interface OutputCheckContext {
  /** A PII finder built once from the table's PII values (createPiiFinder). */
  pii: (text: string, field?: string) => CheckProblem[];
  /** Words only found in withheld, instruction-like snippets. */
  quarantine: ReadonlySet<string>;
  /** The language asked for: every text must be written in its script. */
  lang?: Language;
}

// checks.ts keeps its URL pattern private; this is the same rule for the fields checkCopy does not see.
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|io|co|uk|de|fr|eu|shop|store|app|ly|me|info|biz|ai|gl|gg)\b(?:\/\S*)?/i;

function textProblems(text: string, field: string, profile: SegmentProfile, ctx: OutputCheckContext, allow?: number[]): CheckProblem[] {
  const out: CheckProblem[] = [...checkGrounding(text, profile, { field, allow }), ...ctx.pii(text, field)];
  if (URL_LIKE.test(text)) out.push({ field, problem: 'contains a URL' });
  if (ctx.lang) out.push(...checkScript(text, ctx.lang, field));
  for (const problem of markupProblems(text)) out.push({ field, problem });
  const injected = findQuarantined(text, ctx.quarantine);
  if (injected.length) out.push({ field, problem: 'repeats words from a withheld customer snippet (a prompt injection); describe the segment from its numbers' });
  return out;
}

const lines = (problems: CheckProblem[]) => [...new Set(problems.map((p) => `${p.field}: ${p.problem}`))];

export function namesProblems(names: SegmentName[], profiles: SegmentProfile[], ctx: OutputCheckContext): string[] {
  const problems: CheckProblem[] = [];
  for (const n of names) {
    const profile = profiles.find((p) => p.id === n.segment);
    const field = `segment_${n.segment}`;
    if (!profile) {
      problems.push({ field, problem: 'is not one of the segments' });
      continue;
    }
    problems.push(...checkNameFit(n.name, profile, profiles, `${field}.name`));
    problems.push(...textProblems(n.name, `${field}.name`, profile, ctx), ...textProblems(n.summary, `${field}.summary`, profile, ctx));
  }
  const distinct = checkDistinctNames(names.map((n) => n.name), 'names');
  // checkDistinctNames points at list positions; say which segments instead.
  for (const p of distinct) {
    const i = Number(/\[(\d+)\]/.exec(p.field)?.[1]);
    problems.push({ field: `segment_${names[i]?.segment ?? '?'}.name`, problem: p.problem.replace(/names\[(\d+)\]/g, (_, j) => `segment_${names[Number(j)]?.segment}`) });
  }
  return lines(problems);
}

export function personaProblems(persona: Persona, profile: SegmentProfile, ctx: OutputCheckContext): string[] {
  const fields: [string, string][] = [
    ['archetype', persona.archetype],
    ['description', persona.description],
    ...persona.goals.map((t, i): [string, string] => [`goals[${i}]`, t]),
    ...persona.painPoints.map((t, i): [string, string] => [`painPoints[${i}]`, t]),
    ...persona.evidence.map((t, i): [string, string] => [`evidence[${i}]`, t]),
  ];
  return lines(fields.flatMap(([f, t]) => textProblems(t, f, profile, ctx)));
}

export function copyProblems(copy: Copy, profile: SegmentProfile, ctx: OutputCheckContext, allow: number[] = []): string[] {
  const fields: [string, string][] = [
    ['email.subject', copy.email.subject],
    ['email.body', copy.email.body],
    ['sms', copy.sms],
    ['push', copy.push],
    ['ad.headline', copy.ad.headline],
    ['ad.primaryText', copy.ad.primaryText],
    ['offer', copy.offer],
  ];
  // Same field names as checkCopy ("copy.sms"), so a problem both find is listed once.
  const problems = [...checkCopyFit(copy), ...fields.flatMap(([f, t]) => textProblems(t, `copy.${f}`, profile, ctx, allow))];
  return lines(problems);
}

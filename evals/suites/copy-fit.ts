import type { EvalContext } from '../context.js';
import { copyProblems } from '../checks/copy-rules.js';
import { nameClaimProblems } from '../checks/name-claims.js';
import { nameShapeProblems } from '../checks/name-shape.js';
import { createPiiFinder } from '../checks/pii.js';
import { storedFinderDigests } from '../../src/run/table-file.js';
import { tableVocabulary } from '../lifts.js';
import { detailWords } from '../eval-words.js';
import type { Measurement } from '../types.js';
import { listed } from './grounding.js';
import { describedSegments } from './labels.js';

/**
 * Copy and name fit, by the evals' own rules (checks/, written apart from the checks the
 * writers run before saving, so a rule the writer gets wrong shows here): channel limits as
 * carriers and mail clients count them, a call to action and no link in each channel, an SMS
 * opt-out (copy-rules.ts); 2–4 words, no "@", link or phone in a name (name-shape.ts), and no
 * claim its profile does not hold (name-claims.ts); and no PII — patterns or any value of the
 * table's PII columns (pii.ts) — in any text of any segment.
 */
export function measureCopyFit(ctx: EvalContext): Measurement[] {
  // A stored table keeps its PII values only as digests of the finder's forms: the same findings.
  const find = createPiiFinder(storedFinderDigests(ctx.table.piiValues) ?? ctx.table.piiValues);
  const vocab = tableVocabulary(ctx.table);
  const copy: string[] = [];
  const names: string[] = [];
  const pii: string[] = [];
  for (const s of describedSegments(ctx.run)) {
    const t = s.texts;
    for (const p of copyProblems(t.copy)) copy.push(`${s.id} copy.${p}`);
    for (const p of [...nameShapeProblems(t.name), ...nameClaimProblems(t.name, s.profile, vocab)]) names.push(`${s.id} "${t.name}" ${p}`);
    const texts: [string, string][] = [
      ['name', t.name],
      ['summary', t.summary],
      ['persona.archetype', t.persona.archetype],
      ['persona.description', t.persona.description],
      ...[...t.persona.goals, ...t.persona.painPoints, ...t.persona.evidence].map((x): [string, string] => ['persona', x]),
      ['copy.email.subject', t.copy.email.subject],
      ['copy.email.body', t.copy.email.body],
      ['copy.sms', t.copy.sms],
      ['copy.push', t.copy.push],
      ['copy.ad.headline', t.copy.ad.headline],
      ['copy.ad.primaryText', t.copy.ad.primaryText],
      ['copy.offer', t.copy.offer],
    ];
    for (const [field, text] of texts) for (const kind of find(text)) pii.push(`${s.id} ${field} has ${kind === 'known value' ? 'a value of a PII column' : `a PII ${kind}`}`);
  }
  const d = detailWords(ctx);
  return [
    { name: 'copy_violations', value: copy.length, detail: listed(copy, d.copyOk, d) },
    { name: 'name_violations', value: names.length, detail: listed(names, d.namesOk, d) },
    { name: 'pii_findings', value: pii.length, detail: listed(pii, d.piiOk, d) },
  ];
}

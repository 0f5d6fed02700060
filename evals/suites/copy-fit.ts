import { checkCopyFit, checkNameFit, createPiiFinder } from '../../src/write/checks.js';
import type { EvalContext } from '../context.js';
import type { Measurement } from '../types.js';
import { listed } from './grounding.js';
import { describedSegments } from './labels.js';

/**
 * Copy and name fit, with the very checks the writers run before saving: channel limits, a
 * call to action and no link in each channel, an SMS opt-out (checkCopyFit); 2–4 words, no
 * "@", URL or phone in a name, and no claim the profile does not hold (checkNameFit); and
 * no PII — patterns or any value of the table's PII columns — in any text of any segment.
 */
export function measureCopyFit(ctx: EvalContext): Measurement[] {
  const find = createPiiFinder(ctx.table.piiValues);
  const copy: string[] = [];
  const names: string[] = [];
  const pii: string[] = [];
  const all = describedSegments(ctx.run).map((s) => s.profile);
  for (const s of describedSegments(ctx.run)) {
    const t = s.texts;
    for (const p of checkCopyFit(t.copy)) copy.push(`${s.id} ${p.field} ${p.problem}`);
    for (const p of checkNameFit(t.name, s.profile, all)) names.push(`${s.id} "${t.name}" ${p.problem}`);
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
    for (const [field, text] of texts) for (const p of find(text, field)) pii.push(`${s.id} ${p.field} ${p.problem}`);
  }
  return [
    { name: 'copy_violations', value: copy.length, detail: listed(copy, 'every channel fits its limit, has a call to action and no link') },
    { name: 'name_violations', value: names.length, detail: listed(names, 'every name is 2–4 words with no @, link or phone number') },
    { name: 'pii_findings', value: pii.length, detail: listed(pii, 'no PII in any name, persona or copy') },
  ];
}

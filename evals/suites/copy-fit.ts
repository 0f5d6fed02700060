import { checkCopy, checkName, createPiiFinder } from '../../src/write/checks.js';
import type { EvalContext } from '../context.js';
import type { Measurement } from '../types.js';
import { listed } from './grounding.js';
import { describedSegments } from './labels.js';

// checkCopy reports PII in copy too; here PII has its own metric over every text.
const PII_PROBLEM = /contains (an email|a phone|an IP|a street|a value from a PII column)/;

/**
 * Copy and name fit, with the writers' own checks: channel limits, a call to action and no
 * link in each channel (checkCopy); 2–4 words, no "@", URL or phone in a name (checkName); and
 * no PII — patterns or any value of the table's PII columns — in any text of any segment.
 */
export function measureCopyFit(ctx: EvalContext): Measurement[] {
  const find = createPiiFinder(ctx.table.piiValues);
  const copy: string[] = [];
  const names: string[] = [];
  const pii: string[] = [];
  for (const s of describedSegments(ctx.run)) {
    const t = s.texts;
    for (const p of checkCopy(t.copy)) if (!PII_PROBLEM.test(p.problem)) copy.push(`${s.id} ${p.field} ${p.problem}`);
    for (const p of checkName(t.name)) names.push(`${s.id} "${t.name}" ${p.problem}`);
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

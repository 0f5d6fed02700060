import { z } from 'zod';
import { defineOperation } from './operation.js';
import { listRuns, type BrokenRun, type RunSummary } from '../run/store.js';
import { formatCount, textTable } from '../util/format.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS } from './render-words.js';
import type { Language } from '../util/script.js';
import { readRunFile } from '../run/store.js';

export interface ListRunsResult {
  runs: RunSummary[];
  /** Folders in runs/ that hold a run.json segmenta cannot read: named, never silently skipped. */
  broken: { id: string; why: string }[];
  /** The language the list is printed in (--lang, else the latest Run's). */
  lang?: Language;
}

export const listRunsOp = defineOperation({
  name: 'runs',
  description: OP_DESCRIPTIONS.listRuns,
  input: z.object({}),
  async run(_input, ctx): Promise<ListRunsResult> {
    const broken: BrokenRun[] = [];
    const runs = listRuns(ctx.config.workspace, broken);
    const lang = ctx.config.lang ?? (runs[0] ? readRunFile(runs[0].dir).config.lang : undefined) ?? 'en';
    return { runs, broken: broken.map((b) => ({ id: b.id, why: brokenWhy(b.error, lang) })), lang };
  },
  render({ runs, broken = [], lang = 'en' }) {
    const w = RENDER_WORDS[lang];
    const lines = broken.map((b) => w.runs.broken(b.id, b.why));
    if (runs.length === 0) return [w.runs.none, ...lines].join('\n');
    const table = textTable(
      w.runs.listHeader,
      runs.map((r) => [r.id, r.createdAt.slice(0, 16).replace('T', ' '), formatCount(r.customers, lang), r.k, w.texts.writer(r.writer), r.file]),
    );
    return [table, ...(lines.length ? ['', ...lines] : [])].join('\n');
  },
});

/** "run.json is cut short or not JSON" rather than the parser's words and the server path. */
function brokenWhy(err: Error, lang: Language): string {
  const why = RENDER_WORDS[lang].runs.brokenWhy;
  if (/cannot read the Run \((Unexpected end|Unterminated|Expected|Unexpected token)/.test(err.message)) return why.cut;
  if (/not a segmenta Run/.test(err.message)) return why.notRun;
  return err.message.replace(/^.*?run\.json: /, '').split('\n')[0];
}

import type { RunSegment } from '../../model/run.js';
import { esc, formatInt, formatPct, segmentColour } from './html.js';
import { BRIEF_WORDS } from '../brief-words.js';
import type { Language } from '../../util/script.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

/** One segment's card: name, summary, persona and copy per channel — or why it has none. */
export function segmentCard(s: RunSegment, minSize: number, w: ReportWords = REPORT_WORDS.en, lang: Language = 'en'): string {
  const c = w.card;
  const head = (title: string) =>
    `<header><span class="swatch" style="background:${segmentColour(s.id)}"></span><h3>${s.id}. ${esc(title)}</h3>` +
    `<span class="size">${esc(c.size(formatInt(s.size, lang), formatPct(s.share, lang), s.profile.stability > 0 ? s.profile.stability.toFixed(2) : undefined))}</span></header>`;
  if (!s.texts) {
    return `<article class="card small" id="segment-${s.id}">${head(w.notDescribed)}<p class="muted">${esc(c.underMin(formatInt(minSize, lang)))}</p></article>`;
  }
  const { persona, copy, writer } = s.texts;
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const by = writer.kind === 'llm' ? `LLM${writer.model ? ` (${writer.model})` : ''}` : w.offlineWriter;
  return [
    `<article class="card" id="segment-${s.id}">`,
    head(s.texts.name),
    `<p class="summary">${esc(s.texts.summary)}</p>`,
    predictedLine(s, c.predicted, lang),
    `<section><h4>${esc(c.persona(persona.archetype))}</h4><p>${esc(persona.description)}</p>`,
    `<div class="cols"><div><h5>${esc(c.goals)}</h5>${list(persona.goals)}</div><div><h5>${esc(c.pains)}</h5>${list(persona.painPoints)}</div></div>`,
    `<p><b>${esc(c.channels)}</b> ${esc(BRIEF_WORDS[lang].channelList(persona.channels))}</p><h5>${esc(c.evidence)}</h5>${list(persona.evidence)}</section>`,
    `<section class="copy"><h4>${esc(c.copy)}</h4><p><b>${esc(c.offer)}</b> ${esc(copy.offer)}</p>`,
    `<dl><dt>${esc(c.email)}</dt><dd><b>${esc(copy.email.subject)}</b><br>${esc(copy.email.body).replace(/\n/g, '<br>')}</dd>`,
    `<dt>${esc(c.sms)}</dt><dd>${esc(copy.sms)}</dd><dt>${esc(c.push)}</dt><dd>${esc(copy.push)}</dd>`,
    `<dt>${esc(c.ad)}</dt><dd><b>${esc(copy.ad.headline)}</b><br>${esc(copy.ad.primaryText)}</dd></dl></section>`,
    `<footer>${esc(c.writtenBy(by, !!writer.fallback))}</footer>`,
    `</article>`,
  ].join('');
}

/** Predicted value and churn risk, when `segmenta predict` has run. */
function predictedLine(s: RunSegment, label = 'Predicted:', lang: Language = 'en'): string {
  if (!s.profile.predicted) return '';
  // The briefs' lines, in the Run's language (English lower-cased after the label, as before).
  const lines = BRIEF_WORDS[lang].predictedLines(s.profile.predicted).map((x) => (lang === 'en' ? x[0].toLowerCase() + x.slice(1) : x));
  return `<p class="predicted"><b>${esc(label)}</b> ${lines.map((x) => esc(x)).join(' · ')}</p>`;
}

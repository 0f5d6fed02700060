import type { RunSegment } from '../../model/run.js';
import { esc, formatInt, formatPct, segmentColour } from './html.js';
import { describePredicted } from '../../write/format.js';

/** One segment's card: name, summary, persona and copy per channel — or why it has none. */
export function segmentCard(s: RunSegment, minSize: number): string {
  const head = (title: string) =>
    `<header><span class="swatch" style="background:${segmentColour(s.id)}"></span><h3>${s.id}. ${esc(title)}</h3>` +
    `<span class="size">${formatInt(s.size)} customers · ${formatPct(s.share)}${s.profile.stability > 0 ? ` · stability ${s.profile.stability.toFixed(2)}` : ''}</span></header>`;
  if (!s.texts) {
    return `<article class="card small" id="segment-${s.id}">${head('Not described')}<p class="muted">Under the minimum size of ${formatInt(minSize)}: not described, not exported.</p></article>`;
  }
  const { persona, copy, writer } = s.texts;
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const by = writer.kind === 'llm' ? `LLM${writer.model ? ` (${writer.model})` : ''}` : 'offline writer';
  return [
    `<article class="card" id="segment-${s.id}">`,
    head(s.texts.name),
    `<p class="summary">${esc(s.texts.summary)}</p>`,
    predictedLine(s),
    `<section><h4>Persona — ${esc(persona.archetype)}</h4><p>${esc(persona.description)}</p>`,
    `<div class="cols"><div><h5>Goals</h5>${list(persona.goals)}</div><div><h5>Pain points</h5>${list(persona.painPoints)}</div></div>`,
    `<p><b>Channels:</b> ${esc(persona.channels.join(', '))}</p><h5>Evidence</h5>${list(persona.evidence)}</section>`,
    `<section class="copy"><h4>Campaign copy</h4><p><b>Offer:</b> ${esc(copy.offer)}</p>`,
    `<dl><dt>Email</dt><dd><b>${esc(copy.email.subject)}</b><br>${esc(copy.email.body).replace(/\n/g, '<br>')}</dd>`,
    `<dt>SMS</dt><dd>${esc(copy.sms)}</dd><dt>Push</dt><dd>${esc(copy.push)}</dd>`,
    `<dt>Ad</dt><dd><b>${esc(copy.ad.headline)}</b><br>${esc(copy.ad.primaryText)}</dd></dl></section>`,
    `<footer>Written by the ${esc(by)}${writer.fallback ? ' — offline fallback' : ''}</footer>`,
    `</article>`,
  ].join('');
}

/** Predicted value and churn risk, when `segmenta predict` has run. */
function predictedLine(s: RunSegment): string {
  if (!s.profile.predicted) return '';
  const d = describePredicted(s.profile.predicted);
  return `<p class="predicted"><b>Predicted:</b> ${[d.buy, d.churn, d.value].filter(Boolean).map((x) => esc(x!)).join(' · ')}</p>`;
}

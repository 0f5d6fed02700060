/**
 * An RFM tier is a quintile bucket: on a skewed recency column most of a segment can sit in
 * the At-risk tier while its mean days since the last order is well below everyone's. Then the
 * tier's words ("At-Risk", 流失预警, "slipping away") contradict the segment's own numbers, and
 * a text that says both "bought recently" and "lapsing" says nothing (traits.ts rfmTraits).
 * The other way round, when the recency numbers agree, the tier is still a name.
 */
import { describe, expect, it } from 'vitest';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import type { NumericFact, RfmTier, SegmentProfile } from '../../src/model/profile.js';
import type { SegmentTexts } from '../../src/model/texts.js';

const writer = new OfflineWriter();

function recency(mean: number, overall: number, sd: number): NumericFact {
  return { feature: 'recency_days', kind: 'numeric', mean, overallMean: overall, median: mean, lift: mean / overall, z: (mean - overall) / sd };
}
function spend(mean: number, overall: number, sd: number): NumericFact {
  return { feature: 'total_spend', kind: 'numeric', mean, overallMean: overall, median: mean, lift: mean / overall, z: (mean - overall) / sd };
}

/**
 * Three segments; segment 1 holds 60% At risk against 20% overall. Its recency mean is `days`
 * against everyone's 60: low days mean recent buyers (the tier contradicted), high days agree.
 */
function profiles(days: number): SegmentProfile[] {
  const base = (id: number, size: number, numeric: NumericFact[], rfm: Partial<Record<RfmTier, number>>): SegmentProfile => ({
    id, size, share: size / 3000, small: false, stability: 0.9, numeric, categories: [], terms: [], rfm, representatives: [],
  });
  return [
    base(1, 1000, [recency(days, 60, 50), spend(900, 450, 300)], { 'At risk': 0.6, Loyal: 0.3, New: 0.1 }),
    base(2, 1000, [recency(30, 60, 50), spend(200, 450, 300)], { New: 0.7, Potential: 0.3 }),
    base(3, 1000, [recency(120, 60, 50), spend(250, 450, 300)], { Hibernating: 0.8, Loyal: 0.2 }),
  ];
}

/** Every string a segment's texts hold: name, summary, persona, copy, offer. */
function allText(t: SegmentTexts): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => k !== 'writer' && walk(x));
  };
  walk(t);
  return out;
}

// The At-risk tier's words in each language (phrases/en.ts, phrases/zh.ts, format.ts, zh-labels.ts).
const AT_RISK = { en: /at[- ]risk|slipping away|lapsing/i, zh: /流失|挽留|以前常买/ };
// Words that say they bought recently, and words that say they have lapsed.
const RECENT = { en: /recent|lately|active/i, zh: /最近|近期|活跃/ };
const LAPSED = { en: /at[- ]risk|slipping|lapsing|lapsed|dormant|gone quiet|a while/i, zh: /流失|挽留|沉睡|休眠|很久没有|沉寂/ };

describe('an RFM tier the segment\'s recency contradicts', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: recent buyers mostly in the At-risk tier are never called at risk`, async () => {
      const ps = profiles(20); // 20 days against everyone's 60: lift 0.33, z −0.8
      expect(ps[0].rfm['At risk']).toBeGreaterThanOrEqual(0.5);
      const texts = await writeAllTexts(writer, ps, { lang });
      const t = texts[1];
      expect(t.name).not.toMatch(AT_RISK[lang]);
      for (const s of allText(t)) {
        expect(s, `${lang} segment 1: ${s}`).not.toMatch(AT_RISK[lang]);
        // No sentence says both "bought recently" and "lapsing".
        expect(RECENT[lang].test(s) && LAPSED[lang].test(s), `${lang}: both recent and lapsing in "${s}"`).toBe(false);
      }
      // The segment's texts as a whole do not claim both either.
      const joined = allText(t).join('\n');
      expect(RECENT[lang].test(joined) && LAPSED[lang].test(joined), `${lang}: ${joined}`).toBe(false);
    });

    it(`${lang}: the same tier is still named when recency agrees`, async () => {
      // 69 days against 60: lift 1.15 (≥ 1.1, a name may claim it), z +0.18, so the tier
      // (half of indicator z 1.0 = 0.5) is the strongest trait after spend.
      const ps = profiles(69);
      ps[0].numeric = [recency(69, 60, 50)];
      const texts = await writeAllTexts(writer, ps, { lang });
      const t = texts[1];
      const tierName = lang === 'en' ? /At-Risk/ : /流失预警/;
      expect(t.name, `${lang}: ${t.name}`).toMatch(tierName);
      expect(allText(t).join('\n')).toMatch(AT_RISK[lang]);
    });

    it(`${lang}: a name claims the tier's recency only with the lift behind it`, async () => {
      // 63 days against 60: on the tier's side (z +0.06) but lift 1.05 < 1.1 — not in the name.
      const ps = profiles(63);
      ps[0].numeric = [recency(63, 60, 50)];
      const texts = await writeAllTexts(writer, ps, { lang });
      expect(texts[1].name, `${lang}: ${texts[1].name}`).not.toMatch(AT_RISK[lang]);
    });
  }
});

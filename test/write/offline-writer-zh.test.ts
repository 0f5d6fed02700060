/**
 * The offline writer in Chinese goes through the same naming and persona code as English
 * (offline-names.ts, offline-persona.ts, with the words of phrases/zh.ts): the honest-name
 * rules hold in Chinese too — a name claims only a trait a majority holds (or an average far
 * from everyone's), never one the segment lacks, and no two names are near-duplicates.
 */
import { describe, expect, it } from 'vitest';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { SegmentTextsSchema } from '../../src/model/texts.js';
import { checkDistinctNames, checkGrounding, checkScript, checkSegmentTexts, isNearDuplicate } from '../../src/write/checks.js';
import { traitsInWords } from '../../src/write/trait-words.js';
import { phrasesFor } from '../../src/write/phrases/index.js';
import type { SegmentProfile } from '../../src/model/profile.js';
import { randomProfiles } from './random-profiles.js';
import { makeLabels } from '../../src/write/labels.js';

const writer = new OfflineWriter();
const ZH = phrasesFor('zh')!;

describe('OfflineWriter in Chinese on many random profiles', () => {
  it('writes distinct, Chinese, grounded texts that pass every check', async () => {
    for (let trial = 0; trial < 30; trial++) {
      const profiles = randomProfiles(2 + (trial % 10), 3000 + trial);
      const texts = await writeAllTexts(writer, profiles, { lang: 'zh' });
      const names = profiles.map((p) => texts[p.id].name);
      expect(checkDistinctNames(names), `trial ${trial}: ${names.join(' | ')}`).toEqual([]);
      for (const p of profiles) {
        const t = texts[p.id];
        expect(SegmentTextsSchema.safeParse(t).success).toBe(true);
        expect(checkSegmentTexts(t, p, { all: profiles, lang: 'zh' }), `trial ${trial} ${t.name}`).toEqual([]);
        for (const text of [t.name, t.summary, t.persona.archetype, t.persona.description, ...t.persona.goals, ...t.persona.painPoints]) {
          expect(checkScript(text, 'zh'), text).toEqual([]);
        }
        expect(checkGrounding(t.summary, p), t.summary).toEqual([]);
        for (const e of t.persona.evidence) expect(checkGrounding(e, p), e).toEqual([]);
        // The persona's prose has no numbers: they sit in the evidence, as in English.
        expect(t.persona.description).not.toMatch(/\d/);
      }
    }
  });

  it('names only traits a name may claim: a majority or a far average, never a lack', async () => {
    let unclaimable = 0;
    for (let trial = 0; trial < 30; trial++) {
      const profiles = randomProfiles(3 + (trial % 8), 4000 + trial);
      const names = await writer.names({ profiles, lang: 'zh' });
      for (const n of names) {
        const p = profiles.find((x) => x.id === n.segment)!;
        const traits = traitsInWords(p, profiles, ZH.names);
        const claimable = traits.filter((t) => t.nameable).flatMap((t) => [t.phrase.adj, t.phrase.noun]);
        for (const t of traits.filter((x) => !x.nameable)) {
          unclaimable++;
          for (const word of [t.phrase.noun, t.phrase.adj].filter((w) => [...w].length >= 2)) {
            if (!n.name.includes(word)) continue;
            // The same characters may come from a claimable trait's words ("高频" in 高频复购客户).
            expect(claimable.some((c) => c.includes(word)), `"${n.name}" claims ${t.key} ${t.direction} (not nameable)`).toBe(true);
          }
        }
      }
    }
    // The random profiles hold traits no name may claim, or the test proves nothing.
    expect(unclaimable).toBeGreaterThan(20);
  });

  it('never names a segment by a flag it lacks (非会员 for few members)', async () => {
    const base = randomProfiles(3, 11);
    const flag = (mean: number, overall: number) => ({ feature: 'is_member', kind: 'boolean' as const, mean, overallMean: overall, z: (mean - overall) / 0.49, lift: mean / overall, median: 0 });
    const profiles: SegmentProfile[] = base.map((p, i) => ({ ...p, numeric: [flag(i === 0 ? 0.02 : 0.8, 0.4)], categories: [], terms: [], rfm: {} }));
    const names = await writer.names({ profiles, lang: 'zh' });
    expect(names[0].name).not.toMatch(/非会员/);
    expect(names.map((n) => n.name).join()).toMatch(/会员/);
  });

  it('writes names the way a Chinese marketer does: no spaces, no Latin, no English word order', async () => {
    const profiles = randomProfiles(8, 21);
    const names = await writer.names({ profiles, lang: 'zh' });
    for (const n of names) {
      expect(n.name).not.toMatch(/\s|[A-Za-z]{3,}/);
      expect(n.summary).toMatch(/^占客户的\d+%（[\d,]+人）/);
    }
  });
});

describe('near-duplicate Chinese names', () => {
  it('one added word, or only the people word changed, is the same name', () => {
    expect(isNearDuplicate('沉睡客户', '家居日用沉睡客户')).toBe(true);
    expect(isNearDuplicate('高价值客户', '高价值客群')).toBe(true);
    expect(isNearDuplicate('高频复购客户', '高频复购客户')).toBe(true);
  });

  it('names that differ in what they claim are distinct', () => {
    expect(isNearDuplicate('年轻价格敏感客群', '轻消费价格敏感客群')).toBe(false);
    expect(isNearDuplicate('数码家电高价值客户', '服饰鞋包价格敏感客群')).toBe(false);
    expect(isNearDuplicate('沉睡客户', '高价值客户')).toBe(false);
  });
});

describe('Chinese persona evidence names columns as the briefs do', () => {
  const fact = (feature: string, mean: number, overall: number, sd: number) => ({ feature, kind: 'numeric' as const, mean, overallMean: overall, median: mean, lift: mean / overall, z: (mean - overall) / sd });
  const base = randomProfiles(3, 77);
  const profiles: SegmentProfile[] = base.map((p, i) => ({
    ...p,
    numeric: [fact('days_since_last_order', [20, 60, 140][i], 70, 40), fact('return_rate', [0.05, 0.2, 0.1][i], 0.12, 0.05), fact('xq_zz_v2', [3, 9, 5][i], 6, 2)],
    categories: [{ column: 'favourite_category', level: ['母婴用品', '数码家电', '服饰鞋包'][i], share: 0.7, overallShare: 0.3, lift: 0.7 / 0.3 }],
    terms: [],
    rfm: {},
  }));

  it('by its Chinese label (距上次下单天数, 退货率, 偏好品类) with the column beside it, the column alone only when unknown', async () => {
    const texts = await writeAllTexts(writer, profiles, { lang: 'zh', labels: makeLabels(profiles) });
    const evidence = profiles.flatMap((p) => texts[p.id].persona.evidence);
    const all = evidence.join('\n');
    expect(all).toMatch(/「距上次下单天数（days_since_last_order）」平均\d+天，整体为\d+天/);
    expect(all).toMatch(/「退货率（return_rate）」平均\d+%/);
    expect(all).toMatch(/「偏好品类（favourite_category）」为「(母婴用品|数码家电|服饰鞋包)」/);
    // Never the column alone where a label is known (the column beside it is for the evals' judge: phrases/zh.ts).
    expect(all).not.toMatch(/「(days_since_last_order|return_rate|favourite_category)」/);
    // A column no word of which is known is shown as it is, quoted as data — never guessed.
    expect(all).toMatch(/「xq_zz_v2」平均/);
    for (const p of profiles) for (const e of texts[p.id].persona.evidence) expect(checkGrounding(e, p), e).toEqual([]);
  });
});

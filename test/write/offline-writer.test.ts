import { describe, expect, it } from 'vitest';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import { CHANNEL_LIMITS, CopySchema, PersonaSchema, SegmentNameSchema, SegmentTextsSchema } from '../../src/model/texts.js';
import { checkDistinctNames, checkGrounding, checkSegmentTexts } from '../../src/write/checks.js';
import { UsageError } from '../../src/errors.js';
import { randomProfiles } from './random-profiles.js';
import { plantedTable } from '../profile/fixtures.js';
import { profileSegments } from '../../src/profile/profile.js';

const writer = new OfflineWriter();

describe('OfflineWriter on many random profiles', () => {
  it('writes distinct, schema-valid, grounded texts within every limit', async () => {
    for (let trial = 0; trial < 40; trial++) {
      const k = 2 + (trial % 11);
      const profiles = randomProfiles(k, 1000 + trial);
      const texts = await writeAllTexts(writer, profiles);
      const names = profiles.map((p) => texts[p.id].name);
      expect(checkDistinctNames(names), `trial ${trial}: ${names.join(' | ')}`).toEqual([]);
      for (const p of profiles) {
        const t = texts[p.id];
        expect(SegmentTextsSchema.safeParse(t).success).toBe(true);
        const problems = checkSegmentTexts(t, p, { all: profiles });
        expect(problems, `trial ${trial} segment ${p.id} "${t.name}": ${JSON.stringify(problems)}`).toEqual([]);
        expect(t.copy.sms.length).toBeLessThanOrEqual(CHANNEL_LIMITS.sms);
        expect(t.copy.push.length).toBeLessThanOrEqual(CHANNEL_LIMITS.push);
        expect(t.copy.email.subject.length).toBeLessThanOrEqual(CHANNEL_LIMITS.emailSubject);
        expect(t.copy.ad.headline.length).toBeLessThanOrEqual(CHANNEL_LIMITS.adHeadline);
        expect(t.writer).toEqual({ kind: 'offline' });
      }
    }
  });

  it('cites an exact profile number in every evidence item and in the summary', async () => {
    const profiles = randomProfiles(6, 77);
    const names = await writer.names({ profiles });
    for (const p of profiles) {
      const name = names.find((n) => n.segment === p.id)!;
      expect(name.summary).toMatch(/\d/);
      expect(checkGrounding(name.summary, p)).toEqual([]);
      const persona = await writer.persona(p, name, { profiles });
      for (const e of persona.evidence) {
        expect(e).toMatch(/\d/);
        expect(checkGrounding(e, p), e).toEqual([]);
      }
    }
  });

  it('is deterministic', async () => {
    const profiles = randomProfiles(8, 5);
    expect(await writeAllTexts(writer, profiles)).toEqual(await writeAllTexts(new OfflineWriter(), structuredClone(profiles)));
  });

  it('never describes small segments', async () => {
    const profiles = randomProfiles(4, 9);
    profiles[2].small = true;
    const texts = await writeAllTexts(writer, profiles);
    expect(Object.keys(texts).map(Number).sort()).toEqual([1, 2, 4]);
  });
});

describe('OfflineWriter on planted customers', () => {
  const { table, labels } = plantedTable(3000, 7, 6);
  const profiles = profileSegments(table, labels, 6, { minSegmentSize: 50 });

  it('names each planted group by what was planted', async () => {
    const names = (await writer.names({ profiles })).map((n) => n.name);
    expect(names[0]).toMatch(/Deal Hunters/); // discount_rate 0.6
    expect(names[1]).toMatch(/Big Spenders|Premium/); // spend 1,400
    expect(names[2]).toMatch(/Lapsed/); // recency 240 days
    expect(names[4]).toMatch(/Mature/); // age 65
    expect(names[5]).toMatch(/New/); // RFM New
    for (const n of names) expect(SegmentNameSchema.shape.name.safeParse(n).success).toBe(true);
  });

  it('picks the offer from the profile: discount, VIP, win-back, welcome', async () => {
    const ctx = { profiles };
    const names = await writer.names(ctx);
    const offer = async (i: number) => {
      const persona = await writer.persona(profiles[i], names[i], ctx);
      return (await writer.copy(profiles[i], names[i], persona, ctx)).offer;
    };
    expect(await offer(0)).toMatch(/discount/i);
    expect(await offer(1)).toMatch(/VIP|early access/i);
    expect(await offer(2)).toMatch(/win-back/i);
    expect(await offer(5)).toMatch(/welcome/i);
  });

  it('takes its channels from the preferred-channel column', async () => {
    const ctx = { profiles };
    const names = await writer.names(ctx);
    expect((await writer.persona(profiles[0], names[0], ctx)).channels[0]).toBe('sms');
    expect((await writer.persona(profiles[3], names[3], ctx)).channels[0]).toBe('push');
  });

  it('puts no PII from the table in any text', async () => {
    const texts = await writeAllTexts(writer, profiles);
    const json = JSON.stringify(texts);
    for (const v of table.piiValues) expect(json).not.toContain(v);
    for (const p of profiles) expect(checkSegmentTexts(texts[p.id], p, { all: profiles, pii: table.piiValues })).toEqual([]);
  });
});

describe('OfflineWriter copy options', () => {
  const profiles = randomProfiles(3, 21);
  const ctx = { profiles };

  async function copyWith(options: Parameters<OfflineWriter['copy']>[4]) {
    const [name] = await writer.names(ctx);
    const persona = PersonaSchema.parse(await writer.persona(profiles[0], name, ctx));
    return writer.copy(profiles[0], name, persona, ctx, options);
  }

  it('uses the user’s offer in every channel, and its numbers are allowed', async () => {
    const copy = await copyWith({ offer: '20% off your next order' });
    expect(CopySchema.safeParse(copy).success).toBe(true);
    for (const text of [copy.sms, copy.push, copy.email.body, copy.email.subject]) expect(text).toContain('20% off');
    expect(checkGrounding(copy.sms, profiles[0], { allow: [20] })).toEqual([]);
  });

  it('changes with the tone', async () => {
    const friendly = await copyWith({});
    const formal = await copyWith({ tone: 'formal' });
    const playful = await copyWith({ tone: 'playful' });
    expect(formal.email.body).toMatch(/^Hello,/);
    expect(formal.sms).not.toContain('!');
    expect(playful.sms).toMatch(/^Psst!/);
    expect(friendly.email.body).toMatch(/^Hi there,/);
  });

  it('writes English and Chinese only and says how to get other languages', async () => {
    await expect(copyWith({ language: 'en-GB' })).resolves.toBeTruthy();
    const err = await copyWith({ language: 'fr' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/English and Chinese only.*OPENAI_API_KEY/);
  });

  it('refuses an offer too long for an SMS', async () => {
    await expect(copyWith({ offer: 'x'.repeat(80) })).rejects.toBeInstanceOf(UsageError);
  });
});

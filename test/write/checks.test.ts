import { describe, expect, it } from 'vitest';
import {
  checkCopy, checkDistinctNames, checkGrounding, checkName, checkNameClaims, checkSegmentTexts, findPii, isNearDuplicate, numbersIn,
} from '../../src/write/checks.js';
import { OfflineWriter } from '../../src/write/offline-writer.js';
import { writeAllTexts } from '../../src/write/write-all.js';
import type { Copy } from '../../src/model/texts.js';
import type { SegmentProfile } from '../../src/model/profile.js';
import { TRAIT_RULES } from '../../src/write/vocabulary.js';
import { EN } from '../../src/write/phrases/en.js';
import { plantedTable } from '../profile/fixtures.js';
import { profileSegments } from '../../src/profile/profile.js';

const profile: SegmentProfile = {
  id: 2, size: 1234, share: 0.1234, small: false, stability: 0.91,
  numeric: [
    { feature: 'total_spend', kind: 'numeric', mean: 412.4967, median: 380, overallMean: 196.4, lift: 2.1003, z: 1.4 },
    { feature: 'page_views_30d', kind: 'numeric', mean: 12.5, median: 11, overallMean: 20, lift: 0.625, z: -0.6 },
    { feature: 'is_member', kind: 'boolean', mean: 0.62, median: 1, overallMean: 0.3, lift: 2.0667, z: 0.7 },
  ],
  categories: [{ column: 'age_band', level: '18-24', share: 0.41, overallShare: 0.2, lift: 2.05 }],
  terms: [{ column: 'review', term: 'fast delivery', score: 0.12, share: 0.22 }],
  rfm: { Champions: 0.45 },
  representatives: [],
};

const goodCopy: Copy = {
  email: { subject: 'You are first in line for new arrivals', body: 'Hi there,\n\nAs one of our best customers you get in first.\n\nGet early access!' },
  sms: 'You get first access! Waiting for you: early access to new arrivals. Get early access. Reply STOP to opt out.',
  push: 'Waiting for you: early access to new arrivals. Get early access!',
  ad: { headline: 'You get first access', primaryText: 'As one of our best customers you get in first. Get early access!' },
  offer: 'VIP early access to new arrivals',
};

describe('numbersIn', () => {
  it('reads numbers with their rounding and kind, skipping numbers inside identifiers', () => {
    const ns = numbersIn('spend 412.50, 34% of them, 2.1× everyone, 1,234 customers, about 1,200, orders_90d and v2');
    expect(ns.map((n) => [n.raw, n.value, n.kind])).toEqual([
      ['412.50', 412.5, 'plain'], ['34%', 34, 'percent'], ['2.1×', 2.1, 'lift'], ['1,234', 1234, 'plain'], ['1,200', 1200, 'plain'],
    ]);
    expect(ns[0].tolerance).toBeCloseTo(0.005);
    expect(ns[4].tolerance).toBe(50);
  });
});

describe('checkGrounding', () => {
  it('accepts the profile’s numbers as format.ts writes them, and rounded', () => {
    const text = 'total_spend averages 412.50 vs 196.40 for everyone (2.1×); is_member: 62% vs 30%; 1,234 customers, 12% of everyone; '
      + 'age_band = 18-24 for 41%; page_views_30d averages 12.50; "fast delivery" in 22%; 45% are RFM Champions; about 400 on average';
    expect(checkGrounding(text, profile)).toEqual([]);
  });

  it('returns every number that is not in the profile', () => {
    const problems = checkGrounding('total_spend averages 512.50 (3.4×), 57% are members', profile, { field: 'persona.evidence[1]' });
    expect(problems.map((p) => p.value)).toEqual(['512.50', '3.4×', '57%']);
    expect(problems[0]).toMatchObject({ field: 'persona.evidence[1]' });
  });

  it('accepts numbers the user gave', () => {
    expect(checkGrounding('35% off today', profile)).toHaveLength(1);
    expect(checkGrounding('35% off today', profile, { allow: [35] })).toEqual([]);
  });
});

describe('checkName', () => {
  it('accepts a 2–4 word name', () => {
    expect(checkName('Lapsed Big Spenders')).toEqual([]);
  });
  it('catches an email, a URL, a phone number, length and word count', () => {
    expect(checkName('Deals jane@example.com').map((p) => p.problem)).toEqual(expect.arrayContaining(['contains "@"']));
    expect(checkName('Visit www.shop.com now').map((p) => p.problem)).toContain('contains a URL');
    expect(checkName('Call 0207 946 0958').map((p) => p.problem)).toContain('contains a phone-like number');
    expect(checkName('Spenders')).toHaveLength(1);
    expect(checkName('The Very Big And Loyal Spenders')).toHaveLength(1);
    expect(checkName('Extraordinarily Enthusiastic Superspenders')).toHaveLength(1);
  });
});

describe('checkDistinctNames', () => {
  it('catches identical names, up to case, order and plurals', () => {
    expect(checkDistinctNames(['Lapsed Big Spenders', 'Young Deal Hunters'])).toEqual([]);
    expect(checkDistinctNames(['Lapsed Big Spenders', 'lapsed big spenders'])).toHaveLength(1);
    expect(checkDistinctNames(['Young Deal Hunters', 'Deal Hunter Young', 'Other Name'])).toEqual([
      { field: 'names[1]', problem: 'is the same name as names[0] ("Young Deal Hunters")' },
    ]);
  });
});

describe('checkCopy', () => {
  it('passes good copy', () => {
    expect(checkCopy(goodCopy)).toEqual([]);
  });
  it('catches an SMS over 160 characters', () => {
    const problems = checkCopy({ ...goodCopy, sms: `${'Big news! '.repeat(16)}Shop now.` });
    expect(problems).toEqual([{ field: 'copy.sms', problem: 'is 169 characters, over the 160 limit' }]);
  });
  it('catches a missing call to action, a URL, an email and a phone number', () => {
    expect(checkCopy({ ...goodCopy, push: 'We have new arrivals in stock for everyone.' })).toEqual([{ field: 'copy.push', problem: 'has no call to action' }]);
    expect(checkCopy({ ...goodCopy, sms: 'Shop now at https://evil.example/x. Reply STOP to opt out.' }).map((p) => p.problem)).toContain('contains a URL');
    expect(checkCopy({ ...goodCopy, email: { ...goodCopy.email, body: `${goodCopy.email.body} Write to help@shop.io` } }).map((p) => p.problem)).toContain('contains an email address');
    expect(checkCopy({ ...goodCopy, push: 'Call us now on +44 20 7946 0958' }).map((p) => p.problem)).toContain('contains a phone number');
  });
  it('does not count the SMS opt-out line as a call to action', () => {
    expect(checkCopy({ ...goodCopy, sms: 'New arrivals are in store this week. Reply STOP to opt out.' })).toEqual([{ field: 'copy.sms', problem: 'has no call to action' }]);
  });
});

describe('findPii', () => {
  it('finds patterns and known values, and never echoes them', () => {
    const known = ['Jane Doe', 'Omar Haddad', 'Will', '12 Oak Street'];
    expect(findPii('Hi Jane Doe, welcome back', known)).toEqual([{ field: 'text', problem: 'contains a value from a PII column' }]);
    expect(findPii('we will be there', known)).toEqual([]);
    expect(findPii('send to 12 Oak Street', known).map((p) => p.problem)).toEqual(['contains a street address', 'contains a value from a PII column']);
    expect(findPii('ping 10.0.0.1').map((p) => p.problem)).toEqual(['contains an IP address']);
    expect(JSON.stringify(findPii('Hi Jane Doe', known))).not.toContain('Jane');
  });
});

describe('the vocabulary', () => {
  it('never writes a persona clause that claims another rule’s trait', () => {
    // "are happy to pay the full price" (discount low) read as satisfaction high, and was
    // contradicted on segments of average satisfaction (hard planted shop, seed 3).
    const clauses = [...Object.entries(EN.persona.traits), ...Object.values(EN.persona.domainTraits).flatMap((t) => Object.entries(t ?? {}))];
    expect(clauses.length).toBeGreaterThan(20);
    for (const [key, clause] of clauses) {
      const [id, direction] = key.split(':');
      for (const other of TRAIT_RULES) {
        for (const [dir, op] of [['high', other.high], ['low', other.low]] as const) {
          if (!op?.claims || (other.id === id && dir === direction)) continue;
          expect(op.claims.test(clause), `${key} "${clause}" reads as ${other.id} ${dir}`).toBe(false);
        }
      }
    }
  });

  it('never makes a name that claims another rule’s trait', () => {
    for (const rule of TRAIT_RULES) {
      for (const phrase of [rule.high, rule.low]) {
        if (!phrase) continue;
        for (const other of TRAIT_RULES) {
          for (const [dir, op] of [['high', other.high], ['low', other.low]] as const) {
            if (!op?.claims || (other === rule && op === phrase)) continue;
            const clash = op.claims.test(phrase.adj) || op.claims.test(phrase.noun);
            expect(clash, `${rule.id} "${phrase.adj}" / "${phrase.noun}" reads as ${other.id} ${dir}`).toBe(false);
          }
        }
      }
    }
  });
});

describe('checks on deliberately bad texts fail', () => {
  const { table, labels } = plantedTable(1800, 7, 6);
  const profiles = profileSegments(table, labels, 6, { minSegmentSize: 50 });

  it('two segments’ names swapped', async () => {
    const texts = await writeAllTexts(new OfflineWriter(), profiles);
    // Segment 2 (big spenders, recent) and segment 3 (lapsed) swap names and summaries.
    const [a, b] = [texts[2], texts[3]];
    expect(checkSegmentTexts(a, profiles[1], { all: profiles })).toEqual([]);
    const swapped = checkSegmentTexts({ ...a, name: b.name, summary: b.summary }, profiles[1], { all: profiles });
    expect(swapped.some((p) => p.field === 'name')).toBe(true);
    expect(swapped.some((p) => p.field === 'summary')).toBe(true);
    expect(checkNameClaims(a.name, profiles[2], profiles).length).toBeGreaterThan(0);
  });

  it('two identical names, a wrong number, an SMS over 160, an email in a name', async () => {
    const texts = await writeAllTexts(new OfflineWriter(), profiles);
    const t = texts[1];
    expect(checkDistinctNames([t.name, texts[2].name, t.name])).toHaveLength(1);
    const wrongNumber = { ...t, persona: { ...t.persona, evidence: [t.persona.evidence[0], t.persona.evidence[1].replace(/\d+(\.\d+)?%/, '97%')] } };
    expect(checkSegmentTexts(wrongNumber, profiles[0]).map((p) => p.field)).toContain('persona.evidence[1]');
    const longSms = { ...t, copy: { ...t.copy, sms: `${t.copy.sms} ${'More great things are waiting. '.repeat(4)}` } };
    expect(checkSegmentTexts(longSms, profiles[0]).map((p) => p.field)).toContain('copy.sms');
    const emailName = { ...t, name: 'Deals jane@example.com' };
    expect(checkSegmentTexts(emailName, profiles[0]).filter((p) => p.field === 'name').length).toBeGreaterThan(0);
    const noNumber = { ...t, persona: { ...t.persona, evidence: ['They like shopping a lot'] } };
    expect(checkSegmentTexts(noNumber, profiles[0])).toEqual([{ field: 'persona.evidence[0]', problem: 'cites no number from the profile' }]);
  });

  it('a PII value from the table in the copy', async () => {
    const texts = await writeAllTexts(new OfflineWriter(), profiles);
    const t = texts[1];
    const leaked = { ...t, copy: { ...t.copy, push: `Jane Doe, ${t.copy.push}` } };
    expect(checkSegmentTexts(leaked, profiles[0], { pii: table.piiValues })).toEqual([
      { field: 'copy.push', problem: 'contains a value from a PII column' },
    ]);
  });
});

describe('isNearDuplicate (the writer uses it before saving, eval counts it)', () => {
  it.each([
    ['Lapsed Customers', 'Occasional Lapsed Customers', true],
    ['Lapsed Customers', 'Self-Serve Lapsed Customers', true], // one name inside the other
    ['Support Seekers', 'Growth-Plan Support Seekers', true],
    ['Loyal Buyers', 'Loyal Customers', true],
    ['Young Deal Hunters', 'Budget Deal Hunters', false],
    ['Member Quiet Contacts', 'Young Quiet Contacts', false], // "Member" before a noun is a word of its own
    ['Growth-Plan Support Seekers', 'Bronze-Tier Support Seekers', false],
  ])('"%s" / "%s" → %s, either way round', (a, b, dup) => {
    expect(isNearDuplicate(a, b)).toBe(dup);
    expect(isNearDuplicate(b, a)).toBe(dup);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256PrefixHasher } from '../../src/run/sha256-prefix.js';
import { DIGEST_BYTES, FINDER_MAX_WORDS, digestBytes, digestOf, finderFormDigests, finderForms, finderKey, finderSortedKey, finderWords } from '../../src/run/pii-hashes.js';

const reference = (prefix: string, m: string) => createHash('sha256').update(prefix).update(m).digest();

describe('sha256PrefixHasher', () => {
  // Lengths around the one- and two-block boundaries (55/56/64 bytes with the prefix), non-ASCII, a lone surrogate, a long text.
  const messages = ['', 'a', 'ella adams', 'é', '王伟 李娜', '\ud800', 'x'.repeat(21), 'x'.repeat(22), 'x'.repeat(23), 'x'.repeat(30), 'x'.repeat(31), 'y'.repeat(200), 'Ünïcödé ' .repeat(40)];

  it('gives the first bytes of node:crypto\'s SHA-256 of prefix + message', () => {
    const prefix = '0123456789abcdef0123456789abcdef\u0000';
    const head = sha256PrefixHasher(prefix, 32);
    for (const m of messages) {
      const out = new Uint8Array(32);
      head(m, out, 0);
      expect(Buffer.from(out).toString('hex'), JSON.stringify(m)).toBe(reference(prefix, m).toString('hex'));
    }
  });

  it('digestBytes holds digestOf of every form, in an order that does not depend on the forms\' order', () => {
    const salt = 'fedcba9876543210fedcba9876543210';
    const bytes = digestBytes(salt, new Set(messages));
    expect(bytes.byteLength).toBe(messages.length * DIGEST_BYTES);
    const got = Array.from({ length: messages.length }, (_, i) => Buffer.from(bytes.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES)).toString('latin1'));
    expect([...got].sort()).toEqual(messages.map((m) => digestOf(salt, m)).sort());
    expect(Buffer.from(digestBytes(salt, [...messages].reverse())).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('finderForms', () => {
  // The rule as the readers of texts apply it word by word (finderWords, finderKey, finderSortedKey):
  // finderForms must give the same forms in the same order (the order is the digests' order in table.bin).
  function byWords(known: string[]) {
    const forms = { whole: new Set<string>(), anyOrder: new Set<string>(), given: new Set<string>() };
    for (const v of known) {
      if (!v || /[@＠]/.test(v)) continue;
      const ws = finderWords(v);
      if (ws.length === 0 || ws.length > FINDER_MAX_WORDS) continue;
      if (!ws.some((w) => /\p{L}/u.test(w))) continue;
      const capitalised = ws.every((w) => /^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$/u.test(w));
      if (ws.length >= 2) forms.whole.add(finderKey(ws));
      if (capitalised && ws.length <= 3) {
        if (ws.length >= 2) forms.anyOrder.add(finderSortedKey(ws));
        if (ws[0].length >= 2) forms.given.add(ws[0].toLowerCase());
      }
    }
    return forms;
  }
  it('gives the forms the word-by-word rule gives, in the same order', () => {
    const known = ['Ella Adams', 'HADDAD, ANA', "Mary-Ann O'Neil", 'José Álvarez', '5615 Mill Lane, Lakeside', '+1 555-152-6842', 'ana@example.com', 'Will', 'a b c d e f g h i', 'Ödön Ştefan Ćirić', 'ΟΔΟΣ ΑΘΗΝΑΣ 12', '王伟', 'Anne Marie Smith Jones', 'Ella Adams', 'ella  adams', '', '--', 'Zoë'];
    const a = finderForms(known);
    const b = byWords(known);
    for (const k of ['whole', 'anyOrder', 'given'] as const) expect([...a[k]], k).toEqual([...b[k]]);
    expect(a.whole.size).toBeGreaterThan(5);
  });
});

describe('finderFormDigests', () => {
  const salt = '00112233445566778899aabbccddeeff';
  const same = (known: string[]) => {
    const forms = finderForms(known);
    const got = finderFormDigests(salt, known);
    for (const k of ['whole', 'anyOrder', 'given'] as const) {
      expect(Buffer.from(got[k]).toString('hex'), k).toBe(Buffer.from(digestBytes(salt, forms[k])).toString('hex'));
    }
    return forms;
  };

  it('gives digestBytes of finderForms, repeats and all', () => {
    const forms = same([
      'Ella Adams', 'Ella Adams', 'ELLA ADAMS', 'Adams, Ella', 'HADDAD, ANA', "Mary-Ann O'Neil", "o'neil--mary", 'José Álvarez', '5615 Mill Lane, Lakeside', '5615 Mill Lane Lakeside',
      '+1 555-152-6842', 'ana@example.com', 'ana＠example.com', 'Ané@x.org', 'Will', 'Wi', 'W', 'a b c d e f g h', 'a b c d e f g h i', 'a b c d e f g h i é', 'Ödön Ştefan Ćirić', 'ΟΔΟΣ ΑΘΗΝΑΣ 12',
      '王伟', 'Anne Marie Smith Jones', 'ella  adams', '', '--', "-'", "x'", "'x", 'Zoë', '12 34', 'Rue-de-la-Paix 3', 'A1 B2', 'Ab Cd Ef', 'Ab Cd Ef Gh', 'Ab cD', '  Ab   Cd  ',
    ]);
    expect(forms.whole.size).toBeGreaterThan(10);
    expect(forms.anyOrder.size).toBeGreaterThan(3);
  });

  it('agrees on many generated values (ASCII and not, with repeats)', () => {
    const parts = ['Mill', 'lane', 'OAK', "O'Brien", 'Mary-Ann', '12', '5615', 'é', 'Ünal', '@', ',', ' ', '  ', '-', "'", 'x', 'Ab', 'road', '王'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const known: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const len = 1 + rnd(11);
      let v = '';
      for (let j = 0; j < len; j++) v += parts[rnd(parts.length)] + (rnd(3) ? ' ' : '');
      known.push(v);
      if (rnd(5) === 0) known.push(v);
    }
    same(known);
  });
});

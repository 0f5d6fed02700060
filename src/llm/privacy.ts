import { SegmentaError } from '../errors.js';
import { createScrubber, PII_PATTERNS } from '../util/pii.js';

/**
 * The privacy guard sits on every request that leaves the machine (chat and embeddings).
 * `scrub` cleans text before it is put into a payload; `assertClean` is the last look at the
 * serialized request body and throws — nothing is sent — if a PII pattern or a known PII value
 * is still there. Both use the same rules, so text that went through `scrub` always passes.
 */
export class PrivacyError extends SegmentaError {
  readonly findings: string[];
  constructor(where: string, findings: string[]) {
    // The message names the kinds only, never the value: it ends up in logs and run.json.
    super('input', `privacy guard blocked ${where}: the request contained ${findings.join(', ')}; nothing was sent`, { exitCode: 2 });
    this.findings = findings;
  }
}

export interface PrivacyGuard {
  /** Remove PII: patterns (email, phone, IP, street address) and known PII values. */
  scrub(text: string): string;
  /** A customer snippet ready to quote in a prompt: scrubbed, one line, delimiters neutralised, capped. */
  quote(text: string, maxChars?: number): string;
  /** Throw PrivacyError if the body still holds PII. `where` names the request in the message. */
  assertClean(body: string, where: string): void;
}

export const SNIPPET_MAX_CHARS = 160;
/** Longest known value (in tokens) matched as a phrase; longer values are caught by patterns. */
const MAX_PHRASE_TOKENS = 8;
const TOKEN = /[\p{L}\p{N}]+/gu;

/** Same rule as createScrubber: a capitalised word of 3+ letters from a PII value is scrubbed. */
const isScrubbedWord = (w: string) => w.length >= 3 && /^\p{Lu}/u.test(w);

function tokensOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));
}

function countPhoneLike(text: string): number {
  return (text.match(PII_PATTERNS.phone) ?? []).filter((m) => m.replace(/\D/g, '').length >= 7).length;
}

/** Strings inside a JSON body, decoded (so "\n"-escapes cannot hide a phone number). */
function jsonStrings(body: string): string {
  try {
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), walk(x));
    };
    walk(JSON.parse(body));
    return out.join('\n');
  } catch {
    return '';
  }
}

export function createPrivacyGuard(piiValues: Iterable<string> = []): PrivacyGuard {
  const values: string[] = [];
  // Phrases (2+ tokens, matched case-insensitively) and single words (case-sensitive, as the scrubber).
  const phrases = new Set<string>();
  const words = new Set<string>();
  for (const raw of piiValues) {
    const v = raw.trim();
    if (!v) continue;
    values.push(v);
    const toks = v.match(TOKEN) ?? [];
    if (toks.length >= 2 && toks.length <= MAX_PHRASE_TOKENS) phrases.add(toks.join(' ').toLowerCase());
    for (const t of toks) if (isScrubbedWord(t)) words.add(t);
  }
  const baseScrub = createScrubber(values);

  /** Spans of known values in `text`: phrases first (longest wins), then single words. */
  function knownSpans(text: string): [number, number][] {
    const toks = tokensOf(text);
    const spans: [number, number][] = [];
    for (let i = 0; i < toks.length; i++) {
      let matched = 0;
      if (phrases.size > 0) {
        for (let n = Math.min(MAX_PHRASE_TOKENS, toks.length - i); n >= 2; n--) {
          const phrase = toks.slice(i, i + n).map((t) => t.word.toLowerCase()).join(' ');
          if (phrases.has(phrase)) {
            matched = n;
            break;
          }
        }
      }
      if (matched) {
        spans.push([toks[i].start, toks[i + matched - 1].end]);
        i += matched - 1;
      } else if (words.has(toks[i].word)) {
        spans.push([toks[i].start, toks[i].end]);
      }
    }
    return spans;
  }

  function scrub(text: string): string {
    let out = baseScrub(text);
    // The base scrubber splits on spaces only ("Jane's" slips through) and ignores lowercase
    // phrases ("jane doe"); this pass uses the very rule assertClean checks with.
    const spans = knownSpans(out);
    for (let k = spans.length - 1; k >= 0; k--) out = out.slice(0, spans[k][0]) + '[name]' + out.slice(spans[k][1]);
    return out;
  }

  function quote(text: string, maxChars = SNIPPET_MAX_CHARS): string {
    let s = scrub(text)
      .replace(/\s+/g, ' ')
      // Customer text must not close our delimiters or open template variables.
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      .replace(/[{}]/g, '')
      .trim();
    if (s.length > maxChars) {
      const cut = s.slice(0, maxChars - 1);
      const space = cut.lastIndexOf(' ');
      s = (space > maxChars * 0.6 ? cut.slice(0, space) : cut) + '…';
    }
    return s;
  }

  function assertClean(body: string, where: string): void {
    const findings = new Set<string>();
    for (const text of [body, jsonStrings(body)]) {
      if (!text) continue;
      if ((text.match(PII_PATTERNS.email) ?? []).length) findings.add('an email address');
      if ((text.match(PII_PATTERNS.ip) ?? []).length) findings.add('an IP address');
      if ((text.match(PII_PATTERNS.address) ?? []).length) findings.add('a street address');
      if (countPhoneLike(text) > 0) findings.add('a phone number');
      if (knownSpans(text).length > 0) findings.add('a value of a PII column');
    }
    if (findings.size > 0) throw new PrivacyError(where, [...findings]);
  }

  return { scrub, quote, assertClean };
}

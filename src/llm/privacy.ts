import { SegmentaError } from '../errors.js';
import { createPiiMatcher, type PiiSpanKind } from '../util/pii.js';

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
  /** Remove PII: patterns (email, phone, id, IP, street address, in their variant forms) and known PII values. */
  scrub(text: string): string;
  /** A customer snippet ready to quote in a prompt: scrubbed, one line, delimiters neutralised, capped. */
  quote(text: string, maxChars?: number): string;
  /** Throw PrivacyError if the body still holds PII. `where` names the request in the message. */
  assertClean(body: string, where: string): void;
}

export const SNIPPET_MAX_CHARS = 160;

const KIND_WORDS: Record<PiiSpanKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  ip: 'an IP address',
  address: 'a street address',
  id: 'an identity number',
  name: 'a value of a PII column',
};

/** Strings inside a JSON body, decoded (so "\n"- or "\u0040"-escapes cannot hide a value). */
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

/**
 * The guard for one table's PII values (none: patterns only). The scrubber and the last look
 * share one matcher (src/data/pii.ts), so whatever `scrub` returns passes `assertClean`.
 */
export function createPrivacyGuard(piiValues: Iterable<string> = []): PrivacyGuard {
  const matcher = createPiiMatcher(piiValues);
  const scrub = (text: string) => matcher.scrub(text);

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
      for (const k of matcher.kinds(text)) findings.add(KIND_WORDS[k]);
    }
    if (findings.size > 0) throw new PrivacyError(where, [...findings]);
  }

  return { scrub, quote, assertClean };
}

/** Patterns only: for text no table stands behind (the chat agent's turns, Slack replies). */
export const patternGuard: PrivacyGuard = createPrivacyGuard();

/**
 * Text shown to a model that may quote the user's data — an error naming a bad cell
 * (`"chloe.garcia41@example.com Chloe Garcia" is not a number`), a tool result. Quoted values
 * that could be customer data (spaces, an @, long digit runs, long strings) are elided — a
 * name in a cell cannot be recognised by pattern — and the rest is scrubbed. Column names
 * ("total_spend") stay, so the model can still say what to fix.
 */
export function textForModel(text: string, guard: PrivacyGuard = patternGuard): string {
  const elided = text.replace(/(["“'‘`])([^"”'’`\n]{1,400})(["”'’`])/g, (all, open: string, inner: string, close: string) =>
    /\s|[@＠]|\d{5}|\p{Script=Han}/u.test(inner) || inner.length > 40 ? `${open}…${close}` : all,
  );
  return guard.scrub(elided);
}

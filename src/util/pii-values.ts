/**
 * The distinct values of a table's PII columns, held as the few long strings DuckDB hands over
 * (values joined by U+0001) and split only when someone asks for single values.
 *
 * Why not a Set: at a million customers the PII columns hold ~2.9M distinct values (names,
 * emails, phones, addresses). Splitting them into a Set took 2.4–5 s and ~250 MB of the load
 * (bench/), yet the pipeline never looks one up: the PII matcher (util/pii.ts) reads only the
 * values that can contribute a word — those with a letter (or an apostrophe) and no "@" — and
 * catches emails, phones and IPs by their patterns. So the values come in two parts: `words`
 * (what the matcher reads, split when it is built) and `rest` (digits-and-punctuation values and
 * emails, split only by `has`, `size` or iteration: tests, and the LLM writer's list).
 */
export interface PiiValues extends Iterable<string> {
  has(value: string): boolean;
  readonly size: number;
}

/** Between the values of a chunk (never inside one). */
export const SEP = '\u0001';

/** Whether a value can contribute a word to the matcher: no "@", and an ASCII letter, an apostrophe or any non-ASCII character. */
export function hasWordSource(v: string): boolean {
  return !/[@＠]/.test(v) && /[A-Za-z'\u0080-\uffff]/.test(v);
}

/**
 * The SQL twin of hasWordSource, for a VARCHAR expression `v` (RE2 syntax). Both sides use
 * byte classes, not Unicode letter classes, so they agree whatever Unicode version each knows.
 */
export const WORD_SOURCE_SQL = (v: string) => `(NOT contains(${v}, '@') AND NOT contains(${v}, '＠') AND regexp_matches(${v}, '[A-Za-z''\\x{80}-\\x{10FFFF}]'))`;

export class PiiValueSet implements PiiValues {
  private readonly wordChunks: string[] = [];
  private readonly restChunks: string[] = [];
  private readonly added = new Set<string>();
  private all?: Set<string>;
  /** Bumped on every change, so a matcher built from an older state is not reused. */
  version = 0;

  /** A chunk of values joined by U+0001 (values must not contain it); `words` says which part it belongs to. */
  addJoined(joined: string | null | undefined, words: boolean): void {
    if (!joined) return;
    (words ? this.wordChunks : this.restChunks).push(joined);
    this.all = undefined;
    this.version++;
  }

  add(value: string): void {
    if (!value) return;
    this.added.add(value);
    this.all?.add(value);
    this.version++;
  }

  /** The values that can contribute a word to the PII matcher (a superset: the matcher checks each). */
  *wordSources(): Iterable<string> {
    for (const c of this.wordChunks) for (const v of c.split(SEP)) if (v) yield v;
    for (const v of this.added) if (hasWordSource(v)) yield v;
  }

  /**
   * wordSources() as its chunks (values joined by SEP) and the values added one by one: the
   * matcher scans a chunk's words in one pass and looks at a single value only when a word is new.
   */
  wordSourceChunks(): { chunks: readonly string[]; added: Iterable<string> } {
    const added = this.added;
    return { chunks: this.wordChunks, added: (function* () { for (const v of added) if (hasWordSource(v)) yield v; })() };
  }

  private materialize(): Set<string> {
    if (this.all) return this.all;
    const all = new Set<string>(this.added);
    for (const c of [...this.wordChunks, ...this.restChunks]) for (const v of c.split(SEP)) if (v) all.add(v);
    return (this.all = all);
  }

  has(value: string): boolean {
    return this.materialize().has(value);
  }

  get size(): number {
    return this.materialize().size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.materialize().values();
  }
}

import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CategoricalColumn, CustomerTable, DataQuality, DataSchema, NumericColumn, TextColumn } from '../model/data.js';
import { createScrubber, piiValuesFromLookups, piiWordLists } from '../util/pii.js';
import { PiiValueSet, type PiiValues } from '../util/pii-values.js';
import { DigestSet, digestBytes, finderFormDigests, saltFor } from './pii-hashes.js';

/**
 * The Run's cleaned customer table, stored beside its vectors so that `segmenta eval` does not
 * read and clean the customer file again (issue #19: at 1M customers the re-read was 22 of the
 * eval's 54 s). Two files: table.json (schema, quality, column descriptions, category levels,
 * the PII matcher's word lists) and table.bin (every typed array and the text columns, 8-byte
 * aligned sections). The rows are the Run's rows: row i is row i of assignments.csv and of
 * index/vectors.f32, so the ids are not stored again.
 *
 * What it holds of personal data: nothing in clear. The text columns are stored scrubbed by the
 * table's own scrubber (util/pii.ts createScrubber over its PII values — the one the profile's
 * quotes and terms go through), so a re-profile of them (the stability suite) gives the Run's
 * terms and quotes: scrubbing scrubbed text changes nothing. The PII values are kept only as
 * salted digests (pii-hashes.ts) of the forms two readers look up: the matcher's words (so a
 * scrubber or privacy guard built from the stored table is the Run's) and the eval PII finder's
 * forms (so `pii_findings` finds a customer's name in a text as strictly as with the values).
 * A reader that needs the values themselves (the LLM writer's list) reads the file instead.
 *
 * Version 1 stored the raw text and the matcher's word lists in clear; such a table is not
 * read (readTableFile returns null and the eval re-reads the file).
 */
export const TABLE_JSON = 'table.json';
export const TABLE_BIN = 'table.bin';

interface Section {
  offset: number;
  bytes: number;
}

/** The PII digests: one table.bin section of 8-byte digests per set (pii-hashes.ts). */
interface PiiDigests {
  salt: string;
  words: Section;
  han: Section;
  whole: Section;
  anyOrder: Section;
  given: Section;
}

interface TableMeta {
  version: 2;
  n: number;
  bytes: number;
  schema: DataSchema;
  quality: DataQuality;
  numeric: (Omit<NumericColumn, 'values' | 'original'> & { values: Section; original?: { rows: Section; values: Section } })[];
  categorical: (Omit<CategoricalColumn, 'codes'> & { codes: Section })[];
  /** Each text column's values as one JSON array (UTF-8): 1M short strings parse in a fraction of a second. */
  text: { name: string; values: Section }[];
  pii: PiiDigests;
}

const align8 = (x: number) => (x + 7) & ~7;

export function writeTableFile(dir: string, table: CustomerTable): void {
  const parts: Uint8Array[] = [];
  let at = 0;
  const put = (bytes: Uint8Array): Section => {
    const s = { offset: at, bytes: bytes.byteLength };
    parts.push(bytes);
    const pad = align8(at + bytes.byteLength) - (at + bytes.byteLength);
    if (pad) parts.push(new Uint8Array(pad));
    at += bytes.byteLength + pad;
    return s;
  };
  const raw = (a: Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const scrub = scrubberOf(table);
  const lists = piiWordLists(table.piiValues);
  const salt = saltFor([...lists.words, ...lists.han]);
  // Only values with a letter have finder forms: wordSources() skips splitting the rest (emails, phones) at 1M customers.
  const forms = finderFormDigests(salt, table.piiValues instanceof PiiValueSet ? table.piiValues.wordSources() : table.piiValues);
  const meta: TableMeta = {
    version: 2,
    n: table.ids.length,
    bytes: 0,
    schema: table.schema,
    quality: table.quality,
    numeric: table.numeric.map(({ values, original, ...rest }) => ({
      ...rest,
      values: put(raw(values)),
      ...(original ? { original: { rows: put(raw(original.rows)), values: put(raw(original.values)) } } : {}),
    })),
    categorical: table.categorical.map(({ codes, ...rest }) => ({ ...rest, codes: put(raw(codes)) })),
    text: table.text.map((c) => ({ name: c.name, values: put(Buffer.from(JSON.stringify(c.values.map(scrub)), 'utf8')) })),
    pii: {
      salt,
      words: put(digestBytes(salt, lists.words)),
      han: put(digestBytes(salt, lists.han)),
      whole: put(forms.whole),
      anyOrder: put(forms.anyOrder),
      given: put(forms.given),
    },
  };
  meta.bytes = at;
  writeParts(join(dir, TABLE_BIN), parts);
  writeFileSync(join(dir, TABLE_JSON), JSON.stringify(meta) + '\n');
}

/**
 * The table's scrubber: createScrubber remembers the texts it scrubbed for this value set, so
 * the texts the profile's terms scrubbed already are not scrubbed again, and a review that
 * recurs ("Great service!" thousands of times) is scrubbed once.
 */
function scrubberOf(table: CustomerTable): (text: string) => string {
  if (table.text.length === 0) return (t) => t;
  const scrub = createScrubber(table.piiValues);
  return (text) => (text ? scrub(text) : text);
}

/** The sections written one after the other (no concatenated copy: ~100 MB at a million customers). */
function writeParts(path: string, parts: Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const p of parts) {
      let done = 0;
      while (done < p.byteLength) done += writeSync(fd, p, done, p.byteLength - done);
    }
  } finally {
    closeSync(fd);
  }
}

export function hasTableFile(dir: string): boolean {
  return existsSync(join(dir, TABLE_JSON)) && existsSync(join(dir, TABLE_BIN));
}

/**
 * The stored table, its arrays views of one SharedArrayBuffer: worker threads (the eval's
 * bootstrap) get the same memory, not copies. `ids` are the Run's ids in row order
 * (assignments.csv); null when the files are missing or do not match (a Run from an older
 * version: the caller reads the customer file as before).
 */
export function readTableFile(dir: string, ids: string[]): CustomerTable | null {
  if (!hasTableFile(dir)) return null;
  const meta = JSON.parse(readFileSync(join(dir, TABLE_JSON), 'utf8')) as TableMeta;
  if (meta.version !== 2 || meta.n !== ids.length) return null;
  const shared = new SharedArrayBuffer(meta.bytes);
  const fd = openSync(join(dir, TABLE_BIN), 'r');
  try {
    const view = new Uint8Array(shared);
    let got = 0;
    while (got < meta.bytes) {
      const r = readSync(fd, view, got, meta.bytes - got, got);
      if (r <= 0) return null;
      got += r;
    }
  } finally {
    closeSync(fd);
  }
  const table = tableFromShared(meta, shared, ids);
  stored.set(table, { meta, shared });
  return table;
}

const stored = new WeakMap<CustomerTable, { meta: TableMeta; shared: SharedArrayBuffer }>();

/** The memory a table read by readTableFile lives in, to hand to a worker thread (undefined for any other table). */
export function sharedTableOf(table: CustomerTable): { meta: TableMeta; shared: SharedArrayBuffer } | undefined {
  return stored.get(table);
}

/** The table over an already loaded buffer (a worker thread handed the main thread's). */
export function tableFromShared(meta: TableMeta, shared: SharedArrayBuffer, ids: string[]): CustomerTable {
  const f64 = (s: Section) => new Float64Array(shared, s.offset, s.bytes / 8);
  const i32 = (s: Section) => new Int32Array(shared, s.offset, s.bytes / 4);
  // TextDecoder cannot read a SharedArrayBuffer view: the text is copied out first.
  const str = (s: Section) => JSON.parse(Buffer.from(new Uint8Array(shared, s.offset, s.bytes)).toString('utf8')) as string[];
  const numeric: NumericColumn[] = meta.numeric.map(({ values, original, ...rest }) => ({
    ...rest,
    values: f64(values),
    ...(original ? { original: { rows: i32(original.rows), values: f64(original.values) } } : {}),
  }));
  const categorical: CategoricalColumn[] = meta.categorical.map(({ codes, ...rest }) => ({ ...rest, codes: i32(codes) }));
  const text: TextColumn[] = meta.text.map((c) => ({ name: c.name, values: str(c.values) }));
  const digests = (sec: Section) => new DigestSet(meta.pii.salt, new Uint8Array(shared, sec.offset, sec.bytes));
  const piiValues = piiValuesFromLookups({ words: digests(meta.pii.words), han: digests(meta.pii.han) });
  finderDigests.set(piiValues, { whole: digests(meta.pii.whole), anyOrder: digests(meta.pii.anyOrder), given: digests(meta.pii.given) });
  return { schema: meta.schema, quality: meta.quality, ids, numeric, categorical, text, piiValues };
}

const finderDigests = new WeakMap<PiiValues, { whole: DigestSet; anyOrder: DigestSet; given: DigestSet }>();

/**
 * The eval PII finder's forms of a stored table's PII values, as digests (evals/checks/pii.ts
 * matches its texts' forms against them); undefined for a table read from the file, whose
 * values the finder reads itself.
 */
export function storedFinderDigests(values: PiiValues): { whole: DigestSet; anyOrder: DigestSet; given: DigestSet } | undefined {
  return finderDigests.get(values);
}

export type { TableMeta };

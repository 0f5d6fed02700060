import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Document } from '@langchain/core/documents';
import { UsageError } from '../errors.js';
import { createPrivacyGuard, patternGuard } from '../llm/privacy.js';
import { looksLikeInstruction } from '../llm/injection.js';
import { withRunLock } from '../run/store.js';
import { checkpoint } from '../util/cancel.js';
import { createRng, sampleIndices } from '../util/random.js';
import { terms } from '../util/tokenize.js';
import { readHnswHeader } from './hnsw.js';
import type { QuoteEmbeddings } from '../embed/quote-embeddings.js';
import type { CustomerTable } from '../model/data.js';
import type { RunFile } from '../model/run.js';

/**
 * The quote store: what customers wrote (free-text columns), PII-scrubbed, per segment, in a
 * LangChain HNSWLib vector store saved in the Run — so "what do customers in segment 3 say about
 * delivery?" is a similarity search filtered to the segment.
 *
 *   runs/<id>/quotes/snippets.json            the scrubbed snippets (the store's documents)
 *   runs/<id>/quotes/<embeddings>/            HNSWLib.save(): hnswlib.index, args.json, docstore.json
 *
 * The snippets are cut when the Run is made, the only time the table's PII values are known
 * (they are never stored), and scrubbed with them by the privacy guard's quote() (the one
 * matcher of src/util/pii.ts). The offline store is built then too; a store for a server
 * embedding model is built on the first question and cached beside it, under the Run lock.
 * Small segments are never quoted, and a snippet that reads like an instruction is withheld.
 * No customer id goes with a snippet.
 */
export const QUOTES_DIR = 'quotes';
export const SNIPPETS_JSON = 'snippets.json';
/** Snippets kept per segment: a sample to quote from, not every review (the store stays small). */
export const QUOTES_PER_SEGMENT = 150;
/** Below this cosine similarity a snippet shares no term with the question worth showing. */
export const MIN_SIMILARITY = 0.05;

export interface QuoteSnippet {
  segment: number;
  /** The text column it came from. */
  column: string;
  text: string;
}

export interface SnippetsFile {
  version: 1;
  perSegment: number;
  snippets: QuoteSnippet[];
  /** Snippets left out because they read like an instruction. */
  withheld: number;
}

/**
 * Up to QUOTES_PER_SEGMENT scrubbed snippets per described segment, a seeded sample of its
 * members' texts (the same Run seed gives the same sample).
 */
export function collectQuoteSnippets(
  table: Pick<CustomerTable, 'text' | 'piiValues' | 'ids'>,
  labels: ArrayLike<number>,
  segments: readonly { id: number; small: boolean }[],
  seed: number,
  perSegment = QUOTES_PER_SEGMENT,
): SnippetsFile {
  const guard = createPrivacyGuard(table.piiValues);
  const members = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i] + 1;
    let list = members.get(id);
    if (!list) members.set(id, (list = []));
    list.push(i);
  }
  const snippets: QuoteSnippet[] = [];
  let withheld = 0;
  if (table.text.length === 0) return { version: 1, perSegment, snippets, withheld };
  for (const seg of segments) {
    if (seg.small) continue;
    const rows = members.get(seg.id) ?? [];
    const order = sampleIndices(rows.length, rows.length, createRng(seed + seg.id));
    const seen = new Set<string>();
    let kept = 0;
    for (let j = 0; j < order.length && kept < perSegment; j++) {
      for (const column of table.text) {
        const raw = column.values[rows[order[j]]];
        if (!raw?.trim()) continue;
        const text = guard.quote(raw);
        if (seen.has(text) || terms(text).length === 0) continue;
        seen.add(text);
        if (looksLikeInstruction(text)) {
          withheld++;
          continue;
        }
        snippets.push({ segment: seg.id, column: column.name, text });
        kept++;
      }
    }
  }
  return { version: 1, perSegment, snippets, withheld };
}

/** A store's folder name: the embeddings' name, safe as a path segment. */
function storeFolder(dir: string, name: string): string {
  return join(dir, QUOTES_DIR, name.replace(/[^\w.-]+/g, '_'));
}

/**
 * Save the snippets and build the store for `q` into a Run folder being made (the staging
 * folder: nobody else sees it, so no lock).
 */
export async function writeQuoteStore(dir: string, file: SnippetsFile, q: QuoteEmbeddings, signal?: AbortSignal): Promise<{ snippets: number; withheld: number }> {
  mkdirSync(join(dir, QUOTES_DIR), { recursive: true });
  writeFileSync(join(dir, QUOTES_DIR, SNIPPETS_JSON), JSON.stringify(file));
  if (file.snippets.length > 0) await buildStore(storeFolder(dir, q.name), file.snippets, q, signal);
  return { snippets: file.snippets.length, withheld: file.withheld };
}

async function buildStore(folder: string, snippets: QuoteSnippet[], q: QuoteEmbeddings, signal?: AbortSignal): Promise<void> {
  const store = await HNSWLib.fromTexts(
    snippets.map((s) => s.text),
    snippets.map((s) => ({ segment: s.segment, column: s.column })),
    q.embeddings,
  );
  await checkpoint(signal);
  await store.save(folder);
  // hnswlib writes nothing and says nothing when it cannot (DEPENDENCIES.md): read it back.
  const header = readHnswHeader(join(folder, 'hnswlib.index'));
  if (!header || header.count !== snippets.length) throw new Error(`quote store: ${folder} holds ${header?.count ?? 0} of ${snippets.length} snippets after saving`);
}

export function readSnippets(dir: string, run: RunFile): SnippetsFile {
  const path = join(dir, QUOTES_DIR, SNIPPETS_JSON);
  if (!existsSync(path)) {
    throw new UsageError(`Run ${run.id} has no quotes: it was made before segmenta kept them. Make the Run again with \`segmenta segment ${run.config.file}\`.`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as SnippetsFile;
}

/**
 * The Run's store for `q`, built and cached in the Run when it is not there yet (a server
 * embedding model asked for after the Run was made). The embedding calls happen outside the
 * lock, into a private folder; only the move into place is under it, and a store another
 * command finished first wins.
 */
export async function openQuoteStore(dir: string, file: SnippetsFile, q: QuoteEmbeddings, o: { log?: (line: string) => void; signal?: AbortSignal } = {}): Promise<HNSWLib> {
  const folder = storeFolder(dir, q.name);
  if (!existsSync(join(folder, 'args.json'))) {
    o.log?.(`building the quote store for ${q.name} (${file.snippets.length} snippets)…`);
    const temp = join(dir, QUOTES_DIR, `.building-${randomBytes(4).toString('hex')}`);
    try {
      await buildStore(temp, file.snippets, q, o.signal);
      await checkpoint(o.signal);
      await withRunLock(dir, () => {
        if (!existsSync(join(folder, 'args.json'))) renameSync(temp, folder);
      }, { log: o.log });
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return HNSWLib.load(folder, q.embeddings);
}

export interface FoundQuote extends QuoteSnippet {
  /** Cosine similarity of the snippet to the question, 0–1 (1 = the same terms). */
  similarity: number;
}

/**
 * The snippets of one segment most like `about`, best first. The question is scrubbed before it
 * is embedded (a server model sees it). hnswlib's filter keeps the search inside the segment.
 */
export async function searchQuotes(store: HNSWLib, file: SnippetsFile, segment: number, about: string, top: number, signal?: AbortSignal): Promise<FoundQuote[]> {
  const inSegment = file.snippets.filter((s) => s.segment === segment).length;
  if (inSegment === 0) return [];
  const query = await store.embeddings.embedQuery(patternGuard.scrub(about));
  if (!query.some((x) => x !== 0)) throw new UsageError(`"${about}" has no words to search the quotes for; ask about a topic, e.g. "delivery".`);
  await checkpoint(signal);
  const k = Math.min(top, inSegment);
  // A filtered search explores until it has ef hits inside the filter; a wide ef keeps a small
  // segment's recall from depending on where the graph happens to enter.
  store.index.setEf(Math.max(100, k));
  const hits = await store.similaritySearchVectorWithScore(query, k, (doc: Document) => doc.metadata.segment === segment);
  return hits
    .map(([doc, distance]) => ({ segment: doc.metadata.segment as number, column: doc.metadata.column as string, text: doc.pageContent, similarity: Math.round((1 - distance) * 1000) / 1000 }))
    .filter((h) => h.segment === segment && h.similarity >= MIN_SIMILARITY);
}

/**
 * What changed between two Runs (issue 21, `segmenta diff`): who moved where (a transition
 * matrix over the customers both Runs hold, plus those added and gone), movers per segment,
 * and drift per segment — of size (PSI over the segment shares) and of profile (the largest
 * feature PSI over the segment's members, when both Runs share one vector space).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssignments } from '../vectors/assignments.js';
import { loadVectors } from '../vectors/load.js';
import { EMBEDDING_JSON } from '../vectors/embed-new.js';
import { maximizeAssignment } from '../cluster/hungarian.js';
import { MATCH_DEFAULTS } from '../cluster/segment-matching.js';
import { psiBand, segmentPsi, type PsiBand } from '../cluster/psi.js';
import type { RunFile, SegmentEvent } from '../model/run.js';
import type { EmbeddingModel } from '../model/vectors.js';

export interface SegmentDrift {
  /** The segment's id in the later Run. */
  id: number;
  name: string;
  /** Its id in the earlier Run (absent: a segment new in the later Run). */
  was?: number;
  sizeBefore: number;
  sizeNow: number;
  shareBefore: number;
  shareNow: number;
  /** Customers of both Runs who are in it now and were in another segment. */
  movedIn: number;
  /** Customers of both Runs who were in its earlier counterpart and are elsewhere now. */
  movedOut: number;
  /** Customers new in the later Run. */
  newCustomers: number;
  /** This segment's term of the size PSI. */
  sizePsi: number;
  /** Largest feature PSI between the earlier and later members (absent when not comparable). */
  profilePsi?: number;
  profileBand?: PsiBand;
  /** The feature with that largest PSI. */
  feature?: string;
}

export interface RunDiff {
  from: { id: string; customers: number; k: number };
  to: { id: string; customers: number; k: number };
  /** How segments were paired: by the refresh's own matching, or by shared customers here. */
  pairing: 'refresh' | 'shared customers';
  /** Rows: earlier segment ids then "new"; columns: later segment ids then "gone". */
  matrix: { rows: string[]; columns: string[]; counts: number[][] };
  shared: number;
  added: number;
  gone: number;
  movers: number;
  segments: SegmentDrift[];
  /** Earlier segments with no counterpart in the later Run. */
  ended: { id: number; name: string; size: number; movedOut: number }[];
  sizePsi: number;
  sizeBand: PsiBand;
  /** The MONIC transitions, when the later Run is a refresh of the earlier one. */
  events?: SegmentEvent[];
  /** Why profile drift is missing, when it is. */
  profileNote?: string;
}

const nameOf = (run: RunFile, id: number) => run.segments.find((s) => s.id === id)?.texts?.name ?? '(under the minimum size)';

export function diffRuns(dirA: string, a: RunFile, dirB: string, b: RunFile): RunDiff {
  const asA = readAssignments(dirA);
  const asB = readAssignments(dirB);
  const idsA = a.segments.map((s) => s.id);
  const idsB = b.segments.map((s) => s.id);
  const before = new Map<string, number>();
  asA.ids.forEach((id, i) => before.set(id, asA.segments[i]));

  // Transition counts over the customers both Runs hold (+ a "new" row and a "gone" column).
  const rowOf = new Map(idsA.map((id, r) => [id, r]));
  const colOf = new Map(idsB.map((id, c) => [id, c]));
  const counts = Array.from({ length: idsA.length + 1 }, () => new Array<number>(idsB.length + 1).fill(0));
  const seen = new Set<string>();
  asB.ids.forEach((id, i) => {
    const was = before.get(id);
    const c = colOf.get(asB.segments[i])!;
    if (was === undefined) counts[idsA.length][c]++;
    else {
      counts[rowOf.get(was)!][c]++;
      seen.add(id);
    }
  });
  asA.ids.forEach((id, i) => {
    if (!seen.has(id)) counts[rowOf.get(asA.segments[i])!][idsB.length]++;
  });

  // Pairing: the refresh's own when B refreshed A, else the best shared-customer Jaccard.
  const counterpart = new Map<number, number>();
  let pairing: RunDiff['pairing'] = 'refresh';
  if (b.refreshedFrom?.runId === a.id) {
    for (const m of b.refreshedFrom.matches) counterpart.set(m.to, m.from);
  } else {
    pairing = 'shared customers';
    const sizeA = a.segments.map((s) => s.size);
    const sizeB = b.segments.map((s) => s.size);
    const jac = idsA.map((_, r) => idsB.map((_, c) => (counts[r][c] ? counts[r][c] / (sizeA[r] + sizeB[c] - counts[r][c]) : 0)));
    const pair = idsA.length && idsB.length ? maximizeAssignment(jac) : new Int32Array(0);
    pair.forEach((c, r) => {
      if (c >= 0 && jac[r][c] >= MATCH_DEFAULTS.match) counterpart.set(idsB[c], idsA[r]);
    });
  }

  const sameSpace = sameVectorSpace(dirA, dirB);
  const va = sameSpace ? loadVectors(dirA, a) : undefined;
  const vb = sameSpace ? loadVectors(dirB, b) : undefined;
  const model = sameSpace ? (JSON.parse(readFileSync(join(dirB, EMBEDDING_JSON), 'utf8')) as EmbeddingModel) : undefined;

  const shared = seen.size;
  let movers = 0;
  const nA = a.metrics.customers;
  const nB = b.metrics.customers;
  const segments: SegmentDrift[] = b.segments.map((s, c) => {
    const was = counterpart.get(s.id);
    const r = was === undefined ? -1 : rowOf.get(was)!;
    let movedIn = 0;
    for (let x = 0; x < idsA.length; x++) if (x !== r) movedIn += counts[x][c];
    movers += movedIn;
    const prior = r >= 0 ? a.segments[r] : undefined;
    const movedOut = r >= 0 ? counts[r].reduce((acc, v, y) => acc + (y !== c && y < idsB.length ? v : 0), 0) : 0;
    const shareBefore = prior ? prior.size / nA : 0;
    const drift: SegmentDrift = {
      id: s.id,
      name: nameOf(b, s.id),
      ...(was !== undefined ? { was } : {}),
      sizeBefore: prior?.size ?? 0,
      sizeNow: s.size,
      shareBefore,
      shareNow: s.size / nB,
      movedIn,
      movedOut,
      newCustomers: counts[idsA.length][c],
      sizePsi: round(psiTerm(shareBefore, s.size / nB)),
    };
    if (va && vb && was !== undefined) {
      const rowsA = rowsWhere(asA.segments, was);
      const rowsB = rowsWhere(asB.segments, s.id);
      const p = segmentPsi(va, rowsA, vb, rowsB);
      drift.profilePsi = round(p.psi);
      drift.profileBand = psiBand(p.psi);
      if (p.dim >= 0 && model) drift.feature = featureName(model, p.dim);
    }
    return drift;
  });
  const ended = a.segments
    .filter((s) => ![...counterpart.values()].includes(s.id))
    .map((s) => ({ id: s.id, name: nameOf(a, s.id), size: s.size, movedOut: counts[rowOf.get(s.id)!].slice(0, idsB.length).reduce((x, y) => x + y, 0) }));
  const sizePsi = round(segments.reduce((acc, s) => acc + s.sizePsi, 0) + ended.reduce((acc, s) => acc + psiTerm(s.size / nA, 0), 0));

  return {
    from: { id: a.id, customers: nA, k: a.segments.length },
    to: { id: b.id, customers: nB, k: b.segments.length },
    pairing,
    matrix: { rows: [...idsA.map(String), 'new'], columns: [...idsB.map(String), 'gone'], counts },
    shared,
    added: counts[idsA.length].reduce((x, y) => x + y, 0),
    gone: counts.reduce((acc, row) => acc + row[idsB.length], 0),
    movers,
    segments,
    ended,
    sizePsi,
    sizeBand: psiBand(sizePsi),
    ...(b.refreshedFrom?.runId === a.id ? { events: b.refreshedFrom.events } : {}),
    ...(sameSpace ? {} : { profileNote: 'the two Runs were embedded with different preprocessing (not a refresh chain), so profile drift is not comparable' }),
  };
}

/** One bin's PSI term with the same floor as psi(): (b − a) · ln(b / a). */
function psiTerm(a: number, b: number): number {
  const x = Math.max(a, 1e-4);
  const y = Math.max(b, 1e-4);
  return (y - x) * Math.log(y / x);
}

/** Refreshes reuse the earlier Run's saved preprocessing, so the files are byte-identical. */
function sameVectorSpace(dirA: string, dirB: string): boolean {
  try {
    return readFileSync(join(dirA, EMBEDDING_JSON), 'utf8') === readFileSync(join(dirB, EMBEDDING_JSON), 'utf8');
  } catch {
    return false;
  }
}

function featureName(model: EmbeddingModel, dim: number): string | undefined {
  const block = model.blocks.find((b) => dim >= b.offset && dim < b.offset + b.width);
  return block ? (block.features[dim - block.offset] ?? `${block.name}[${dim - block.offset}]`) : undefined;
}

function rowsWhere(values: Int32Array, v: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === v) out.push(i);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

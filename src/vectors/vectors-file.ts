/**
 * The Run's vectors as one raw little-endian Float32 file (n × dim, row-major, no header; the
 * shape is in run.json). Kept beside the hnswlib index because three things need the vectors
 * themselves, by row, fast: lookalike queries from a segment's members, exact search to
 * measure the index's recall, and the report's 2-D map. Reading them back out of the index
 * (getPoint, one N-API call per row) is slow, and hnswlib may reorder or drop nothing we can
 * check; a flat file is one read into a typed array. It costs 4·n·dim bytes (32 MB for
 * 250,000 customers × 32 dims).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Vectors } from '../model/vectors.js';
import { IndexError } from '../errors.js';

export function writeVectorsFile(path: string, vectors: Vectors): void {
  const { data, n, dim } = vectors;
  writeFileAtomic(path, new Uint8Array(data.buffer, data.byteOffset, n * dim * 4));
}

function checkSize(path: string, n: number, dim: number): number {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    throw new IndexError(`${path} is missing: the Run's vectors are gone. Make the Run again with \`segmenta segment FILE\`.`);
  }
  if (bytes !== n * dim * 4) {
    throw new IndexError(`${path} holds ${bytes} bytes but run.json says ${n} × ${dim} Float32 values (${n * dim * 4} bytes): it belongs to another Run or was cut short.`);
  }
  return bytes;
}

export function readVectorsFile(path: string, n: number, dim: number): Vectors {
  const bytes = checkSize(path, n, dim);
  const buf = readFileSync(path);
  // A small Buffer may sit at an unaligned offset of Node's shared pool; copy it then.
  const data = buf.byteOffset % 4 === 0 ? new Float32Array(buf.buffer, buf.byteOffset, n * dim) : new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytes));
  return { n, dim, data };
}

/**
 * The whole file into a SharedArrayBuffer: worker threads handed these vectors (the eval's
 * bootstrap) read the same memory instead of each receiving a 4·n·dim-byte copy.
 */
export function readVectorsFileShared(path: string, n: number, dim: number): Vectors {
  const bytes = checkSize(path, n, dim);
  const shared = new SharedArrayBuffer(bytes);
  const view = new Uint8Array(shared);
  const fd = openSync(path, 'r');
  try {
    for (let got = 0; got < bytes; ) {
      const r = readSync(fd, view, got, bytes - got, got);
      if (r <= 0) throw new IndexError(`${path}: short read at byte ${got}.`);
      got += r;
    }
  } finally {
    closeSync(fd);
  }
  return { n, dim, data: new Float32Array(shared) };
}

/**
 * Only some rows (a sample for the report's map, a few members as lookalike queries): one
 * small read per row instead of loading 4·n·dim bytes for a million customers.
 */
export function readVectorRows(path: string, n: number, dim: number, rows: ArrayLike<number>): Vectors {
  checkSize(path, n, dim);
  const out = new Float32Array(rows.length * dim);
  const bytes = new Uint8Array(out.buffer);
  const rowBytes = dim * 4;
  const fd = openSync(path, 'r');
  try {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      if (!(i >= 0 && i < n)) throw new RangeError(`row ${i} is outside 0…${n - 1}`);
      if (readSync(fd, bytes, r * rowBytes, rowBytes, i * rowBytes) !== rowBytes) throw new IndexError(`${path}: short read at row ${i}.`);
    }
  } finally {
    closeSync(fd);
  }
  return { n: rows.length, dim, data: out };
}

/**
 * The one place that touches hnswlib-node. It is CommonJS: a named ESM import type-checks but
 * fails at run time, so the default export is imported and HierarchicalNSW taken from it.
 */
import hnsw from 'hnswlib-node';
import { closeSync, openSync, readSync } from 'node:fs';

const { HierarchicalNSW } = hnsw;
export { HierarchicalNSW };
export type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** What an index file says about itself, read from its fixed-size header. */
export interface HnswHeader {
  maxElements: number;
  count: number;
  dim: number;
  M: number;
  efConstruction: number;
}

// hnswlib's saveIndex() header (hnswalg.h): six size_t (offsetLevel0, maxElements, count,
// sizeDataPerElement, labelOffset, offsetData), int maxLevel, uint entryPoint, size_t maxM,
// maxM0, M, double mult, size_t efConstruction — 96 bytes, little-endian on x64/arm64.
const HEADER_BYTES = 96;

/**
 * Read the header of an index file. The float vectors sit between offsetData and labelOffset,
 * so their width gives the dimension the file was built with, whatever dimension a reader is
 * constructed with — this is how a mismatch is caught before hnswlib answers garbage.
 */
export function readHnswHeader(path: string): HnswHeader | undefined {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, buf, 0, HEADER_BYTES, 0) < HEADER_BYTES) return undefined;
    const u = (offset: number) => Number(buf.readBigUInt64LE(offset));
    const dataBytes = u(32) - u(40);
    if (dataBytes <= 0 || dataBytes % 4 !== 0) return undefined;
    return { maxElements: u(8), count: u(16), dim: dataBytes / 4, M: u(72), efConstruction: u(88) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Lloyd's k-means on large data with a WebAssembly SIMD kernel (Float32, 4 lanes): one pass
 * per iteration finds every point's nearest centre and adds the point to its cluster's sums
 * (f64), as scikit-learn's Lloyd does. `lloyd` (kmeans.ts) hands over to it when the data are
 * large (n·k·dim ≥ SIMD_MIN_WORK); small data keep the exact-f64 Hamerly kernel.
 *
 * Why: bench/ measured the JS Hamerly kernel at 376 ms per iteration on 1M × 40 vectors, k 6
 * (scikit-learn's Lloyd: 63–76 ms, 2 OpenMP threads, AVX-512 OpenBLAS), 5–6× slower. JS
 * arithmetic is scalar f64; this kernel does 4 Float32 multiply-adds per instruction, two
 * centres per load of a point, and needs no bounds bookkeeping: 102–106 ms per iteration on
 * the same data from the same start (1.4× scikit-learn; 11–12.5 ms vs 7–9 ms at 100k). Steps
 * measured on the way: one centre per load with the whole data copied into WebAssembly memory
 * once, 214 ms; the same streamed in chunks (see CHUNK), 142 ms; two centres per load, 102 ms.
 *
 * Distances are Float32 (‖c‖² − 2x·c, as scikit-learn computes them for float32 data), so a
 * point almost exactly between two centres may be labelled differently than the f64 kernel
 * would; the inertia reported is computed in f64.
 *
 * The module is assembled from this text format (wabt's wat2wasm, --enable-simd), kept here as
 * the source of the bytes below:
 *
 * (func (export "pass") (param $x $n $dim $c $k $cn $lab $sums $counts i32) (result i32)
 *   for each point i (row of dim f32 at $x, dim a multiple of 4):
 *     for centres j, j+1 together: dot = Σ f32x4 x·c (one load of x for both); s = cn[j] − 2·dot; keep the min
 *     if lab[i] ≠ best: changes++, lab[i] = best
 *     counts[best]++; sums[best] += row (f64x2.promote_low_f32x4, two halves)
 *   return changes)
 * The full .wat is in bench/kernels/lloyd.wat.
 */
import { reseedEmptyClusters } from './reseed-empty.js';
import type { Vectors } from '../model/vectors.js';
import type { KMeansResult } from './kmeans.js';
import { distPointCentre } from './assign.js';

const WASM_BASE64 =
  'AGFzbQEAAAABDgFgCX9/f39/f39/fwF/AwIBAAUDAQABBxECBm1lbW9yeQIABHBhc3MAAAqfBQGcBQQFfwN7A30GfyACQQJ0IRYgACEMAkADQCAJIAFPDQFDAACAfyETQQAhFEEAIQogAyENIAwgFmohGAJAA0AgCkEBaiAETw0B/QwAAAAAAAAAAAAAAAAAAAAAIQ79DAAAAAAAAAAAAAAAAAAAAAAhDyAMIQsgDSAWaiEZAkADQCALIBhPDQEgC/0ABAAhECAOIBAgDf0ABAD95gH95AEhDiAPIBAgGf0ABAD95gH95AEhDyALQRBqIQsgDUEQaiENIBlBEGohGQwACwsgDv0fACAO/R8BkiAO/R8CIA79HwOSkiERIAUgCkECdGoqAgAgESARkpMhEiASIBNdBEAgEiETIAohFAsgD/0fACAP/R8BkiAP/R8CIA/9HwOSkiERIAUgCkECdGoqAgQgESARkpMhEiASIBNdBEAgEiETIApBAWohFAsgGSENIApBAmohCgwACwsgCiAESQRA/QwAAAAAAAAAAAAAAAAAAAAAIQ4gDCELAkADQCALIBhPDQEgDiAL/QAEACAN/QAEAP3mAf3kASEOIAtBEGohCyANQRBqIQ0MAAsLIA79HwAgDv0fAZIgDv0fAiAO/R8DkpIhESAFIApBAnRqKgIAIBEgEZKTIRIgEiATXQRAIBIhEyAKIRQLCyAGKAIAIBRHBEAgFUEBaiEVIAYgFDYCAAsgCCAUQQJ0aiEXIBcgFygCAEEBajYCACAHIBQgFkEBdGxqIRcgDCELAkADQCALIBhPDQEgC/0ABAAhECAXIBf9AAQAIBD9X/3wAf0LBAAgFyAX/QAEECAQIBD9DQgJCgsMDQ4PAAECAwQFBgf9X/3wAf0LBBAgC0EQaiELIBdBIGohFwwACwsgBkEEaiEGIBghDCAJQQFqIQkMAAsLIBUL';

/** Below this n·k·dim the f64 Hamerly kernel is used (choice of k and stability run on ≤ 3,000 points). */
export const SIMD_MIN_WORK = 4_000_000;

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
    } catch {
      compiled = null; // no WebAssembly SIMD in this runtime: the JS kernel is used
    }
  }
  return compiled;
}

/** A kernel bound to one data set: the points are copied once (padded to a multiple of 4 dims). */
export interface SimdKernel {
  /** Labels (in/out), and the per-cluster sums (k × dim) and counts (out) for the given centres. Returns how many labels changed. */
  pass(centres: Float64Array, labels: Int32Array, sums: Float64Array, counts: Int32Array): number;
}

/**
 * Points go through WebAssembly memory in chunks of CHUNK rows (10 MB at 40 dims), copied in
 * each pass, instead of one copy of the whole data: on this machine first-touching fresh
 * memory costs ~5 ms per MB (page faults), so a one-off 160 MB copy of 1M × 40 took 0.75 s
 * while streaming it through a warm 10 MB buffer costs ~16 ms per pass. Data that fit in one
 * chunk (the 50k fit sample) are copied once and stay. Many short calls also let V8 move the
 * kernel from its baseline to its optimising compiler early (it switches between calls).
 */
const CHUNK = 65_536;
const WARM_UP_CALLS = Number(process.env.SEGMENTA_SIMD_WARMUP ?? 64);

let shared: { instance: WebAssembly.Instance; memory: WebAssembly.Memory; resident?: Float32Array } | undefined;

export function simdKernel(vectors: Vectors, k: number): SimdKernel | undefined {
  const mod = wasmModule();
  if (!mod) return undefined;
  const { n, dim, data } = vectors;
  const d4 = (dim + 3) & ~3;
  const rows = Math.min(n, CHUNK);
  const align = (x: number) => (x + 15) & ~15;
  const xOff = 0;
  const cOff = align(xOff + rows * d4 * 4);
  const cnOff = align(cOff + k * d4 * 4);
  const labOff = align(cnOff + k * 4);
  const sumsOff = align(labOff + rows * 4);
  const countsOff = align(sumsOff + k * d4 * 8);
  const bytes = countsOff + k * 4;
  if (bytes > 2 ** 30) return undefined; // absurd width: stay with the JS kernel
  shared ??= (() => {
    const instance = new WebAssembly.Instance(mod, {});
    const memory = instance.exports.memory as WebAssembly.Memory;
    // Warm-up on the first page (256 points × 8 dims, 4 centres; zeros): V8 runs new wasm in
    // its baseline compiler and switches to optimised code between calls once a function has
    // run enough. Without this the first full pass over 1M points ran 4× slower (310 vs 75 ms).
    const warm = instance.exports.pass as (...a: number[]) => number;
    for (let r = 0; r < WARM_UP_CALLS; r++) warm(0, 256, 8, 8192, 4, 8320, 8336, 9360, 9616);
    return { instance, memory };
  })();
  const { memory } = shared;
  const have = memory.buffer.byteLength / 65536;
  const pages = Math.ceil(bytes / 65536);
  if (pages > have) {
    memory.grow(pages - have);
    shared.resident = undefined;
  }
  const pass = shared.instance.exports.pass as (...a: number[]) => number;
  const view = () => {
    const buf = memory.buffer;
    return {
      x: new Float32Array(buf, xOff, rows * d4),
      c: new Float32Array(buf, cOff, k * d4),
      cn: new Float32Array(buf, cnOff, k),
      lab: new Int32Array(buf, labOff, rows),
      sums: new Float64Array(buf, sumsOff, k * d4),
      counts: new Int32Array(buf, countsOff, k),
    };
  };
  const copyRows = (x: Float32Array, from: number, m: number) => {
    if (d4 === dim) x.set(data.subarray(from * dim, (from + m) * dim));
    else for (let r = 0; r < m; r++) x.set(data.subarray((from + r) * dim, (from + r + 1) * dim), r * d4);
  };
  if (n <= CHUNK && shared.resident !== data) {
    const v = view();
    if (d4 !== dim) v.x.fill(0);
    copyRows(v.x, 0, n);
    shared.resident = data;
  }
  return {
    pass(centres, labels, sumsOut, countsOut) {
      const v = view();
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < dim; t++) {
          const x = Math.fround(centres[j * dim + t]);
          v.c[j * d4 + t] = x;
          s += x * x;
        }
        for (let t = dim; t < d4; t++) v.c[j * d4 + t] = 0;
        v.cn[j] = s;
      }
      v.sums.fill(0);
      v.counts.fill(0);
      let changes = 0;
      if (n > CHUNK) shared!.resident = undefined;
      else if (shared!.resident !== data) {
        if (d4 !== dim) v.x.fill(0);
        copyRows(v.x, 0, n);
        shared!.resident = data;
      }
      for (let from = 0; from < n; from += CHUNK) {
        const m = Math.min(CHUNK, n - from);
        if (n > CHUNK) {
          if (d4 !== dim && from === 0) v.x.fill(0);
          copyRows(v.x, from, m);
        }
        v.lab.set(labels.subarray(from, from + m));
        changes += pass(xOff, m, d4, cOff, k, cnOff, labOff, sumsOff, countsOff);
        labels.set(v.lab.subarray(0, m), from);
      }
      countsOut.set(v.counts);
      for (let j = 0; j < k; j++) for (let t = 0; t < dim; t++) sumsOut[j * dim + t] = v.sums[j * d4 + t];
      return changes;
    },
  };
}

/**
 * Lloyd iterations with the SIMD kernel, stopping and reporting exactly as `lloyd` does: stop
 * when no point changes cluster or the centres' squared shift is ≤ tolerance (absolute, the
 * caller scales it); empty clusters take the point farthest from its centre.
 */
export function lloydSimd(vectors: Vectors, initial: Float64Array | Float32Array, k: number, maxIterations: number, tolerance: number, kernel: SimdKernel): KMeansResult {
  const { n, dim, data } = vectors;
  const centers = Float64Array.from(initial);
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  kernel.pass(centers, labels, sums, counts);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    reseedEmptyClusters(data, dim, centers, labels, counts, sums);
    let shift = 0;
    for (let j = 0; j < k; j++) {
      const inv = 1 / counts[j];
      for (let t = 0; t < dim; t++) {
        const v = sums[j * dim + t] * inv;
        const diff = v - centers[j * dim + t];
        shift += diff * diff;
        centers[j * dim + t] = v;
      }
    }
    const changes = kernel.pass(centers, labels, sums, counts);
    if (changes === 0 || shift <= tolerance) {
      converged = true;
      break;
    }
  }
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += dim) inertia += distPointCentre(data, o, centers, labels[i] * dim, dim);
  return { k, dim, labels, centroids: Float32Array.from(centers), inertia, iterations, converged };
}

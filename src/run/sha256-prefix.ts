/**
 * SHA-256 of many short messages, the first 8 bytes of each digest only: the Run's PII digests
 * (pii-hashes.ts digestBytes) hash ~1M short forms ("5615 mill lane lakeside") at a million
 * customers. Hand-written because node:crypto costs a native call, a Hash object and a Buffer
 * per message: 960k digests took 6.7–7.0 s with createHash and 4.5–5.8 s with crypto.hash() on
 * the shared 2-core machine (load ~8), this loop 3.0 s for the same bytes. It is the standard
 * algorithm (FIPS 180-4) and test/run/pii-hashes.test.ts checks it against node:crypto.
 */
// Int32, not Uint32: a Uint32Array read above 2^31 is a double, and the round's sum then mixes doubles into int32 arithmetic.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * A hasher of `prefix + message` (message as UTF-8, as node:crypto's update(string) encodes it):
 * `head(message, out, at)` writes the digest's first `bytes` (≤ 32) bytes into out[at…].
 */
export function sha256PrefixHasher(prefix: string, bytes: number): (message: string, out: Uint8Array, at: number) => void {
  const enc = new TextEncoder();
  const h = sha256PrefixBytes(prefix);
  return (message, out, at) => {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const buf = h.room(message.length * 3);
    const pre = h.prefixBytes;
    // ASCII (nearly every form) is copied by charCodeAt: encodeInto's subarray and native call cost more than the copy.
    let len = pre;
    for (let i = 0; i < message.length; i++) {
      const c = message.charCodeAt(i);
      if (c > 127) {
        len = pre + enc.encodeInto(message, buf.subarray(pre)).written;
        break;
      }
      buf[len++] = c;
    }
    h.hash(len - pre, out, at, bytes);
  };
}

/**
 * The same hasher over message bytes the caller writes itself: `room(n)` returns the buffer
 * (the prefix, then space for n message bytes from `prefixBytes` on), `hash(n, out, at, bytes)`
 * digests prefix + those n bytes. For forms built byte by byte (pii-hashes.ts finderFormDigests:
 * no string per form).
 */
export function sha256PrefixBytes(prefix: string): {
  readonly prefixBytes: number;
  room(n: number): Uint8Array;
  hash(n: number, out: Uint8Array, at: number, bytes: number): void;
} {
  const pre = new TextEncoder().encode(prefix);
  const W = new Int32Array(64);
  const H = new Int32Array(8);
  let buf = new Uint8Array(256);
  buf.set(pre);
  return {
    prefixBytes: pre.length,
    room(n) {
      // 72 covers the padding and the length.
      if (buf.length < pre.length + n + 72) {
        const next = new Uint8Array((pre.length + n + 72) * 2);
        next.set(buf.subarray(0, pre.length));
        buf = next;
      }
      return buf;
    },
    hash(n, out, at, bytes) {
      const len = pre.length + n;
      const total = ((len + 9 + 63) >> 6) << 6;
      buf[len] = 0x80;
      buf.fill(0, len + 1, total);
      const bits = len * 8;
      buf[total - 5] = Math.floor(bits / 2 ** 32);
      buf[total - 4] = bits >>> 24;
      buf[total - 3] = bits >>> 16;
      buf[total - 2] = bits >>> 8;
      buf[total - 1] = bits;
      H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a; H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19; // prettier-ignore
      for (let o = 0; o < total; o += 64) {
        for (let t = 0; t < 16; t++) {
          const j = o + t * 4;
          W[t] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
        }
        for (let t = 16; t < 64; t++) {
          const x = W[t - 15];
          const y = W[t - 2];
          const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
          const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
          W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
        }
        let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7]; // prettier-ignore
        for (let t = 0; t < 64; t++) {
          const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
          const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
          const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
          const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
          h = g;
          g = f;
          f = e;
          e = (d + t1) | 0;
          d = c;
          c = b;
          b = a;
          a = (t1 + t2) | 0;
        }
        H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h; // prettier-ignore
      }
      for (let i = 0; i < bytes; i++) out[at + i] = H[i >> 2] >>> (24 - 8 * (i & 3));
    },
  };
}

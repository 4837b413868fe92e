import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibRempio2 from '@stdlib/math-base-special-rempio2';

/**
 * Math.exp, Math.log, Math.tanh and Math.cos as Node's V8 computes them: fdlibm's algorithms.
 * A browser may compute them otherwise: Debian's Chromium takes them from the C library, which
 * differs from Node 20 in the last bit of about one exp in ten, one log in fifteen, one cos in
 * thirty (measured on 20,000 arguments). The worker's bundle puts these in their place
 * (src/explorer/server/bundle.ts), and test/explorer/v8-math.test.ts checks each against Node's
 * Math on many arguments.
 *
 * Math.pow and ** are left to the browser: Node 20 computes them with V8's own legacy algorithm,
 * which neither the C library nor fdlibm reproduces (one pow in ten differs from glibc's, one in
 * twenty-five from fdlibm's), and the core raises to powers in a dozen places. So a run in the
 * page matches the command line's metrics.csv to about 1e-14 relative, not byte for byte (README,
 * Explore in the browser).
 *
 * exp, log and expm1 are stdlib's, which are fdlibm's; tanh is fdlibm's formula on expm1; cos,
 * its kernels and its argument reduction follow fdlibm 5.3:
 *   Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunSoft, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided
 *   that this notice is preserved.
 */

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
// The words of a double: [low, high] on a little-endian machine, which every browser runs on.
const LOW = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 0 : 1;
const HIGH = 1 - LOW;

function high(x: number): number {
  float[0] = x;
  return words[HIGH]! | 0;
}

function fromWords(hi: number, lo: number): number {
  words[HIGH] = hi >>> 0;
  words[LOW] = lo >>> 0;
  return float[0]!;
}

export const exp: (x: number) => number = stdlibExp;
export const log: (x: number) => number = stdlibLn;

export function tanh(x: number): number {
  const jx = high(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1;
  let z: number;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000 && 1e300 + x > 1) return x;
    if (ix >= 0x3ff00000) {
      const t = stdlibExpm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = stdlibExpm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1 - 1e-300;
  return jx >= 0 ? z : -z;
}

// cos ----------------------------------------------------------------------------------------

const C1 = fromWords(0x3fa55555, 0x5555554c);
const C2 = fromWords(0xbf56c16c, 0x16c15177);
const C3 = fromWords(0x3efa01a0, 0x19cb1590);
const C4 = fromWords(0xbe927e4f, 0x809c52ad);
const C5 = fromWords(0x3e21ee9e, 0xbdb4b1c4);
const C6 = fromWords(0xbda8fae9, 0xbe8838d4);
const S1 = fromWords(0xbfc55555, 0x55555549);
const S2 = fromWords(0x3f811111, 0x1110f8a6);
const S3 = fromWords(0xbf2a01a0, 0x19c161d5);
const S4 = fromWords(0x3ec71de3, 0x57b1fe7d);
const S5 = fromWords(0xbe5ae5e6, 0x8a2b9ceb);
const S6 = fromWords(0x3de5d93a, 0x5acfd57c);

function kernelCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

function kernelSin(x: number, y: number, iy: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const INVPIO2 = fromWords(0x3fe45f30, 0x6dc9c883);
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000);
const PIO2_1T = fromWords(0x3dd0b461, 0x1a626331);
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000);
const PIO2_2T = fromWords(0x3ba3198a, 0x2e037073);
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000);
const PIO2_3T = fromWords(0x397b839a, 0x252049c1);
/** High words of n·π/2, n = 1..32: where x is near one, the reduction takes a second step. */
const NPIO2_HW = Array.from({ length: 32 }, (_, i) => high((i + 1) * fromWords(0x3ff921fb, 0x54442d18)));

/** x − n·π/2 as y0 + y1, and n; fdlibm's medium-size reduction, stdlib's (fdlibm's) for the largest arguments. */
function remPio2(x: number, y: Float64Array): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        y[0] = z - PIO2_1T;
        y[1] = z - y[0]! - PIO2_1T;
      } else {
        z -= PIO2_2;
        y[0] = z - PIO2_2T;
        y[1] = z - y[0]! - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z + PIO2_1T;
      y[1] = z - y[0]! + PIO2_1T;
    } else {
      z += PIO2_2;
      y[0] = z + PIO2_2T;
      y[1] = z - y[0]! + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    let t = Math.abs(x);
    const n = (t * INVPIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T;
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      y[0] = r - w;
    } else {
      const j = ix >> 20;
      y[0] = r - w;
      let i = j - ((high(y[0]!) >> 20) & 0x7ff);
      if (i > 16) {
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - (t - r - w);
        y[0] = r - w;
        i = j - ((high(y[0]!) >> 20) & 0x7ff);
        if (i > 49) {
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - (t - r - w);
          y[0] = r - w;
        }
      }
    }
    y[1] = r - y[0]! - w;
    if (hx < 0) {
      y[0] = -y[0]!;
      y[1] = -y[1]!;
      return -n;
    }
    return n;
  }
  const out = [0, 0];
  const n = stdlibRempio2(x, out);
  y[0] = out[0]!;
  y[1] = out[1]!;
  return n;
}

const reduced = new Float64Array(2);

export function cos(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x, reduced);
  switch (n & 3) {
    case 0:
      return kernelCos(reduced[0]!, reduced[1]!);
    case 1:
      return -kernelSin(reduced[0]!, reduced[1]!, 1);
    case 2:
      return -kernelCos(reduced[0]!, reduced[1]!);
    default:
      return kernelSin(reduced[0]!, reduced[1]!, 1);
  }
}

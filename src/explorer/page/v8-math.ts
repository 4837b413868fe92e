import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibRempio2 from '@stdlib/math-base-special-rempio2';

/**
 * Math.exp, Math.log, Math.pow (and **), Math.tanh and Math.cos as Node's V8 computes them, so
 * that a run in the page writes the command line's metrics.csv byte for byte. A browser may
 * compute them otherwise: Debian's Chromium takes them from the C library, which differs from
 * Node 20 in the last bit of about one pow and one exp in ten, one log in fifteen, one cos in
 * thirty (measured on 20,000 arguments). The page's bundle puts these in their place
 * (src/explorer/server/bundle.ts); test/explorer/v8-math.test.ts checks each against Node's Math.
 *
 * exp, log and expm1 are stdlib's, which are fdlibm's; tanh is fdlibm's formula on expm1; pow is
 * fdlibm's e_pow.c as V8 keeps it; cos, its kernels and its argument reduction follow fdlibm 5.3:
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

// pow ----------------------------------------------------------------------------------------

const BP = [1.0, 1.5];
const DP_H = [0.0, fromWords(0x3fe2b803, 0x40000000)];
const DP_L = [0.0, fromWords(0x3e4cfdeb, 0x43cfd006)];
const TWO53 = fromWords(0x43400000, 0);
const HUGE = 1.0e300;
const TINY = 1.0e-300;
const L1 = fromWords(0x3fe33333, 0x33333303);
const L2 = fromWords(0x3fdb6db6, 0xdb6fabff);
const L3 = fromWords(0x3fd55555, 0x518f264d);
const L4 = fromWords(0x3fd17460, 0xa91d4101);
const L5 = fromWords(0x3fcd864a, 0x93c9db65);
const L6 = fromWords(0x3fca7e28, 0x4a454eef);
const P1 = fromWords(0x3fc55555, 0x5555553e);
const P2 = fromWords(0xbf66c16c, 0x16bebd93);
const P3 = fromWords(0x3f11566a, 0xaf25de2c);
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1);
const P5 = fromWords(0x3e663769, 0x72bea4d0);
const LG2 = fromWords(0x3fe62e42, 0xfefa39ef);
const LG2_H = fromWords(0x3fe62e43, 0x00000000);
const LG2_L = fromWords(0xbe205c61, 0x0ca86c39);
const OVT = 8.0085662595372944372e-17;
const CP = fromWords(0x3feec709, 0xdc3a03fd);
const CP_H = fromWords(0x3feec709, 0xe0000000);
const CP_L = fromWords(0xbe3e2fe0, 0x145b01f5);
const IVLN2 = fromWords(0x3ff71547, 0x652b82fe);
const IVLN2_H = fromWords(0x3ff71547, 0x60000000);
const IVLN2_L = fromWords(0x3e54ae0b, 0xf85ddf44);

function low(x: number): number {
  float[0] = x;
  return words[LOW]!;
}

function withLowZero(x: number): number {
  float[0] = x;
  words[LOW] = 0;
  return float[0]!;
}

/** x·2^n for a normal x, rounded once, as fdlibm's scalbn: a subnormal result is made by one multiplication by 2^-54. */
function scalbn(x: number, n: number): number {
  const hx = high(x);
  const k = ((hx & 0x7ff00000) >> 20) + n;
  if (k > 0x7fe) return x * Infinity;
  if (k > 0) return fromWords((hx & 0x800fffff) | (k << 20), low(x));
  if (k <= -54) return (hx < 0 ? -TINY : TINY) * TINY;
  return fromWords((hx & 0x800fffff) | ((k + 54) << 20), low(x)) * 2 ** -54;
}

/**
 * x ** y as Node 20 computes it: fdlibm's e_pow.c as V8 keeps it (its "legacy" pow), which
 * divides by (t1 − 2) − (w + z·w) where fdlibm subtracts (w + z·w) after dividing by t1 − 2.
 */
export function pow(x: number, y: number): number {
  const hx = high(x);
  const lx = low(x);
  const hy = high(y);
  const ly = low(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if (((j << (52 - k)) >>> 0) === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (((ix - 0x3ff00000) | lx) === 0) return NaN;
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x);
  }
  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = NaN;
      else if (yisint === 1) z = -z;
    }
    return z;
  }
  let n = (hx >> 31) + 1;
  if ((n | yisint) === 0) return NaN;
  let s = 1;
  if ((n | (yisint - 1)) === 0) s = -1;
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    if (iy > 0x43f00000) {
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowZero(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = high(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = fromWords(ix, low(ax));
    const u = ax - BP[k]!;
    const v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = withLowZero(ss);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowZero(3.0 + s2 + r);
    tL = r - (tH - 3.0 - s2);
    const uu = sH * tH;
    const vv = sL * tH + tL * ss;
    const pH = withLowZero(uu + vv);
    const pL = vv - (pH - uu);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    const t = n;
    t1 = withLowZero(zH + zL + DP_H[k]! + t);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }
  const y1 = withLowZero(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = high(z);
  let i = low(z) | 0;
  if (j >= 0x40900000) {
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE;
    if (pL + OVT > z - pH) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * TINY * TINY;
    if (pL <= z - pH) return s * TINY * TINY;
  }
  i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowZero(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tt1) / (tt1 - 2 - (w + z * w));
  z = 1 - (r - z);
  j = high(z);
  j += n << 20;
  if (j >> 20 <= 0) z = scalbn(z, n);
  else z = fromWords(j, low(z));
  return s * z;
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

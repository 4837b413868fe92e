/**
 * What the page's bundle puts in place of Math.exp, Math.log, Math.pow (and **), Math.tanh and Math.cos
 * (esbuild's inject and define, src/explorer/server/bundle.ts): v8-math.ts's, computed as Node
 * computes them.
 */
import { pow } from './v8-math.js';

export { cos as v8MathCos, exp as v8MathExp, log as v8MathLog, pow as v8MathPow, tanh as v8MathTanh } from './v8-math.js';

/** For the ** operator, which esbuild lowers to one Math.pow taken before any module runs (bundle.ts). */
(globalThis as { __explorerPow?: (x: number, y: number) => number }).__explorerPow = pow;

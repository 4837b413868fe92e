/**
 * What the page's bundle puts in place of Math.exp, Math.log, Math.tanh and Math.cos
 * (esbuild's inject and define, src/explorer/server/bundle.ts): v8-math.ts's, computed as Node
 * computes them.
 */
export { cos as v8MathCos, exp as v8MathExp, log as v8MathLog, tanh as v8MathTanh } from './v8-math.js';

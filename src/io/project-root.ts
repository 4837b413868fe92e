import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, where package.json, configs/ and src/ are, whatever the working
 * folder. Named from this file's own place, two folders below the root wherever it runs from:
 * src/io/ under tsx, dist/ when `npm run` runs the compiled commands (scripts/compile-src.mjs keeps
 * every compiled file two folders down).
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

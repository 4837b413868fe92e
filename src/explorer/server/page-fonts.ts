import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../io/project-root.js';

/**
 * The page's font, served from the explorer's own bundle: DejaVu Sans, regular and bold, the
 * family the PNG renderer draws with here (Debian's default sans-serif), so that a chart on the
 * page and its PNG read alike on any machine, and no text waits on a font from the network or
 * on what fonts the viewer's machine happens to have. The files and their licence are in
 * src/explorer/page/fonts/ (LICENSE says how they were cut from Debian's fonts-dejavu-core).
 */

/** The family the page's style and its charts name. */
export const PAGE_FONT_FAMILY = 'DejaVu Sans';

/** In src/, whether this file runs from src/ or compiled from dist/. */
const FONTS_DIR = `${PROJECT_ROOT}src/explorer/page/fonts/`;

const FACES = [
  { file: 'dejavu-sans.woff2', weight: 'normal' },
  { file: 'dejavu-sans-bold.woff2', weight: 'bold' },
] as const;

/** URL path → file served: each face, and the licence that must go with them. */
export function pageFontFiles(): Map<string, { contentType: string; body: Buffer }> {
  const files = new Map<string, { contentType: string; body: Buffer }>();
  for (const face of FACES) files.set(`/fonts/${face.file}`, { contentType: 'font/woff2', body: readFileSync(`${FONTS_DIR}${face.file}`) });
  files.set('/fonts/LICENSE', { contentType: 'text/plain; charset=utf-8', body: readFileSync(`${FONTS_DIR}LICENSE`) });
  return files;
}

/** The @font-face rules of the page's style: the family named after the bundled files, which take the place of any installed font of that name. */
export function fontFaceCss(): string {
  return FACES.map((face) => `@font-face { font-family: '${PAGE_FONT_FAMILY}'; src: url('/fonts/${face.file}') format('woff2'); font-weight: ${face.weight}; font-style: normal; font-display: block; }`).join('\n');
}

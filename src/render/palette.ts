/**
 * One colour and display name per entity, so a vendor or cloud looks the same on every chart.
 * Colours come from the Okabe–Ito and Paul Tol "muted" palettes, which stay distinguishable
 * under the common forms of colour blindness; all ten known entities are mutually distinct so
 * a future chart mixing vendors and clouds still reads.
 */
export interface EntityStyle {
  readonly name: string;
  readonly colour: string;
}

const KNOWN_ENTITIES: ReadonlyMap<string, EntityStyle> = new Map([
  ['openai', { name: 'OpenAI', colour: '#009E73' }],
  ['anthropic', { name: 'Anthropic', colour: '#D55E00' }],
  ['google', { name: 'Google (Gemini)', colour: '#0072B2' }],
  ['xai', { name: 'xAI', colour: '#000000' }],
  ['mistral', { name: 'Mistral', colour: '#E69F00' }],
  ['meta', { name: 'Meta Llama (open weights)', colour: '#CC79A7' }],
  ['azure', { name: 'Azure', colour: '#56B4E9' }],
  ['aws', { name: 'AWS', colour: '#999933' }],
  ['gcp', { name: 'Google Cloud', colour: '#332288' }],
  ['oracle', { name: 'Oracle', colour: '#882255' }],
]);

const FALLBACK_COLOURS = ['#44AA99', '#CC6677', '#AA4499', '#117733', '#DDCC77', '#777777'];

export function entityStyle(id: string): EntityStyle {
  return KNOWN_ENTITIES.get(id) ?? { name: id, colour: FALLBACK_COLOURS[hash(id) % FALLBACK_COLOURS.length]! };
}

/** Known entities in palette order (so legends list them the same way everywhere), then unknown ones as given. */
export function inPaletteOrder(ids: Iterable<string>): string[] {
  const known = [...KNOWN_ENTITIES.keys()];
  const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
  // Array.prototype.sort is stable, so unknown ids keep their given order.
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

/** Colours for series that are not entities (revenue channels, market aggregates), apart from entity colours. */
export const SERIES_COLOURS = ['#4477AA', '#66CCEE', '#EE6677'] as const;

/** Reference lines and bands (benchmarks, thresholds): neutral so they never read as an entity. */
export const REFERENCE_COLOUR = '#555555';
export const REFERENCE_BAND_COLOUR = 'rgba(85, 85, 85, 0.10)';

/** FNV-1a: the same id gets the same fallback colour in every run and on every chart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

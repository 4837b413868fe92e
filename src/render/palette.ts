/**
 * One colour and display name per entity, so a vendor or cloud looks the same on every chart.
 * Colours come from the Okabe–Ito and Paul Tol "muted" palettes, which stay distinguishable
 * under the common forms of colour blindness; all eleven known entities are mutually distinct so
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
  ['deepseek', { name: 'DeepSeek (open weights)', colour: '#44AA99' }],
  ['azure', { name: 'Azure', colour: '#56B4E9' }],
  ['aws', { name: 'AWS', colour: '#999933' }],
  ['gcp', { name: 'Google Cloud', colour: '#332288' }],
  ['oracle', { name: 'Oracle', colour: '#882255' }],
]);

const FALLBACK_COLOURS = ['#CC6677', '#BBBBBB', '#AA4499', '#117733', '#DDCC77', '#777777'];

export function entityStyle(id: string): EntityStyle {
  return KNOWN_ENTITIES.get(id) ?? { name: id, colour: FALLBACK_COLOURS[hash(id) % FALLBACK_COLOURS.length]! };
}

/**
 * Styles for entities drawn side by side on one chart (e.g. the segments of a stacked bar): as entityStyle, but two
 * unknown ids never share a fallback colour as long as there are fallback colours left.
 */
export function distinctStyles(ids: readonly string[]): Map<string, EntityStyle> {
  const styles = new Map<string, EntityStyle>();
  const used = new Set<string>();
  for (const id of ids) {
    const style = entityStyle(id);
    const colour =
      KNOWN_ENTITIES.has(id) || !used.has(style.colour)
        ? style.colour
        : (FALLBACK_COLOURS.find((c) => !used.has(c)) ?? style.colour);
    used.add(colour);
    styles.set(id, { name: style.name, colour });
  }
  return styles;
}

/** The two sides of a "vendor@cloud" entity; an id without "@" is a vendor at an unnamed cloud. */
export interface Pair {
  readonly vendor: string;
  readonly cloud: string;
}

export const UNNAMED_CLOUD = '(unnamed cloud)';

export function splitPair(id: string): Pair {
  const at = id.lastIndexOf('@');
  return at < 0 ? { vendor: id, cloud: UNNAMED_CLOUD } : { vendor: id.slice(0, at), cloud: id.slice(at + 1) };
}

/** "openai@azure" → "OpenAI @ Azure": a vendor's tie to a cloud. */
export function pairName(id: string): string {
  const { vendor, cloud } = splitPair(id);
  return `${entityStyle(vendor).name} @ ${entityStyle(cloud).name}`;
}

/** "anthropic@aws" → "AWS → Anthropic": money flowing from a cloud into a vendor. */
export function investmentName(id: string): string {
  const { vendor, cloud } = splitPair(id);
  return `${entityStyle(cloud).name} → ${entityStyle(vendor).name}`;
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

/**
 * Colours of compared scenarios (and sweep series that are not entities), Paul Tol's "bright"
 * scheme, safe under colour blindness: a scenario keeps its colour on every chart of a comparison.
 */
export const SCENARIO_COLOURS = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'] as const;

/** The i-th scenario's colour; past the seventh, colours repeat (callers dash the repeats). */
export function scenarioColour(index: number): string {
  return SCENARIO_COLOURS[index % SCENARIO_COLOURS.length]!;
}

/** "#009E73" at the given opacity, "rgba(0, 158, 115, 0.2)": for bands drawn under their line. */
export function translucent(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

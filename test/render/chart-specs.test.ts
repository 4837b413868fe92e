import { describe, expect, it } from 'vitest';
import type { ChartConfig, ChartDefinition } from '../../src/render/chart-definition.js';
import { chartDefinitions } from '../../src/render/chart-specs.js';
import { entityStyle } from '../../src/render/palette.js';
import { sampleTable } from './sample-table.js';

/** The loosely typed view of a config the assertions need; chart.js's own types are unions too deep to index. */
interface Scale {
  type?: string;
  position?: string;
  max?: number;
  title?: { display?: boolean; text?: string };
  ticks?: { callback?: (value: number | string, index: number, ticks: { value: number }[]) => unknown };
}
interface Dataset {
  label?: string;
  type?: string;
  data: (number | null)[];
  borderColor?: string;
  borderDash?: number[];
  yAxisID?: string;
}
interface Options {
  scales: Record<string, Scale>;
  plugins: {
    title: { text: string };
    subtitle: { display: boolean; text: string | string[] };
    legend: { display: boolean };
  };
}

function chart(file: string): ChartDefinition {
  const found = chartDefinitions.find((c) => c.file === file);
  if (!found) throw new Error(`no chart ${file}`);
  return found;
}

function build(file: string, months = 36) {
  const config = chart(file).build(sampleTable(months), { scenario: 'baseline' }) as ChartConfig;
  return {
    config,
    options: config.options as unknown as Options,
    datasets: config.data.datasets as unknown as Dataset[],
    labels: config.data.labels as unknown[],
  };
}

/** The label an axis draws for `value`, given the other tick values chart.js generated. */
function tick(scale: Scale | undefined, value: number, index = 0, all: number[] = []): unknown {
  return scale?.ticks?.callback?.(value, index, all.map((v) => ({ value: v })));
}

const TIME_SERIES = [
  'enterprise-share.png',
  'vendor-gross-margin.png',
  'cloud-ai-revenue.png',
  'token-price-hhi.png',
  'vendor-price.png',
  'cloud-asic-share.png',
  'adoption-switching.png',
];

describe('every chart spec', () => {
  it.each(chartDefinitions.map((c) => c.file))('%s has scenario title, subtitle, legend and titled axes', (file) => {
    const { options, datasets } = build(file);

    expect(options.plugins.title.text).toContain('baseline');
    expect(options.plugins.subtitle.display).toBe(true);
    expect(String(options.plugins.subtitle.text)).not.toBe('');
    expect(options.plugins.legend.display).toBe(true);
    expect(datasets.length).toBeGreaterThan(0);
    for (const [id, scale] of Object.entries(options.scales)) {
      expect(scale.title?.display, `axis ${id}`).toBe(true);
      // Value axes carry their unit in parentheses: (%), (USD), (USD, log scale), (0–10,000 points)...
      if (id !== 'x') expect(scale.title?.text, `axis ${id}`).toMatch(/\(.+\)/);
    }
  });

  it.each(TIME_SERIES)('%s labels the x axis with months like "Jan 2024", thinned on long runs', (file) => {
    const { options, labels } = build(file, 36);

    expect(labels[0]).toBe('Jan 2024');
    expect(labels[35]).toBe('Dec 2026');
    const x = options.scales.x;
    expect(tick(x, 0, 0)).toBe('Jan 2024');
    expect(tick(x, 1, 1)).toBe('');
    expect(tick(x, 3, 3)).toBe('Apr 2024');
    expect(tick(x, 12, 12)).toBe('Jan 2025');
  });

  it('labels every month of a short run', () => {
    const x = build('enterprise-share.png', 6).options.scales.x;
    expect([0, 1, 2, 3, 4, 5].map((i) => tick(x, i, i))).toEqual([
      'Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024', 'Jun 2024',
    ]);
  });
});

describe('units and number formats', () => {
  it('shows shares in percent on a 0–100 axis', () => {
    const { options, datasets } = build('enterprise-share.png');
    expect(options.scales.y!.title?.text).toBe('Share of enterprise token volume (%)');
    expect(options.scales.y!.max).toBe(100);
    expect(tick(options.scales.y, 35)).toBe('35%');
    expect(datasets[0]!.data[0]).toBeCloseTo(100 / 6);
  });

  it('formats USD axes as $350M / $1.2B', () => {
    const y = build('cloud-ai-revenue.png').options.scales.y;
    expect(y!.title?.text).toBe('AI revenue per month (USD)');
    expect(tick(y, 350e6)).toBe('$350M');
    expect(tick(y, 1.2e9)).toBe('$1.2B');
  });

  it('puts price on a log axis labelled at 1-2-5 steps, and HHI on a 0–10,000 right axis', () => {
    const { options, datasets } = build('token-price-hhi.png');
    const { price, hhi } = options.scales;
    expect(price!.type).toBe('logarithmic');
    const decades = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8];
    const labelled = decades.map((v) => tick(price, v, 0, decades)).filter((label) => label !== '');
    expect(labelled).toEqual(['$0.5', '$1', '$2', '$5']);
    // Within one decade there are too few 1-2-5 ticks: every tick gets its label.
    expect(tick(price, 3, 0, [2, 3, 4])).toBe('$3');
    expect(hhi!.position).toBe('right');
    expect(hhi!.max).toBe(10_000);
    expect(datasets.find((d) => d.label?.startsWith('HHI of'))?.yAxisID).toBe('hhi');
  });

  it('draws switches as bars on the right axis, adoption as lines in percent', () => {
    const { options, datasets } = build('adoption-switching.png');
    const switches = datasets.find((d) => d.type === 'bar');
    expect(switches?.yAxisID).toBe('switches');
    expect(options.scales.switches!.title?.text).toBe('Switches per month (simulated enterprises)');
    expect(datasets.filter((d) => d.type === 'line').every((d) => d.yAxisID === 'share')).toBe(true);
    expect(datasets[0]!.data[0]).toBeCloseTo(20);
  });
});

describe('colours', () => {
  it('gives a vendor the same colour on every chart', () => {
    const colourOf = (file: string, name: string) => build(file).datasets.find((d) => d.label === name)?.borderColor;
    for (const vendor of ['openai', 'anthropic', 'google']) {
      const { name, colour } = entityStyle(vendor);
      expect(colourOf('enterprise-share.png', name)).toBe(colour);
      expect(colourOf('vendor-gross-margin.png', name)).toBe(colour);
      expect(colourOf('vendor-price.png', name)).toBe(colour);
    }
  });
});

describe('vendor revenue mix', () => {
  it('sums the last 12 months per channel, with direct API = API minus marketplace', () => {
    // 15 months: the window is ticks 3..14 (Apr 2024 – Mar 2025); OpenAI's API revenue is (tick + 1) $M.
    const { datasets, labels, options } = build('vendor-revenue-mix.png', 15);
    const openai = labels.findIndex((l) => Array.isArray(l) && l[0] === 'OpenAI');
    const value = (label: string) => datasets.find((d) => d.label === label)!.data[openai];

    const api = 1e6 * (4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15);
    expect(value('API, direct')).toBeCloseTo(api * 0.75);
    expect(value('API via cloud marketplaces')).toBeCloseTo(api * 0.25);
    expect(value('Subscriptions')).toBeCloseTo(12 * 2e6);
    expect(options.plugins.subtitle.text[0]).toContain('Apr 2024 – Mar 2025 (12 months)');
    // Subscription share in the x label: 24 / (114 + 24) = 17%.
    expect(labels[openai]).toContain('17% from subscriptions');
  });

  it('covers the whole run when it is shorter than 12 months', () => {
    const { options } = build('vendor-revenue-mix.png', 5);
    expect(options.plugins.subtitle.text[0]).toContain('Jan 2024 – May 2024 (5 months)');
  });

  it('leaves out vendors without revenue and says so', () => {
    const { labels, options } = build('vendor-revenue-mix.png', 15);
    expect(labels.flat()).not.toContain('Meta Llama (open weights)');
    expect(options.plugins.subtitle.text[1]).toContain('Meta Llama (open weights)');
  });

  it('sorts vendors by total revenue, largest first', () => {
    const names = build('vendor-revenue-mix.png', 15).labels.map((l) => (l as string[])[0]);
    expect(names).toEqual(['Mistral', 'xAI', 'Google (Gemini)', 'Anthropic', 'OpenAI']);
  });
});

describe('vendor price', () => {
  it('leaves out a vendor whose price is 0 throughout, which a log axis cannot show, and says so', () => {
    const { datasets, options } = build('vendor-price.png', 6);
    expect(datasets.map((d) => d.label)).not.toContain('Meta Llama (open weights)');
    expect(String(options.plugins.subtitle.text)).toContain('price 0 throughout (free per token): Meta Llama');
  });
});

describe('vendor gross margin', () => {
  it('draws the SaaS benchmark as a dashed 70% line with a 70–90% band', () => {
    const { datasets } = build('vendor-gross-margin.png', 6);
    const saas = datasets.find((d) => d.label === 'SaaS gross margin (70–90%)') as Dataset & { fill?: unknown };
    expect(saas.data).toEqual([70, 70, 70, 70, 70, 70]);
    expect(saas.borderDash?.length).toBeGreaterThan(0);
    expect(saas.fill).toEqual({ value: 90 });
  });

  it('names the vendors that never had a margin', () => {
    const { datasets, options } = build('vendor-gross-margin.png', 6);
    expect(datasets.map((d) => d.label)).not.toContain('Meta Llama (open weights)');
    expect(String(options.plugins.subtitle.text)).toContain('no revenue in the run: Meta Llama (open weights)');
  });
});

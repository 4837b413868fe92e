import { describe, expect, it } from 'vitest';
import { summariseRuns } from '../../src/ensemble/ensemble-table.js';
import type { ChartConfig, ChartDefinition } from '../../src/render/chart-definition.js';
import { ensembleOfRuns, singleRun, type ChartData } from '../../src/render/chart-data.js';
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
  backgroundColor?: string;
  stack?: string;
  stepped?: unknown;
  yAxisID?: string;
}
interface Options {
  scales: Record<string, Scale>;
  plugins: {
    title: { text: string };
    subtitle: { display: boolean; text: string | string[] };
    legend: { display: boolean };
  };
  indexAxis?: string;
}

function chart(file: string): ChartDefinition {
  const found = chartDefinitions.find((c) => c.file === file);
  if (!found) throw new Error(`no chart ${file}`);
  return found;
}

function build(file: string, months = 36, data: ChartData = singleRun(sampleTable(months))) {
  const config = chart(file).build(data, { scenario: 'baseline' }) as ChartConfig;
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
  'vendor-arr.png',
  'vendor-gross-margin.png',
  'cloud-ai-revenue.png',
  'token-price.png',
  'market-hhi.png',
  'vendor-price.png',
  'cloud-asic-share.png',
  'adoption.png',
  'model-switches.png',
  'switch-rate.png',
  'investments.png',
  'compute-shortfall.png',
  'primary-cloud-share.png',
  'asic-lock-in.png',
  'nvidia-dependence.png',
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

  it('puts price on a log axis whose labelled ticks span the line, from below its lowest value to above its highest', () => {
    // The sample's average price falls from $8 to 8 × 0.95³⁵ = $1.33 over 36 months, its price at constant quality from $7 to $1.68.
    const { options } = build('token-price.png');
    const price = options.scales.y as Scale & { min?: number; afterBuildTicks?: (s: { ticks: { value: number }[] }) => void };
    expect(price.type).toBe('logarithmic');
    expect([price.min, price.max]).toEqual([1, 8]);
    const scale = { ticks: [] as { value: number }[] };
    price.afterBuildTicks!(scale);
    expect(scale.ticks.map((t) => tick(price, t.value))).toEqual(['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8']);
  });

  it('draws weekly users on a log axis of counts, so that a million-user app shows beside a billion-user one', () => {
    const { options } = build('vendor-app-users.png');
    const users = options.scales.y as Scale & { min?: number };
    expect(users.type).toBe('logarithmic');
    expect(users.title?.text).toBe('Weekly users (people, log scale)');
    // The sample: 10M × (k + 1) × 1.1^tick, from 10M (OpenAI, month 0) to 40M × 1.1³⁵ = 1.12B.
    expect([users.min, users.max]).toEqual([1e7, 2e9]);
    expect(tick(users, 1e9)).toBe('1,000,000,000');
  });

  it('draws the HHI on a 0–10,000 axis with the "highly concentrated" threshold', () => {
    const { options, datasets } = build('market-hhi.png', 6);
    expect(options.scales.y!.max).toBe(10_000);
    expect(options.scales.y!.title?.text).toBe('HHI (0–10,000 points)');
    expect(tick(options.scales.y, 2500)).toBe('2,500');
    const threshold = datasets.find((d) => d.label?.startsWith('HHI 1,800'));
    expect(threshold?.data).toEqual([1800, 1800, 1800, 1800, 1800, 1800]);
    expect(threshold?.borderDash?.length).toBeGreaterThan(0);
  });

  it('draws adoption in percent, and switches per month as a count', () => {
    const adoption = build('adoption.png', 6);
    expect(adoption.datasets.map((d) => d.label)).toEqual(['Adopted: pilot or production', 'In production']);
    expect(adoption.datasets[0]!.data[0]).toBeCloseTo(20);
    expect(adoption.options.scales.y!.max).toBe(100);
    const switches = build('model-switches.png', 6);
    expect(switches.datasets[0]!.data).toEqual([10, 11, 12, 13, 14, 15]);
    expect(switches.options.scales.y!.title?.text).toBe('Switches per month (simulated enterprises)');
  });

  it('draws each closed vendor’s ARR in USD, leaving out the open weights that earn none', () => {
    const { options, datasets } = build('vendor-arr.png', 6);
    expect(options.scales.y!.title?.text).toBe('ARR (USD)');
    expect(datasets.map((d) => d.label)).toEqual(['OpenAI', 'Anthropic', 'Google (Gemini)', 'xAI', 'Mistral']);
    expect(datasets[0]!.data[0]).toBe(12 * 3e6);
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

describe('compute ties', () => {
  // 15 months: the snapshots are Jan 2024 (tick 0), Aug 2024 (tick 7) and Mar 2025 (tick 14).
  const ties = () => build('compute-ties.png', 15);
  const barIndex = (labels: unknown[], label: string) => labels.indexOf(label);

  it('draws one horizontal 100% bar per vendor and snapshot, grouped by vendor, the vendor named on its first bar', () => {
    const { labels, options } = ties();
    expect(options.indexAxis).toBe('y');
    expect(labels).toEqual([
      'OpenAI · Jan 2024', 'Aug 2024', 'Mar 2025', '',
      'Anthropic · Jan 2024', 'Aug 2024', 'Mar 2025', '',
      'Google (Gemini) · Jan 2024', 'Aug 2024', 'Mar 2025', '',
      'Mistral · Jan 2024', 'Aug 2024', 'Mar 2025',
    ]);
    expect(options.scales.x!.title?.text).toBe("Share of the vendor's contracted capacity (%)");
    expect(options.scales.x!.max).toBe(100);
  });

  it('splits each bar by cloud, in cloud colours named in the legend', () => {
    const { datasets, labels } = ties();
    expect(datasets.map((d) => d.label)).toEqual(['Azure', 'AWS', 'Google Cloud', 'Oracle']);
    for (const d of datasets) {
      expect(d.backgroundColor).toBe(entityStyle(d.label === 'Google Cloud' ? 'gcp' : d.label!.toLowerCase()).colour);
      expect(d.stack).toBe('share');
    }
    const share = (cloud: string, row: number) => datasets.find((d) => d.label === cloud)!.data[row];
    // OpenAI in Mar 2025 (tick 14): 100 MTok at Azure, 50 × 12 = 600 MTok at Oracle.
    const openaiEnd = 2;
    expect(share('Azure', openaiEnd)).toBeCloseTo(100 / 7);
    expect(share('Oracle', openaiEnd)).toBeCloseTo(600 / 7);
    const anthropicStart = barIndex(labels, 'Anthropic · Jan 2024');
    expect(share('AWS', anthropicStart)).toBeCloseTo(60);
    expect(share('Google Cloud', anthropicStart)).toBeCloseTo(40);
    // Every bar sums to 100%; the blank rows between vendors stay empty.
    labels.forEach((label, row) => {
      const total = datasets.reduce((sum, d) => sum + (d.data[row] ?? 0), 0);
      expect(total).toBeCloseTo(label === '' ? 0 : 100);
    });
  });

  it('names ties the snapshots miss, as "Vendor @ Cloud"', () => {
    const subtitle = ties().options.plugins.subtitle.text as string[];
    expect(subtitle.at(-1)).toBe('Also held between these months, not shown: xAI @ AWS (Feb 2024 – Mar 2024)');
  });
});

describe('investments', () => {
  it('draws one stepped line per cloud → vendor pair, named with both sides and the total, in the cloud colour', () => {
    const { datasets, options } = build('investments.png', 6);
    expect(datasets.map((d) => d.label)).toEqual([
      'Azure → OpenAI: $13B',
      'AWS → Anthropic: $4B',
      'Google Cloud → Anthropic: $2B',
    ]);
    expect(datasets[1]!.borderColor).toBe(entityStyle('aws').colour);
    expect(datasets[1]!.data).toEqual([1.25e9, 1.25e9, 1.25e9, 4e9, 4e9, 4e9]);
    expect(datasets[1]!.stepped).toBeTruthy();
    // Nothing was invested before the deal closed.
    expect(datasets[2]!.data).toEqual([0, 0, 2e9, 2e9, 2e9, 2e9]);
    expect(options.scales.y!.title?.text).toBe('Invested to date (USD)');
    expect(tick(options.scales.y, 4e9)).toBe('$4B');
  });
});

describe('compute shortfall and dependence', () => {
  it('shows the shortfall in percent, and names the vendors never short', () => {
    const { datasets, options } = build('compute-shortfall.png', 6);
    const y = options.scales.y!;
    expect(y.title?.text).toBe('Demand left unserved (%)');
    expect(tick(y, 35)).toBe('35%');
    expect(datasets.find((d) => d.label === 'OpenAI')!.data).toEqual([0, 0, 10, 10, 10, 10]);
    const subtitle = options.plugins.subtitle.text as string[];
    expect(subtitle.at(-1)).toBe('Never short of compute (0% throughout, dashed): Anthropic, Google (Gemini), xAI, Mistral');
    expect(datasets.find((d) => d.label === 'Anthropic')!.borderDash?.length).toBeGreaterThan(0);
    expect(datasets.find((d) => d.label === 'OpenAI')!.borderDash).toBeUndefined();
  });

  it.each([
    ['primary-cloud-share.png', 'Compute spend with the largest cloud (%)'],
    ['asic-lock-in.png', 'Contracted capacity on cloud ASICs (%)'],
    ['nvidia-dependence.png', 'Capacity in use on Nvidia GPUs (%)'],
  ])('%s plots shares in percent up to 100%%', (file, axis) => {
    const { datasets, options } = build(file, 6);
    expect(options.scales.y!.title?.text).toBe(axis);
    expect(options.scales.y!.max).toBe(100);
    expect(datasets.every((d) => d.data.every((v) => v === null || (v >= 0 && v <= 100)))).toBe(true);
  });

  it('draws vendors on the ASIC chart and clouds on the Nvidia chart', () => {
    expect(build('asic-lock-in.png', 6).datasets.map((d) => d.label)).toEqual([
      'OpenAI', 'Anthropic', 'Google (Gemini)', 'xAI', 'Mistral',
    ]);
    const nvidia = build('nvidia-dependence.png', 6);
    expect(nvidia.datasets.map((d) => d.label)).toEqual(['Azure', 'AWS', 'Google Cloud', 'Oracle']);
    expect(String(nvidia.options.plugins.subtitle.text)).toContain('All on Nvidia GPUs (100% throughout, dashed): Oracle');
  });
});

describe('revenue and concentration wording', () => {
  it('calls the HHI one of token sellers, clouds included for the open weights they host', () => {
    const { datasets, options } = build('market-hhi.png', 6);
    expect(datasets.map((d) => d.label)).toContain('HHI of token sellers (closed vendors; clouds for hosted open weights)');
    expect(String(options.plugins.subtitle.text)).not.toContain('vendor shares');
  });

  it('splits cloud revenue into compute sold to vendors, marketplace share and hosting, not infra revenue', () => {
    const { datasets } = build('cloud-ai-revenue-mix.png', 6);
    expect(datasets.map((d) => d.label)).toEqual([
      'Compute sold to model vendors',
      "Share kept on vendors' marketplace sales",
      'Open-weights tokens hosted and sold to enterprises',
    ]);
    expect(chart('cloud-ai-revenue-mix.png').requires).not.toContain('cloud.infra_revenue_usd');
  });
});

describe('one chart set for a single run and an ensemble', () => {
  /** Two runs of the sample: the second's every value 1.5 times the first's. */
  function twoRuns(months: number): ChartData {
    const first = sampleTable(months);
    const scaledUp: typeof first = {
      dates: first.dates,
      metricNames: () => first.metricNames(),
      series: (metric) => new Map([...first.series(metric)].map(([entity, column]) => [entity, column.map((v) => v * 1.5)])),
    };
    return ensembleOfRuns(summariseRuns([first, scaledUp]), '2 runs (seeds 1, 2)');
  }

  it.each(chartDefinitions.map((c) => c.file))('%s draws an ensemble under the same name, from the runs', (file) => {
    const { options, datasets } = build(file, 15, twoRuns(15));
    expect(options.plugins.title.text).toContain('baseline');
    expect(datasets.length).toBeGreaterThan(0);
    expect(String(options.plugins.subtitle.text)).toContain('2 runs (seeds 1, 2)');
  });

  it('draws a line as the runs’ mean over their 5th–95th percentile band, and names the band in the subtitle', () => {
    const { datasets, options } = build('enterprise-share.png', 6, twoRuns(6));
    const openai = datasets.filter((d) => d.label === 'OpenAI');
    expect(openai).toHaveLength(1);
    expect(openai[0]!.data[0]).toBeCloseTo(100 * (1.25 / 6));
    const edges = datasets.filter((d) => d.label === '\u0000band');
    expect(edges.length).toBe(2 * 6);
    expect(options.plugins.subtitle.text).toContain('Lines: mean of 2 runs (seeds 1, 2); shaded: 5th to 95th percentile of the runs');
    // A single run draws no band.
    expect(build('enterprise-share.png', 6).datasets.some((d) => d.label === '\u0000band')).toBe(false);
  });

  it('draws bars of sums from the runs’ mean', () => {
    const single = build('vendor-revenue-mix.png', 15);
    const ensemble = build('vendor-revenue-mix.png', 15, twoRuns(15));
    const direct = (b: typeof single) => b.datasets.find((d) => d.label === 'API, direct')!.data;
    direct(ensemble).forEach((v, i) => expect(v).toBeCloseTo(1.25 * direct(single)[i]!));
    expect(ensemble.options.plugins.subtitle.text).toContain('Mean of 2 runs (seeds 1, 2), a run without a value counting as 0');
  });
});

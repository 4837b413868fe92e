import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import type { ChartToRender } from '../../render/chart-to-render.js';
import { el } from './dom.js';

/**
 * The charts, drawn live with chart.js from the configurations the PNG renderer draws
 * (render/build-charts.ts): same definitions, same font and colours. A chart already on the page
 * is updated in place; one the run no longer draws is removed. Each chart's PNG button draws it
 * again off screen at the renderer's 1200 × 700, on white, and downloads it under its file name.
 */

Chart.register(...registerables, annotationPlugin);
/** The family of the page's bundled font (src/explorer/server/page-fonts.ts serves it). */
const CHART_FONT = 'DejaVu Sans';
Chart.defaults.font.family = `'${CHART_FONT}', sans-serif`;
Chart.defaults.color = '#222222';

const WHITE_BACKGROUND = {
  id: 'explorerWhiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * Resolves once both faces of the bundled font are loaded. A canvas draws its text once, in
 * whatever font is ready then, and is not drawn again when the font arrives: the first charts
 * wait for this, or they would keep a fallback font until the next run.
 */
export async function chartFontReady(): Promise<void> {
  await Promise.all([document.fonts.load(`13px '${CHART_FONT}'`), document.fonts.load(`bold 13px '${CHART_FONT}'`)]);
}

export class ChartsView {
  private readonly charts = new Map<string, { chart: Chart; figure: HTMLElement; config: ChartConfiguration }>();

  constructor(private readonly container: HTMLElement) {}

  draw(charts: readonly ChartToRender[]): void {
    const keep = new Set(charts.map((c) => c.file));
    for (const [file, entry] of this.charts) {
      if (keep.has(file)) continue;
      entry.chart.destroy();
      entry.figure.remove();
      this.charts.delete(file);
    }
    charts.forEach((chart, index) => {
      const config = live(chart.config);
      const existing = this.charts.get(chart.file);
      if (existing !== undefined && (existing.config as { type?: string }).type === (chart.config as { type?: string }).type) {
        existing.chart.data = config.data;
        existing.chart.options = config.options ?? {};
        existing.config = chart.config;
        existing.chart.update('none');
        existing.figure.dataset.series = String(config.data.datasets.length);
        existing.figure.dataset.legend = legendOf(existing.chart);
        this.place(existing.figure, index);
        return;
      }
      existing?.chart.destroy();
      existing?.figure.remove();
      const canvas = el('canvas', { role: 'img', 'aria-label': `${chart.title}: ${chart.description}` });
      const button = el('button', { type: 'button', text: 'PNG', 'aria-label': `download ${chart.file}` });
      const figure = el('figure', { 'data-chart': chart.file, 'data-series': String(config.data.datasets.length) }, canvas, button);
      this.place(figure, index);
      const entry = { chart: new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), WHITE_BACKGROUND] }), figure, config: chart.config };
      figure.dataset.legend = legendOf(entry.chart);
      button.addEventListener('click', () => downloadPng(chart.file, entry.config));
      this.charts.set(chart.file, entry);
    });
  }

  private place(figure: HTMLElement, index: number): void {
    const at = this.container.children[index];
    if (at !== figure) this.container.insertBefore(figure, at ?? null);
  }

  /** The data of one chart as drawn, for tests and the status line. */
  datasets(file: string): unknown[] | undefined {
    return this.charts.get(file)?.chart.data.datasets.map((d) => d.data);
  }
}

/** The entries the chart's legend shows, as JSON: a canvas's text cannot be read back, so tests read this. */
function legendOf(chart: Chart): string {
  return JSON.stringify((chart.legend?.legendItems ?? []).map((item) => item.text));
}

function live(config: ChartConfiguration): ChartConfiguration {
  return { ...config, options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: true, aspectRatio: 12 / 7 } } as ChartConfiguration;
}

/** The chart as the PNG renderer draws it: 1200 × 700, no animation, white background. */
export function pngOf(config: ChartConfiguration): string {
  const canvas = document.createElement('canvas');
  canvas.width = 1200;
  canvas.height = 700;
  const chart = new Chart(canvas, {
    ...config,
    options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 },
    plugins: [...(config.plugins ?? []), WHITE_BACKGROUND],
  } as ChartConfiguration);
  const url = chart.toBase64Image('image/png');
  chart.destroy();
  return url;
}

export function download(name: string, href: string): void {
  const link = el('a', { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function downloadPng(file: string, config: ChartConfiguration): void {
  download(file, pngOf(config));
}

/**
 * Issue 13's "a slider release on the baseline redraws every chart within one second", measured:
 * `node --import tsx bench/explorer-redraw.ts [releases]` (5 by default) starts the explorer on
 * configs/baseline.json (61 months, 20,000 enterprises), opens its page in Debian's Chromium
 * (/usr/bin/chromium, driven by playwright-core, as the explorer's end-to-end test does), waits
 * for the first run, then releases the brand-premium slider at `releases` different values, one
 * after another, and times each from the release to the page being idle again with every chart
 * drawn from the new run. Prints JSON: each release's time, and its parts as the page timed them:
 * the server's check of the settings, the run (from asking the worker to having its metric tables
 * back) and drawing the charts; and how soon the charts began to draw the run while it was still
 * going (the page draws a single run as it goes, every few months: src/explorer/page/main.ts).
 *
 * Without Chromium it prints `{ "measured": false, "note": ... }` and exits 0: a benchmark reports
 * what it could not measure, it does not fail.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { positiveIntArg } from './scenario.js';

export const CHROMIUM = '/usr/bin/chromium';
const CONFIGS = fileURLToPath(new URL('../configs/', import.meta.url));
/** The lever released: a number every chart depends on (enterprises' choice between brands). */
const LEVER = 'Brand premium';

export interface ExplorerRedrawFigures {
  readonly measured: true;
  readonly config: string;
  readonly lever: string;
  /** Each release: to every chart redrawn, ms. */
  readonly redrawMs: readonly number[];
  /** Each release: the server's check of the settings, ms (the page's dataset.checkMs). */
  readonly checkMs: readonly number[];
  /** Each release: the run's part of it, from asking the worker to having its tables back, ms (dataset.runMs). */
  readonly runMs: readonly number[];
  /** Each release: drawing every chart from the new run, ms (dataset.drawMs). */
  readonly drawMs: readonly number[];
  /**
   * Each release: to the first drawing of the new run while it was still going (its first months,
   * dataset.firstLiveDrawMs), ms; null when the run ended before one was drawn.
   */
  readonly firstLiveDrawMs: readonly (number | null)[];
  /** Each release: how many times the charts were drawn from the run under way (dataset.liveDraws). */
  readonly liveDraws: readonly number[];
  readonly bestRedrawMs: number;
  readonly medianRedrawMs: number;
}

export type ExplorerRedraw = ExplorerRedrawFigures | { readonly measured: false; readonly note: string };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function measureExplorerRedraw(releases: number): Promise<ExplorerRedraw> {
  if (!existsSync(CHROMIUM)) return { measured: false, note: `not measured: ${CHROMIUM} is absent (apt-get install chromium)` };
  const { chromium } = await import('playwright-core');
  const { startExplorer } = await import('../src/explorer/server/explorer-server.js');
  const explorer = await startExplorer({ config: 'baseline.json', host: '127.0.0.1', configsDir: CONFIGS, defaultPort: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const runs = async () => Number(await page.evaluate(() => document.body.dataset.runs ?? '0'));
    const idleAfter = (count: number) =>
      page.waitForFunction((n) => Number(document.body.dataset.runs ?? '0') > n && document.body.dataset.busy === 'false', count, { timeout: 300_000, polling: 10 });
    await page.goto(explorer.url);
    await idleAfter(0);
    const slider = page.getByLabel(LEVER, { exact: true });
    const loaded = Number(await slider.inputValue());
    const redrawMs: number[] = [];
    const checkMs: number[] = [];
    const runMs: number[] = [];
    const drawMs: number[] = [];
    const firstLiveDrawMs: (number | null)[] = [];
    const liveDraws: number[] = [];
    for (let k = 0; k < releases; k++) {
      const before = await runs();
      // A different value each time, alternating either side of the loaded one, so no run repeats.
      const value = loaded * (1 + (k % 2 === 0 ? 1 : -1) * 0.05 * (1 + (k >> 1)));
      const started = Date.now();
      await slider.evaluate((element, v) => {
        const input = element as HTMLInputElement;
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
      await idleAfter(before);
      redrawMs.push(Date.now() - started);
      const parts = await page.evaluate(() => ({ ...document.body.dataset }));
      checkMs.push(Number(parts.checkMs));
      runMs.push(Number(parts.runMs));
      drawMs.push(Number(parts.drawMs));
      firstLiveDrawMs.push(parts.firstLiveDrawMs === undefined ? null : Number(parts.firstLiveDrawMs));
      liveDraws.push(Number(parts.liveDraws ?? '0'));
    }
    return { measured: true, config: 'configs/baseline.json', lever: LEVER, redrawMs, checkMs, runMs, drawMs, firstLiveDrawMs, liveDraws, bestRedrawMs: Math.min(...redrawMs), medianRedrawMs: median(redrawMs) };
  } finally {
    await browser.close();
    await explorer.close();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const releases = positiveIntArg(process.argv[2] ?? '5', 'releases');
  process.stdout.write(`${JSON.stringify(await measureExplorerRedraw(releases))}\n`);
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate run in the browser, on its DOM.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type RunningExplorer } from '../../src/explorer/server/explorer-server.js';
import { runCli } from '../support/run-cli.js';

/**
 * The explorer in a real browser: Debian's Chromium (/usr/bin/chromium, package chromium, which
 * .ci/run installs) driven by playwright-core, one launch for every case. Without Chromium the
 * cases are skipped, saying why, except under CI, where they must run. EXPLORER_SCREENSHOT=1
 * writes the README's screenshot, docs/explorer.png.
 */

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!available) console.warn(`SKIPPED the explorer's browser tests: ${CHROMIUM} is absent (apt-get install chromium; under CI they run and fail without it)`);

let explorer: RunningExplorer;
let browser: Browser;
let page: Page;
let folder: string;
let downloads: string;
const problems: string[] = [];
/** Every request a page made to anywhere but the explorer's server. */
const elsewhere: string[] = [];
const SHARE = 'figure[data-chart="enterprise-share.png"]';

/** The baseline over 12 months, and another seed of it, so that each run takes a second or so. */
const E2E_BASE = { extends: 'baseline.json', name: 'e2e-base', months: 12 };
const E2E_OTHER = { extends: 'baseline.json', name: 'e2e-other', months: 12, seed: 2 };

/** metrics.csv as rows of (tick, date, metric, entity) and value, to say where two files part. */
function rowsOf(csv: string): { keys: string[]; values: number[] } {
  const lines = csv.trimEnd().split('\n').slice(1);
  return { keys: lines.map((line) => line.slice(0, line.lastIndexOf(','))), values: lines.map((line) => Number(line.slice(line.lastIndexOf(',') + 1))) };
}

async function runs(p: Page): Promise<number> {
  return Number(await p.evaluate(() => document.body.dataset.runs ?? '0'));
}

/** Waits for the page to finish a run after `count` runs, and returns how long it took from `since`. */
async function ranPast(p: Page, count: number, since = Date.now()): Promise<number> {
  await p.waitForFunction((n) => Number(document.body.dataset.runs ?? '0') > n && document.body.dataset.busy === 'false', count, { timeout: 60_000 });
  return Date.now() - since;
}

function watch(p: Page): void {
  p.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  p.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${new URL(explorer.url).origin}/`) && !/^(data|blob|about):/.test(url)) elsewhere.push(url);
  });
}

async function lever(p: Page, label: string) {
  const slider = p.getByLabel(label, { exact: true });
  const row = p.locator('.lever').filter({ has: slider });
  return { slider, field: row.locator('input[type=number]') };
}

/** A digest of what a chart's canvas shows, so that two drawings compare (and fail) in one line. */
async function picture(p: Page, selector: string): Promise<string> {
  const url = await p.locator(`${selector} canvas`).evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
  return createHash('sha256').update(url).digest('hex');
}

describe.skipIf(!available)('explorer page (Chromium)', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'explorer-e2e-'));
    downloads = mkdtempSync(join(tmpdir(), 'explorer-downloads-'));
    for (const file of readdirSync('configs')) if (file.endsWith('.json')) copyFileSync(join('configs', file), join(folder, file));
    writeFileSync(join(folder, 'e2e-base.json'), JSON.stringify(E2E_BASE));
    writeFileSync(join(folder, 'e2e-other.json'), JSON.stringify(E2E_OTHER));
    explorer = await startExplorer({ config: 'e2e-base.json', host: '127.0.0.1', configsDir: folder, defaultPort: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  it('opens the printed URL and draws every chart of the config from a run in the page', async () => {
    await page.goto(explorer.url);
    await ranPast(page, 0);
    expect(await page.locator('figure[data-chart]').count()).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#status').textContent()).toMatch(/^Ran e2e-base\.json in .*, 12 months$/);
    // A single run posts its months so far every 6 months for the charts to draw as it goes: month 6 (month 12 is the run done).
    expect(await page.evaluate(() => document.body.dataset.partials)).toBe('1');
  }, 60_000);

  it("draws with the bundled font, loaded from the server itself, and asks nothing of any other", async () => {
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((face) => ({ family: face.family.replace(/["']/g, ''), weight: face.weight, status: face.status }));
    });
    expect(faces).toEqual([
      { family: 'DejaVu Sans', weight: 'normal', status: 'loaded' },
      { family: 'DejaVu Sans', weight: 'bold', status: 'loaded' },
    ]);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('/fonts/')));
    expect(fetched.sort()).toEqual([`${new URL(explorer.url).origin}/fonts/dejavu-sans-bold.woff2`, `${new URL(explorer.url).origin}/fonts/dejavu-sans.woff2`]);
    // The charts' titles and labels are set in it: canvases draw in the family the page loaded.
    expect(await page.evaluate(() => document.fonts.check("bold 18px 'DejaVu Sans'") && document.fonts.check("13px 'DejaVu Sans'"))).toBe(true);
    expect(elsewhere).toEqual([]);
  }, 30_000);

  it('opens another config from the list, and redraws the charts when a slider is released', async () => {
    let count = await runs(page);
    await page.locator('#config-select').selectOption('e2e-other.json');
    await ranPast(page, count);
    expect(await page.locator('#status').textContent()).toMatch(/^Ran e2e-other\.json in .*, 12 months$/);
    const before = await picture(page, SHARE);
    const parity = await lever(page, 'Open-weights parity (value of an open model against a closed one)');
    await parity.slider.focus();
    count = await runs(page);
    const released = Date.now();
    await page.keyboard.press('End');
    const redraw = await ranPast(page, count, released);
    console.log(`slider release to redrawn charts (12 months of the baseline): ${redraw} ms`);
    expect(await picture(page, SHARE)).not.toBe(before);
  }, 60_000);

  it('draws a pinned reference beside the current run on every chart, or the difference', async () => {
    const series = () => page.locator(SHARE).getAttribute('data-series').then(Number);
    await page.getByRole('button', { name: 'Pin as reference' }).click();
    const alone = await series();
    const brand = await lever(page, 'Brand premium');
    const count = await runs(page);
    await brand.slider.focus();
    await page.keyboard.press('Home');
    await ranPast(page, count);
    expect(await series()).toBeGreaterThan(alone);
    // The README's picture: a changed run, the pinned one dashed beside it.
    if (process.env.EXPLORER_SCREENSHOT === '1') {
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: 'docs/explorer.png' });
    }
    await page.locator('#toolbar').getByLabel('References').selectOption('difference');
    expect(await series()).toBeLessThanOrEqual(alone);
    await page.locator('#toolbar').getByLabel('References').selectOption('beside');
  }, 60_000);

  it('pins several references at once, lists them, draws each on every chart with a legend entry naming it, and unpins each', async () => {
    const listed = () => page.locator('#references li[data-reference]').evaluateAll((items) => items.map((item) => item.getAttribute('data-reference')!));
    const legends = () => page.locator('figure[data-chart]').evaluateAll((figures) => figures.map((f) => ({ chart: f.getAttribute('data-chart')!, legend: JSON.parse(f.getAttribute('data-legend') ?? '[]') as string[] })));
    const brand = await lever(page, 'Brand premium');
    // The config as loaded, and the run pinned above.
    const [loaded, first] = await listed();
    expect(loaded).toBe('e2e-other as loaded');
    expect(first).toMatch(/^pinned: openWeightsValueFactor = /);
    await page.getByRole('button', { name: 'Pin as reference' }).click();
    const all = await listed();
    expect(all.slice(0, 2)).toEqual([loaded, first]);
    expect(all[2]).toMatch(/^pinned: (?=.*brandPremium = 0)(?=.*openWeightsValueFactor = )/);
    // Each is drawn in a pattern of its own, the list showing it.
    const patterns = await page.locator('#references li[data-reference] line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')));
    expect(new Set(patterns).size).toBe(3);
    let count = await runs(page);
    await brand.slider.focus();
    await page.keyboard.press('End');
    await ranPast(page, count);
    const drawn = await legends();
    // Every chart that has a legend names each reference in it.
    const withLegend = drawn.filter((f) => f.legend.length > 0);
    expect(withLegend.length).toBeGreaterThanOrEqual(15);
    // (A chart the levers do not reach draws a reference's lines under this run's, and its entry says so.)
    for (const figure of withLegend) for (const name of all) expect(figure.legend.filter((text) => text === name || text === `${name} (as this run here)`), figure.chart).toHaveLength(1);
    // Unpin the middle one, then the others: each leaves every chart.
    count = await runs(page);
    await page.getByRole('button', { name: `unpin ${first}` }).click();
    expect(await listed()).toEqual([loaded, all[2]]);
    for (const figure of await legends()) expect(figure.legend.filter((text) => text.startsWith(first!)), figure.chart).toEqual([]);
    await page.getByRole('button', { name: `unpin ${loaded}` }).click();
    await page.getByRole('button', { name: `unpin ${all[2]}` }).click();
    expect(await listed()).toEqual([]);
    expect(await page.locator('#references').textContent()).toContain('No reference pinned');
    expect(decodeURIComponent(page.url())).toContain('references=[]');
    for (const figure of await legends()) expect(figure.legend.filter((text) => text.startsWith('pinned: ') || text.startsWith(loaded!)), figure.chart).toEqual([]);
    // One pinned again, for the link reopened below.
    await page.getByRole('button', { name: 'Pin as reference' }).click();
    expect(await listed()).toHaveLength(1);
    count = await runs(page);
    await brand.slider.focus();
    await page.keyboard.press('Home');
    await ranPast(page, count);
  }, 90_000);

  it('shows an invalid setting in the words of npm run validate, and runs again once it is fixed', async () => {
    const months = await lever(page, 'Months simulated');
    await months.field.fill('0');
    await months.field.press('Enter');
    await page.waitForFunction(() => document.body.dataset.invalid === 'true');
    expect(await page.locator('#problems').textContent()).toMatch(/e2e-other-explored\.json is not a valid scenario \(1 problem\):\n {2}months: at least 1; found 0/);
    const count = await runs(page);
    await months.field.fill('12');
    await months.field.press('Enter');
    await ranPast(page, count);
    expect(await page.locator('#problems').isHidden()).toBe(true);
  }, 60_000);

  it('saves a config that extends the loaded one, and npm run simulate of it writes the metrics the page exports', async () => {
    await page.getByLabel('Save as').fill('e2e-explored');
    await page.getByLabel('Save as').press('Enter');
    await page.getByRole('button', { name: 'Save into configs/' }).click();
    await page.waitForFunction(() => document.body.dataset.saved !== undefined);
    const saved = JSON.parse(readFileSync(join(folder, 'e2e-explored.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ extends: 'e2e-other.json', name: 'e2e-explored' });
    expect(Object.keys(saved).sort()).toEqual(['$schema', 'description', 'enterprises', 'extends', 'name']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export metrics.csv' }).click()]);
    const exported = join(downloads, 'metrics.csv');
    await download.saveAs(exported);
    const out = join(downloads, 'cli');
    const cli = runCli('simulate.ts', [join(folder, 'e2e-explored.json'), '--out', out, '--no-charts', '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    const fromPage = readFileSync(exported);
    const command = readFileSync(join(out, 'metrics.csv'));
    const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    if (digest(fromPage) !== digest(command)) {
      // Say where they part, rather than print 400 kB twice.
      const a = rowsOf(fromPage.toString('utf8'));
      const b = rowsOf(command.toString('utf8'));
      const first = b.keys.findIndex((key, i) => key !== a.keys[i] || !Object.is(b.values[i], a.values[i]));
      expect({ row: first, page: `${a.keys[first]},${a.values[first]}` }).toEqual({ row: first, page: `${b.keys[first]},${b.values[first]}` });
    }
    expect(digest(fromPage)).toBe(digest(command));
  }, 90_000);

  it('reopens the same settings, run and reference from its URL', async () => {
    const url = page.url();
    expect(url).toContain('#');
    const shown = await picture(page, SHARE);
    const again = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    watch(again);
    await again.goto(url);
    await ranPast(again, 0);
    expect(await (await lever(again, 'Months simulated')).field.inputValue()).toBe('12');
    expect(await again.getByLabel('Save as').inputValue()).toBe('e2e-explored');
    expect(await again.locator(SHARE).getAttribute('data-series')).toBe(await page.locator(SHARE).getAttribute('data-series'));
    expect(await picture(again, SHARE)).toBe(shown);
    // A link with changes and no reference draws the config as loaded as the reference.
    const link = new URL(url);
    const hash = new URLSearchParams(link.hash.slice(1));
    hash.delete('references');
    link.hash = hash.toString();
    await again.goto('about:blank');
    await again.goto(link.toString());
    await ranPast(again, 0);
    expect(Number(await again.locator(SHARE).getAttribute('data-series'))).toBeGreaterThan(7);
    expect(decodeURIComponent(again.url())).toContain('references=[{}]');
    await again.close();
  }, 90_000);

  it("edits the events (add, change the month, remove) and a policy's type, whose params follow it", async () => {
    await page.locator('#events summary').click();
    const rows = page.locator('#events tbody tr');
    const before = await rows.count();
    let count = await runs(page);
    await page.getByRole('button', { name: 'Add event' }).click();
    await ranPast(page, count);
    expect(await rows.count()).toBe(before + 1);
    const month = page.getByLabel(`event ${before + 1}: month (YYYY-MM)`);
    count = await runs(page);
    await month.fill('2024-06');
    await month.press('Enter');
    await month.blur();
    await ranPast(page, count);
    expect(decodeURIComponent(page.url())).toMatch(/"id":"explorer-event-1","date":"2024-06"/);
    count = await runs(page);
    await page.getByRole('button', { name: `remove event ${before + 1} (explorer-event-1)` }).click();
    await ranPast(page, count);
    expect(await rows.count()).toBe(before);
    expect(decodeURIComponent(page.url())).not.toContain('explorer-event-1');

    await page.locator('#policies summary').click();
    const pricing = page.locator('#policies select').first();
    const policy = page.locator('#policies fieldset').first();
    count = await runs(page);
    await pricing.selectOption('fixed-price');
    await ranPast(page, count);
    expect(await policy.locator('.lever').count()).toBe(0);
    count = await runs(page);
    await page.locator('#policies select').first().selectOption('cost-plus-competitive');
    await ranPast(page, count);
    // The type's own params, at its defaults: markup 2 (price 3 × cost).
    expect(await page.locator('#policies fieldset').first().getByRole('spinbutton', { name: 'markup: value', exact: true }).inputValue()).toBe('2');
  }, 60_000);

  it('offers every scalar of the config in All parameters, each as its kind asks, with help, and answers a bad value as npm run validate does', async () => {
    await page.locator('#all-parameters summary').click();
    const search = page.getByLabel(/^Search \d+ parameters$/);
    const help = (control: ReturnType<Page['locator']>) => control.evaluate((c) => document.getElementById(c.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    // A flag the file leaves at its default, as a checkbox: unticking it is a change, and a run.
    await search.fill('openai acceptExclusive');
    const flag = page.getByRole('checkbox', { name: 'vendors[0].policies.funding.params.acceptExclusive', exact: true });
    expect(await flag.isChecked()).toBe(true);
    expect(await help(flag)).toContain('whether the vendor takes money that makes the investor its exclusive cloud');
    let count = await runs(page);
    await flag.uncheck();
    await ranPast(page, count);
    expect(decodeURIComponent(page.url())).toContain('"acceptExclusive":false');
    // An enum as a select of its members, a policy's type as a select of its role's types.
    await search.fill('dealsAtStart[0].status');
    const tie = page.getByRole('combobox', { name: 'dealsAtStart[0].status', exact: true });
    expect(await tie.locator('option').allTextContents()).toEqual(['exclusive', 'right-of-first-refusal', 'primary', 'none']);
    expect(await help(tie)).toContain('tie the investing cloud holds');
    await search.fill('clouds[0].policies.offer.type');
    const offer = page.getByRole('combobox', { name: 'clouds[0].policies.offer.type', exact: true });
    expect(await offer.locator('option').allTextContents()).toContain('cost-plus-offer');
    // A string as text; a bad one is not run, and the box and the field say what validate says of the saved file.
    await search.fill('deepseek entersAt');
    const enters = page.getByRole('textbox', { name: 'vendors[6].entersAt', exact: true });
    expect(await enters.inputValue()).toBe('2025-01');
    expect(await help(enters)).toContain('month the vendor comes to market');
    await enters.fill('2025-13');
    await enters.press('Enter');
    await page.waitForFunction(() => document.body.dataset.invalid === 'true');
    const report = (await page.locator('#problems').textContent()) ?? '';
    const state = new URLSearchParams(new URL(page.url()).hash.slice(1));
    const draft = join(folder, `${state.get('name')}.json`);
    writeFileSync(draft, JSON.stringify({ $schema: './schema.json', extends: state.get('config'), name: state.get('name'), description: 'as the page holds it', ...JSON.parse(state.get('changes')!) }));
    const cli = runCli('validate.ts', [draft]);
    rmSync(draft);
    expect(cli.status).toBe(2);
    expect(report).toBe(cli.stderr);
    // The file holds only the vendors that changed, so validate names DeepSeek by its place there; the page marks its field.
    const problem = /\n {2}vendors\[\d+\]\.entersAt: (.*)/.exec(report);
    expect(problem?.[1]).toBe('a month as YYYY-MM, e.g. 2024-01; found "2025-13"');
    const row = page.locator('.param-row[data-path="vendors[6].entersAt"]');
    expect(await row.getAttribute('class')).toContain('invalid');
    expect(await row.locator('.problem').textContent()).toBe(problem![1]);
    count = await runs(page);
    await enters.fill('2025-01');
    await enters.press('Enter');
    await ranPast(page, count);
    expect(await row.getAttribute('class')).not.toContain('invalid');
    await search.fill('');
    await page.locator('#all-parameters summary').click();
  }, 90_000);

  it('exports each chart as the PNG renderer draws it, 1200 × 700', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${SHARE} button`).click()]);
    expect(download.suggestedFilename()).toBe('enterprise-share.png');
    const file = join(downloads, 'chart.png');
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 700]);
  }, 30_000);

  it('runs an ensemble of seeds and draws its band, with progress, and exports its statistics', async () => {
    const count = await runs(page);
    const alone = Number(await page.locator(SHARE).getAttribute('data-series'));
    const started = Date.now();
    await page.getByLabel('Seeds').selectOption('4');
    await page.waitForFunction(() => /run \d of 4/.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 30_000 });
    const took = await ranPast(page, count, started);
    console.log(`ensemble of 4 seeds (12 months): ${took} ms`);
    expect(await page.locator('#status').textContent()).toContain('4 runs (seeds');
    // Each line gains its 5th–95th percentile band.
    expect(Number(await page.locator(SHARE).getAttribute('data-series'))).toBeGreaterThan(alone);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export metrics.csv' }).click()]);
    const file = join(downloads, 'ensemble.csv');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('tick,date,metric,entity,mean,p5,p50,p95,runs');
    const back = await runs(page);
    await page.getByLabel('Seeds').selectOption('1');
    await ranPast(page, back);
  }, 60_000);

  it('labels every control and reaches each one from the keyboard', async () => {
    await page.locator('#all-parameters summary').click();
    await page.locator('#events summary').click();
    await page.locator('#policies summary').click();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
        .filter((control) => {
          const labelled = (control as HTMLInputElement).labels?.length || control.getAttribute('aria-label') || (control.tagName === 'BUTTON' && control.textContent?.trim());
          return !labelled;
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    const unreachable = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, summary')].filter((c) => c.tabIndex < 0 || (c as HTMLInputElement).disabled).length);
    expect(unreachable).toBe(0);
    // From the first control, Tab walks the toolbar's controls one after another, then the pinned references' Unpin buttons, then the panels.
    await page.locator('#config-select').focus();
    const reached: number[] = [];
    for (let i = 0; i < 15; i++) {
      reached.push(await page.evaluate(() => [...document.querySelectorAll('#toolbar *')].indexOf(document.activeElement!)));
      await page.keyboard.press('Tab');
    }
    expect(reached.every((index) => index >= 0)).toBe(true);
    expect(new Set(reached).size).toBe(15);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.getElementById('references')!.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('panels')!.contains(document.activeElement))).toBe(true);
  }, 60_000);

  it('logged no error in the console, and asked nothing of any server but its own', () => {
    if (problems.length > 0) console.log(problems);
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});

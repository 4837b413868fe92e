import { mergeScenario } from '../../config/compose.js';
import { scenarioJsonSchema } from '../../config/json-schema.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { scenarioChanges } from '../../config/scenario-changes.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { summariseRuns, type EnsembleTable } from '../../ensemble/ensemble-table.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { buildCharts } from '../../render/build-charts.js';
import { ensembleOfRuns, singleRun, type ChartData } from '../../render/chart-data.js';
import { formatMonth } from '../../render/format.js';
import { historyOf } from '../../render/history-marks.js';
import { ensembleMetricsCsv, metricsCsv } from '../../report/metrics-csv.js';
import { describeRunsSpread } from '../../report/uncertain-runs.js';
import { api, type Opened } from './api.js';
import { chartFontReady, ChartsView, download } from './charts-view.js';
import { renderAllParameters } from './all-parameters.js';
import { renderLevers, renderPolicies, type ControlContext } from './controls.js';
import { el, labelled } from './dom.js';
import { scenarioPathOf } from './change-paths.js';
import { renderEvents } from './events-table.js';
import { setAt, type Path } from './json-path.js';
import { firstMonths } from './packed-table.js';
import { markProblems } from './problem-marks.js';
import { referenceName, renderReferenceList } from './reference-list.js';
import { withReferences, type PinnedChart, type ReferenceMode } from './reference-overlay.js';
import { RunClient } from './run-client.js';
import { readState, writeState } from './url-state.js';

/**
 * The explorer page: a scenario opened from configs/, edited through the panels, checked by the
 * server in the command line's words, run in a Web Worker by the simulation core, and drawn with
 * the PNG renderer's chart definitions, beside the reference runs pinned.
 */

interface Run {
  readonly scenario: Scenario;
  /** The run of the scenario's seed: the first of an ensemble. */
  readonly table: MetricTable;
  /** Every run, one per seed: one, or an ensemble as simulate --runs N makes it. */
  readonly tables: readonly MetricTable[];
  readonly seeds: readonly number[];
  readonly label: string;
}

const ensembles = new WeakMap<Run, EnsembleTable>();

/** What a run's charts draw over its first `months` months: its values, or an ensemble's means with their 5th–95th percentile band. */
function chartDataOf(run: Run, months: number): ChartData {
  if (run.tables.length === 1) return singleRun(firstMonths(run.table, months));
  let ensemble = ensembles.get(run);
  if (ensemble === undefined) {
    ensemble = summariseRuns(run.tables);
    ensembles.set(run, ensemble);
  }
  const data = ensembleOfRuns(ensemble, `${run.tables.length} runs (${describeRunsSpread(run.seeds, undefined)})`);
  return { ...data, dates: data.dates.slice(0, months), lines: firstMonths(data.lines, months), sums: firstMonths(data.sums, months), band: data.band };
}

const schema = scenarioJsonSchema();
const runs = new RunClient();
const charts = new ChartsView(document.getElementById('charts')!);
const panels = document.getElementById('panels')!;
const toolbar = document.getElementById('toolbar')!;
const status = document.getElementById('status')!;
const problems = document.getElementById('problems')!;

let base = document.body.dataset.config ?? 'baseline.json';
let loaded: Opened | undefined;
let working: unknown;
let name = '';
let current: Run | undefined;
/** A pinned run: its changes to the config as loaded say what it is, in its name and in the URL. */
type Reference = Run & { readonly changes: Record<string, unknown> };
/** The references pinned, in the order pinned: the first is the one a difference is taken from. */
let references: Reference[] = [];
/** References the URL names (the config as loaded when it names none), run when the page opens. */
let pendingReferences: Record<string, unknown>[] = [];
let referenceMode: ReferenceMode | 'hidden' = 'beside';
let month: number | undefined;
let playing: ReturnType<typeof setInterval> | undefined;
let query = '';
let attempt = 0;
let completed = 0;

// Toolbar controls.
const configSelect = el('select', { id: 'config-select' });
const runButton = el('button', { type: 'button', text: 'Run' });
const stepButton = el('button', { type: 'button', text: 'Step a month' });
const playButton = el('button', { type: 'button', text: 'Play' });
const pauseButton = el('button', { type: 'button', text: 'Pause' });
const seedsSelect = el('select', {}, ...[1, 4, 8, 16].map((n) => el('option', { value: String(n), text: n === 1 ? '1 (the seed)' : `${n} (an ensemble)` })));
const speedSelect = el('select', {}, ...[1, 2, 4, 8, 16].map((s) => el('option', { value: String(s), text: `${s} months/s` })));
speedSelect.value = '4';
const resetButton = el('button', { type: 'button', text: 'Reset' });
const monthSlider = el('input', { type: 'range', min: '1', max: '1', step: '1', value: '1' });
const monthShown = el('output', { text: '' });
const pinButton = el('button', { type: 'button', text: 'Pin as reference' });
const referenceSelect = el('select', {}, el('option', { value: 'beside', text: 'beside this run' }), el('option', { value: 'difference', text: 'difference from the first' }), el('option', { value: 'hidden', text: 'hidden' }));
const referenceList = document.getElementById('references')!;
const nameField = el('input', { type: 'text', pattern: '[a-z0-9][a-z0-9\\-]{0,63}', size: '22' });
const saveButton = el('button', { type: 'button', text: 'Save into configs/' });
const downloadButton = el('button', { type: 'button', text: 'Download config' });
const csvButton = el('button', { type: 'button', text: 'Export metrics.csv' });

const group = (...nodes: Node[]) => el('span', { class: 'group' }, ...nodes);
const item = (text: string, control: HTMLElement) => {
  const { label } = labelled(text, control, 'toolbar');
  return el('label', { for: control.id }, label.textContent ?? '', control);
};
toolbar.append(
  item('Scenario', configSelect),
  group(runButton, stepButton, playButton, pauseButton),
  item('Speed', speedSelect),
  item('Seeds', seedsSelect),
  resetButton,
  item('Month shown', monthSlider),
  monthShown,
  pinButton,
  item('References', referenceSelect),
  item('Save as', nameField),
  saveButton,
  downloadButton,
  csvButton,
);

function setStatus(text: string): void {
  status.textContent = text;
}

function showProblems(text: string | undefined): void {
  problems.hidden = text === undefined;
  problems.textContent = text ?? '';
  document.body.dataset.invalid = text === undefined ? 'false' : 'true';
  markProblems(panels, text, (path) => scenarioPathOf(changes(), working, path));
}

function changes(): Record<string, unknown> {
  return loaded === undefined ? {} : scenarioChanges(loaded.json, working);
}

function updateUrl(): void {
  const state = writeState({
    config: base,
    name,
    changes: changes(),
    ...(month !== undefined && current !== undefined && month < current.table.dates.length && { month }),
    references: [...references.map((r) => r.changes), ...pendingReferences],
    difference: referenceMode === 'difference',
    runs: Number(seedsSelect.value),
  });
  history.replaceState(null, '', `${location.pathname}${location.search}${state}`);
}

const context: ControlContext = {
  schema,
  working: () => working,
  loaded: () => loaded?.json,
  edit: (path: Path, value: unknown) => {
    setAt(working, path, value);
    if (value !== null && typeof value === 'object') renderPanels();
    else panels.querySelector(`[data-path="${CSS.escape(pathText(path))}"]`)?.classList.add('changed');
    void runCurrent();
  },
};

function pathText(path: Path): string {
  return path.reduce<string>((t, s) => (typeof s === 'number' ? `${t}[${s}]` : t === '' ? s : `${t}.${s}`), '');
}

function renderPanels(): void {
  // Panels drawn again (a policy's type, an event) stay open or closed as they were, and where they were scrolled.
  const drawn = panels.childElementCount > 0;
  const open = new Set([...panels.querySelectorAll('details')].filter((d) => d.open).map((d) => d.id));
  const scrolled = panels.scrollTop;
  panels.replaceChildren();
  renderLevers(panels, context);
  renderPolicies(panels, context);
  renderAllParameters(panels, context, query, (q) => (query = q));
  const json = working as { events?: Record<string, unknown>[]; start?: string };
  renderEvents(panels, schema, json.events ?? [], json.start ?? '', (events) => context.edit(['events'], events));
  if (drawn) {
    for (const details of panels.querySelectorAll('details')) details.open = open.has(details.id);
    panels.scrollTop = scrolled;
  }
}

/** The scenario the settings give: the loaded one when nothing changed, else the draft the server checked. */
async function resolve(edits: Record<string, unknown>): Promise<{ scenario: Scenario } | { problems: string }> {
  if (Object.keys(edits).length === 0 && loaded !== undefined) return { scenario: loaded.scenario };
  const checked = await api.check(base, name, edits);
  if (!checked.ok) return { problems: checked.message };
  return checked.value.valid ? { scenario: checked.value.scenario } : { problems: checked.value.report };
}

async function simulate(
  scenario: Scenario,
  what: string,
  count = 1,
  onPartial?: (table: MetricTable) => void,
): Promise<{ tables: MetricTable[]; seeds: number[] } | undefined> {
  document.body.dataset.busy = 'true';
  const started = performance.now();
  const seeds = deriveSeeds(scenario.seed, count);
  let partials = 0;
  const result = await runs.run(
    scenario,
    seeds,
    (p) => setStatus(`Running ${what}: ${p.runs > 1 ? `run ${p.run} of ${p.runs}, ` : ''}month ${p.month} of ${p.months}…`),
    onPartial === undefined ? undefined : (table) => (partials++, onPartial(table)),
  );
  if (result === undefined) return undefined;
  live = undefined;
  const seconds = (performance.now() - started) / 1000;
  const ensemble = seeds.length > 1 ? `, ${seeds.length} runs (${describeRunsSpread(seeds, undefined)})` : '';
  setStatus(`Ran ${what} in ${seconds.toFixed(1)} s (the core: ${(result.ms / 1000).toFixed(1)} s), ${result.tables[0]!.dates.length} months${ensemble}`);
  document.body.dataset.runMs = String(Math.round(performance.now() - started));
  document.body.dataset.partials = String(partials);
  return { tables: result.tables, seeds };
}

/** What the charts call the run of the current settings: the scenario as loaded, changed or not (the name a save would give is not the run's). */
function runLabel(): string {
  return Object.keys(changes()).length === 0 ? loaded!.scenario.name : `${loaded!.scenario.name}, changed`;
}

/** The run under way as last posted, waiting to be drawn; undefined once drawn or once the run is done. */
let live: Run | undefined;

/**
 * Draws a single run as it goes, from the metrics its worker posts every few months: the charts
 * grow month by month, as Play shows a finished run, until the run is done and drawn whole. A draw
 * waits for the page to be free, and draws the latest months posted by then.
 */
function drawAsItGoes(mine: number, scenario: Scenario, since: number): (table: MetricTable) => void {
  document.body.dataset.liveDraws = '0';
  delete document.body.dataset.firstLiveDrawMs;
  return (table) => {
    if (mine !== attempt) return;
    const waiting = live !== undefined;
    live = { scenario, table, tables: [table], seeds: [scenario.seed], label: runLabel() };
    if (waiting) return;
    setTimeout(() => {
      const run = live;
      live = undefined;
      if (run === undefined || mine !== attempt) return;
      const months = run.table.dates.length;
      monthShown.textContent = `${formatMonth(run.table.dates[months - 1]!)} (${months} of ${scenario.months}, running)`;
      drawCharts(run, months);
      // How soon the charts began to show the new run, and how often they were drawn before it was done (bench/explorer-redraw.ts).
      document.body.dataset.firstLiveDrawMs ??= String(Math.round(performance.now() - since));
      document.body.dataset.liveDraws = String(Number(document.body.dataset.liveDraws) + 1);
    }, 0);
  };
}

async function runCurrent(): Promise<void> {
  stopPlaying();
  const mine = ++attempt;
  updateUrl();
  const checkStarted = performance.now();
  const resolved = await resolve(changes());
  if (mine !== attempt) return;
  document.body.dataset.checkMs = String(Math.round(performance.now() - checkStarted));
  if ('problems' in resolved) {
    showProblems(resolved.problems);
    document.body.dataset.busy = 'false';
    setStatus('Not run: the settings are not a valid scenario (below)');
    return;
  }
  showProblems(undefined);
  const ran = await simulate(
    resolved.scenario,
    Object.keys(changes()).length === 0 ? base : `${base} with your changes`,
    Number(seedsSelect.value),
    drawAsItGoes(mine, resolved.scenario, checkStarted),
  );
  if (ran === undefined || mine !== attempt) return;
  const table = ran.tables[0]!;
  current = { scenario: resolved.scenario, table, tables: ran.tables, seeds: ran.seeds, label: runLabel() };
  if (pendingMonth !== undefined) {
    month = Math.min(pendingMonth, table.dates.length);
    pendingMonth = undefined;
  } else month = table.dates.length;
  await runPendingReferences(mine);
  if (mine !== attempt) return;
  document.body.dataset.busy = 'false';
  completed += 1;
  document.body.dataset.runs = String(completed);
  const drawStarted = performance.now();
  redraw();
  // How long a release took, by part (the server's check, the run, the charts): bench/explorer-redraw.ts reads them.
  document.body.dataset.drawMs = String(Math.round(performance.now() - drawStarted));
}

let pendingMonth: number | undefined;

/**
 * Runs the references the URL named, in order: one whose changes are the current run's is that
 * run. A reference whose settings are not valid any more is dropped; when a newer run supersedes
 * this one, the rest wait for it.
 */
async function runPendingReferences(mine: number): Promise<void> {
  while (pendingReferences.length > 0 && loaded !== undefined && current !== undefined) {
    const wanted = pendingReferences[0]!;
    const label = referenceName(wanted, loaded.scenario.name);
    if (JSON.stringify(wanted) === JSON.stringify(changes())) {
      references.push({ ...current, label, changes: wanted });
      pendingReferences.shift();
      continue;
    }
    const resolved = await resolve(wanted);
    if (mine !== attempt) return;
    if ('problems' in resolved) {
      pendingReferences.shift();
      continue;
    }
    const ran = await simulate(resolved.scenario, `the reference ${label}`);
    if (ran === undefined || mine !== attempt) return;
    references.push({ scenario: resolved.scenario, table: ran.tables[0]!, tables: ran.tables, seeds: ran.seeds, label, changes: wanted });
    pendingReferences.shift();
  }
  showReferences();
}

function showReferences(): void {
  renderReferenceList(referenceList, references.map((r) => r.label), (index) => {
    const [unpinned] = references.splice(index, 1);
    setStatus(`Unpinned ${unpinned?.label ?? 'the reference'}`);
    showReferences();
    redraw();
  });
}

function redraw(): void {
  if (current === undefined) return;
  const total = current.table.dates.length;
  const shownMonths = Math.max(1, Math.min(month ?? total, total));
  monthSlider.max = String(total);
  monthSlider.value = String(shownMonths);
  monthShown.textContent = `${formatMonth(current.table.dates[shownMonths - 1]!)} (${shownMonths} of ${total})`;
  drawCharts(current, shownMonths);
  document.body.dataset.month = String(shownMonths);
  updateUrl();
}

/** Every chart of `run` over its first `shownMonths` months, with the references pinned beside it (or its difference from the first). */
function drawCharts(run: Run, shownMonths: number): void {
  const built = buildCharts(chartDataOf(run, shownMonths), { scenario: run.label, history: historyOf(run.scenario) });
  // Each reference keeps its place in the list, and so its line pattern; the run itself is not drawn again.
  const pinned = referenceMode === 'hidden' ? [] : references.flatMap((reference, pattern) => (reference.table === run.table ? [] : [{ reference, pattern }]));
  const theirs = pinned.map(({ reference, pattern }) => ({
    name: reference.label,
    pattern,
    charts: new Map(buildCharts(chartDataOf(reference, shownMonths), { scenario: reference.label, history: historyOf(reference.scenario) }).map((c) => [c.file, c.config])),
  }));
  const on = (file: string): PinnedChart[] => theirs.flatMap((t) => (t.charts.has(file) ? [{ config: t.charts.get(file)!, name: t.name, pattern: t.pattern }] : []));
  charts.draw(theirs.length === 0 ? built : built.map((c) => ({ ...c, config: withReferences(c.config, on(c.file), referenceMode as ReferenceMode) })));
}

function stopPlaying(): void {
  if (playing !== undefined) clearInterval(playing);
  playing = undefined;
  document.body.dataset.playing = 'false';
}

async function open(config: string, restore: ReturnType<typeof readState> = { difference: false }): Promise<void> {
  stopPlaying();
  const opened = await api.open(config);
  if (!opened.ok) {
    showProblems(opened.message);
    return;
  }
  base = config;
  loaded = opened.value;
  working = restore.changes !== undefined ? mergeScenario(structuredClone(loaded.json), restore.changes) : structuredClone(loaded.json);
  name = restore.name ?? `${config.replace(/\.json$/, '')}-explored`;
  nameField.value = name;
  configSelect.value = config;
  references = [];
  current = undefined;
  // With no references in the URL, the config as loaded is the first.
  pendingReferences = [...(restore.references ?? [{}])];
  pendingMonth = restore.month;
  referenceMode = restore.difference ? 'difference' : 'beside';
  if (restore.runs !== undefined) seedsSelect.value = String(restore.runs);
  referenceSelect.value = referenceMode;
  renderPanels();
  await runCurrent();
}

configSelect.addEventListener('change', () => void open(configSelect.value));
runButton.addEventListener('click', () => void runCurrent());
seedsSelect.addEventListener('change', () => void runCurrent());
resetButton.addEventListener('click', () => {
  if (loaded === undefined) return;
  working = structuredClone(loaded.json);
  renderPanels();
  void runCurrent();
});
stepButton.addEventListener('click', () => {
  stopPlaying();
  if (current === undefined) return;
  month = Math.min((month ?? 0) + 1, current.table.dates.length);
  redraw();
});
playButton.addEventListener('click', () => {
  if (current === undefined) return;
  stopPlaying();
  if ((month ?? 0) >= current.table.dates.length) month = 1;
  document.body.dataset.playing = 'true';
  playing = setInterval(() => {
    if (current === undefined || (month ?? 0) >= current.table.dates.length) return stopPlaying();
    month = (month ?? 0) + 1;
    redraw();
  }, 1000 / Number(speedSelect.value));
});
pauseButton.addEventListener('click', stopPlaying);
speedSelect.addEventListener('change', () => {
  if (playing !== undefined) playButton.click();
});
monthSlider.addEventListener('input', () => {
  stopPlaying();
  month = Number(monthSlider.value);
  redraw();
});
pinButton.addEventListener('click', () => {
  if (current === undefined) return;
  const pinned = changes();
  const label = referenceName(pinned, loaded!.scenario.name);
  if (references.some((r) => JSON.stringify(r.changes) === JSON.stringify(pinned))) return setStatus(`${label} is pinned already`);
  references.push({ ...current, label, changes: pinned });
  if (referenceMode === 'hidden') referenceMode = 'beside';
  referenceSelect.value = referenceMode;
  setStatus(`Pinned ${label}: every chart draws it, paler and broken, beside the runs to come`);
  showReferences();
  redraw();
});
referenceSelect.addEventListener('change', () => {
  referenceMode = referenceSelect.value as ReferenceMode | 'hidden';
  redraw();
});
nameField.addEventListener('change', () => {
  name = nameField.value;
  updateUrl();
});
csvButton.addEventListener('click', () => {
  if (current === undefined) return;
  const csv = current.tables.length === 1 ? metricsCsv(current.table) : ensembleMetricsCsv(summariseRuns(current.tables));
  download('metrics.csv', URL.createObjectURL(new Blob([csv], { type: 'text/csv' })));
});
downloadButton.addEventListener('click', async () => {
  const checked = await api.check(base, name, changes());
  if (!checked.ok) return showProblems(checked.message);
  if (!checked.value.valid) return showProblems(checked.value.report);
  download(`${name}.json`, URL.createObjectURL(new Blob([checked.value.text ?? ''], { type: 'application/json' })));
  setStatus(`Downloaded ${name}.json: put it in configs/ beside ${base}, which it extends`);
});
saveButton.addEventListener('click', async () => {
  let saved = await api.save(base, name, changes(), false);
  if (!saved.ok && saved.status === 409 && /not written by this explorer/.test(saved.message) && confirm(`${saved.message}.\n\nOverwrite it?`)) {
    saved = await api.save(base, name, changes(), true);
  }
  if (!saved.ok) return showProblems(saved.message);
  showProblems(undefined);
  setStatus(`Saved ${saved.value.file}: npm run simulate -- ${saved.value.file} writes the metrics.csv this page exports`);
  document.body.dataset.saved = saved.value.file;
});

async function start(): Promise<void> {
  const [list] = await Promise.all([api.configs(), chartFontReady()]);
  if (!list.ok) return showProblems(list.message);
  configSelect.replaceChildren(...list.value.configs.map((c) => el('option', { value: c, text: c })));
  const restore = readState(location.hash);
  await open(restore.config ?? list.value.opened, restore);
}

void start().catch((error: unknown) => showProblems(`the page failed: ${(error as Error).message}`));

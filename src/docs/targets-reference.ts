import { targetsJsonSchema, TARGETS_SCHEMA_FILE } from '../calibration/targets-json-schema.js';
import { CALIBRATED_UNTIL } from '../calibration/target-verdict.js';
import { rows } from './config-reference.js';

const HEADER = `# Targets files

Generated from the runtime schema by \`npm run docs\`, which also writes \`${TARGETS_SCHEMA_FILE}\`; a
test fails when either is stale. A targets file lists the figures a run should reproduce, each a
band with its source, and the free parameters a calibration may move, each a range with its
source. \`configs/targets/2023-2025.json\` is the shipped one: every figure of the 2023–2024 record
and of the market to mid-2025 (docs/model.md §7), and the parameters the hand tuning set. A file
in \`configs/targets/\` starts with \`"$schema": "../targets.schema.json"\` for editors.

\`\`\`json
{
  "$schema": "../targets.schema.json",
  "targets": [
    { "id": "openai-enterprise-share-2024-12", "metric": "vendor.enterprise_share", "entity": "openai",
      "month": "2024-12", "band": [0.28, 0.4], "source": "Menlo Ventures 2024: 34 %; ±6 points" },
    { "id": "anthropic-marketplace-share-2024", "metric": "vendor.revenue_marketplace_usd", "per": "vendor.revenue_usd",
      "entity": "anthropic", "from": "2024-01", "to": "2024-12", "aggregate": "sum", "band": [0.6, 0.75], "source": "seed: 60–75 %" },
    { "id": "highest-vendor-gross-margin-2024", "metric": "vendor.gross_margin", "entity": "*",
      "from": "2024-01", "to": "2024-12", "aggregate": "max", "band": [null, 0.7], "source": "below SaaS margins" },
    { "id": "nvidia-gross-margin-2024", "metric": "supplier.gross_margin", "entity": "nvidia", "from": "2024-01", "to": "2024-12",
      "aggregate": "mean", "band": [0.73, 0.75], "source": "Nvidia: 73–75 %", "notModelled": "Nvidia is not an agent: GPU prices are an input" }
  ],
  "free": [
    { "path": "enterprises.segments.large.marketplaceShare", "range": [0.5, 0.75], "source": "tuned by hand to 0.63" }
  ]
}
\`\`\`

## How a figure is read off a run
A target reads one metric (README, Metrics) of one entity (a vendor or cloud id, \`market\`, or a
\`vendor@cloud\` pair) over its months: at \`month\`, or over the window \`from\` … \`to\`, both included.
\`aggregate\` makes the months one figure: \`last\` the value at \`month\` (or \`to\`); \`mean\`, \`sum\`;
\`growth\` the value at \`to\` ÷ the value at \`from\`; \`max\`, \`min\`. With \`per\`, the figure is the sum
(or mean) of \`metric\` ÷ the sum (or mean) of \`per\` over the same months, for the same entity: a share
of a total, such as 2024's subscription revenue ÷ 2024's revenue. Entity \`*\` goes with \`max\` or
\`min\`: the largest or smallest over every entity that has the metric. A run that does not cover the
months, or an entity without the metric, gives no figure (n/a), never a smaller number. The band holds
both its ends; \`null\` leaves an end open (\`[null, 0.7]\`: at most 0.7). Money is USD a month, as the
metrics record it: an annual run-rate of $3.5B is $292M a month (\`vendor.arr_usd\` is already 12× a
month).

\`value\`, optional, is the figure the source reported, in the same unit and inside the band
(\`"band": [0.26, 0.38], "value": 0.32\` for Menlo's 32 %); a target whose source gives only a range
("~$4–5B", "50–55 %") leaves it out. Charts mark it and label it; nothing else reads it. A
calibration aims at the band's centre, not at \`value\`: a deviation is (figure − centre) ÷ half the
band, ±1 at its ends (docs/model.md §7). Most bands are set symmetrically around the reported figure,
so the two coincide; where they do not (DeepSeek's 1 % in a band clipped at 0, 0–7 %; the price at
constant capability, a16z's ~10× a year inside Epoch's wider range) the band is the judgement of
what a run should reproduce, and aiming off its centre would weigh one side of it more than the other.

## What is checked before anything runs
A file that breaks any of these is refused, with every problem at once (a bad entry does not hide
the problems of the others), each with its place in the file (\`targets[3].band\`), what is wrong
and what would be right:
- the JSON Schema's rules (below), and unknown fields, with the closest known name;
- a \`month\` or a whole window, not both; a window that runs forwards; \`growth\` over two different
  months; \`mean\`, \`sum\`, \`growth\`, \`max\`, \`min\` over a window, not at one \`month\`; \`per\` with \`sum\`
  or \`mean\`; \`*\` with \`max\` or \`min\`; a band low to high, with at least one end; a \`value\`
  inside its band (a share written as 32 rather than 0.32 is refused);
- a metric the model records (with the closest name), unless the target carries \`notModelled\`: a
  figure the model does not produce yet is listed, with the reason, and reported as not modelled,
  never fitted nor dropped;
- each id once; each free path once, however it is spelt (\`vendors[0].x\` is \`vendors.openai.x\`);
  a free range low to high, above 0 on a log scale.
Against the scenario it calibrates: each free path resolves to a number of the scenario (the sweep
syntax, with the closest name when it does not); both ends of its range are values the scenario
accepts (a policy parameter's valid range is named); each modelled target's months lie within the
run (\`start\` and \`months\`) and its entity exists. \`simulate\` and \`compare\` with \`--targets\` check
the targets alone, against every scenario they run, over the months the run covers (\`--ticks\`
included): \`--ticks 12\` refuses the shipped file, whose figures run to 2025-08, with each figure
outside the run named. A figure of a month before a scenario branches is history, and within the run.

## On the charts: simulate and compare --targets
\`npm run simulate -- configs/baseline.json --targets configs/targets/2023-2025.json\` (and \`compare\`,
and either with \`--runs N\`) draws each target on every chart of the metric and entity it measures:
- a figure at one \`month\` (\`last\`) as a diamond at its \`value\`, the figure its source reported,
  with the band as an error bar; \`mean\`, \`max\` and \`min\` over a window as the band shaded over
  those months with a line at the \`value\` (a band open on one side as its one end, dashed); in the
  chart's units (a share in %). A target without a \`value\` (its source gave a range) has its diamond
  or line at the middle of its band;
- labelled with the first words of its \`source\`, its months and, in the chart's units, its \`value\`
  ("Menlo Ventures Jun 2025: 32%", "The Information Sep–Dec 2024: 38%") or, without one, its band
  ("Press reports Jul–Aug 2025: band $3–6.25B", "Seed article 2024: highest ≤ 70%"): never a middle
  no source reported;
- in the colour of its vendor on simulate's charts of every vendor; a target over every entity
  (\`*\`) only there, not on a comparison's chart of one vendor; a comparison draws the targets of
  the vendor and cloud its charts follow, on the charts of the metric, not on the charts of changes.

A growth (a ratio of two months), a \`per\` ratio and a \`sum\` over months have no level on a
monthly chart and are not drawn; a target whose metric no chart of the job draws (\`market.enterprise_spend_usd\`
in simulate) is not drawn either; a not-modelled one never is. report.md (simulate) and
comparison.md (compare) gain a Targets section: each modelled target's figure read off the runs as
\`npm run calibrate\` reads it (the mean of each run's figure over \`--runs\`, with their 5th–95th
percentile), its band, hit or miss, and the charts that draw it or why none does; then the targets
not modelled, with why. manifest.json records the file as named, its SHA-256 and its content, so
that \`npm run simulate -- manifest.json\` draws the same markers wherever the file went, and shards
of a job with different targets files do not merge. Without \`--targets\` every output is as before.

## The shipped targets and the baseline
\`npx tsx scripts/calibrate.ts [config] [targets file]\` prints each modelled target's range over seeds
1..10 against its band: those whose window ends by ${CALIBRATED_UNTIL} are the calibration, asserted by
\`test/calibration/baseline.test.ts\`; later ones are information until a calibration fits them; then
it lists the figures not modelled and why.

## Fields
`;

/** docs/targets.md, from the JSON Schema of a targets file (itself generated from the runtime schema). */
export function targetsReference(): string {
  const fieldRows: string[] = ['| field | type | required | meaning |', '|---|---|---|---|'];
  rows(targetsJsonSchema(), '', fieldRows);
  return [HEADER, ...fieldRows, ''].join('\n');
}

import { policyVariant, scenarioJsonSchema, type JsonSchema } from '../config/json-schema.js';
import { MAX_CLOUDS, MAX_ENTERPRISES, MAX_LISTINGS, MAX_MONTHS, MAX_SEGMENTS, MAX_VENDORS } from '../config/limits.js';
import { GW_IN_MTOK_PER_MONTH } from '../config/capacity-units.js';
import { POLICIES } from '../policies/registry.js';
import { EVENT_EXAMPLES } from './event-examples.js';
import type { PolicyRole } from '../policies/policy-roles.js';

const HEADER = `# Config reference

Generated from the runtime schema by \`npm run docs\`, which also writes \`configs/schema.json\`; a
test fails when either file is stale. A scenario is one JSON file; \`configs/baseline.json\` is a
complete example and \`configs/commoditized.json\` shows \`extends\`. Units are in the field names and
descriptions: USD, MTok (a million tokens), months, shares 0..1.

## Checking a config
\`npm run validate -- configs/*.json\` checks files without running them: it prints \`ok <file>\` for
each valid one and every problem of the others, each with its JSON path, what was expected and what
was found, and exits 0 when all are valid, 2 otherwise. \`npm run simulate\` runs the same checks first.
Each config starts with \`"$schema": "./schema.json"\`, so editors that read JSON Schema (VS Code,
JetBrains) autocomplete fields, policy types and their params, and underline mistakes as you type.
The schema cannot check what spans fields (ids that must exist, segment shares adding up to 1, dates
within the run): \`npm run validate\` does.

## Limits
A config above a limit is refused before anything runs, with the limit and the reason:
- \`enterprises.count\` ≤ ${MAX_ENTERPRISES.toLocaleString('en-US')}: each simulated enterprise takes ~0.9 KB (measured, see
  \`src/config/limits.ts\`); count is resolution, and \`represents\` scales to any number of real enterprises;
- \`months\` (and \`--ticks\`) ≤ ${MAX_MONTHS};
- at most ${MAX_CLOUDS} clouds, ${MAX_VENDORS} vendors, ${MAX_SEGMENTS} segments, ${MAX_LISTINGS.toLocaleString('en-US')} marketplace listings, and a file of 10 MB.

## Composition with \`extends\`
\`"extends": "baseline.json"\` (a path relative to the file) takes the parent scenario and applies
this file on top of it. Nothing of the parent is lost unless the child says so:
- objects merge key by key, recursively;
- arrays of objects that all have an \`id\` (\`clouds\`, \`vendors\`, \`enterprises.segments\`) merge entry
  by entry on \`id\`: an entry with a known id merges into the parent's, a new id is appended (and must
  then be complete);
- \`events\` append to the parent's. An event may carry an \`id\`: a child's event with the id of one of
  the parent's replaces it whole, in its place, and \`{ "id": "gpt-5", "remove": true }\` removes it;
  a removal that names no event of the parent is an error listing the parent's event ids, and
  \`"remove"\` takes only \`true\`;
- \`marketplace\` listings merge on their (cloud, vendor) pair: a known pair merges into the parent's
  listing (a new revenue share), a new pair is appended, \`{ "cloud": "aws", "vendor": "meta", "remove": true }\`
  removes one;
- an id (or a listing's pair) given twice in one of the child's lists is an error naming both places;
  so is a duplicate id in any list of the merged scenario;
- a policy that names a different \`type\` from its parent's replaces it whole (params included); with
  the same \`type\`, its params merge into the parent's;
- any other array (\`dealsAtStart\`, a vendor's \`compute\`, \`computeClouds\`) and any scalar replaces the
  parent's value;
- \`extends\` itself is not inherited; \`branchesAt\` is (a child of a branch branches in the same month
  unless it says otherwise).
A chain of parents is followed; a missing parent or a cycle is an error naming the chain. Every
problem a file has is reported at once (what the merge finds, the schema's, the references' and the
branch's rules), each at its path in the file of the chain that holds the value, with the index the
entry has in that file's own list; one in a parent that a child's change brings about is prefixed
with the parent's file.
\`npm run validate\` prints, for each file of the chain, how many of its parent's events it inherits,
adds, replaces and removes, and how many events fall after the run's end (they do not happen).

## Branching from history with \`branchesAt\`
\`"branchesAt": "2026-01"\` (with \`extends\`) makes a scenario a branch of its parent: until that month
the run is the parent's exactly (the same metrics, byte for byte, with the same seed); from it on, the
branch's changes take effect, as the events an agent's own change would publish (\`policy.changed\`,
listings added or removed). A branch may change what acts from the branch on: policies, the market's
rates (\`compute.gpuCostDeclinePerYear\`, \`enterprises.demandGrowthPerYear\`, \`consumers.growthPerYear\`,
... compound from the level reached), enterprises' behaviour parameters (\`brandPremium\`,
\`openWeightsValueFactor\`, a segment's value and switching-cost spreads: each enterprise keeps its place
in the spread), listings and revenue shares, events dated at or after the branch, vendors that come to
market then (\`entersAt\`), \`months\`. It cannot change what the run starts from or what happened before
it: \`seed\`, \`start\`, the clouds' fleets, the vendors' state at the start (quality, price, app, cash,
contracts), the enterprises drawn at the start, \`dealsAtStart\`, events before the branch. Each such
change is an error saying what to do instead (usually: script an event at the branch month).

## Scripting history
\`events\` happen at their month, in list order within a month; each becomes the bus events an agent's
decision would have produced. Every event may carry an \`id\` (for composition), a short chart
\`label\` and a \`note\` with its source. A date before the run's start is an error; one after its end
simply does not happen in that run. \`"history": { "until": "2025-12" }\` says the config scripts the
record until that month: model releases and investment rounds then happen only as events (the agents'
own release and funding decisions start the month after); \`scripts\` narrows which. \`vendors[].entersAt\`
brings a vendor to market at a month (DeepSeek: 2025-01). Scripted events obey the rules of the world,
checked before anything runs: an event naming a vendor before it is in the market, an amendment of a
deal that does not exist yet, or a contract, listing or tying investment that an exclusive deal in
force forbids is an error naming the deal, unless an earlier event of the same config amends it. So
is an event that cannot apply to what it names, named by its id (or its place): a \`policy-change\` of
a slot its agent does not have (an open-weights vendor has only \`training\`), or naming an unknown
vendor or cloud in its policy's params; a compute contract, compute commitment, merger or compute tie
(\`status\`, \`minAsicShare\`, \`permittedClouds\`, \`computeCommitmentUsd\`) for an open-weights vendor,
which buys no compute from clouds and raises no rounds; a \`delisting\` of a pair not listed in its
month; a run whose months would go past 9999-12 (\`months\` or \`--ticks\`). At
run time an event that a tie made by an agent forbids is not applied, and \`schedule.event-skipped\`
says why.

Capacity is MTok of inference a month; deals are reported in GW, and a \`compute-contract\` may be
given so (\`capacityGw\`, \`priceUsdPerGwMonth\`). On 2023 hardware 1 GW ≈ ${GW_IN_MTOK_PER_MONTH.toExponential(1)} MTok/month:
about 700,000 H100-class accelerators at ~1.4 kW each all in, each serving ~2 MTok an hour of a
GPT-4-class model (the throughput behind \`compute.gpuCostUsdPerMTok\`), 1,460 MTok a month. A GW
costs about the same each year (Oracle's reported $300B over five years for 4.5 GW is $1.11B per
GW-month), so a GW serves more tokens as their cost falls: 1.0e9 / (GPU cost index at the month it
comes into service) MTok a month, kept for the rest of the contract (docs/model.md, "Capacity from GW").

## Uncertain parameters
\`uncertain\` lists the numbers of a scenario whose value is not known, each with the distribution
of its plausible values and, required, the \`source\` of that range (the spread of a reported figure,
or a calibration's interval). \`npm run simulate -- CONFIG --runs N --uncertain\` draws them afresh
for each run, together with its seed (second-order Monte Carlo): its bands are the spread of both.
Without \`--uncertain\` the scenario runs at the values its fields state. The example's ranges are
illustrations on \`configs/baseline.json\`, not sourced ones.

\`\`\`json
"uncertain": [
  { "path": "enterprises.priceElasticity", "distribution": { "type": "triangular", "lo": 0.4, "mode": 0.8, "hi": 1.5 },
    "source": "illustration: the baseline's 0.8 as the most likely value, halved and nearly doubled" },
  { "path": "enterprises.segments.large.switchingCostUsd.median", "distribution": { "type": "log-uniform", "lo": 50000, "hi": 450000 },
    "source": "illustration: the baseline's $150k, three times lower to three times higher" },
  { "path": "vendors.openai.policies.pricing.params.markup", "distribution": { "type": "normal", "mean": 2, "sd": 0.4 },
    "source": "illustration: the baseline's markup ± 20 % as one standard deviation" }
]
\`\`\`

- \`path\` names a number of the scenario as sweeps do (keys and ids with dots); it must hold a
  number, once in the list, and not \`seed\` or \`months\`. \`*\` stands for every entry of a list
  there, several numbers moving together as one factor, each set to the value drawn
  (\`enterprises.segments.*.switchingCostUsd.median\`); a number is declared under one path only.
  The factors \`--param\` takes (\`×0.1:×10\`, each number times its own value) are not declared here:
  a distribution is of values.
- \`distribution\`: \`uniform\` {lo, hi}; \`log-uniform\` {lo, hi}, lo > 0, for figures known to an
  order of magnitude (its median is √(lo·hi)); \`triangular\` {lo, mode, hi}; \`normal\` {mean, sd},
  truncated to the field's valid range. lo must be below hi.
- The range must stay within the field's valid range, as this reference gives it (a share within
  0..1, an amount above 0, a policy's params within theirs): a range that leaves it is an error
  naming the number and the valid range. A whole-number field takes the nearest whole number.
- With \`extends\`, a child's \`uncertain\` replaces its parent's whole list.

## Policies
Every decision an agent makes is a policy written \`{ "type": "<name>", "params": { ... } }\`. The
type picks the rule; params left out take the defaults listed below; an unknown type or param is an
error that lists the valid ones. An optional \`"source"\` says where the params come from (a source,
as reported, or the command that fitted them); it changes nothing in the run.
`;

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minItems !== undefined && schema.minItems > 0) parts.push(`at least ${schema.minItems}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems}`);
  if (schema.pattern !== undefined) parts.push(`pattern \`${schema.pattern}\``);
  return parts.join(', ');
}

function isPolicy(schema: JsonSchema): boolean {
  return typeof schema.$ref === 'string' && schema.$ref.endsWith('-policy');
}

function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.oneOf ?? schema.anyOf;
}

/** The property whose constant tells union variants apart (`weights`, `type`). */
function discriminator(variants: readonly JsonSchema[]): string | undefined {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((key) => variants.every((v) => v.properties?.[key]?.const !== undefined));
}

function typeName(schema: JsonSchema): string {
  if (isPolicy(schema)) return 'policy';
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (schema.type === 'array') return `array of ${schema.items ? typeName(schema.items) : 'values'}`;
  const variants = variantsOf(schema);
  if (variants) return [...new Set(variants.map(typeName))].join(' \\| ');
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'value');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** One table row per field of `schema`, nested fields and list entries after their parent. */
export function rows(schema: JsonSchema, prefix: string, out: string[]): void {
  const required = new Set(schema.required ?? []);
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${key}`;
    const meaning = [field.description ?? '', constraints(field), field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : '']
      .filter((s) => s !== '')
      .join('; ');
    out.push(`| \`${path}\` | ${typeName(field)} | ${required.has(key) && field.default === undefined ? 'yes' : 'no'} | ${cell(meaning)} |`);
    if (isPolicy(field)) continue;
    if (field.properties) rows(field, `${path}.`, out);
    const items = field.type === 'array' ? field.items : undefined;
    if (items?.properties) rows(items, `${path}[].`, out);
    // A list of variants (events), or one field that is one of several objects (a distribution).
    const [variants, at] = items ? [variantsOf(items), `${path}[]`] : [variantsOf(field)?.filter((v) => v.properties !== undefined), path];
    if (variants && variants.length > 0) {
      const tag = discriminator(variants);
      for (const variant of variants) {
        const label = tag === undefined ? '' : ` with \`${tag}: ${JSON.stringify(variant.properties?.[tag]?.const)}\``;
        out.push(`| *${at}${label}* | | | |`);
        rows(variant, `${at}${items ? '[]' : ''}.`.replace('[][].', '[].'), out);
      }
    }
  }
}

function policySection(role: PolicyRole): string {
  const lines = [`### ${role}`];
  for (const variant of POLICIES[role].map((p) => policyVariant(role, p.type))) {
    lines.push('', `**\`${String(variant.title)}\`**: ${variant.description ?? ''}`, '');
    const params = Object.entries(variant.properties?.params?.properties ?? {});
    if (params.length === 0) {
      lines.push('No params.');
      continue;
    }
    lines.push('| param | default | range | meaning |', '|---|---|---|---|');
    for (const [name, param] of params) {
      const fallback = param.default !== undefined ? `\`${JSON.stringify(param.default)}\`` : '—';
      lines.push(`| \`${name}\` | ${fallback} | ${constraints(param) || '—'} | ${cell(param.description ?? '')} |`);
    }
  }
  return lines.join('\n');
}

/** docs/config.md, from the JSON Schema of the scenario (itself generated from the runtime schema). */
export function configReference(): string {
  const defs = scenarioJsonSchema().$defs ?? {};
  const fieldRows: string[] = ['| field | type | required | meaning |', '|---|---|---|---|'];
  rows(defs.scenario ?? {}, '', fieldRows);
  const roles = Object.keys(POLICIES) as PolicyRole[];
  const examples = EVENT_EXAMPLES.map((e) => `### ${e.title}\n\n${e.explain}\n\n\`\`\`json\n${JSON.stringify(e.event)}\n\`\`\``).join('\n\n');
  return [HEADER.replace('\n## Policies', `\n## Events, by example\n\n${examples}\n\n## Policies`), roles.map(policySection).join('\n\n'), '', '## Fields', '', ...fieldRows, ''].join('\n');
}

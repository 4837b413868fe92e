import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { BASELINE_PATH, baselineJson } from '../support/scenario-fixtures.js';
import { tinyConfigs } from './tiny-configs.js';

/**
 * Messages an analyst can act on: every problem a file has in one report, each at its place in the
 * file the user wrote (not in the config merged from its parents), in words rather than a raw
 * schema error, with nothing that would act on the terminal.
 */

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);

describe('config messages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-hostile-messages-'));
  const file = (name: string, content: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(content, null, 2));
    return join(dir, name);
  };
  /** A branch of the baseline at 2026-01, as configs/commoditized.json is. */
  const branch = (fields: Record<string, unknown>) => ({ extends: BASELINE_PATH, branchesAt: '2026-01', name: 'branch', ...fields });
  const reports: Record<string, string> = {};

  beforeAll(() => {
    const files: Record<string, string> = {
      everything: file('everything.json', {
        extends: BASELINE_PATH,
        name: 'Not An Id',
        events: [{ id: 'no-such-event', remove: true }, { id: 'gpt5', remove: true }],
        enterprises: { policies: { switching: { type: 'roi-payback', params: { paybackMonth: 6 } } } },
      }),
      // A typo of a parent's event id, to remove it and to replace it: the guess, not the parent's 65 ids.
      eventTypos: file('event-typos.json', {
        extends: BASELINE_PATH,
        name: 'event-typos',
        events: [{ id: 'openai-aws-38c', remove: true }, { id: 'grok-44', date: '2026-01' }],
        marketplace: [{ cloud: 'azrue', vendor: 'openai', remove: true }],
      }),
      // Bounds said in words, in a field, a policy's param and a policy-change's param, never as zod's "Too small".
      bounds: file('bounds.json', {
        extends: BASELINE_PATH,
        name: '',
        months: 0,
        seed: 1e20,
        enterprises: { policies: { switching: { type: 'roi-payback', params: { reviewProbability: 1.5 } } } },
        events: [{ date: '2026-03', type: 'policy-change', agent: 'vendor/openai', slot: 'pricing', policy: { type: 'cost-plus-competitive', params: { markup: -5 } } }],
      }),
      // An entry without a string id in a list merged by id: said, not the parent's whole list replaced.
      entryWithoutId: file('entry-without-id.json', {
        extends: BASELINE_PATH,
        name: 'entry-without-id',
        vendors: [{ id: 'openai', cashUsd: 1e9 }, { name: 'oops' }],
        clouds: [{ id: 5 }],
        enterprises: { segments: [{ share: 0.5 }] },
      }),
      branchAndSchema: file('branch-and-schema.json', branch({ name: 'Bad Name', seed: 99, months: 'many' })),
      branchEventAndParam: file(
        'branch-event-and-param.json',
        branch({
          vendors: [{ id: 'openai', policies: { pricing: { type: 'cost-plus-competitive', params: { markp: 1 } } } }],
          events: [
            { date: '2025-06', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.1 },
            { date: '2026-03', type: 'model-release', vendor: 'openai' },
          ],
        }),
      ),
      rootRemoval: file('root-removal.json', { name: 'Root Removal', events: [{ id: 'gpt-5', remove: true }] }),
      childOfBadParent: file('child-of-bad-parent.json', { extends: 'bad-parent.json', branchesAt: '2026-01', name: 'Bad Child' }),
      childIndices: file('child-indices.json', {
        extends: BASELINE_PATH,
        name: 'child-indices',
        marketplace: [{ cloud: 'oracle', vendor: 'cohere' }],
        events: [
          { date: '2026-01', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.1 },
          { date: '2026-02', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.1 },
          { date: '2026-03', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.1 },
          { date: '2026-04', type: 'model-release', vendor: 'opanai', quality: 3 },
        ],
      }),
      removedBeforeBranch: file('removed-before-branch.json', branch({ events: [{ id: 'anthropic-azure-30b', remove: true }] })),
      removeFalse: file('remove-false.json', { extends: BASELINE_PATH, name: 'remove-false', events: [{ id: 'gpt-5', remove: false }] }),
      oneMonthBranch: file('one-month-branch.json', branch({ branchesAt: '2024-01', months: 1 })),
    };
    file('invalid-parent.json', { extends: BASELINE_PATH, name: 'invalid-parent', branchesAt: '2026-01', consumers: { growthPerYear: 'fast' } });
    const early = (id: string, date: string) => ({ id, date, type: 'listing', cloud: 'oracle', vendor: 'xai' });
    files.childOfInvalidParent = file('child-of-invalid.json', { extends: 'invalid-parent.json', name: 'child-of-invalid', branchesAt: '2026-06', seed: 4, events: [early('c-early', '2026-03')] });
    files.grandchildOfInvalid = file('grandchild-of-invalid.json', { extends: 'child-of-invalid.json', name: 'grandchild', branchesAt: '2026-09', events: [early('g-early', '2026-07')] });
    files.laterStart = file('later-start.json', { extends: BASELINE_PATH, name: 'later-start', start: '2024-06' });
    file('bad-parent.json', { extends: BASELINE_PATH, name: 'bad-parent', consumers: { growthPerYear: -1 } });
    file('middle.json', { extends: BASELINE_PATH, name: 'middle', events: [{ date: '2026-05', type: 'capacity-shock', cloud: 'gcp', gpuChange: 0.2 }] });
    files.grandchild = file('grandchild.json', { extends: 'middle.json', name: 'grandchild', events: [{ date: '2026-06', type: 'capacity-shock', cloud: 'ibm' }] });
    // Parents that are no branch, invalid in their own ways, and parents that cannot be read at all.
    file('plain-invalid.json', { extends: BASELINE_PATH, name: 'plain-invalid', consumers: { growthPerYear: 'fast' } });
    files.branchOfPlainInvalid = file('branch-of-plain.json', { extends: 'plain-invalid.json', name: 'ok-name', branchesAt: '2026-06', seed: 4 });
    file('bad-name-parent.json', { extends: BASELINE_PATH, name: 'R Bad' });
    files.branchOfBadName = file('branch-of-bad-name.json', { extends: 'bad-name-parent.json', name: 'ok-name', branchesAt: '2026-06', seed: 4 });
    file('plain-r3.json', { extends: BASELINE_PATH, name: 'r3', consumers: { growthPerYear: 'fast' } });
    file('m3.json', { extends: 'plain-r3.json', name: 'M 3', branchesAt: '2026-06', seed: 2 });
    files.c3 = file('c3.json', { extends: 'm3.json', name: 'C 3', events: [{ id: 'early-x', date: '2025-02', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.5 }] });
    writeFileSync(join(dir, 'broken.json'), '{"extends": ');
    files.childOfBroken = file('child-of-broken.json', { extends: 'broken.json', name: 'Bad Name' });
    files.childOfMissing = file('child-of-missing.json', { extends: 'no-such-parent.json', name: 'Bad Name' });
    file('cycle-b.json', { extends: 'cycle-a.json', name: 'cycle-b' });
    files.cycle = file('cycle-a.json', { extends: 'cycle-b.json', name: 'Bad Name' });
    for (const [name, path] of Object.entries(files)) {
      const run = runCli('validate.ts', [path]);
      expect(run.status, name).toBe(2);
      noStackTrace(run);
      reports[name] = run.stderr;
    }
  });

  it('reports every problem of a file at once: a removal of an unknown event, a bad name and a mistyped param', () => {
    const report = reports.everything!;
    expect(report).toMatch(/everything\.json is not a valid scenario \(4 problems\):\n/);
    expect(report).toContain('  events[0].id: no event "no-such-event" in the parent to remove;');
    expect(report).toContain('  events[1].id: no event "gpt5" in the parent to remove (did you mean "gpt-5"?);');
    expect(report).toContain('  name: an id of lower-case letters, digits and dashes; found "Not An Id"');
    expect(report).toContain('  enterprises.policies.switching.params: unknown param "paybackMonth" (did you mean "paybackMonths"?)');
  });

  it('gives a mistyped event id its guess without listing every event of the parent, to remove it or to replace it', () => {
    const report = reports.eventTypos!;
    expect(report).toContain('  events[0].id: no event "openai-aws-38c" in the parent to remove (did you mean "openai-aws-38b"?); it has 65 events\n');
    expect(report).toContain('  events[1]: "grok-44" is not in the parent scenario, so it was added as a new entry and must be complete; did you mean "grok-4"?\n');
    expect(report).toContain('  marketplace[0]: no listing of openai on azrue in the parent to remove (did you mean openai on azure?); its listings: openai on azure, ');
    expect(report).not.toContain('gemini-1-5-pro');
    // Without a guess the ids are what the user needs.
    expect(reports.everything!).toMatch(/no event "no-such-event" in the parent to remove; its event ids: gemini-1-5-pro, /);
  });

  it('says a number out of its range in words, with what was found, in a field, a param and a policy-change', () => {
    const report = reports.bounds!;
    expect(report).toContain('  months: at least 1; found 0\n');
    // One bound a side: the field's, not also an integer's own safe limit.
    expect(report).toContain('  seed: at most 4294967295; found 100000000000000000000\n');
    expect(report).not.toContain('9007199254740991');
    expect(report).toContain('  enterprises.policies.switching.params.reviewProbability: at most 1; found 1.5\n');
    expect(report).toMatch(/ {2}events\[0\]\.policy\.params\.markup: (at least|above) \S+; found -5\n/);
    // An empty string is shown as found too.
    expect(report).toContain('  name: an id of lower-case letters, digits and dashes; found ""\n');
    expect(report).not.toMatch(/Too small|Too big|expected number to be/);
  });

  it('says an entry of a list merged by id lacks its id, rather than replace the parent’s whole list and blame the parent', () => {
    const report = reports.entryWithoutId!;
    expect(report).toMatch(/entry-without-id\.json is not a valid scenario \(3 problems\):\n/);
    expect(report).toContain('  vendors[1].id: an entry of vendors names by its id, a string, the parent\'s entry it changes (openai, anthropic, google, xai, mistral, meta, deepseek) or a new one; this one has none\n');
    expect(report).toContain('  clouds[0].id: an entry of clouds names by its id, a string, the parent\'s entry it changes (azure, aws, gcp, oracle) or a new one; found 5\n');
    expect(report).toContain('  enterprises.segments[0].id: an entry of enterprises.segments names by its id');
    expect(report).not.toContain('baseline.json,');
  });

  it('reports a branch’s rules together with its schema problems', () => {
    const report = reports.branchAndSchema!;
    expect(report).toMatch(/branch-and-schema\.json is not a valid scenario \(3 problems\):\n/);
    expect(report).toContain('  name: an id of lower-case letters');
    expect(report).toContain('  months: ');
    expect(report).toContain('  seed: a branch at 2026-01 cannot change what the run starts from (1 in the parent, 99 here)');
    const events = reports.branchEventAndParam!;
    expect(events).toMatch(/branch-event-and-param\.json is not a valid scenario \(3 problems\):\n/);
    expect(events).toContain('  vendors[0].policies.pricing.params: unknown param "markp" (did you mean "markup"?)');
    expect(events).toContain('  events[1]: give exactly one of quality and qualityGain');
    expect(events).toContain("  events[0]: a branch at 2026-01 keeps its parent's history before it: capacity-shock of 2025-06 is not the parent's");
  });

  it('reports a file’s other problems beside a removal it cannot make, and a branch’s own problems beside its parent’s', () => {
    expect(reports.rootRemoval).toMatch(/root-removal\.json is not a valid scenario \(\d+ problems\):\n {2}events\[0\]: remove takes out an event of the parent scenario, and this file extends none\n/);
    expect(reports.rootRemoval).toContain('  name: an id of lower-case letters');
    expect(reports.rootRemoval).toContain('  start: missing');
    expect(reports.rootRemoval).not.toMatch(/events\[0\]\.|Invalid input/);
    const child = reports.childOfBadParent!;
    expect(child).toMatch(/child-of-bad-parent\.json is not a valid scenario \(2 problems\):\n/);
    expect(child).toMatch(/ {2}in \S*bad-parent\.json, consumers\.growthPerYear: /);
    expect(child).toContain('  name: an id of lower-case letters');
  });

  it('reports a branch’s own rule problems beside its parent’s schema problems, down the chain', () => {
    const child = reports.childOfInvalidParent!;
    expect(child).toMatch(/child-of-invalid\.json is not a valid scenario \(3 problems\):\n/);
    expect(child).toMatch(/ {2}in \S*invalid-parent\.json, consumers\.growthPerYear: /);
    expect(child).toContain("  events[0]: a branch at 2026-06 keeps its parent's history before it: c-early of 2026-03 is not the parent's; date a change 2026-06 or later");
    expect(child).toContain('  seed: a branch at 2026-06 cannot change what the run starts from (1 in the parent, 4 here)');
    const grandchild = reports.grandchildOfInvalid!;
    expect(grandchild).toMatch(/grandchild-of-invalid\.json is not a valid scenario \(4 problems\):\n/);
    expect(grandchild).toMatch(/ {2}in \S*child-of-invalid\.json, events\[0\]: a branch at 2026-06 keeps/);
    expect(grandchild).toContain("  events[0]: a branch at 2026-09 keeps its parent's history before it: g-early of 2026-07 is not the parent's");
    // The parent's invalid field, taken from the baseline to check the rest, is no problem of the branch's.
    expect(child).not.toMatch(/^ {2}consumers\./m);
  });

  it('reports a branch’s own rule problems whatever its parent’s state: a parent that is no branch, or invalid only in its name', () => {
    const seed = '  seed: a branch at 2026-06 cannot change what the run starts from (1 in the parent, 4 here)';
    const plain = reports.branchOfPlainInvalid!;
    expect(plain).toMatch(/^\S*branch-of-plain\.json is not a valid scenario \(2 problems\):\n/);
    expect(plain).toMatch(/ {2}in \S*plain-invalid\.json, consumers\.growthPerYear: /);
    expect(plain).toContain(seed);
    const named = reports.branchOfBadName!;
    // The heading names the file the user gave, never its parent.
    expect(named).toMatch(/^\S*branch-of-bad-name\.json is not a valid scenario \(2 problems\):\n/);
    expect(named).toMatch(/ {2}in \S*bad-name-parent\.json, name: an id of lower-case letters/);
    expect(named).toContain(seed);
    const c3 = reports.c3!;
    expect(c3).toMatch(/^\S*c3\.json is not a valid scenario \(5 problems\):\n/);
    expect(c3).toMatch(/ {2}in \S*m3\.json, seed: a branch at 2026-06 cannot change what the run starts from \(1 in the parent, 2 here\)/);
    expect(c3).toMatch(/ {2}in \S*m3\.json, name: /);
    expect(c3).toContain('  name: an id of lower-case letters, digits and dashes; found "C 3"');
    expect(c3).toContain("  events[0]: a branch at 2026-06 keeps its parent's history before it: early-x of 2025-02 is not the parent's");
  });

  it('reports a branch’s own rule problems beside a parent that extends nothing and lacks a required field, or states it wrongly', () => {
    const early = { id: 'early-y', date: '2025-02', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.5 };
    for (const [name, change] of [['months-word', { months: 'many' }], ['no-compute', { compute: undefined }], ['vendors-word', { vendors: 'all' }]] as const) {
      file(`root-${name}.json`, { ...baselineJson(), name: 'root', ...change });
      const run = runCli('validate.ts', [file(`branch-of-${name}.json`, { extends: `root-${name}.json`, name: 'kid', branchesAt: '2026-01', seed: 7, events: [early] })]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`branch-of-${name}\\.json is not a valid scenario \\(3 problems\\):\\n {2}in \\S*root-${name}\\.json, `));
      expect(run.stderr).toContain('  seed: a branch at 2026-01 cannot change what the run starts from (1 in the parent, 7 here)');
      expect(run.stderr).toContain("  events[0]: a branch at 2026-01 keeps its parent's history before it: early-y of 2025-02 is not the parent's");
      noStackTrace(run);
    }
  });

  it('says once that a list of vendors or clouds is no list, never that every reference to it is unknown', () => {
    for (const [name, change, only] of [
      ['vendors-text', { vendors: 'all' }, 'vendors: '],
      ['no-vendors', { vendors: undefined }, 'vendors: missing'],
      ['clouds-object', { clouds: { aws: {} } }, 'clouds: '],
    ] as const) {
      const run = runCli('validate.ts', [file(`${name}.json`, { ...baselineJson(), name: 'root', ...change })]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${name}\\.json is not a valid scenario \\(1 problem\\):\\n {2}${only}`));
      expect(run.stderr).not.toContain('unknown');
    }
    // Events that are no list: no open-weights vendor is then said to be listed nowhere, in the parent's file.
    const events = runCli('validate.ts', [file('events-object.json', { extends: BASELINE_PATH, name: 'events-object', events: { a: 1 } })]);
    expect(events.stderr).toMatch(/events-object\.json is not a valid scenario \(1 problem\):\n {2}events: expected a list; found an object\n/);
  });

  it('says what a value of the wrong type or kind should be in words, not zod’s', () => {
    const run = runCli('validate.ts', [file('wrong-types.json', { extends: BASELINE_PATH, name: 'wrong-types', months: 'x', seed: [1], vendors: [{ id: 'newco', quality: 2 }, { id: 'other', weights: 'shut' }] })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('  months: expected a number; found "x"\n');
    expect(run.stderr).toContain('  seed: expected a number; found a list\n');
    expect(run.stderr).toContain('  vendors[0].weights: missing: one of "closed", "open"\n');
    expect(run.stderr).toContain('  vendors[1].weights: one of "closed", "open"; found "shut"\n');
    expect(run.stderr).not.toMatch(/Invalid (input|discriminator|option)|received/);
    const option = runCli('validate.ts', [file('wrong-option.json', { extends: BASELINE_PATH, name: 'wrong-option', dealsAtStart: [{ cloud: 'aws', vendor: 'anthropic', status: 'nope', amountUsd: 1, equityShare: 0.1 }] })]);
    expect(option.stderr).toContain('  dealsAtStart[0].status: one of "exclusive", "right-of-first-refusal", "primary", "none"; found "nope"\n');
  });

  it('reports a file’s own problems beside a parent that cannot be read: broken JSON, missing, or in a cycle', () => {
    const name = '  name: an id of lower-case letters, digits and dashes; found "Bad Name"';
    const broken = reports.childOfBroken!;
    expect(broken).toMatch(/^\S*child-of-broken\.json is not a valid scenario \(2 problems\):\n {2}in \S*broken\.json, \(json\): invalid JSON/);
    expect(broken).toContain(name);
    const missing = reports.childOfMissing!;
    expect(missing).toMatch(/^\S*child-of-missing\.json is not a valid scenario \(2 problems\):\n {2}extends: parent scenario \S*no-such-parent\.json: no such file\n/);
    expect(missing).toContain(name);
    const cycle = reports.cycle!;
    expect(cycle).toMatch(/^\S*cycle-a\.json is not a valid scenario \(2 problems\):\n {2}extends: extends forms a cycle: /);
    expect(cycle).toContain(name);
  });

  it('names the index in the user’s file, not in the config merged from its parent', () => {
    const report = reports.childIndices!;
    expect(report).toContain('  marketplace[0].vendor: unknown vendor "cohere"');
    expect(report).toContain('  events[3].vendor: unknown vendor "opanai"');
    expect(report).not.toMatch(/marketplace\[11\]|events\[58\]/);
  });

  it('names the events a message speaks of by their index in the user’s files, not in the merged config', () => {
    const merger = (date: string, cloud: string) => ({ date, type: 'merger', cloud, vendor: 'anthropic' });
    const twice = runCli('validate.ts', [file('two-mergers.json', { extends: BASELINE_PATH, name: 'two-mergers', events: [merger('2026-02', 'aws'), merger('2026-05', 'gcp'), { date: '2026-02', type: 'delisting', cloud: 'oracle', vendor: 'anthropic' }] })]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('  events[1]: this event merges anthropic into gcp in 2026-05, but events[0] merged it into aws in 2026-02; a vendor merges once');
    expect(twice.stderr).toContain('  events[2]: oracle does not list anthropic in 2026-02, so there is nothing to delist');
    expect(twice.stderr).not.toMatch(/events\[6\d\]/);
    // An event of another file of the chain is named with its file.
    file('merging-middle.json', { extends: BASELINE_PATH, name: 'merging-middle', events: [merger('2026-02', 'aws')] });
    const below = runCli('validate.ts', [file('merging-child.json', { extends: 'merging-middle.json', name: 'merging-child', events: [merger('2026-05', 'gcp')] })]);
    expect(below.stderr).toContain(`  events[0]: this event merges anthropic into gcp in 2026-05, but events[0] of ${join(dir, 'merging-middle.json')} merged it into aws in 2026-02`);
  });

  it('names the file of the chain a problem is in, with its index there', () => {
    expect(reports.grandchild).toMatch(/grandchild\.json is not a valid scenario \(1 problem\):\n {2}events\[0\]\.cloud: unknown cloud "ibm"/);
    // The child moves the start past events its parent scripts: those are named in the parent's file.
    expect(reports.laterStart).toMatch(/later-start\.json is not a valid scenario \(\d+ problems\):\n/);
    expect(reports.laterStart).toContain('  in configs/baseline.json, events[0].date: 2024-02 is before the run starts (2024-06)');
  });

  it('reports a middle file’s own events beside a parent of its that cannot be read: broken JSON, missing, or in a cycle', () => {
    const events = [
      { id: 'Bad_Id', date: '2025-01', type: 'capacity-shock', cloud: 'aws', factor: 0.5, months: 2 },
      { id: 'x', remove: 'yes' },
      { id: 'y', remove: true, date: '2025-01' },
    ];
    for (const [kind, parent] of [['broken', '{'], ['missing', undefined], ['cycle', JSON.stringify({ extends: 'top-cycle.json', name: 'c2' })]] as const) {
      const top = file(kind === 'cycle' ? 'top-cycle.json' : `top-${kind}.json`, { extends: `middle-${kind}.json`, name: 'a2' });
      file(`middle-${kind}.json`, { extends: `bottom-${kind}.json`, name: 'b2', events });
      if (parent !== undefined) writeFileSync(join(dir, `bottom-${kind}.json`), parent);
      const run = runCli('validate.ts', [top]);
      expect(run.status).toBe(2);
      const text = run.stdout + run.stderr;
      const middle = `in ${join(dir, `middle-${kind}.json`)}, `;
      expect(text).toContain(`${middle}events[0].id: an id of lower-case letters, digits and dashes; found "Bad_Id"`);
      expect(text).toContain(`${middle}events[1].remove: "remove" takes only true`);
      expect(text).toContain(`${middle}events[2]: a removal holds only id and remove; found also date`);
    }
  });

  it('says a problem found in a parent valid on its own is caused by the file’s own change', () => {
    // dealsAtStart is given whole: this one drops the parent's Azure–OpenAI deal its later amendments need.
    const path = file('drops-deal.json', { extends: BASELINE_PATH, name: 'drops-deal', dealsAtStart: [baselineJson().dealsAtStart[2]] });
    const run = runCli('validate.ts', [path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n {2}in configs\/baseline\.json, events\[11\]: azure holds no deal with openai by 2024-06 to amend [^\n]*; configs\/baseline\.json is valid without \S*drops-deal\.json: a change \S*drops-deal\.json makes causes this\n/);
  });

  it('names the parent a top-level unknown field is in, not the child that extends it', () => {
    const parent = file('parent-foo.json', { extends: BASELINE_PATH, name: 'p', foo: 1 });
    const child = file('child-of-foo.json', { extends: 'parent-foo.json', name: 'c', bar: 2 });
    const run = runCli('validate.ts', [child]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`\\n {2}in \\S*parent-foo\\.json, \\(top level\\): unknown field "foo";`));
    expect(run.stdout + run.stderr).toMatch(/\n {2}\(top level\): unknown field "bar";/);
    expect(run.stdout + run.stderr).not.toMatch(/\n {2}\(top level\): unknown field "foo"/);
    expect(runCli('validate.ts', [parent]).stdout + runCli('validate.ts', [parent]).stderr).toMatch(/\n {2}\(top level\): unknown field "foo";/);
  });

  it('names the event a branch removes from the history before it, at the removal', () => {
    const report = reports.removedBeforeBranch!;
    expect(report).toContain("  events[0]: a branch at 2026-01 keeps its parent's history before it: this removes the parent's anthropic-azure-30b of 2025-11; a branch removes only events dated 2026-01 or later");
    expect(report).not.toContain('differs');
  });

  it('says what "remove": false means instead of a raw schema error', () => {
    const report = reports.removeFalse!;
    expect(report).toMatch(/remove-false\.json is not a valid scenario \(1 problem\):\n {2}events\[0\]\.remove: /);
    expect(report).toContain('"remove" takes only true');
    expect(report).not.toMatch(/Invalid input|discriminator/i);
  });

  it('says a one-month run has no month to branch at, never a range running backwards', () => {
    const report = reports.oneMonthBranch!;
    expect(report).toContain('  branchesAt: 2024-01 is not within the run after its first month: a run of 1 month (2023-12) has no month after its first; branch in a run of 2 months or more');
    expect(report).not.toContain('2024-01 to 2023-12');
  });

  it('quotes names and values from the file as JSON writes them: a line break in one is escaped, never joined into another name', () => {
    const run = runCli('validate.ts', [file('line-breaks.json', { extends: BASELINE_PATH, name: 'q', 'a \nb': 1, marketplace: [{ cloud: 'aws', vendor: 'x \n y' }], events: [{ id: 'gpt-5 \n x', remove: true }] })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('  (top level): unknown field "a \\nb"; valid fields:');
    expect(run.stderr).toContain('  marketplace[0].vendor: unknown vendor "x \\n y"; known vendors:');
    expect(run.stderr).toContain('  events[0].id: no event "gpt-5 \\n x" in the parent to remove');
    expect(run.stderr).not.toMatch(/"a b"|"x y"|"gpt-5 x"/);
  });

  it('echoes no control character of a file’s path', () => {
    const path = join(dir, 'evil\u001b[2J\u0007.json');
    writeFileSync(path, JSON.stringify({ extends: BASELINE_PATH, name: 'Evil' }));
    for (const args of [[path], [path, '--quiet']]) {
      const run = runCli('validate.ts', args);
      expect(run.status).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(run.stderr).toContain('evil\\u001b[2J\\u0007.json is not a valid scenario');
    }
    for (const [script, args] of [
      ['simulate.ts', [path, '--no-charts']],
      ['simulate.ts', [BASELINE_PATH, '--\u001b[2Jx']],
      ['validate.ts', [BASELINE_PATH, '--\u001b[2Jx']],
      ['compare.ts', [BASELINE_PATH, path]],
    ] as const) {
      const run = runCli(script, args);
      expect(run.status).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
    // The launcher's unknown command, before anything is compiled.
    const launched = spawnSync(process.execPath, ['scripts/launch.mjs', 'sim\u001b[2J'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(launched.status).toBe(2);
    expect(launched.stderr).toContain('unknown command "sim\\u001b[2J"');
    // eslint-disable-next-line no-control-regex
    expect(launched.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('echoes no control character of the folder the explorer lists configs from', async () => {
    const evil = join(dir, 'e\u001b[31m\u0007');
    mkdirSync(evil);
    writeFileSync(join(evil, 'tiny.json'), JSON.stringify({ extends: BASELINE_PATH, name: 'tiny' }));
    const stdout = await exploreStartLines(join(evil, 'tiny.json'));
    expect(stdout).toContain('Configs are listed from');
    expect(stdout).toContain('e\\u001b[31m\\u0007/');
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  }, 30_000);
});

describe('--out paths in messages', () => {
  it('echo no control character of --out, in an error or in the line that says where the outputs went', () => {
    const { dir, baseline, cheap } = tinyConfigs('hostile-out-escape');
    const evil = join(dir, 'out\u001b[34m\u0007');
    writeFileSync(join(dir, 'a-file'), 'x');
    const shown = join(dir, 'out\\u001b[34m\\u0007');
    const runs = [
      runCli('simulate.ts', [baseline, '--no-charts', '--out', evil]),
      runCli('compare.ts', [baseline, cheap, '--no-charts', '--out', `${evil}-compare`]),
      runCli('simulate.ts', [baseline, '--no-charts', '--out', join(dir, 'a-file', 'x\u001b[34m')]),
    ];
    expect(runs.map((run) => run.status)).toEqual([0, 0, 2]);
    expect(runs[0]!.stdout).toContain(`to ${shown}`);
    expect(runs[1]!.stdout).toContain(`to ${shown}-compare`);
    expect(runs[2]!.stderr).toContain('x\\u001b[34m');
    for (const run of runs) {
      // eslint-disable-next-line no-control-regex
      expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
  }, 60_000);
});

describe('paths holding a line feed', () => {
  it('print on one line, the line feed escaped, on stdout and stderr alike, never as a space naming another path', () => {
    const { dir, baseline } = tinyConfigs('hostile-newline-path');
    const folder = join(dir, 'a\nb');
    const shown = join(dir, 'a\\u000ab');
    const run = runCli('simulate.ts', [baseline, '--no-charts', '--out', folder]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`to ${shown}/\n`);
    writeFileSync(join(folder, 'bad.json'), '{');
    for (const [script, file] of [['validate.ts', join(folder, 'bad.json')], ['validate.ts', join(folder, 'none.json')], ['simulate.ts', join(folder, 'bad.json')]] as const) {
      const checked = runCli(script, [file]);
      expect(checked.status).toBe(2);
      expect(checked.stdout + checked.stderr).toContain(`${shown}/${file.endsWith('bad.json') ? 'bad' : 'none'}.json is not a valid scenario`);
      expect(checked.stdout + checked.stderr).not.toContain(join(dir, 'a b'));
    }
    // Through a file: one error naming it, no warning about looking for outputs to put back there.
    const through = runCli('simulate.ts', [baseline, '--no-charts', '--out', join(folder, 'summary.json', 'x')]);
    expect(through.status).toBe(2);
    expect(through.stderr).toBe(`error: --out ${shown}/summary.json/x cannot be made: ${shown}/summary.json is a file, not a folder\n`);
    // A targets file, and shard folders, named in messages of many lines.
    const targets = runCli('simulate.ts', [baseline, '--no-charts', '--targets', join(folder, 'nt.json')]);
    expect(targets.status).toBe(2);
    expect(targets.stderr).toContain(`error: ${shown}/nt.json is not a valid targets file:\n  (file): ${shown}/nt.json: no such file\n`);
    const merge = runCli('merge.ts', [join(folder, 'x')]);
    expect(merge.status).toBe(2);
    expect(merge.stderr).toContain(`${shown}/x: no such folder\n`);
  }, 60_000);

  it('print on one line in the explorer’s lines', async () => {
    const { dir } = tinyConfigs('hostile-newline-explore');
    const folder = join(dir, 'e\nf');
    mkdirSync(folder);
    writeFileSync(join(folder, 'tiny.json'), JSON.stringify({ extends: BASELINE_PATH, name: 'tiny' }));
    const stdout = await exploreStartLines(join(folder, 'tiny.json'));
    expect(stdout).toContain(`Configs are listed from ${join(dir, 'e\\u000af')}/ and saved there.`);
  }, 30_000);
});

describe('reports under --ticks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-hostile-ticks-'));
  // The baseline's description says it runs "to the end of 2028"; --ticks 3 runs to February 2024.
  const note = '> **--ticks 3:** this run covers 3 months, Dec 2023 – Feb 2024; the description above is of the scenario as configured, 61 months to Dec 2028.';

  it('say the months the run covered beside a description written for the scenario’s own', () => {
    const simulate = runCli('simulate.ts', [BASELINE_PATH, '--ticks', '3', '--runs', '2', '--no-charts', '--quiet', '--out', join(dir, 'simulate')]);
    expect(simulate.status).toBe(0);
    const report = readFileSync(join(dir, 'simulate', 'report.md'), 'utf8');
    expect(report).toContain('then run to the end of 2028');
    expect(report).toContain(`\n\n${note}\n\n`);
    const sweep = runCli('sweep.ts', [BASELINE_PATH, '--param', 'enterprises.policies.switching.params.paybackMonths=6:12:2', '--ticks', '3', '--no-charts', '--quiet', '--out', join(dir, 'sweep')]);
    expect(sweep.status).toBe(0);
    expect(readFileSync(join(dir, 'sweep', 'report.md'), 'utf8')).toContain(`\n\n${note}\n\n`);
  }, 120_000);

  it('say, on the console and in the report, when the run ends before the scenario branches from its parent', () => {
    const { dir: folder, baseline } = tinyConfigs('hostile-before-branch');
    const branch = join(folder, 'late-branch.json');
    writeFileSync(branch, JSON.stringify({ extends: 'tiny.json', name: 'late-branch', branchesAt: '2024-04', enterprises: { priceElasticity: 2 } }));
    const said = "late-branch: the run ends in 2024-02, before the scenario branches from its parent in 2024-04: every month of it is the parent's, and it shows nothing of what the scenario changes; run to 2024-04 or later";
    const simulate = runCli('simulate.ts', [branch, '--ticks', '3', '--no-charts', '--out', join(folder, 'simulate')]);
    expect(simulate.status).toBe(0);
    expect(simulate.stderr).toContain(`warning: ${said}\n`);
    expect(readFileSync(join(folder, 'simulate', 'report.md'), 'utf8')).toContain('It ends in 2024-02, before the scenario branches from its parent in 2024-04');
    const compare = runCli('compare.ts', [baseline, branch, '--ticks', '3', '--no-charts', '--out', join(folder, 'compare')]);
    expect(compare.status).toBe(0);
    expect(compare.stderr).toContain(`warning: ${said}\n`);
    // Run past the branch, nothing is said.
    expect(runCli('simulate.ts', [branch, '--ticks', '5', '--no-charts', '--out', join(folder, 'past')]).stderr).not.toContain('before the scenario branches');
  }, 120_000);

  it('head the note with what the user gave to stop the runs, --at, not the --ticks it became', () => {
    const sweep = runCli('sweep.ts', [BASELINE_PATH, '--param', 'enterprises.policies.switching.params.paybackMonths=6:12:2', '--at', '2024-02', '--no-charts', '--quiet', '--out', join(dir, 'sweep-at')]);
    expect(sweep.status).toBe(0);
    const report = readFileSync(join(dir, 'sweep-at', 'report.md'), 'utf8');
    expect(report).toContain(`\n\n${note.replace('--ticks 3', '--at 2024-02')}\n\n`);
    expect(report).not.toContain('--ticks');
  }, 120_000);
});

/** What `npm run explore` prints up to saying how to stop it, for a config; the server is then stopped. */
async function exploreStartLines(config: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/explore.ts`, config], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
  let stdout = '';
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Ctrl-C stops it')) done();
    });
    child.on('close', () => fail(new Error(`explore ended: ${stdout}`)));
  });
  child.kill('SIGTERM');
  return stdout;
}

describe('paths holding a line feed, in one-line refusals', () => {
  it('stay on one line, escaped, in every refusal that names them: a manifest’s job, --uncertain, a calibration manifest, a tool’s file, validate’s verdicts', () => {
    const { dir, baseline } = tinyConfigs('hostile-newline-refusals');
    // A space before the line feed: the wrap a message's formatting would join into "a b", naming another path.
    const folder = join(dir, 'a \nb');
    const shown = join(dir, 'a \\u000ab');
    mkdirSync(folder);
    const config = join(folder, 'tiny.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(baseline, 'utf8')), extends: BASELINE_PATH }));
    expect(runCli('simulate.ts', [config, '--no-charts', '--quiet', '--out', join(folder, 'out')]).status).toBe(0);
    const manifest = join(folder, 'out', 'manifest.json');
    writeFileSync(join(folder, 'calibration.json'), JSON.stringify({ format: 'llm-market-sim calibration manifest 1' }));
    writeFileSync(join(folder, 'partial.json'), JSON.stringify({ format: 'llm-market-sim partial 2' }));
    const refusals = [
      runCli('simulate.ts', [manifest, '--seed', '3']),
      runCli('compare.ts', [manifest]),
      runCli('sweep.ts', [manifest]),
      runCli('simulate.ts', [config, '--uncertain', '--runs', '2']),
      runCli('simulate.ts', [join(folder, 'calibration.json')]),
      runCli('validate.ts', [join(folder, 'partial.json')]),
      runCli('validate.ts', [join(folder, 'none.json')]),
      // Shard folders that are not: a file, a folder without a partial result.
      runCli('merge.ts', [config, join(folder, 'out')]),
      runCli('merge.ts', [join(folder, 'out'), join(folder, 'out')]),
    ];
    for (const run of refusals) {
      expect(run.status, run.stderr).toBe(2);
      const error = run.stderr.split('\n').find((line) => line.includes(shown));
      expect(error, run.stderr).toBeDefined();
      expect(run.stdout + run.stderr).not.toContain(join(dir, 'a b'));
      expect(run.stdout + run.stderr).not.toMatch(/a \n/);
    }
    const ok = runCli('validate.ts', [config, manifest]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`ok ${shown}/tiny.json\n`);
    expect(ok.stdout).toContain(`ok ${shown}/out/manifest.json (a manifest of a simulate job: npm run simulate -- ${shown}/out/manifest.json runs it again)\n`);
    expect(ok.stdout).not.toMatch(/a \n/);
  }, 60_000);
});

describe('a file the tool wrote, or of another kind, given as a scenario', () => {
  it('is refused in one sentence naming what it is and the config it ran, as a parent or as the config itself; so are a targets file and the JSON Schema', () => {
    const { dir, baseline, cheap } = tinyConfigs('hostile-tool-files');
    expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--out', join(dir, 'run')]).status).toBe(0);
    expect(runCli('compare.ts', [baseline, cheap, '--no-charts', '--quiet', '--out', join(dir, 'cmp')]).status).toBe(0);
    const child = (name: string, parent: string, fields: Record<string, unknown> = {}) => {
      writeFileSync(join(dir, name), JSON.stringify({ extends: parent, name: 'child', ...fields }));
      return join(dir, name);
    };
    const fromManifest = runCli('validate.ts', [child('of-manifest.json', 'run/manifest.json')]);
    expect(fromManifest.status).toBe(2);
    expect(fromManifest.stderr).toBe(
      `${join(dir, 'of-manifest.json')} is not a valid scenario (1 problem):\n  extends: parent scenario ${join(dir, 'run', 'manifest.json')} is the manifest.json of a run (npm run simulate), not a scenario: give the config it ran, ${baseline} (the path as given where it ran)\n`,
    );
    // The child's own problems still come beside it.
    const withOwn = runCli('validate.ts', [child('of-compare.json', 'cmp/manifest.json', { name: 'Bad Name' })]);
    expect(withOwn.stderr).toMatch(/\(2 problems\):\n {2}extends: parent scenario \S+ is the manifest\.json of a run \(npm run compare\), not a scenario: give one of the configs it ran, \S*tiny\.json, \S*cheap\.json /);
    expect(withOwn.stderr).toContain('  name: an id of lower-case letters');
    const fromSummary = runCli('validate.ts', [child('of-summary.json', 'run/summary.json')]);
    expect(fromSummary.stderr).toContain("(1 problem):\n  extends: parent scenario");
    expect(fromSummary.stderr).toContain("/run/summary.json is a run's summary.json, not a scenario");
    // A targets file and the configs' JSON Schema, as parents.
    const fromTargets = runCli('validate.ts', [child('of-targets.json', join(PROJECT_ROOT, 'configs/targets/2023-2025.json'))]);
    expect(fromTargets.stderr).toMatch(/\(1 problem\):\n {2}extends: parent scenario \S*configs\/targets\/2023-2025\.json is a targets file, not a scenario: give it with --targets/);
    const fromSchema = runCli('validate.ts', [child('of-schema.json', join(PROJECT_ROOT, 'configs/schema.json'))]);
    expect(fromSchema.stderr).toMatch(/\(1 problem\):\n {2}extends: parent scenario \S*configs\/schema\.json is a JSON Schema, not a scenario/);
    // Given as the config: a summary, and a manifest of a format this version does not read.
    const other = join(dir, 'other-manifest.json');
    writeFileSync(other, readFileSync(join(dir, 'run', 'manifest.json'), 'utf8').replace('llm-market-sim manifest 1', 'llm-market-sim manifest 9'));
    for (const [script, file] of [['simulate.ts', join(dir, 'run', 'summary.json')], ['validate.ts', other], ['simulate.ts', other]] as const) {
      const run = runCli(script, [file, '--quiet']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/\(1 problem\):\n {2}\(file\): \S+ is (a run's summary\.json|the manifest\.json of a run \(npm run simulate\)), not a scenario: give the config/);
      noStackTrace(run);
    }
  }, 60_000);
});

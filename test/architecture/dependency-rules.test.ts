import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-cli.js';

/**
 * .dependency-cruiser.cjs, which `npm test` runs over src/, catches what it is there for: a small
 * tree that breaks each rule once fails the check, naming the rule and the files.
 */

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'llm-sim-depcruise-'));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', join(PROJECT_ROOT, '.dependency-cruiser.cjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the rules of the house (.dependency-cruiser.cjs)', () => {
  it('passes a tree whose core imports only the core and whose edge imports the core', () => {
    const run = cruise({
      'src/engine/calendar.ts': 'export const months = 12;\n',
      'src/world/state.ts': "import { months } from '../engine/calendar.js';\nexport const year = months;\n",
      'src/cli/simulate.ts': "import { readFileSync } from 'node:fs';\nimport { year } from '../world/state.js';\nexport const read = () => [readFileSync, year];\n",
    });
    expect(run.output).toContain('no dependency violations');
    expect(run.status).toBe(0);
  });

  it('fails an import cycle, naming every file in it', () => {
    const run = cruise({
      'src/report/summary.ts': "import { key } from './kpi-keys.js';\nexport const summary = key;\n",
      'src/report/kpi-keys.ts': "import type { summary } from './summary.js';\nexport const key = 'k';\nexport type S = typeof summary;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/no-circular: src\/report\/(summary|kpi-keys)\.ts/);
    expect(run.output).toContain('src/report/summary.ts');
    expect(run.output).toContain('src/report/kpi-keys.ts');
  });

  it('fails the core importing the edge or a Node API, naming the file and what it imports', () => {
    const run = cruise({
      'src/cli/output.ts': 'export const out = 1;\n',
      'src/market/settlement.ts': "import { out } from '../cli/output.js';\nexport const settled = out;\n",
      'src/simulation/run-simulation.ts': "import { readFileSync } from 'node:fs';\nexport const run = readFileSync;\n",
      'src/agents/enterprises.ts': "import { Piscina } from 'piscina';\nexport const pool = Piscina;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/core-imports-no-edge: src\/market\/settlement\.ts → .*src\/cli\/output\.ts/);
    expect(run.output).toMatch(/core-imports-no-node: src\/simulation\/run-simulation\.ts → .*fs/);
    expect(run.output).toMatch(/core-imports-no-node-package: src\/agents\/enterprises\.ts → .*piscina/);
  });

  it('holds the analysis statistics to the core: no edge, no Node API, so they run in a browser', () => {
    const run = cruise({
      'src/report/format.ts': 'export const format = String;\n',
      'src/analysis/sobol-indices.ts': "import { format } from '../report/format.js';\nexport const indices = format;\n",
      'src/analysis/prim.ts': "import { randomBytes } from 'node:crypto';\nexport const prim = randomBytes;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/core-imports-no-edge: src\/analysis\/sobol-indices\.ts → .*src\/report\/format\.ts/);
    expect(run.output).toMatch(/core-imports-no-node: src\/analysis\/prim\.ts → .*crypto/);
  });

  it('fails the machinery naming a kind, a kind importing another, and anything below the command line importing it', () => {
    const run = cruise({
      'src/jobs/job-kind.ts': 'export type Kind = { name: string };\n',
      'src/jobs/compare/job.ts': "import type { Kind } from '../job-kind.js';\nexport type Compare = Kind;\n",
      'src/jobs/sweep/kind.ts': "import type { Compare } from '../compare/job.js';\nexport type Sweep = Compare;\n",
      'src/jobs/registry.ts': "import type { Sweep } from './sweep/kind.js';\nexport type Kinds = Sweep[];\n",
      'src/batch/job.ts': "import type { Sweep } from '../jobs/sweep/kind.js';\nimport type { Kinds } from '../jobs/registry.js';\nexport type Plan = [Sweep, Kinds];\n",
      'src/cli/command.ts': "import type { Kinds } from '../jobs/registry.js';\nexport type Command = Kinds;\n",
      'src/report/summary.ts': "import type { Command } from '../cli/command.js';\nexport type Summary = Command;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/machinery-knows-no-kind: src\/batch\/job\.ts → .*src\/jobs\/sweep\/kind\.ts/);
    expect(run.output).toMatch(/kinds-apart: src\/jobs\/sweep\/kind\.ts → .*src\/jobs\/compare\/job\.ts/);
    expect(run.output).toMatch(/nothing-below-the-cli-imports-it: src\/report\/summary\.ts → .*src\/cli\/command\.ts/);
    // The registry naming kinds, and the command line using it, are the design.
    expect(run.output).not.toMatch(/src\/jobs\/registry\.ts →/);
    expect(run.output).not.toMatch(/: src\/cli\/command\.ts →/);
    expect(run.output).toContain('3 dependency violations');
  });

  it("keeps the explorer's page to what runs in a browser, and imported by nothing else", () => {
    const run = cruise({
      'src/render/chart-specs.ts': 'export const charts = [];\n',
      'src/io/read-json-file.ts': 'export const read = 1;\n',
      'src/explorer/page/main.ts': "import { readFileSync } from 'node:fs';\nimport { charts } from '../../render/chart-specs.js';\nimport { read } from '../../io/read-json-file.js';\nexport const page = [readFileSync, charts, read];\n",
      'src/explorer/server/bundle.ts': "import { page } from '../page/main.js';\nexport const bundle = page;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/page-runs-in-a-browser: src\/explorer\/page\/main\.ts → .*fs/);
    expect(run.output).toMatch(/page-imports-nothing-node-only: src\/explorer\/page\/main\.ts → src\/io\/read-json-file\.ts/);
    expect(run.output).toMatch(/only-the-page-imports-the-page: src\/explorer\/server\/bundle\.ts → src\/explorer\/page\/main\.ts/);
    expect(run.output).not.toMatch(/main\.ts → src\/render\/chart-specs\.ts/);
  });
});

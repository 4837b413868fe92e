import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { launch, launchableProject } from '../support/launch-project.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

/** The documents of a YAML file, as plain objects. */
function documents(path: string): Record<string, any>[] {
  return parseAllDocuments(read(path)).map((doc) => {
    expect(doc.errors, path).toEqual([]);
    return doc.toJS();
  });
}

/** Validates an object against the Kubernetes JSON Schema for batch/v1 Job; the error's text, or null. */
function jobSchemaError(job: unknown): string | null {
  try {
    new Job(job as ConstructorParameters<typeof Job>[0]).validate();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The fenced code blocks of the README, without their fences. */
function readmeBlocks(): string[] {
  return [...read('README.md').matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const scratch = mkdtempSync(join(tmpdir(), 'llm-sim-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the Kubernetes Indexed Job', () => {
  const [sweep] = documents('deploy/k8s/sweep-job.yaml');
  const [merge] = documents('deploy/k8s/merge-job.yaml');
  const container = sweep!.spec.template.spec.containers[0];
  const args: string[] = container.args;
  const shard = args[args.indexOf('--shard') + 1]!;
  const out = args[args.indexOf('--out') + 1]!;
  const shards = sweep!.spec.completions as number;

  it('is a valid batch/v1 Job, as is its merge, and its volume a valid claim, by the Kubernetes JSON Schemas', () => {
    expect(jobSchemaError(sweep)).toBeNull();
    expect(jobSchemaError(merge)).toBeNull();
    const [claim] = documents('deploy/k8s/shards-pvc.yaml');
    expect(() => new PersistentVolumeClaim(claim as ConstructorParameters<typeof PersistentVolumeClaim>[0]).validate()).not.toThrow();
    expect(claim!.metadata.name).toBe(sweep!.spec.template.spec.volumes[0].persistentVolumeClaim.claimName);
    expect(claim!.spec.accessModes).toEqual(['ReadWriteMany']);
    // The schema catches what a cluster would refuse.
    expect(jobSchemaError({ ...sweep, spec: { ...sweep!.spec, completionMode: 'indexed' } })).toMatch(/completionMode must be equal to one of the allowed values/);
    expect(jobSchemaError({ ...sweep, spec: { ...sweep!.spec, completions: '8' } })).toMatch(/completions must be integer/);
  });

  it('runs one shard per index: Indexed completion, the index as --shard $(JOB_COMPLETION_INDEX)/N, N the completions', () => {
    expect(sweep!.spec.completionMode).toBe('Indexed');
    expect(shard).toBe(`$(JOB_COMPLETION_INDEX)/${shards}`);
    expect(out).toMatch(/\/\$\(JOB_COMPLETION_INDEX\)$/);
    expect(sweep!.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('writes every shard to a shared volume the merge reads, and the merge lists every index once', () => {
    const mounts = (job: Record<string, any>) => job.spec.template.spec.containers[0].volumeMounts as { name: string; mountPath: string }[];
    const claim = (job: Record<string, any>, name: string) => job.spec.template.spec.volumes.find((v: { name: string }) => v.name === name)?.persistentVolumeClaim?.claimName;
    const [mount] = mounts(sweep!);
    expect(out.startsWith(`${mount!.mountPath}/`)).toBe(true);
    expect(claim(sweep!, mount!.name)).toBeTruthy();
    const [mergeMount] = mounts(merge!);
    expect(claim(merge!, mergeMount!.name)).toBe(claim(sweep!, mount!.name));
    const folders = (merge!.spec.template.spec.containers[0].args as string[]).filter((a) => a.startsWith(out.replace('$(JOB_COMPLETION_INDEX)', '')));
    expect(folders).toEqual(Array.from({ length: shards }, (_, i) => out.replace('$(JOB_COMPLETION_INDEX)', String(i))));
  });

  it('asks the tool for a job it accepts: shard 0 of the sweep’s own arguments, cut to two months, runs', () => {
    const [node, ...launcher] = container.command as string[];
    expect(node).toBe('node');
    const own = args.map((a) => (a === shard ? `0/${shards}` : a === out ? join(scratch, 'shard-0') : a));
    const run = spawnSync(process.execPath, [...launcher, ...own, '--ticks', '2'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(scratch, 'shard-0'))).toContain('partial.json');
  }, 120_000);
});

/** The files whose size and time scripts/compile-src.mjs's stamp holds: tsconfig.json, scripts/ and src/. */
function filesForStamp(root: string): string[] {
  const under = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? under(join(dir, entry.name)) : [join(root, dir, entry.name)]));
  return [join(root, 'tsconfig.json'), ...under('scripts'), ...under('src')];
}

/** Every source's modification time cut to the second, as an exported image's layers (tar) or a SIF (squashfs) keep it. */
function cutToWholeSeconds(root: string): void {
  for (const path of filesForStamp(root)) {
    const seconds = Math.floor(statSync(path).mtimeMs / 1000);
    utimesSync(path, seconds, seconds);
  }
}

/**
 * Spawn options under which a command cannot write in `root`: another user (nobody) when the tests
 * run as root, whom no mode stops; else the folder made read-only.
 */
function cannotWrite(root: string): { uid?: number; gid?: number } {
  if (process.getuid?.() === 0) {
    chmodSync(root, 0o755);
    return { uid: 65534, gid: 65534 };
  }
  chmodSync(root, 0o555);
  return {};
}

/** Whether the unprivileged user nobody can read a file (every folder above it must let them in). */
function nobodyCanRead(path: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', 'require("node:fs").accessSync(process.argv[1], require("node:fs").constants.R_OK)', path], { uid: 65534, gid: 65534 });
  return probe.status === 0;
}

/** dockerfilelint's findings on a Dockerfile, as "line: title". */
function lint(path: string): string[] {
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/dockerfilelint'), ['-o', 'json', path], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { files: { issues: { line: string; title: string }[] }[] };
  return report.files.flatMap((f) => f.issues.map((i) => `${i.line}: ${i.title}`));
}

describe('deploy/Dockerfile', () => {
  it('passes dockerfilelint, which finds the usual mistakes in a Dockerfile', () => {
    expect(lint(join(PROJECT_ROOT, 'deploy/Dockerfile'))).toEqual([]);
    const bad = join(scratch, 'Dockerfile');
    writeFileSync(bad, 'FROM node\nRUN apt-get update\nRUN apt-get install libcairo2-dev\n');
    expect(lint(bad)).toEqual(expect.arrayContaining(['1: Base Image Missing Tag', '2: apt-get update without matching apt-get install', '3: Missing parameter for `apt-get`']));
  });


  const dockerfile = DockerfileParser.parse(read('deploy/Dockerfile'));
  const instructions = dockerfile.getInstructions().map((i) => ({ keyword: i.getKeyword(), args: i.getArgumentsContent() ?? '' }));
  const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args.replace(/\\\n\s*/g, ' '));

  it('starts from Node 20 on Debian, the Node the project is tested on', () => {
    expect(instructions[0]).toEqual({ keyword: 'FROM', args: 'node:20-bookworm-slim' });
  });

  it('installs the system packages .ci/run installs for canvas, and the dependencies from the lock file', () => {
    const needed = /needed=\(([^)]*)\)/.exec(read('.ci/run'))![1]!.trim().split(/\s+/);
    const apt = runs.find((r) => r.includes('apt-get install'))!;
    const installed = apt.slice(apt.indexOf('--no-install-recommends') + '--no-install-recommends'.length).split('&&')[0]!.trim().split(/\s+/);
    expect(installed.sort()).toEqual([...needed].sort());
    const copies = instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies[0]).toBe('package.json package-lock.json ./');
    expect(read('deploy/Dockerfile')).toMatch(/^COPY --chown=node:node package\.json package-lock\.json \.\/$/m);
    expect(runs).toContain('npm ci --no-audit --no-fund');
    // Built and run as the image's unprivileged user: outputs on a shared volume are not root's.
    const user = instructions.findIndex((i) => i.keyword === 'USER');
    expect(instructions[user]!.args).toBe('node');
    expect(user).toBeLessThan(instructions.findIndex((i) => i.keyword === 'RUN' && i.args.startsWith('npm ci')));
    expect(runs).toContain('npx tsc --noEmit');
  });

  it('runs a command as npm run does, node scripts/launch.mjs <command> with node the first process, as the Kubernetes Jobs ask it', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const isCommand = (name: string) => scripts[name] === `exec node scripts/launch.mjs ${name}`;
    const entry = JSON.parse(instructions.find((i) => i.keyword === 'ENTRYPOINT')!.args) as string[];
    expect(entry).toEqual(['node', 'scripts/launch.mjs']);
    const [command] = JSON.parse(instructions.find((i) => i.keyword === 'CMD')!.args) as string[];
    expect(isCommand(command!)).toBe(true);
    for (const path of ['deploy/k8s/sweep-job.yaml', 'deploy/k8s/merge-job.yaml']) {
      for (const job of documents(path)) {
        const { image, imagePullPolicy, command } = job.spec.template.spec.containers[0];
        expect(image).toBe('llm-market-sim:latest');
        // An image loaded into the nodes rather than pulled: Kubernetes' default for :latest, Always, would pull it.
        expect(imagePullPolicy).toBe('IfNotPresent');
        expect(command.slice(0, 2)).toEqual(entry);
        expect(isCommand(command[2]), path).toBe(true);
      }
    }
  });

  it('compiles dist/ at build time, after the type check: a user who cannot write in the project then runs a command, times cut to whole seconds or not', async ({ skip }) => {
    // Run as root, the test's other user is nobody, who must read the dependencies the small
    // project links to; a checkout in a folder only root may enter (mktemp -d) keeps them out.
    if (process.getuid?.() === 0 && !nobodyCanRead(join(PROJECT_ROOT, 'node_modules', 'rxjs', 'package.json'))) {
      skip(`nobody (uid 65534) cannot read ${PROJECT_ROOT}/node_modules, so the unprivileged run cannot be tried here`);
    }
    // The Dockerfile's own step, run on a small project of one command.
    const step = runs.find((r) => r.includes('scripts/compile-src.mjs'))!;
    expect(runs.indexOf(step)).toBeGreaterThan(runs.indexOf('npx tsc --noEmit'));
    expect(instructions.findIndex((i) => i.keyword === 'RUN' && i.args.includes('scripts/compile-src.mjs'))).toBeGreaterThan(instructions.findIndex((i) => i.keyword === 'COPY' && i.args.endsWith(' . .')));
    const image = launchableProject();
    const untouched = launchableProject();
    onTestFinished(() => {
      for (const root of [image, untouched]) {
        chmodSync(root, 0o755);
        rmSync(root, { recursive: true, force: true });
      }
    });
    const built = spawnSync('sh', ['-c', step], { cwd: image, encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    cutToWholeSeconds(image);
    expect(await launch(image, ['hello'], cannotWrite(image))).toEqual({ status: 0, stdout: 'hello\n', stderr: '' });
    // That user could not have compiled: a stale dist/ is refused, at once.
    const source = join(image, 'src/engine/greeting.ts');
    utimesSync(source, Date.now() / 1000 + 5, Date.now() / 1000 + 5);
    const stale = await launch(image, ['hello'], cannotWrite(image));
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/^error: compiling src\/ into dist\/ failed: dist\/ is not of the current sources, and \S+ cannot be written \(EACCES\) to compile it there/);
    // Without the times set first, the build is of sub-second times, and no longer current once they are cut.
    for (const path of filesForStamp(untouched)) utimesSync(path, 1_700_000_000.25, 1_700_000_000.25);
    expect(spawnSync(process.execPath, ['scripts/compile-src.mjs'], { cwd: untouched, encoding: 'utf8' }).status).toBe(0);
    expect((await launch(untouched, ['hello'], cannotWrite(untouched))).stdout).toBe('hello\n');
    cutToWholeSeconds(untouched);
    expect((await launch(untouched, ['hello'], cannotWrite(untouched))).status).toBe(1);
  }, 60_000);
});

describe('the README', () => {
  it('shows the SLURM script and the Kubernetes Jobs as they are in deploy/, byte for byte', () => {
    const blocks = readmeBlocks();
    for (const path of ['deploy/slurm/shard.sbatch', 'deploy/k8s/sweep-job.yaml', 'deploy/k8s/merge-job.yaml', 'deploy/k8s/shards-pvc.yaml']) {
      expect(blocks, path).toContain(read(path));
    }
  });

  it('runs the SLURM test from .ci/run, after the test command', () => {
    const ci = read('.ci/run');
    expect(ci.indexOf('bash deploy/slurm/ci-test.sh')).toBeGreaterThan(ci.indexOf('npm test'));
  });
});

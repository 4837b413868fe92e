import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';

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
    const [script] = (container.command as string[]).slice(-1);
    expect(existsSync(join(PROJECT_ROOT, script!))).toBe(true);
    const own = args.map((a) => (a === shard ? `0/${shards}` : a === out ? join(scratch, 'shard-0') : a));
    const run = runCli(script!.replace('src/cli/', ''), [...own, '--ticks', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(scratch, 'shard-0'))).toContain('partial.json');
  }, 120_000);
});

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

  it('runs a CLI file under node, as the Kubernetes Jobs ask it', () => {
    const entry = instructions.find((i) => i.keyword === 'ENTRYPOINT')!.args;
    expect(JSON.parse(entry)).toEqual(['node', '--import', 'tsx']);
    for (const path of ['deploy/k8s/sweep-job.yaml', 'deploy/k8s/merge-job.yaml']) {
      for (const job of documents(path)) {
        const { image, imagePullPolicy, command } = job.spec.template.spec.containers[0];
        expect(image).toBe('llm-market-sim:latest');
        // An image loaded into the nodes rather than pulled: Kubernetes' default for :latest, Always, would pull it.
        expect(imagePullPolicy).toBe('IfNotPresent');
        expect(command.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
      }
    }
  });
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

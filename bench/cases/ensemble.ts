/**
 * An ensemble: `node --import tsx bench/cases/ensemble.ts <runs> <workers>`. Runs the baseline as
 * shipped with seeds seed, seed + 1, … on the run pool of src/ (startPool, worker threads) and prints
 * JSON: wall time from starting the pool to the last result (workers' start included), peak RSS, and
 * where the ensemble's CPU went (workers, V8's helper threads, main thread; Linux only, else null).
 *
 * The pool is still being built by others: it is loaded by name at run time and checked, so a change
 * to its interface turns this case into "not measured: <reason>" rather than breaking the type check
 * of the whole project.
 */
import { baselineWith, positiveIntArg } from '../scenario.js';
import { cpuSplit, threadCpuMs } from './thread-cpu.js';

interface PoolModule {
  startPool(job: {
    tasks: Iterator<{ task: number; describe: string; input: { scenario: unknown; seed: number; reduction: 'series' } }>;
    workers: number;
    onResult: (task: number, result: unknown) => void;
  }): { outcome: Promise<{ success: true } | { success: false; message: string }> };
}

const POOL_MODULE = '../../src/cli/run-pool.js';

async function loadPool(): Promise<PoolModule | string> {
  try {
    const module = (await import(POOL_MODULE)) as Partial<PoolModule>;
    return typeof module.startPool === 'function' ? (module as PoolModule) : `${POOL_MODULE} exports no startPool`;
  } catch (error) {
    return `cannot load ${POOL_MODULE}: ${(error as Error).message}`;
  }
}

const runs = positiveIntArg(process.argv[2], 'runs');
const workers = positiveIntArg(process.argv[3], 'workers');
const pool = await loadPool();
if (typeof pool === 'string') {
  process.stdout.write(`${JSON.stringify({ measured: false, reason: pool })}\n`);
} else {
  const scenario = baselineWith();
  function* tasks() {
    // The ensemble's seeds, as src/batch/seeds.ts derives them: seed + run.
    for (let run = 0; run < runs; run++) {
      yield { task: run, describe: `run ${run}`, input: { scenario, seed: (scenario.seed + run) % 2 ** 32, reduction: 'series' as const } };
    }
  }
  const processMs = () => {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  };
  let results = 0;
  const threadsBefore = threadCpuMs();
  const processBefore = processMs();
  const started = performance.now();
  const outcome = await pool.startPool({ tasks: tasks(), workers, onResult: () => results++ }).outcome;
  const wallMs = performance.now() - started;
  const processCpuMs = processMs();
  const threadsAfter = threadCpuMs();
  if (!outcome.success) throw new Error(`the ensemble failed: ${outcome.message}`);
  if (results !== runs) throw new Error(`the ensemble returned ${results} results for ${runs} runs`);
  // Where the ensemble's CPU went: the workers (ended with the pool), V8's helper threads, the main thread.
  const split =
    threadsBefore && threadsAfter
      ? cpuSplit({ processMs: processBefore, threads: threadsBefore }, { processMs: processCpuMs, threads: threadsAfter })
      : null;
  const cpu = split && { workersMs: split.endedThreadsMs, helpersMs: split.helperThreadsMs, mainMs: split.mainMs };
  process.stdout.write(
    `${JSON.stringify({ measured: true, runs, workers, wallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024, processCpuMs, cpu })}\n`,
  );
}

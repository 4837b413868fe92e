import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { canonicalJson } from '../batch/canonical-json.js';

/**
 * The runs a calibration has finished, kept beside its output folder (`.<out>.calibration-journal`)
 * until the calibration is written: one line per run, so a calibration interrupted (Ctrl-C, a kill,
 * a reboot) and started again with the same command takes them back instead of running them again.
 * The first line identifies the calibration (a hash of everything that decides its points, the
 * code that runs them included: package version, git revision, uncommitted source changes); a
 * journal of another calibration, or of the same one under other code, is started afresh. A torn last line (a kill mid-write) is dropped.
 */
export class CalibrationJournal {
  private readonly done = new Map<string, number[]>();

  private constructor(
    readonly path: string,
    readonly resumed: number,
  ) {}

  static open(outDir: string, identity: unknown): CalibrationJournal {
    const path = join(dirname(outDir), `.${basename(outDir)}.calibration-journal`);
    const header = JSON.stringify({ calibration: `sha256:${createHash('sha256').update(canonicalJson(identity)).digest('hex')}` });
    const kept = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
    if (kept[0] !== header) {
      writeFileSync(path, `${header}\n`);
      return new CalibrationJournal(path, 0);
    }
    const entries = new Map<string, number[]>();
    for (const line of kept.slice(1)) {
      try {
        const entry = JSON.parse(line) as { run: string; figures: (number | null)[] };
        entries.set(entry.run, entry.figures.map((f) => (f === null ? Number.NaN : f)));
      } catch {
        // A line cut short by a kill: that run runs again.
      }
    }
    const journal = new CalibrationJournal(path, entries.size);
    for (const [run, figures] of entries) journal.done.set(run, figures);
    // Rewrite without a torn tail, so later lines start on a line of their own.
    writeFileSync(path, `${header}\n${[...entries].map(([run, figures]) => `${JSON.stringify({ run, figures })}\n`).join('')}`);
    return journal;
  }

  get(run: string): number[] | undefined {
    return this.done.get(run);
  }

  record(run: string, figures: readonly number[]): void {
    this.done.set(run, [...figures]);
    // NaN has no JSON: null, read back as NaN.
    appendFileSync(this.path, `${JSON.stringify({ run, figures: figures.map((f) => (Number.isFinite(f) ? f : null)) })}\n`);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

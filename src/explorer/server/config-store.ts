import { closeSync, constants, lstatSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblems } from '../../config/format-problems.js';
import { loadScenarioDraft, loadScenarioFile } from '../../config/load-scenario-file.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { fsCause } from '../../io/fs-errors.js';

/**
 * The configs folder as the explorer sees it: the scenarios it lists and opens, the drafts it
 * checks, the files it writes. Every name is checked before it touches a path: a plain file name
 * in the folder, no folder part, no symlink; a write never replaces a file this server did not
 * write unless the request says to overwrite it.
 */

export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

/** A scenario opened or checked: the file merged onto its parents (what the page edits) and the scenario it runs. */
export interface OpenedScenario {
  readonly file: string;
  readonly json: unknown;
  readonly scenario: Scenario;
  /** A draft's file as a save writes it (a download, or configs/ on request). */
  readonly text?: string;
}

/** A name the explorer reads: a .json file of the folder itself. */
const READ_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.json$/;
/** A name the explorer writes: lower-case letters, digits and dashes, then .json. */
export const SAVE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class ConfigStore {
  private readonly written = new Set<string>();
  readonly folder: string;

  constructor(folder: string) {
    this.folder = resolve(folder);
  }

  /** A path to show, as the command line shows it: relative to the working folder. */
  shown(name: string): string {
    const path = join(this.folder, name);
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  }

  list(): string[] {
    return readdirSync(this.folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && READ_NAME.test(entry.name) && !entry.name.endsWith('schema.json'))
      .map((entry) => entry.name)
      .sort();
  }

  private checkReadName(name: unknown): StoreResult<string> {
    if (typeof name !== 'string' || !READ_NAME.test(name) || name.includes('..')) {
      return { ok: false, status: 400, message: `a config is named by its file name in ${this.shown('')}, e.g. baseline.json; found ${JSON.stringify(name)}` };
    }
    try {
      const stat = lstatSync(join(this.folder, name));
      if (!stat.isFile()) return { ok: false, status: 400, message: `${this.shown(name)} is not a regular file` };
    } catch (error) {
      return { ok: false, status: 404, message: `${this.shown(name)}: ${fsCause(error)}` };
    }
    return { ok: true, value: name };
  }

  open(name: unknown): StoreResult<OpenedScenario> {
    const checked = this.checkReadName(name);
    if (!checked.ok) return checked;
    const file = this.shown(checked.value);
    const loaded = loadScenarioFile(file);
    if (!loaded.success) return { ok: false, status: 422, message: formatProblems(loaded.file, loaded.problems) };
    return { ok: true, value: { file, json: loaded.json, scenario: loaded.scenario } };
  }

  /** The file a save would write, as the page's changes to `base` (which it extends): checked by the same loader `npm run validate` uses. */
  check(draft: Draft): StoreResult<OpenedScenario> {
    const built = this.draftFile(draft);
    if (!built.ok) return built;
    const file = this.shown(`${built.value.name}.json`);
    const loaded = loadScenarioDraft(file, built.value.content);
    if (!loaded.success) return { ok: false, status: 422, message: formatProblems(loaded.file, loaded.problems) };
    return { ok: true, value: { file, json: loaded.json, scenario: loaded.scenario, text: draftText(built.value.content) } };
  }

  /** Writes the draft into the folder, refusing to replace a file this server did not write unless `overwrite` says so. */
  save(draft: Draft & { readonly overwrite?: boolean }): StoreResult<{ file: string; text: string }> {
    const checked = this.check(draft);
    if (!checked.ok) return checked;
    const built = this.draftFile(draft);
    if (!built.ok) return built;
    const name = `${built.value.name}.json`;
    const path = join(this.folder, name);
    const text = draftText(built.value.content);
    let exists = false;
    try {
      const stat = lstatSync(path);
      exists = true;
      if (!stat.isFile()) return { ok: false, status: 409, message: `${this.shown(name)} exists and is not a regular file; choose another name` };
    } catch {
      exists = false;
    }
    if (exists && !this.written.has(name) && draft.overwrite !== true) {
      return { ok: false, status: 409, message: `${this.shown(name)} exists and was not written by this explorer; choose another name, or confirm to overwrite it` };
    }
    try {
      // O_NOFOLLOW: a symlink put there in the meantime is refused, not followed.
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | (exists ? 0 : constants.O_EXCL), 0o644);
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      return { ok: false, status: 409, message: `${this.shown(name)}: ${fsCause(error)}` };
    }
    this.written.add(name);
    return { ok: true, value: { file: this.shown(name), text } };
  }

  /** The file a draft is: `extends` the base, the save name as the scenario's name, then the changes. */
  draftFile(draft: Draft): StoreResult<{ name: string; content: Record<string, unknown> }> {
    const base = this.checkReadName(draft.base);
    if (!base.ok) return base;
    if (typeof draft.name !== 'string' || !SAVE_NAME.test(draft.name)) {
      return { ok: false, status: 400, message: `a saved config's name is lower-case letters, digits and dashes (at most 64), e.g. baseline-cheap-switching; found ${JSON.stringify(draft.name)}` };
    }
    if (`${draft.name}.json` === base.value) return { ok: false, status: 400, message: `a config cannot extend itself: choose a name other than ${draft.name}` };
    if (draft.changes === null || typeof draft.changes !== 'object' || Array.isArray(draft.changes)) {
      return { ok: false, status: 400, message: 'changes must be an object of the fields that differ from the base config' };
    }
    const { extends: _ignored, $schema: _schema, name: _name, description: _description, ...changes } = draft.changes as Record<string, unknown>;
    const paths = Object.keys(changes);
    const content: Record<string, unknown> = {
      $schema: './schema.json',
      extends: base.value,
      name: draft.name,
      description: `${base.value} as changed in the explorer (npm run explore)${paths.length > 0 ? `: ${paths.join(', ')}` : ', unchanged'}.`,
      ...changes,
    };
    return { ok: true, value: { name: draft.name, content } };
  }
}

export interface Draft {
  /** The config the changes apply to, a file name in the folder. */
  readonly base: unknown;
  /** The saved file's name without .json. */
  readonly name: unknown;
  readonly changes: unknown;
}

function draftText(content: Record<string, unknown>): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

// Types of compile-src.mjs, plain JavaScript so that it runs before anything is compiled.

/** The project's root folder. */
export const PROJECT_ROOT: string;
/** What a build of `root`'s current sources is of: equal stamps, the same sources. */
export function sourceStamp(root?: string): string;
/** Whether `root`/dist holds a build of the current sources. */
export function upToDate(root?: string): boolean;
/** Compiles `root`/src into `root`/dist unless it is up to date; whether it compiled. */
export function ensureBuild(root?: string): Promise<boolean>;
/** An error of ensureBuild in one line. */
export function buildErrorMessage(error: unknown): string;

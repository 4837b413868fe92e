/**
 * A file system error as a person reads it: the real cause, in words, with its code, and without
 * the path Node puts in the message (the caller names the file). "the file system is read-only
 * (EROFS)", not "ENOENT: no such file or directory, mkdir '/out/.x.123.partial'".
 */

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EBUSY: 'it is busy (in use, or a mount point)',
  EXDEV: 'it is on another file system',
  EIO: 'an input/output error of the device',
  ENOTEMPTY: 'the folder is not empty',
  EEXIST: 'it already exists',
  ETXTBSY: 'the file is busy',
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "the file system is read-only (EROFS)"; a message without a known code as it is, on one line. */
export function fsCause(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined && CAUSES[code] !== undefined) return `${CAUSES[code]} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Codes only writing gives: the file to blame is the one written, never the one read. */
const WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS']);

/**
 * A file system failure as one line naming the file it concerns. Node names no file for a failed
 * write (writeFileSync fails in write(2), on a descriptor) and the source for a failed copy, where
 * a full disk is the destination's: "no space left on the device (ENOSPC) at shards/0/events.jsonl"
 * blamed an input on another disk. A failure only writing gives names the file written, or when
 * Node gives none, `writingInto`, the folder being written.
 */
export function describeFsFailure(error: unknown, writingInto?: string): string {
  const cause = fsCause(error);
  const code = errorCode(error);
  const { path, dest, syscall } = (error ?? {}) as { path?: unknown; dest?: unknown; syscall?: unknown };
  const writing = code !== undefined && WRITE_CODES.has(code);
  if (typeof dest === 'string') {
    if (writing) return `${cause} writing ${dest}`;
    const verb = syscall === 'copyfile' ? 'copying' : syscall === 'rename' ? 'moving' : syscall === 'link' || syscall === 'symlink' ? 'linking' : 'from';
    return `${cause} ${verb} ${String(path)} to ${dest}`;
  }
  if (typeof path === 'string') return `${cause} ${writing ? 'writing' : 'at'} ${path}`;
  return writing && writingInto !== undefined ? `${cause} writing into ${writingInto}` : cause;
}

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

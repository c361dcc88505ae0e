import { KnownError, OutputError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is too large for this file system',
  EMLINK: 'too many links',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an I/O error',
  ENXIO: 'nothing is listening there',
};

/** Turns a file system error met while writing an output into one readable line; anything else is a bug and passes through. */
export function outputError(file: string, error: unknown): unknown {
  if (error instanceof KnownError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (!reason) return error;
  return new OutputError(`cannot write ${file}: ${reason} (${code}); nothing was written there`);
}

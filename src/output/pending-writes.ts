import { rmSync, unlinkSync } from 'node:fs';

// Temporary files not yet renamed into place. A run that fails removes its own; this set is for
// the moment the process itself is told to stop (Ctrl-C, a batch system's SIGTERM), when no
// finally block will run.
const pending = new Set<string>();
// Temporary folders (a clean copy being built beside its place) not yet renamed into place.
const pendingDirs = new Set<string>();

export function trackTemp(file: string): void {
  pending.add(file);
}

export function untrackTemp(file: string): void {
  pending.delete(file);
}

/** Removes a temporary file, ignoring one that is already gone: cleanup must never hide the real error. */
export function removeTemp(file: string): void {
  untrackTemp(file);
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or the folder vanished: nothing left to clean.
  }
}

export function trackTempDir(dir: string): void {
  pendingDirs.add(dir);
}

export function untrackTempDir(dir: string): void {
  pendingDirs.delete(dir);
}

/** Removes a temporary folder and everything in it, ignoring one that is already gone. */
export function removeTempDir(dir: string): void {
  untrackTempDir(dir);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Nothing left to clean, or nothing we can do about it.
  }
}

/** Removes every temporary file and folder still pending; synchronous so it can run in a signal handler. */
export function removePendingTemps(): void {
  for (const file of [...pending]) removeTemp(file);
  for (const dir of [...pendingDirs]) removeTempDir(dir);
}

/** How many temporary files are pending (for tests). */
export function pendingTempCount(): number {
  return pending.size + pendingDirs.size;
}

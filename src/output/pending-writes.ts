import { unlinkSync } from 'node:fs';

// Temporary files not yet renamed into place. A run that fails removes its own; this set is for
// the moment the process itself is told to stop (Ctrl-C, a batch system's SIGTERM), when no
// finally block will run.
const pending = new Set<string>();

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

/** Removes every temporary file still pending; synchronous so it can run in a signal handler. */
export function removePendingTemps(): void {
  for (const file of [...pending]) removeTemp(file);
}

/** How many temporary files are pending (for tests). */
export function pendingTempCount(): number {
  return pending.size;
}

import { visible } from './formatters/safe-text.js';
import { VERSION } from './version.js';

/**
 * A problem the user can fix: printed as one line, exit code 2.
 * Anything that is not a KnownError is a bug and is printed with its stack.
 */
export class KnownError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage. */
export class UsageError extends KnownError {}
/** An input path or message that cannot be read. */
export class InputError extends KnownError {}
/** Rules data or configuration that does not validate. */
export class ConfigError extends KnownError {}
/** Tracker data that does not follow rules/schema/trackers.schema.json: one line per problem. */
export class TrackerDataError extends ConfigError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
/** A `check` configuration file that does not follow rules/schema/check-config.schema.json: one line per problem, as tracker data. */
export class CheckConfigError extends TrackerDataError {}
/** An output that cannot be written (missing folder, a folder in its place, no permission, full disk). */
export class OutputError extends KnownError {}

export function formatError(error: unknown): string {
  if (error instanceof KnownError) {
    // The message often names a file, and a file name can hold an escape sequence.
    // Tracker data problems are one line each; every line is made safe on its own.
    const lines = error instanceof TrackerDataError ? error.problems : [error.message];
    return lines.map((line, i) => `pixelaudit: ${visible(line)}${i === lines.length - 1 && error.hint ? ` (${visible(error.hint)})` : ''}\n`).join('');
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return (
    `pixelaudit: internal error: this is a bug in pixelaudit ${VERSION}.\n` +
    `Please report it with the command you ran (without secrets) and this stack:\n${stack}\n` +
    // The stack points into hashed bundle chunks. Source maps are not on by default: enabling
    // them at start-up cost 21% of a one-message run (0.889 s -> 1.077 s median of 8, load 15).
    (process.sourceMapsEnabled ? '' : "For a stack that names pixelaudit's own source files, run the command again with NODE_OPTIONS=--enable-source-maps.\n")
  );
}

/**
 * A module of pixelaudit itself that could not be loaded (a lazily imported bundle chunk missing
 * or unreadable): an internal error of the run, never a property of the message being read when
 * it was first needed. Looks through StageError's `original` and an Error's `cause`.
 */
export function isMissingModule(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    // ES modules' code, and CommonJS's (the bundle run by Node's own loader, with source maps on).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return true;
    e = (e as { original?: unknown }).original ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A short reason for a failed message, for reports: never a stack. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0];
  return String(error);
}

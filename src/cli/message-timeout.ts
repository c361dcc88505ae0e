import type { Command } from 'commander';
import { DEFAULT_MESSAGE_TIMEOUT_MS } from '../engine/deadline.js';
import { positiveNumber } from './options.js';

// Node's timers hold at most 2^31-1 ms (24.8 days) and fire at once beyond it (a budget of 1e9 s
// failed every message at once); a day is more than any message needs.
const MAX_SECONDS = 86_400;

/** The per-message time budget option of the commands that analyse mail (scan, imap). */
export function addMessageTimeoutOption(cmd: Command): Command {
  return cmd.option(
    '--message-timeout <seconds>',
    `a message whose analysis takes longer fails ("took too long") and the run goes on (default ${DEFAULT_MESSAGE_TIMEOUT_MS / 1000})`,
    positiveNumber('--message-timeout', MAX_SECONDS),
    DEFAULT_MESSAGE_TIMEOUT_MS / 1000,
  );
}

/** Seconds from the command line to the engine's milliseconds. */
export function timeoutMs(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}

import type { Command } from 'commander';
import { DEFAULT_MESSAGE_TIMEOUT_MS } from '../engine/deadline.js';
import { positiveNumber } from './options.js';

/** The per-message time budget option of the commands that analyse mail (scan, imap). */
export function addMessageTimeoutOption(cmd: Command): Command {
  return cmd.option(
    '--message-timeout <seconds>',
    `a message whose analysis takes longer fails ("took too long") and the run goes on (default ${DEFAULT_MESSAGE_TIMEOUT_MS / 1000})`,
    positiveNumber('--message-timeout'),
    DEFAULT_MESSAGE_TIMEOUT_MS / 1000,
  );
}

/** Seconds from the command line to the engine's milliseconds. */
export function timeoutMs(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}

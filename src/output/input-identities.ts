import { fstatSync } from 'node:fs';
import path from 'node:path';
import { identityOfStats, statIfExists, type FileIdentity } from './file-identity.js';

/** An input as the guard sees it: what it is on disk, after following links. */
export interface InputIdentity extends FileIdentity {
  /** The path as the user gave it, for messages. */
  name: string;
  /** A folder: nothing may be written anywhere below it. */
  isDirectory: boolean;
}

/**
 * The identities of the inputs that exist. `-` (standard input) is what file descriptor 0 is:
 * `scan - -o box.mbox < box.mbox` reads the mbox itself, so a regular file (or a folder, or a
 * block device) on fd 0 is an input like any other; a pipe, a terminal, /dev/null or a socket
 * cannot be overwritten by a rename and is passed over. A missing input cannot be overwritten
 * either (the command reports it on its own).
 */
export function inputIdentities(inputs: readonly string[]): InputIdentity[] {
  const found: InputIdentity[] = [];
  for (const name of inputs) {
    if (name === '-') {
      const stdin = standardInputStats();
      if (stdin && (stdin.isFile() || stdin.isDirectory() || stdin.isBlockDevice())) {
        found.push({ name: 'standard input', isDirectory: stdin.isDirectory(), ...identityOfStats(stdin) });
      }
      continue;
    }
    const stats = statIfExists(path.resolve(name));
    if (stats) found.push({ name, isDirectory: stats.isDirectory(), ...identityOfStats(stats) });
  }
  return found;
}

function standardInputStats() {
  try {
    return fstatSync(0, { bigint: true });
  } catch {
    return undefined; // fd 0 closed
  }
}

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
 * The identities of the inputs that exist. `-` (standard input) has none, and a missing input
 * cannot be overwritten (the command reports it on its own).
 */
export function inputIdentities(inputs: readonly string[]): InputIdentity[] {
  const found: InputIdentity[] = [];
  for (const name of inputs) {
    if (name === '-') continue;
    const stats = statIfExists(path.resolve(name));
    if (stats) found.push({ name, isDirectory: stats.isDirectory(), ...identityOfStats(stats) });
  }
  return found;
}

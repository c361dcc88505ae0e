import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/run.js';
import { ROOT } from '../helpers.js';
import { mbox } from './arbitraries.js';
import { GOOD_MESSAGES } from './corpus.js';
import { fail } from './contract.js';
import { checkProperty, scratchDir, TIMEOUT } from './harness.js';

/**
 * Promise: pixelaudit never changes or destroys mail. Every command that writes is pointed at
 * its own input by every alias a file system offers (the path, a symlink, a chain of symlinks, a
 * hard link, a `..` detour, a file inside an input folder) and at places it cannot write (a
 * missing folder, a directory). Each is refused with exit 2 and one line, and no input changes.
 * Real files, links and folders, no mocks. The built CLI runs in a child process with a time
 * limit: an output that is its own input can make a scan read what it writes, for ever.
 */

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const LIMIT_MS = 20_000;

type Alias = 'same path' | 'dot-dot detour' | 'symlink' | 'symlink chain' | 'hard link' | 'inside input folder' | 'missing folder' | 'a directory';
type Command = 'scan json' | 'scan jsonl' | 'scan csv' | 'scan table' | 'report' | 'clean';

interface Setup {
  inputs: string[];
  target: string;
  /** Files whose bytes must not change, with their digests before the run. */
  guarded: Map<string, string>;
}

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

async function setUp(command: Command, alias: Alias, folderInput: boolean): Promise<Setup> {
  const root = scratchDir('pixelaudit-fuzz-out-');
  const folder = path.join(root, 'mail');
  mkdirSync(folder);
  let input: string;
  if (folderInput || alias === 'inside input folder') {
    writeFileSync(path.join(folder, 'one.eml'), GOOD_MESSAGES[0]);
    writeFileSync(path.join(folder, 'two.eml'), GOOD_MESSAGES[1]);
    input = folder;
  } else {
    input = path.join(folder, 'inbox.mbox');
    writeFileSync(input, mbox(GOOD_MESSAGES));
  }
  if (command === 'report') {
    // report reads JSONL: its input is a JSONL file written by scan.
    const jsonl = path.join(folder, 'results.jsonl');
    const r = await run(['scan', input, '-f', 'jsonl']);
    writeFileSync(jsonl, r.stdout);
    input = jsonl;
  }
  const file = statSync(input).isDirectory() ? path.join(input, 'one.eml') : input;
  let target: string;
  switch (alias) {
    case 'same path':
      target = file;
      break;
    case 'dot-dot detour':
      target = path.join(path.dirname(file), '..', path.basename(path.dirname(file)), path.basename(file));
      break;
    case 'symlink':
      target = path.join(root, 'out.json');
      symlinkSync(file, target);
      break;
    case 'symlink chain':
      symlinkSync(file, path.join(root, 'link1'));
      target = path.join(root, 'out.json');
      symlinkSync(path.join(root, 'link1'), target);
      break;
    case 'hard link':
      target = path.join(root, 'out.json');
      linkSync(file, target);
      break;
    case 'inside input folder':
      target = path.join(folder, command === 'clean' ? 'cleaned' : 'report.json');
      break;
    case 'missing folder':
      target = path.join(root, 'no', 'such', 'folder', 'out.json');
      break;
    case 'a directory':
      target = root;
      break;
  }
  const guarded = new Map<string, string>();
  for (const f of filesIn(folder)) guarded.set(f, digest(f));
  return { inputs: [input], target, guarded };
}

function argv(command: Command, s: Setup): string[] {
  const [input] = s.inputs;
  switch (command) {
    case 'scan json':
      return ['scan', input, '-f', 'json', '-o', s.target];
    case 'scan jsonl':
      return ['scan', input, '-f', 'jsonl', '-o', s.target];
    case 'scan csv':
      return ['scan', input, '-f', 'csv', '-o', s.target];
    case 'scan table':
      return ['scan', input, '-o', s.target];
    case 'report':
      return ['report', input, '-o', s.target];
    case 'clean':
      return ['clean', input, '-o', s.target, '--force'];
  }
}

const aliasArb = fc.constantFrom<Alias>('same path', 'dot-dot detour', 'symlink', 'symlink chain', 'hard link', 'inside input folder', 'missing folder', 'a directory');
const commandArb = fc.constantFrom<Command>('scan json', 'scan jsonl', 'scan csv', 'scan table', 'report', 'clean');

/** Refused with exit 2 and one line of stderr, no internal error, and no input changed. */
export async function checkRefused(command: Command, alias: Alias, folderInput: boolean): Promise<void> {
  const s = await setUp(command, alias, folderInput);
  const args = argv(command, s);
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: LIMIT_MS, env: { ...process.env, NO_COLOR: '1' } });
  const r = { exitCode: child.status ?? -1, stderr: child.stderr ?? '' };
  if (child.error || child.signal) fail('time', `${command} -o <${alias}> did not end within ${LIMIT_MS / 1000} s (${child.signal ?? child.error?.message})`);
  for (const [file, before] of s.guarded) {
    if (!existsSync(file)) fail('unchanged', `${command} -o <${alias}> removed the input ${path.basename(file)}`);
    if (digest(file) !== before) fail('unchanged', `${command} -o <${alias}> changed the input ${path.basename(file)} (exit ${r.exitCode})`);
  }
  if (/internal error: this is a bug/.test(r.stderr)) fail('no throw', `${command} -o <${alias}> printed an internal error: ${r.stderr.split('\n')[2] ?? ''}`);
  // clean makes its output folder, parents included: a missing folder is a place it can write.
  if (command === 'clean' && alias === 'missing folder') return;
  // report reads JSONL files, never a folder: a report beside its JSONL is inside no input folder
  // (the inputs are unchanged, checked above). Found by the long run with seed 42.
  if (command === 'report' && alias === 'inside input folder') return;
  if (r.exitCode !== 2) fail('exit code', `${command} -o <${alias}> exited ${r.exitCode}, not 2 (refused)`);
  const lines = r.stderr.trim().split('\n');
  if (lines.length !== 1) fail('exit code', `${command} -o <${alias}> printed ${lines.length} lines, not one: ${JSON.stringify(r.stderr.slice(0, 200))}`);
}

describe('fuzz: outputs never touch an input', () => {
  it(
    'every writing command, pointed at its input by any alias or at a place it cannot write: exit 2, one line, inputs unchanged',
    async () => {
      await checkProperty('outputs refused, inputs unchanged', [commandArb, aliasArb, fc.boolean()], checkRefused, 8);
    },
    TIMEOUT,
  );
});

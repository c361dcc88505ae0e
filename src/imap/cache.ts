import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reasonOf } from '../errors.js';
import type { MessageResult } from '../types.js';
import { CacheFile } from './cache-file.js';

/** Where results of IMAP scans are kept: $PIXELAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/pixelaudit, else ~/.cache/pixelaudit. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  if (env.PIXELAUDIT_CACHE_DIR) return env.PIXELAUDIT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'pixelaudit');
}

export interface ResultCacheOptions {
  /** Told once when the cache cannot be used (unwritable folder, full disk): the run goes on without it. */
  warn?: (message: string) => void;
}

// A temporary file of a compaction that a crash left behind is removed after this long.
const STALE_TMP_MS = 10 * 60 * 1000;
const FILE = /^([0-9a-f]{16})-([0-9a-f]{16})-([0-9a-z]+)\.jsonl$/;

/**
 * Per-message results of earlier runs, keyed by server, user, mailbox, UIDVALIDITY and UID, so a
 * rerun only fetches what is new. Layout: `DIR/imap/<account>/<settings>-<mailbox>-<uidvalidity>.jsonl`
 * (hashes; folders 0700, files 0600), one file per mailbox and UIDVALIDITY, read through an index
 * so memory does not grow with the cache (see CacheFile). `settings` (tool version, tracker data,
 * redaction) is part of the key. Files of other settings, of an older UIDVALIDITY and of
 * mailboxes the server no longer lists are removed. It holds results as they are reported
 * (redacted unless --no-redact), never credentials or message bodies.
 *
 * The cache only saves work: any error in it is one warning and the run goes on without it.
 */
export class ResultCache {
  /** The account's folder, holding one file per mailbox and UIDVALIDITY. */
  readonly folder: string;
  private readonly config: string;
  private readonly warn: (message: string) => void;
  /** The mailbox being read; `file` null while the account has no folder yet (a first run: nothing to look up). */
  private current: { mailbox: string; uidValidity: string; file: CacheFile | null } | null = null;
  private disabled = false;

  constructor(dir: string, server: string, user: string, settings: string, options: ResultCacheOptions = {}) {
    const account = hash(`${server}\0${user}`).slice(0, 24);
    this.config = hash(settings).slice(0, 16);
    this.folder = path.join(dir, 'imap', account);
    this.warn = options.warn ?? (() => undefined);
    this.guard(() => {
      // Format 1 kept one file per account and settings, read whole: it is not read any more.
      for (const name of list(path.dirname(this.folder))) if (name.startsWith(`${account}-`) && name.endsWith('.jsonl')) unlinkSync(path.join(path.dirname(this.folder), name));
      if (!this.exists()) return;
      for (const name of list(this.folder)) {
        const m = FILE.exec(name);
        if (m && m[1] !== this.config) unlinkSync(path.join(this.folder, name));
        else if (!m && name.includes('.tmp-') && Date.now() - statSync(path.join(this.folder, name)).mtimeMs > STALE_TMP_MS) unlinkSync(path.join(this.folder, name));
      }
    });
  }

  /** Removes the files of mailboxes that are not in this list (the server's whole LIST answer). */
  forgetMailboxesExcept(mailboxes: readonly string[]): void {
    if (!mailboxes.length) return;
    const live = new Set(mailboxes.map((m) => hash(m).slice(0, 16)));
    this.guard(() => {
      if (!this.exists()) return;
      for (const name of list(this.folder)) {
        const m = FILE.exec(name);
        if (m && m[1] === this.config && !live.has(m[2])) {
          if (this.current?.file?.file === path.join(this.folder, name)) this.closeCurrent();
          unlinkSync(path.join(this.folder, name));
        }
      }
    });
  }

  /** Whether a result is indexed for this UID (without reading it). */
  has(mailbox: string, uidValidity: string, uid: number): boolean {
    return this.guard(() => this.open(mailbox, uidValidity)?.has(uid)) ?? false;
  }

  get(mailbox: string, uidValidity: string, uid: number): MessageResult | undefined {
    return this.guard(() => this.open(mailbox, uidValidity)?.get(uid));
  }

  put(mailbox: string, uidValidity: string, uid: number, result: MessageResult): void {
    this.guard(() => {
      if (this.current?.file === null) this.current = null;
      if (!this.exists()) mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      this.open(mailbox, uidValidity)?.put(uid, result);
    });
  }

  /** After a scan of the whole mailbox: `uids` (ascending) is every message it holds; results of the others may go. */
  retainOnly(mailbox: string, uidValidity: string, uids: readonly number[]): void {
    this.guard(() => this.open(mailbox, uidValidity)?.retain((uid) => hasSorted(uids, uid)));
  }

  close(): void {
    this.guard(() => this.closeCurrent());
  }

  /** The file of this mailbox and UIDVALIDITY, indexed; other UIDVALIDITYs of the mailbox are removed. */
  private open(mailbox: string, uidValidity: string): CacheFile | null {
    if (this.current?.mailbox === mailbox && this.current.uidValidity === uidValidity) return this.current.file;
    this.closeCurrent();
    if (!this.exists()) {
      this.current = { mailbox, uidValidity, file: null };
      return null;
    }
    this.checkFolder();
    const box = hash(mailbox).slice(0, 16);
    const validity = /^\d{1,20}$/.test(uidValidity) ? uidValidity : hash(uidValidity).slice(0, 16);
    const name = `${this.config}-${box}-${validity}.jsonl`;
    for (const other of list(this.folder)) {
      const m = FILE.exec(other);
      if (m && m[1] === this.config && m[2] === box && other !== name) unlinkSync(path.join(this.folder, other));
    }
    this.current = { mailbox, uidValidity, file: new CacheFile(path.join(this.folder, name), { mailbox, uidValidity }) };
    return this.current.file;
  }

  /** Whether the account's folder is there; anything else in its place (a link, a file) is an error. */
  private exists(): boolean {
    let st;
    try {
      st = lstatSync(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    if (!st.isDirectory()) throw new Error(`${this.folder} is not a folder (a symbolic link?)`);
    return true;
  }

  /** Our folder must be a real folder of ours, private: a link or someone else's folder is not used. */
  private checkFolder(): void {
    for (const d of [path.dirname(this.folder), this.folder]) {
      const st = lstatSync(d);
      if (!st.isDirectory()) throw new Error(`${d} is not a folder (a symbolic link?)`);
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw new Error(`${d} belongs to another user`);
      if ((st.mode & 0o077) !== 0) chmodSync(d, 0o700);
    }
  }

  private closeCurrent(): void {
    const file = this.current?.file;
    this.current = null;
    file?.close();
  }

  private guard<T>(work: () => T): T | undefined {
    if (this.disabled) return undefined;
    try {
      return work();
    } catch (error) {
      this.disabled = true;
      try {
        this.closeCurrent();
      } catch {
        // already reported below
      }
      this.warn(`the results cache in ${this.folder} cannot be used (${reasonOf(error)}); going on without it`);
      return undefined;
    }
  }
}

function hasSorted(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

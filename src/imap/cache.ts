import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MessageResult } from '../types.js';

/** Where results of IMAP scans are kept: $PIXELAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/pixelaudit, else ~/.cache/pixelaudit. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  if (env.PIXELAUDIT_CACHE_DIR) return env.PIXELAUDIT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'pixelaudit');
}

interface Entry {
  mailbox: string;
  uidValidity: string;
  uid: number;
  result: MessageResult;
}

/**
 * Per-message results of earlier runs, keyed by server, user, mailbox, UIDVALIDITY and UID, so a
 * rerun only fetches what is new. It holds results (which contain tracking URLs), never
 * credentials or message bodies; the file is created with mode 0600. `settings` (tool version,
 * tracker data, redaction) is part of the key: a result computed under other rules is not reused.
 */
export class ResultCache {
  private readonly entries = new Map<string, MessageResult>();
  private fd: number | null = null;
  readonly file: string;

  constructor(dir: string, server: string, user: string, settings: string) {
    const account = createHash('sha256').update(`${server}\0${user}`).digest('hex').slice(0, 24);
    const config = createHash('sha256').update(settings).digest('hex').slice(0, 12);
    this.file = path.join(dir, 'imap', `${account}-${config}.jsonl`);
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as Entry;
          this.entries.set(key(e.mailbox, e.uidValidity, e.uid), e.result);
        } catch {
          // A line cut by a crash mid-write: the message is fetched again.
        }
      }
    }
  }

  get(mailbox: string, uidValidity: string, uid: number): MessageResult | undefined {
    return this.entries.get(key(mailbox, uidValidity, uid));
  }

  put(mailbox: string, uidValidity: string, uid: number, result: MessageResult): void {
    this.entries.set(key(mailbox, uidValidity, uid), result);
    if (this.fd === null) {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      this.fd = openSync(this.file, 'a', 0o600);
      chmodSync(this.file, 0o600);
    }
    writeSync(this.fd, `${JSON.stringify({ mailbox, uidValidity, uid, result } satisfies Entry)}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

function key(mailbox: string, uidValidity: string, uid: number): string {
  return `${mailbox}\0${uidValidity}\0${uid}`;
}

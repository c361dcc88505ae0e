import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { PACKAGE_ROOT as ROOT } from '../src/package-root.js';

const exec = promisify(execFile);

export const HAS_DOVECOT = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v dovecot'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface Dovecot {
  dir: string;
  port: number;
  tlsPort: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A private Dovecot on 127.0.0.1 (plain and TLS with a throw-away certificate), stopped by pid. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-dovecot-'));
  const port = await freePort();
  const tlsPort = await freePort();
  const { stdout } = await exec(path.join(ROOT, 'scripts', 'start-dovecot.sh'), [dir], { env: { ...process.env, IMAP_PORT: String(port), IMAPS_PORT: String(tlsPort) } });
  const pid = Number(stdout.trim());
  return {
    dir,
    port,
    tlsPort,
    async stop() {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

export function client(port: number, user: string): ImapFlow {
  return new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: 'testpass' }, logger: false, disableAutoIdle: true });
}

/** Seeds a mailbox by APPEND (the test's own write access, not pixelaudit's). */
export async function seed(port: number, user: string, mailbox: string, messages: Array<{ raw: Buffer; flags?: string[] }>): Promise<void> {
  const c = client(port, user);
  await c.connect();
  try {
    if (mailbox !== 'INBOX') await c.mailboxCreate(mailbox).catch(() => undefined);
    for (const m of messages) await c.append(mailbox, m.raw, m.flags ?? []);
  } finally {
    await c.logout();
  }
}

/** Every message's flags, by mailbox and UID, read with EXAMINE. */
export async function flagsOf(port: number, user: string, mailboxes: string[]): Promise<Record<string, string[]>> {
  const c = client(port, user);
  await c.connect();
  const out: Record<string, string[]> = {};
  try {
    for (const box of mailboxes) {
      const lock = await c.getMailboxLock(box, { readOnly: true });
      try {
        for await (const m of c.fetch('1:*', { uid: true, flags: true })) out[`${box}/${m.uid}`] = [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort();
      } finally {
        lock.release();
      }
    }
  } finally {
    await c.logout();
  }
  return out;
}

export function certOf(d: Dovecot): string {
  return readFileSync(path.join(d.dir, 'cert.pem'), 'utf8');
}

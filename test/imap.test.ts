import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAddresses } from '../src/cli/login-address.js';
import { run } from '../src/cli/run.js';
import { createDetector } from '../src/engine/detector.js';
import { fromConversation } from '../src/imap/errors.js';
import { isPlainCharset, rebuildMessage } from '../src/imap/rebuild-message.js';
import { scanImap } from '../src/imap/scan-imap.js';
import { readInputs } from '../src/input/read-inputs.js';
import type { MessageResult } from '../src/types.js';
import { FIXTURES, splitJsonl } from './helpers.js';
import { HAS_DOVECOT, flagsOf, seed, startDovecot, type Dovecot } from '../scripts/dovecot.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const USER = 'sam.rivera@example.org';
const ENV = { PIXELAUDIT_IMAP_PASSWORD: 'testpass' };

async function sampleMessages(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const item of readInputs([SAMPLE], { maxMessageBytes: 1 << 25 })) if (item.type === 'message') out.push(item.bytes);
  return out;
}

const jsonl = (stdout: string): MessageResult[] => splitJsonl(stdout).messages;
const essence = (r: MessageResult) => ({
  tracked: r.tracked,
  error: r.error,
  findings: r.findings.map((f) => `${f.ruleId} ${f.vendor ?? '-'} ${f.url}`).sort(),
});

describe("the login as the reader's address", () => {
  it('an addr-spec login counts as --me; a bare user name or a malformed one does not', () => {
    expect(loginAddresses(' reader@example.org ')).toEqual(['reader@example.org']);
    expect(loginAddresses('Reader.Name+tag@mail.example.org')).toEqual(['Reader.Name+tag@mail.example.org']);
    for (const login of ['reader', 'DOMAIN\\reader', 'reader@', '@example.org', 'a b@example.org', 'reader@example..org', 'x@y@z']) expect(loginAddresses(login)).toEqual([]);
  });
});

describe('which IMAP errors are connection problems', () => {
  it("a server answer or a socket error is; a bug, a URI error or a file-system error of pixelaudit's own is not", () => {
    expect(fromConversation(Object.assign(new Error('Command failed'), { responseStatus: 'NO', responseText: 'x' }))).toBe(true);
    expect(fromConversation(Object.assign(new Error('Command failed'), { responseStatus: 'BYE' }))).toBe(true);
    expect(fromConversation(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }))).toBe(true);
    expect(fromConversation(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }))).toBe(false);
    expect(fromConversation(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' }))).toBe(true);
    expect(fromConversation(new URIError('URI malformed'))).toBe(false);
    expect(fromConversation(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(fromConversation(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }))).toBe(false);
    expect(fromConversation(Object.assign(new TypeError('bad arg'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});

describe('a message rebuilt from its parts', () => {
  it('takes from BODYSTRUCTURE only plain charset and encoding tokens: a quote or line break adds no header or boundary', () => {
    const header = Buffer.from('From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n');
    const out = rebuildMessage(header, [{ charset: 'utf-8"\r\nContent-Type: text/plain; x="', encoding: 'base64\r\nX-Injected: 1', body: Buffer.from('<p>x</p>') }]).toString('latin1');
    expect(out).not.toContain('X-Injected');
    expect(out).not.toContain('text/plain');
    expect(out).toMatch(/Content-Type: text\/html\r\n\r\n<p>x<\/p>/);
    expect(isPlainCharset('windows-1252')).toBe(true);
    expect(isPlainCharset('[charse<!DOCTYPE')).toBe(false);
  });
});

describe.skipIf(!HAS_DOVECOT)('imap against a real Dovecot', () => {
  let d: Dovecot;
  const imap = (args: string[], env: Record<string, string> = ENV) => run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', USER, '--no-cache', ...args], { env });

  beforeAll(async () => {
    d = await startDovecot();
    const messages = await sampleMessages();
    // Half unseen, some flagged: the scan must leave every flag as it was.
    await seed(
      d.port,
      USER,
      'INBOX',
      messages.map((raw, i) => ({ raw, flags: [...(i % 2 ? ['\\Seen'] : []), ...(i % 5 === 0 ? ['\\Flagged'] : [])] })),
    );
    await seed(
      d.port,
      USER,
      'Newsletters',
      messages.slice(0, 3).map((raw) => ({ raw })),
    );
    await seed(
      d.port,
      USER,
      'Junk',
      messages.slice(3, 4).map((raw) => ({ raw })),
    );
    await seed(
      d.port,
      USER,
      'Trash',
      messages.slice(4, 5).map((raw) => ({ raw })),
    );
  }, 60_000);

  afterAll(async () => d?.stop());

  it('gives the same results as scanning the files, message by message, in both fetch modes', async () => {
    const files = jsonl((await run(['scan', SAMPLE, '-f', 'jsonl', '--no-redact'])).stdout);
    const byId = new Map(files.map((r) => [r.messageIdHeader, essence(r)]));
    for (const mode of [[], ['--full-source']]) {
      const r = await imap(['-f', 'jsonl', '--no-redact', ...mode]);
      expect(r.exitCode, r.stderr).toBe(0);
      const got = jsonl(r.stdout);
      expect(got).toHaveLength(22);
      for (const m of got) expect(essence(m), `${m.messageIdHeader} ${mode.join(' ')}`).toEqual(byId.get(m.messageIdHeader));
      expect(got.filter((m) => m.tracked)).toHaveLength(13);
    }
  });

  it('-f html: the page of an IMAP scan holds the same figures as its JSON', async () => {
    const json = JSON.parse((await imap(['-f', 'json'])).stdout).summary;
    const page = await imap(['-f', 'html']);
    expect(page.exitCode, page.stderr).toBe(0);
    const block = /<script type="application\/json" id="pixelaudit-data">(.*?)<\/script>/s.exec(page.stdout);
    const data = JSON.parse(block?.[1] ?? 'null');
    // The transfer counters differ from run to run; the figures do not.
    expect({ ...data.summary, imap: undefined }).toEqual({ ...json, imap: undefined });
    expect(data.summary.imap.mailboxes).toEqual(['INBOX']);
    expect(page.stdout).toContain('Tracked: 13 of 22 scanned messages');
  });

  it('is read-only: every flag on the server is exactly as before, \\Seen included', async () => {
    const boxes = ['INBOX', 'Newsletters', 'Junk', 'Trash'];
    const before = await flagsOf(d.port, USER, boxes);
    expect(Object.values(before).filter((f) => !f.includes('\\Seen')).length).toBeGreaterThan(10);
    await imap(['--all-mailboxes', '--include-spam', '--include-trash', '-f', 'json']);
    await imap(['--full-source', '-f', 'json']);
    expect(await flagsOf(d.port, USER, boxes)).toEqual(before);
  });

  it('scans INBOX by default, --mailbox by name, and skips Junk and Trash in --all-mailboxes unless asked', async () => {
    const count = async (args: string[]) => JSON.parse((await imap([...args, '-f', 'json'])).stdout).summary;
    expect((await count([])).found).toBe(22);
    expect((await count(['--mailbox', 'Newsletters'])).found).toBe(3);
    expect((await count(['--all-mailboxes'])).imap.mailboxes).toEqual(['INBOX', 'Newsletters']);
    expect((await count(['--all-mailboxes', '--include-spam', '--include-trash'])).found).toBe(27);
    expect((await count(['--limit', '5'])).found).toBe(5);
    expect((await count(['--since', '2099-01-01'])).found).toBe(0);
  });

  it('fetches far fewer bytes in the default mode than with --full-source when messages carry attachments', async () => {
    const big = Buffer.from(
      'From: a@example.com\r\nTo: sam.rivera@example.org\r\nSubject: report\r\nMessage-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/html\r\n\r\n<p>attached</p><img src="https://u1.ct.sendgrid.net/wf/open?upn=u001.abcdefgh" width="1" height="1">\r\n' +
        `--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(400_000, 1).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`,
    );
    await seed(d.port, USER, 'Attachments', [{ raw: big }, { raw: big }]);
    const parts = JSON.parse((await imap(['--mailbox', 'Attachments', '-f', 'json'])).stdout).summary;
    const full = JSON.parse((await imap(['--mailbox', 'Attachments', '-f', 'json', '--full-source'])).stdout).summary;
    expect(parts.tracked).toBe(2);
    expect(full.tracked).toBe(2);
    expect(full.imap.bytesReceived).toBeGreaterThan(1_000_000);
    expect(parts.imap.bytesReceived).toBeLessThan(full.imap.bytesReceived / 20);
  });

  it('keeps results in a 0600 cache so a rerun fetches only what is new; the cache holds no secret and no body', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-cache-'));
    const args = ['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', USER, '--cache-dir', cacheDir, '-f', 'json'];
    const first = JSON.parse((await run(args, { env: ENV })).stdout).summary;
    const second = JSON.parse((await run(args, { env: ENV })).stdout).summary;
    expect(first.imap.fromCache).toBe(0);
    expect(second.imap.fromCache).toBe(22);
    expect(second.tracked).toBe(first.tracked);
    expect(second.imap.bytesReceived).toBeLessThan(first.imap.bytesReceived / 4);
    const [file, ...others] = cacheFiles(cacheDir);
    expect(others).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('testpass');
    expect(text).not.toContain('I can reproduce it on a clean checkout');
    // A result line that cannot be read any more is a miss: that message is fetched again, the rest come from the cache.
    const [head, ...records] = text.trim().split('\n');
    records[4] = records[4].replace(/,"result":.*$/, ',"result":{"broken');
    writeFileSync(file, `${[head, ...records].join('\n')}\n`);
    const third = JSON.parse((await run(args, { env: ENV })).stdout);
    expect(third.summary.found).toBe(22);
    expect(third.summary.imap.fromCache).toBe(21);
    expect(new Set(third.messages.map((m: MessageResult) => m.source)).size).toBe(22);
    expect(third.summary.tracked).toBe(first.tracked);
  });

  it('caches exactly what the report shows, and a run with other redaction neither reuses nor keeps it', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-cache-'));
    const args = (format: string, ...extra: string[]) => ['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', USER, '--cache-dir', cacheDir, '-f', format, ...extra];
    const shown = jsonl((await run(args('jsonl'), { env: ENV })).stdout);
    const cached = cacheFiles(cacheDir).flatMap((f) =>
      readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => JSON.parse(l).result as MessageResult),
    );
    expect(cached).toHaveLength(shown.length);
    expect(cached).toEqual(shown.filter((m) => m.error === null));
    // A rerun answered from the cache reports the same messages, in the same order.
    const rerun = jsonl((await run(args('jsonl'), { env: ENV })).stdout);
    expect(rerun).toEqual(shown);
    const before = cacheFiles(cacheDir);
    const clear = await run(args('jsonl', '--no-redact'), { env: ENV });
    expect(clear.exitCode, clear.stderr).toBe(0);
    expect(jsonl(clear.stdout).every((m) => m.source.includes(encodeURIComponent(USER)))).toBe(true);
    // The redacted file is gone; the new one holds the clear results.
    expect(cacheFiles(cacheDir).some((f) => before.includes(f))).toBe(false);
    const again = JSON.parse((await run(args('json', '--no-redact'), { env: ENV })).stdout).summary;
    expect(again.imap.fromCache).toBe(22);
    const masked = JSON.parse((await run(args('json'), { env: ENV })).stdout).summary;
    expect(masked.imap.fromCache).toBe(0);
  });

  it('a mailbox with hostile messages between good ones: every good one, one entry per hostile one, exit 0, with and without the cache', async () => {
    const good = (await sampleMessages()).slice(0, 4);
    const hostile = [
      // An invalid percent escape in a wrapped URL: it made URL decoding throw and the run fail as a "connection error".
      hostileMessage('<p>hi</p><img src="https://clicktime.symantec.com/a/1/?u=%E0%A4%A" width="1" height="1">'),
      // A charset parameter with a quote in it goes into the rebuilt headers.
      hostileMessage('<p>x</p>', 'text/html; charset="utf-8\\"; x="'),
      // No HTML at all, and nested multiparts the structure walk stops at.
      hostileMessage('--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n'.repeat(30), 'multipart/mixed; boundary=a'),
      // HTML 25 multiparts deep: below the depth the structure is walked to.
      hostileMessage(deepNest(25, '<img src="https://t.example.com/o.gif" width="1" height="1">'), 'multipart/mixed; boundary=b0'),
    ];
    await seed(
      d.port,
      USER,
      'Hostile',
      [good[0], hostile[0], good[1], hostile[1], good[2], hostile[2], good[3], hostile[3]].map((raw) => ({ raw })),
    );
    const files = new Map(jsonl((await run(['scan', SAMPLE, '-f', 'jsonl', '--no-redact'])).stdout).map((r) => [r.messageIdHeader, essence(r)]));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-cache-'));
    for (const extra of [['--no-cache'], ['--no-cache', '--full-source'], ['--cache-dir', cacheDir], ['--cache-dir', cacheDir]]) {
      const r = await run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', USER, '--mailbox', 'Hostile', '--no-redact', '-f', 'jsonl', '--batch-size', '3', ...extra], { env: ENV });
      expect(r.exitCode, `${extra.join(' ')}: ${r.stderr}`).toBe(0);
      const got = jsonl(r.stdout);
      expect(got).toHaveLength(8);
      expect(new Set(got.map((m) => m.source)).size).toBe(8);
      const goodOnes = got.filter((m) => files.has(m.messageIdHeader));
      expect(goodOnes).toHaveLength(4);
      for (const m of goodOnes) expect(essence(m)).toEqual(files.get(m.messageIdHeader));
      const rest = got.filter((m) => !files.has(m.messageIdHeader));
      expect(rest).toHaveLength(4);
      for (const m of rest) expect(m.error === null || m.error.length > 0).toBe(true);
      if (!extra.includes('--full-source')) expect(got[7].warnings.join(' ')).toMatch(/nested deeper than 20 levels/);
    }
  });

  it("a message whose analysis throws is that message's failure: the IMAP loop goes on and reports every other one", async () => {
    const base = createDetector({ redact: true });
    const boom: (typeof base.messageRules)[number] = {
      ...base.messageRules[0],
      check: (facts) => {
        if (facts.receiptHeaders.some((h) => h.value.includes('boom'))) throw new URIError('URI malformed');
        return base.messageRules[0].check(facts);
      },
    };
    const detector = { ...base, messageRules: [boom, ...base.messageRules.slice(1)] };
    const good = (await sampleMessages()).slice(0, 3);
    const bad = Buffer.from('From: a@example.com\r\nTo: sam.rivera@example.org\r\nSubject: x\r\nDisposition-Notification-To: boom@example.com\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n');
    await seed(
      d.port,
      USER,
      'Throws',
      [good[0], bad, good[1], good[2]].map((raw) => ({ raw })),
    );
    const results: MessageResult[] = [];
    for (const fullSource of [false, true]) {
      results.length = 0;
      const summary = await scanImap({
        target: { host: '127.0.0.1', port: d.port, user: USER, tls: 'none', insecure: false, secret: { pass: 'testpass' } },
        mailboxes: { names: ['Throws'], all: false, includeSpam: false, includeTrash: false },
        fullSource,
        batchSize: 10,
        detector,
        maxMessageBytes: 1 << 25,
        logger: false,
        maxReconnects: 1,
        backoffMs: 10,
        onResult: (r) => void results.push(r),
      });
      expect(summary.found).toBe(4);
      expect(results.filter((r) => r.error === null)).toHaveLength(3);
      const failed = results.filter((r) => r.error !== null);
      expect(failed).toHaveLength(1);
      expect(failed[0].error).toMatch(/URI malformed/);
      expect(failed[0].source).toMatch(/;UID=2$/);
    }
  });

  it('a message whose fetch breaks the connection every time fails alone after two drops; the rest of the mailbox is scanned', async () => {
    const good = (await sampleMessages()).slice(0, 6);
    const breaker = hostileMessage('<p>CUT-THE-LINE-7f3a</p>');
    await seed(
      d.port,
      USER,
      'Breaker',
      [...good.slice(0, 2), breaker, ...good.slice(2)].map((raw) => ({ raw })),
    );
    const proxy = await markerProxy(d.port, 'CUT-THE-LINE-7f3a');
    try {
      for (const mode of [[], ['--full-source']]) {
        const r = await run(['imap', '--host', '127.0.0.1', '--port', String(proxy.port), '--tls', 'none', '--user', USER, '--mailbox', 'Breaker', '--no-cache', '--batch-size', '3', '-f', 'json', ...mode], { env: ENV });
        expect(r.exitCode, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.summary.found).toBe(7);
        expect(report.summary.imap.reconnects).toBe(2);
        const failed = report.messages.filter((m: MessageResult) => m.error !== null);
        expect(failed).toHaveLength(1);
        expect(failed[0].source).toMatch(/;UID=3$/);
        expect(failed[0].error).toMatch(/connection dropped twice/);
      }
    } finally {
      proxy.close();
    }
  });

  it("a message the server refuses to FETCH (NO) fails alone with the server's answer; the batch around it is fetched one by one", async () => {
    const good = (await sampleMessages()).slice(0, 5);
    await seed(
      d.port,
      USER,
      'Refused',
      good.map((raw) => ({ raw })),
    );
    const proxy = await refusingProxy(d.port, 3);
    try {
      for (const mode of [[], ['--full-source']]) {
        const r = await run(['imap', '--host', '127.0.0.1', '--port', String(proxy.port), '--tls', 'none', '--user', USER, '--mailbox', 'Refused', '--no-cache', '--batch-size', '4', '-f', 'json', ...mode], { env: ENV });
        expect(r.exitCode, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.summary.found).toBe(5);
        expect(report.summary.imap.reconnects).toBe(0);
        const failed = report.messages.filter((m: MessageResult) => m.error !== null);
        expect(failed.map((m: MessageResult) => m.source.replace(/.*;UID=/, ''))).toEqual(['3']);
        expect(failed[0].error).toMatch(/the server refused to return this message \(NO simulated refusal\)/);
        expect(report.messages.map((m: MessageResult) => m.source.replace(/.*;UID=/, ''))).toEqual(['1', '2', '3', '4', '5']);
      }
    } finally {
      proxy.close();
    }
  });

  it('reconnects with backoff when the connection drops mid-scan, and counts nothing twice', async () => {
    const proxy = await cuttingProxy(d.port, 6_000);
    try {
      const r = await run(['imap', '--host', '127.0.0.1', '--port', String(proxy.port), '--tls', 'none', '--user', USER, '--no-cache', '--batch-size', '4', '-f', 'json'], { env: ENV });
      expect(r.exitCode, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(proxy.cuts()).toBe(1);
      expect(report.summary.imap.reconnects).toBe(1);
      expect(report.summary.found).toBe(22);
      expect(new Set(report.messages.map((m: MessageResult) => m.source)).size).toBe(22);
      expect(report.summary.tracked).toBe(13);
    } finally {
      proxy.close();
    }
  });

  it('fails with one line and exit 2 on a wrong password, a refused port, a missing mailbox and an untrusted certificate', async () => {
    const wrong = await imap([], { PIXELAUDIT_IMAP_PASSWORD: 'not-the-password' });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toBe(`pixelaudit: 127.0.0.1:${d.port}: authentication failed (check the user name and the password or token)\n`);
    expect(wrong.stderr).not.toContain('not-the-password');
    const refused = await run(['imap', '--host', '127.0.0.1', '--port', '1', '--tls', 'none', '--user', USER], { env: ENV });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/connection refused/);
    const unknown = await run(['imap', '--host', 'no-such-host.invalid', '--user', USER], { env: ENV });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^pixelaudit: no-such-host\.invalid: (unknown host|the server did not answer in time)/);
    const missing = await imap(['--mailbox', 'Nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^pixelaudit: mailbox "Nope" does not exist/);
    const tls = await run(['imap', '--host', '127.0.0.1', '--port', String(d.tlsPort), '--user', USER, '--no-cache'], { env: ENV });
    expect(tls.exitCode).toBe(2);
    expect(tls.stderr).toMatch(/TLS certificate not trusted/);
  });

  it('speaks implicit TLS and STARTTLS, with --insecure and a warning for a self-signed certificate', async () => {
    const implicit = await run(['imap', '--host', '127.0.0.1', '--port', String(d.tlsPort), '--user', USER, '--insecure', '--no-cache', '-f', 'json'], { env: ENV });
    expect(implicit.exitCode).toBe(0);
    expect(implicit.stderr).toContain('warning: --insecure');
    expect(JSON.parse(implicit.stdout).summary.found).toBe(22);
    const starttls = await run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'starttls', '--user', USER, '--insecure', '--no-cache', '-f', 'json'], { env: ENV });
    expect(JSON.parse(starttls.stdout).summary.found).toBe(22);
  });

  it('takes the password from a file or a named variable, never from argv, and masks it in --debug logs', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pixelaudit-secret-')), 'pw');
    writeFileSync(file, 'testpass\n', { mode: 0o600 });
    expect((await imap(['--password-file', file, '--limit', '1'], {})).exitCode).toBe(0);
    expect((await imap(['--password-env', 'MY_PW', '--limit', '1'], { MY_PW: 'testpass' })).exitCode).toBe(0);
    const argv = await imap(['--password=testpass']);
    expect(argv.exitCode).toBe(2);
    expect(argv.stderr).not.toContain('testpass');
    const none = await imap([], {});
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/no password: set PIXELAUDIT_IMAP_PASSWORD/);
    const debug = await imap(['--debug', '--limit', '1']);
    expect(debug.stderr).toMatch(/imap: /);
    expect(debug.stderr).not.toContain('testpass');
  });

  it('--debug shows neither the login nor its SASL frame, whatever its length (a real AUTH=PLAIN)', async () => {
    for (const user of ['kr', 'kissreader2024', 'reader.kiss@example.org']) {
      const debug = await run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', user, '--no-cache', '--debug'], { env: ENV });
      expect(debug.exitCode).toBe(0);
      expect(debug.stderr).toContain('AUTH=PLAIN');
      expect(debug.stderr).toMatch(/"user":"\[(user|address)\]"/);
      expect(debug.stderr).not.toMatch(
        new RegExp(
          `"${user}"|${Buffer.from(`\0${user.slice(0, 2)}`)
            .toString('base64')
            .slice(0, 3)}`,
        ),
      );
      expect(debug.stderr).not.toContain('testpass');
    }
  });
});

function cacheFiles(cacheDir: string): string[] {
  const imapDir = path.join(cacheDir, 'imap');
  return readdirSync(imapDir)
    .flatMap((account) => readdirSync(path.join(imapDir, account)).map((f) => path.join(imapDir, account, f)))
    .sort();
}

function deepNest(depth: number, html: string): string {
  let body = `--b${depth - 1}\r\nContent-Type: text/html\r\n\r\n${html}\r\n--b${depth - 1}--\r\n`;
  for (let i = depth - 2; i >= 0; i--) body = `--b${i}\r\nContent-Type: multipart/mixed; boundary=b${i + 1}\r\n\r\n${body}--b${i}--\r\n`;
  return body;
}

function hostileMessage(body: string, contentType = 'text/html'): Buffer {
  return Buffer.from(`From: a@example.com\r\nTo: sam.rivera@example.org\r\nSubject: hostile\r\nMessage-ID: <hostile-${Math.random().toString(36).slice(2)}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n${body}\r\n`);
}

/**
 * A TCP proxy on loopback to the test's Dovecot: `relay` decides what each connection passes on
 * (`toServer` for the client's bytes, `toClient` for the server's); the socket plumbing is shared.
 */
async function relayProxy(target: number, relay: (client: Socket, upstream: Socket) => { toServer?: (chunk: Buffer) => void; toClient?: (chunk: Buffer) => void }): Promise<{ port: number; close: () => void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((client) => {
    const upstream = createConnection(target, '127.0.0.1');
    sockets.push(client, upstream);
    const { toServer = (chunk: Buffer) => void upstream.write(chunk), toClient = (chunk: Buffer) => void client.write(chunk) } = relay(client, upstream);
    client.on('data', toServer);
    upstream.on('data', toClient);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** A TCP proxy that answers NO, as a server would for a message it cannot read, to any UID FETCH whose set names `uid`. */
function refusingProxy(target: number, uid: number): Promise<{ port: number; close: () => void }> {
  return relayProxy(target, (client, upstream) => {
    let pending = '';
    return {
      toServer: (chunk) => {
        pending += chunk.toString('latin1');
        for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
          const line = pending.slice(0, nl + 1);
          pending = pending.slice(nl + 1);
          const m = /^(\S+) UID FETCH ([\d,:*]+) /i.exec(line);
          if (m && m[2].split(',').includes(String(uid))) client.write(`${m[1]} NO simulated refusal\r\n`);
          else upstream.write(line, 'latin1');
        }
      },
    };
  });
}

/** A TCP proxy that cuts a connection whenever the server sends `marker` through it: a message that breaks every fetch. */
function markerProxy(target: number, marker: string): Promise<{ port: number; close: () => void }> {
  return relayProxy(target, (client, upstream) => {
    let tail = '';
    return {
      toClient: (chunk) => {
        const text = tail + chunk.toString('latin1');
        if (text.includes(marker)) {
          client.destroy();
          upstream.destroy();
          return;
        }
        tail = text.slice(-marker.length);
        client.write(chunk);
      },
    };
  });
}

/** A TCP proxy to the server that cuts the first connection once it has relayed `afterBytes` from the server. */
async function cuttingProxy(target: number, afterBytes: number): Promise<{ port: number; cuts: () => number; close: () => void }> {
  let cuts = 0;
  let connections = 0;
  const proxy = await relayProxy(target, (client, upstream) => {
    const first = connections++ === 0;
    let relayed = 0;
    return {
      toClient: (chunk) => {
        relayed += chunk.length;
        client.write(chunk);
        if (first && relayed > afterBytes && cuts === 0) {
          cuts++;
          client.destroy();
          upstream.destroy();
        }
      },
    };
  });
  return { ...proxy, cuts: () => cuts };
}

// npm run bench:imap: both IMAP fetch modes on the same Dovecot mailbox, with large attachments.
// Prints messages/s and bytes received for each mode, measured in one run.
import { readInputs } from '../src/input/read-inputs.js';
import { run } from '../src/cli/run.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import path from 'node:path';
import { HAS_DOVECOT, seed, startDovecot } from './dovecot.js';

const COUNT = Number(process.env.BENCH_IMAP_MESSAGES ?? 1000);
const ATTACH_EVERY = 3;
const ATTACHMENT_BYTES = 300_000;

if (!HAS_DOVECOT) {
  console.log('bench:imap skipped: dovecot is not installed (apt-get install dovecot-imapd)');
  process.exit(0);
}

/** The sample mailbox's messages, every third one with a PDF-sized attachment added. */
async function corpus(): Promise<Buffer[]> {
  const base: Buffer[] = [];
  for await (const item of readInputs([path.join(PACKAGE_ROOT, 'fixtures', 'sample-mailbox')], { maxMessageBytes: 1 << 25 })) {
    if (item.type === 'message') base.push(item.bytes);
  }
  const pdf = Buffer.alloc(ATTACHMENT_BYTES, 37).toString('base64').replace(/.{76}/g, '$&\r\n');
  const out: Buffer[] = [];
  for (let i = 0; out.length < COUNT; i++) {
    const raw = base[i % base.length].toString('latin1');
    if (i % ATTACH_EVERY !== 0) {
      out.push(Buffer.from(raw, 'latin1'));
      continue;
    }
    const split = raw.search(/\r?\n\r?\n/);
    const head = raw.slice(0, split).split(/\r?\n(?![ \t])/);
    const mime = head.filter((l) => /^content-(type|transfer-encoding):/i.test(l));
    const rest = head.filter((l) => !/^(content-(type|transfer-encoding)|mime-version):/i.test(l));
    const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
    out.push(
      Buffer.from(
        `${rest.join('\r\n')}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="bench-b"\r\n\r\n--bench-b\r\n${mime.join('\r\n') || 'Content-Type: text/plain'}\r\n\r\n${body}\r\n` +
          `--bench-b\r\nContent-Type: application/pdf; name="statement.pdf"\r\nContent-Disposition: attachment; filename="statement.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf}\r\n--bench-b--\r\n`,
        'latin1',
      ),
    );
  }
  return out;
}

const messages = await corpus();
const d = await startDovecot();
try {
  const t0 = Date.now();
  await seed(
    d.port,
    'bench',
    'INBOX',
    messages.map((raw) => ({ raw })),
  );
  console.log(`seeded ${messages.length} messages (${(messages.reduce((n, m) => n + m.length, 0) / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const rows: Array<[string, number, number, number]> = [];
  for (const [label, extra] of [
    ['html parts (default)', []],
    ['--full-source', ['--full-source']],
  ] as const) {
    const times: number[] = [];
    let bytes = 0;
    let tracked = 0;
    for (let rep = 0; rep < 3; rep++) {
      const start = process.hrtime.bigint();
      const r = await run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', 'bench', '--no-cache', '-f', 'json', ...extra], {
        env: { PIXELAUDIT_IMAP_PASSWORD: 'testpass' },
      });
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
      const { summary } = JSON.parse(r.stdout) as { summary: { imap: { bytesReceived: number }; tracked: number } };
      bytes = summary.imap.bytesReceived;
      tracked = summary.tracked;
    }
    const median = times.sort((a, b) => a - b)[1];
    rows.push([label, messages.length / median, bytes, tracked]);
  }
  console.log('\n| mode | msg/s (median of 3) | bytes received | tracked |\n| --- | --- | --- | --- |');
  for (const [label, rate, bytes, tracked] of rows) console.log(`| ${label} | ${rate.toFixed(0)} | ${(bytes / 1e6).toFixed(2)} MB | ${tracked} |`);
  console.log(`\nbytes ratio (full source / html parts): ${(rows[1][2] / rows[0][2]).toFixed(1)}x`);
} finally {
  await d.stop();
}

// One message never stops the run: a failure in any stage, a worker that dies, a message over
// its time budget. Everything here is real: real mbox files on disk, real worker threads, a real
// watchdog terminating a real stuck worker; nothing in the production code knows it is tested.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_DOVECOT, seed, startDovecot, type Dovecot } from '../scripts/dovecot.js';
import { run } from '../src/cli/run.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import type { Detector } from '../src/engine/detector.js';
import { WorkerPool } from '../src/engine/worker-pool.js';
import type { MessageResult } from '../src/types.js';
import { detector, htmlMessage } from './helpers.js';

interface JsonReport {
  summary: { found: number; scanned: number; failed: number; tracked: number };
  messages: MessageResult[];
}

const PIXEL = (id: string) => `<img src="https://t.example.com/open?id=${id}" width="1" height="1">`;
// The issue's case: an invalid percent-escape in a URL a proxy unwrap decodes.
const BAD_ESCAPE = '<img src="https://clicktime.symantec.com/a?u=%E0%A4%A" width="1" height="1">';

function mbox(bodies: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-isolation-'));
  const file = path.join(dir, 'in.mbox');
  const text = bodies
    .map(
      (html, i) =>
        `From sender@example.com Mon Jan  1 00:00:00 2024\n${htmlMessage(html, { 'Message-ID': `<m${i + 1}@example.com>`, Subject: `message ${i + 1}` })
          .toString('latin1')
          .replace(/\r\n/g, '\n')}\n`,
    )
    .join('');
  writeFileSync(file, text, 'latin1');
  return file;
}

// One CSS token that takes seconds: a string of 28 MiB of plain letters before the sheet's one
// url(). The tokenizer builds a string token a code point at a time (mostly garbage collection),
// is called per token, and the deadline is checked between tokens, so inside this one token only
// the watchdog can stop the worker. For the watchdog to be the one that stops it, the work before
// the token must fit in the budget and the token must outlast 1.5 budgets plus two watchdog
// intervals (2 s for a budget of 1 s). Measured in-process (2026-12-02, load 15-20, CPU time):
// 3.7-4.0 s in all, against 0.26-0.28 s for the same bytes as one plain ident (the work before
// the token); the token alone, tokenized on its own, 3.2-3.4 s. 28 MiB keeps the message under
// the default 32 MB limit. Before, 28 MiB of `\0` escapes were used: since attackP5 a sheet of
// more than 100,000 escapes fails before it is tokenized (src/html/css-escape-limit.ts), so that
// message ends by its own reason and no longer gets a worker stuck.
const STUCK_BUDGET_MS = 1000;
function stuckHtml(): string {
  return `<style>x{b:"${'a'.repeat(28 * 1048576)}"}x{background:url(https://e.example/a.png)}</style>${PIXEL('f00dfeed0123456789ab')}`;
}

// 100,000 tiny images: seconds of resource analysis, with deadline checks between them.
function slowHtml(): string {
  return '<img src="https://t.example/p/abcdefghij0123456789.gif" width=1 height=1>'.repeat(100_000);
}

function expectTotals(report: JsonReport, found: number): void {
  expect(report.summary.found).toBe(found);
  expect(report.messages).toHaveLength(found);
  expect(report.summary.scanned + report.summary.failed).toBe(report.summary.found);
}

describe('a failure in one message stays in that message', () => {
  const file = mbox([PIXEL('abcdef0123456789abcdef'), BAD_ESCAPE, PIXEL('0123456789abcdef0123')]);

  for (const jobs of ['1', '2']) {
    it(`an invalid percent-escape (%E0%A4%A) with --jobs ${jobs}: exit 0, the good messages scanned, totals add up`, async () => {
      const r = await run(['scan', file, '-f', 'json', '--jobs', jobs]);
      expect(r.stderr).not.toMatch(/bug|URIError|at /);
      expect(r.exitCode).toBe(0);
      const report = JSON.parse(r.stdout) as JsonReport;
      expectTotals(report, 3);
      expect(report.messages.map((m) => m.source)).toEqual([1, 2, 3].map((n) => `${file}#${n}`));
      const [first, bad, last] = report.messages;
      expect(first).toMatchObject({ error: null, tracked: true });
      expect(last).toMatchObject({ error: null, tracked: true });
      // Fixed at the source (the escape stays as written), so the message is scanned; were it to
      // fail, its reason would name a stage.
      if (bad.error !== null) expect(bad.error).toMatch(/^(mime|headers|html|css|url|rule \w+|redact|analysis): /);
      else expect(bad.resources).toBe(1);
    });
  }

  it('an exception in a rule fails that message with the stage and reason; the next message is scanned', async () => {
    const base = detector();
    const throwing = {
      meta: { ...base.rules[0].meta },
      check: () => {
        throw new TypeError('boom from a rule');
      },
    };
    const broken: Detector = { ...base, rules: [throwing, ...base.rules.slice(1)] };
    const failed = await analyseMessage('bad.eml', htmlMessage(PIXEL('abcdef0123456789abcdef')), broken);
    expect(failed.error).toBe(`rule ${base.rules[0].meta.id}: boom from a rule`);
    expect(failed.findings).toEqual([]);
    const next = await analyseMessage('good.eml', htmlMessage(PIXEL('abcdef0123456789abcdef')), base);
    expect(next).toMatchObject({ error: null, tracked: true });
  });

  it('an exception while reading headers is a "headers:" failure, not a crash', async () => {
    const base = detector();
    const broken: Detector = {
      ...base,
      platforms: {
        detect: () => {
          throw new RangeError('bad header table');
        },
      } as unknown as Detector['platforms'],
    };
    const r = await analyseMessage('bad.eml', htmlMessage(PIXEL('abcdef0123456789abcdef')), broken);
    expect(r.error).toBe('headers: bad header table');
  });
});

describe('a worker that dies is replaced, its batch retried one by one, order kept', () => {
  it('the watchdog terminates a worker stuck past the budget; the rest of its batch is scanned in order', async () => {
    const pool = new WorkerPool(1, { redact: false }, { timeoutMs: STUCK_BUDGET_MS });
    try {
      const stuck = stuckHtml();
      const htmls = [PIXEL('abcdef0123456789abcdef'), stuck, PIXEL('0123456789abcdef0123'), stuck, PIXEL('fedcba9876543210fedc')];
      // One batch: all five go to the one worker, which dies on the second. The other four are
      // retried one by one on its replacement, which dies on the fourth while the fifth waits
      // behind it: the fifth goes to a third worker.
      const pending = htmls.map((html, i) => pool.analyse(`m${i + 1}`, htmlMessage(html)).result);
      pool.flush();
      const results = await Promise.all(pending);
      expect(results.map((r) => r.source)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
      for (const i of [1, 3]) expect(results[i].error).toBe('took too long (over 1 s)');
      for (const i of [0, 2, 4]) expect(results[i]).toMatchObject({ error: null, tracked: true });
      // Each stuck message is past the budget inside one token, so its worker is terminated and
      // a new one starts: three workers in all.
      expect(pool.started).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('through the CLI with --jobs 2 and --message-timeout: exit 0, one message over the budget, the others scanned', async () => {
    const file = mbox([PIXEL('abcdef0123456789abcdef'), stuckHtml(), PIXEL('0123456789abcdef0123')]);
    const r = await run(['scan', file, '-f', 'json', '--jobs', '2', '--message-timeout', '0.5', '-q']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expectTotals(report, 3);
    expect(report.messages.map((m) => m.error)).toEqual([null, 'took too long (over 0.5 s)', null]);
    expect(report.summary.tracked).toBe(2);
  });

  it('never starts more workers than the batches in flight need', async () => {
    const pool = new WorkerPool(8, { redact: false });
    try {
      const pending = [1, 2, 3].map((i) => pool.analyse(`m${i}`, htmlMessage(PIXEL('abcdef0123456789abcdef'))).result);
      pool.flush();
      expect((await Promise.all(pending)).every((r) => r.error === null)).toBe(true);
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe('a message over its time budget fails and the next one is scanned', () => {
  it('in the scan thread (--jobs 1): cooperative deadline checks stop the resource loop', async () => {
    const file = mbox([slowHtml(), PIXEL('abcdef0123456789abcdef')]);
    const started = performance.now();
    const r = await run(['scan', file, '-f', 'json', '--jobs', '1', '--message-timeout', '0.3']);
    const elapsed = performance.now() - started;
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expectTotals(report, 2);
    expect(report.messages[0].error).toBe('took too long (over 0.3 s)');
    expect(r.stderr).toContain('took too long (over 0.3 s)');
    expect(report.messages[1]).toMatchObject({ error: null, tracked: true });
    // Unbudgeted, the first message takes seconds; stopped, the run ends soon after the budget.
    expect(elapsed).toBeLessThan(5_000);
  });

  it("in the scan thread: mailparser's parse is raced against the budget", async () => {
    // An attached message sends the whole message to mailparser (16 MB: well over 50 ms anywhere).
    const inner = `From: x@example.com\r\nContent-Type: text/html\r\n\r\n${'<p>hello world</p>\r\n'.repeat(800_000)}`;
    const bytes = Buffer.from(`From: a@example.com\r\nTo: b@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--b--\r\n`);
    const r = await analyseMessage('attached.eml', bytes, detector(), { timeoutMs: 50 });
    expect(r.error).toBe('took too long (over 0.05 s)');
    const next = await analyseMessage('good.eml', htmlMessage(PIXEL('abcdef0123456789abcdef')), detector());
    expect(next).toMatchObject({ error: null, tracked: true });
  });

  it('the default budget lets ordinary mail through', async () => {
    const r = await analyseMessage('ok.eml', htmlMessage(PIXEL('abcdef0123456789abcdef')), detector());
    expect(r.error).toBeNull();
  });
});

describe('numeric options are whole numbers where they count things', () => {
  const file = mbox([PIXEL('abcdef0123456789abcdef')]);
  for (const [args, message] of [
    [['--jobs', '2.5'], /--jobs takes a whole number from 1 to \d+, not "2.5"/],
    [['--jobs', '1000'], /--jobs takes a whole number from 1 to \d+, not "1000"/],
    [['--jobs', '0'], /--jobs takes a whole number/],
    [['--jobs', '1e1'], /--jobs takes a whole number/],
    [['--top', '1.5'], /--top takes a whole number of 1 or more, not "1.5"/],
    [['--message-timeout', '0'], /--message-timeout takes a positive number, not "0"/],
    [['--message-timeout', ''], /--message-timeout takes a positive number/],
    // Node's timers overflow past 2^31-1 ms and fire at once: a huge budget failed every message.
    [['--message-timeout', '1e9'], /--message-timeout takes a number up to 86400, not "1e9"/],
  ] as Array<[string[], RegExp]>) {
    it(`refuses ${args.join(' ')} with one line, exit 2`, async () => {
      const r = await run(['scan', file, ...args]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('imap refuses a port over 65535 and a fractional --limit', async () => {
    for (const args of [
      ['--port', '70000'],
      ['--limit', '2.5'],
      ['--batch-size', '0.5'],
    ]) {
      const r = await run(['imap', '--host', '127.0.0.1', '--user', 'u', ...args]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/takes a whole number/);
    }
  });

  it('more jobs than cores: a warning on stderr, and the scan runs', async () => {
    const jobs = String(availableParallelism() + 1);
    const r = await run(['scan', file, '-f', 'json', '--jobs', jobs]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`warning: --jobs ${jobs} is more than the ${availableParallelism()} core`));
    expect((JSON.parse(r.stdout) as JsonReport).summary.scanned).toBe(1);
  });
});

describe.skipIf(!HAS_DOVECOT)('over IMAP, against a real Dovecot', () => {
  let d: Dovecot;
  const USER = 'sam.rivera@example.org';
  const imap = (args: string[]) =>
    run(['imap', '--host', '127.0.0.1', '--port', String(d.port), '--tls', 'none', '--user', USER, '--no-cache', '-f', 'json', ...args], {
      env: { PIXELAUDIT_IMAP_PASSWORD: 'testpass' },
    });

  beforeAll(async () => {
    d = await startDovecot();
    const raw = (html: string, i: number) => htmlMessage(html, { 'Message-ID': `<imap${i}@example.com>` });
    await seed(
      d.port,
      USER,
      'Hostile',
      [PIXEL('abcdef0123456789abcdef'), BAD_ESCAPE, PIXEL('0123456789abcdef0123')].map((html, i) => ({ raw: raw(html, i) })),
    );
    await seed(
      d.port,
      USER,
      'Slow',
      [slowHtml(), PIXEL('abcdef0123456789abcdef')].map((html, i) => ({ raw: raw(html, i + 10) })),
    );
  }, 60_000);

  afterAll(async () => d?.stop());

  it('the bad percent-escape is a message, not a connection error: exit 0, every message reported', async () => {
    const r = await imap(['--mailbox', 'Hostile']);
    expect(r.stderr).not.toMatch(/connection|bug/i);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expectTotals(report, 3);
    const byId = new Map(report.messages.map((m) => [m.messageIdHeader, m]));
    for (const id of ['<imap0@example.com>', '<imap2@example.com>']) expect(byId.get(id)).toMatchObject({ error: null, tracked: true });
    const bad = byId.get('<imap1@example.com>');
    expect(bad?.error ?? 'scanned').toMatch(/^(scanned|(mime|headers|html|css|url|rule \w+|redact|analysis): )/);
  });

  it('--message-timeout: the slow message fails "took too long", the next one is scanned', async () => {
    const r = await imap(['--mailbox', 'Slow', '--message-timeout', '0.3', '-q']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expectTotals(report, 2);
    expect(report.messages.map((m) => m.error)).toEqual(['took too long (over 0.3 s)', null]);
  });
});

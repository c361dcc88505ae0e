import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { renderPage } from '../../src/formatters/html/render-page.js';
import { detector, ROOT } from '../helpers.js';
import { MessageSampler } from '../../src/formatters/html/message-sample.js';
import { Aggregate } from '../../src/report/aggregate.js';
import { HOSTILE_FOLDER, largeMailbox, SAMPLE, synthetic } from '../html-report-fixtures.js';
import { launchGuarded, skipReason } from './oracle-browser.js';
import { GuardProxy } from './oracle-server.js';

/** Where the page is served from: `.test` never resolves, and the route answers it in-process. */
const REPORT_URL = 'http://report.test/report.html';
/** The screenshot for the README is written only when asked: a test run must not change tracked files. */
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOT ? path.join(ROOT, 'docs') : path.join(ROOT, '.scratch');

interface Opened {
  page: Page;
  /** Every request the page made, the report itself excepted. */
  requests: string[];
  consoleErrors: string[];
  violations: string[];
  dialogs: string[];
}

async function html(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe.skipIf(skipReason !== undefined)(`the HTML report in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let guard: GuardProxy;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let sample = '';
  let hostile = '';
  let summary: { tracked: number; scanned: number; study: { comparison: Array<{ ours: { share: number } }>; vendors: Array<{ name: string; messages: number }> } };

  beforeAll(async () => {
    guard = await new GuardProxy().start();
    browser = await launchGuarded(guard);
    // Relative, as a user types it: the path is printed in the page and in the screenshot.
    sample = await html(['scan', path.relative(process.cwd(), SAMPLE), '-f', 'html']);
    hostile = await html(['scan', HOSTILE_FOLDER(), '-f', 'html']);
    summary = JSON.parse(await html(['scan', SAMPLE, '-f', 'json'])).summary;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await guard?.stop();
    // Nothing tried to leave the machine during the whole file.
    expect(guard.escaped).toEqual([]);
  });

  /** Opens a report with every request routed: the page itself is answered, anything else is recorded and refused. */
  async function open(body: string, options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: options.colorScheme ?? 'light', bypassCSP: options.bypassCSP ?? false, serviceWorkers: 'block' });
    contexts.push(context);
    const opened: Opened = { page: await context.newPage(), requests: [], consoleErrors: [], violations: [], dialogs: [] };
    const { page } = opened;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === REPORT_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return route.abort('blockedbyclient');
    });
    page.on('request', (r) => {
      if (r.url() !== REPORT_URL) opened.requests.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') opened.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => opened.consoleErrors.push(String(e)));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    // Before any of the page's own content: a violation during parsing is seen too.
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(REPORT_URL, { waitUntil: 'load' });
    return opened;
  }

  async function settle(o: Opened): Promise<void> {
    await o.page.waitForTimeout(300);
    o.violations.push(...(await o.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)));
    expect(o.requests).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
    expect(o.violations).toEqual([]);
    expect(o.dialogs).toEqual([]);
  }

  it('the detectors work: a page that loads, breaks its policy, opens a dialog and throws is seen doing each', async () => {
    const bad = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"><img src="http://pixel.test/o.gif"><script>alert(1); throw new Error('boom')</script>`;
    const strict = await open(bad);
    await strict.page.waitForTimeout(300);
    const violations = await strict.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual(['img-src http://pixel.test/o.gif']);
    expect(strict.dialogs).toEqual(['1']);
    expect(strict.consoleErrors.join('\n')).toContain('boom');
    const loose = await open(bad, { bypassCSP: true });
    await loose.page.waitForTimeout(300);
    expect(loose.requests).toEqual(['http://pixel.test/o.gif']);
  });

  it('renders the charts with the figures of the scan, with no request, console error or CSP violation', async () => {
    const o = await open(sample);
    const { page } = o;
    const bars = await page.$$eval('#chart-studies g.row', (rows) =>
      rows.map((g) => {
        const rect = g.querySelector('rect.bar') as SVGRectElement;
        return { value: Number(g.getAttribute('data-value')), width: rect.getBoundingClientRect().width };
      }),
    );
    expect(bars.map((b) => b.value)).toEqual(summary.study.comparison.map((c) => c.ours.share));
    // Drawn to scale: the widths are proportional to the values.
    const scale = (await page.$eval('#chart-studies', (svg) => svg.getBoundingClientRect().width)) * ((640 - 230 - 96) / 640);
    for (const b of bars) expect(b.width).toBeCloseTo(b.value * scale, 0);
    const vendors = await page.$$eval('#chart-vendors g.row', (rows) => rows.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]));
    expect(vendors).toEqual(summary.study.vendors.slice(0, 10).map((v) => [v.name, v.messages]));
    // Every chart is drawn (has a visible box) and has a text alternative that exists.
    const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({ h: s.getBoundingClientRect().height, alt: Boolean(document.getElementById(s.getAttribute('aria-describedby') ?? '')) })));
    expect(charts.length).toBeGreaterThanOrEqual(11);
    for (const c of charts) expect(c).toEqual({ h: expect.any(Number), alt: true });
    for (const c of charts) expect(c.h).toBeGreaterThan(50);
    expect(await page.$eval('#chart-months line.mpp', (l) => l.getAttribute('data-mpp'))).toBe('2021-09-20');
    await settle(o);
  });

  it('no chart label runs past its chart’s left edge, however wide its letters (W, CJK, fullwidth)', async () => {
    const aggregate = new Aggregate(detector().vendors);
    const names = ['W'.repeat(60), 'M'.repeat(50), '追踪像素追踪像素追踪像素追踪像素追踪像素追踪像素', 'ＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷ', '@'.repeat(40)];
    for (let i = 0; i < 30; i++) aggregate.add({ ...synthetic(i * 3), from: `${names[i % names.length]}${i}` });
    const o = await open(renderPage({ summary: aggregate.build(), sample: new MessageSampler().build(), inputs: [], top: 20 }));
    const overflow = await o.page.$$eval('svg.chart text.lbl', (labels) => labels.map((t) => [t.textContent, (t as SVGTextElement).getBBox().x]).filter(([, x]) => (x as number) < 0));
    expect(overflow).toEqual([]);
    await settle(o);
  });

  it('sorts a table by a column, with the mouse and with the keyboard', async () => {
    const o = await open(sample);
    const { page } = o;
    const findings = () => page.$$eval('#messages-table tbody tr', (rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[5].textContent)));
    const before = await findings();
    await page.click('#messages-table thead th:nth-child(6) button');
    expect(await findings()).toEqual([...before].sort((a, b) => a - b));
    expect(await page.getAttribute('#messages-table thead th:nth-child(6)', 'aria-sort')).toBe('ascending');
    await page.focus('#messages-table thead th:nth-child(6) button');
    await page.keyboard.press('Enter');
    expect(await findings()).toEqual([...before].sort((a, b) => b - a));
    expect(await page.getAttribute('#messages-table thead th:nth-child(6)', 'aria-sort')).toBe('descending');
    // Text columns sort as words, numbers inside them as numbers.
    await page.click('#senders-table thead th:nth-child(1) button');
    const senders = await page.$$eval('#senders-table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent ?? ''));
    expect(senders).toEqual([...senders].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
    await settle(o);
  });

  it('filters messages by text and by state, saying how many are shown', async () => {
    const o = await open(sample);
    const { page } = o;
    const shown = () => page.$$eval('#messages-table tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
    expect(await shown()).toBe(22);
    await page.selectOption('[data-filters=messages-table] select', 'tracked');
    expect(await shown()).toBe(summary.tracked);
    expect(await page.textContent('[data-filters=messages-table] [data-status]')).toBe(`${summary.tracked} of 22 rows shown`);
    await page.selectOption('[data-filters=messages-table] select', '');
    // Typed with the keyboard into the search field.
    await page.focus('[data-filters=messages-table] input');
    await page.keyboard.type('sendgrid');
    const rows = await page.$$eval('#messages-table tbody tr', (trs) => trs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.textContent ?? ''));
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r.toLowerCase()).toContain('sendgrid');
    await settle(o);
  });

  it('a message opens to its findings from the keyboard', async () => {
    const o = await open(sample);
    const { page } = o;
    const summaryEl = page.locator('#messages-table details summary').first();
    await summaryEl.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#messages-table details').first().getAttribute('open')).toBe('');
    const items = await page.locator('#messages-table details').first().locator('li').allTextContents();
    expect(items.some((t) => /\+PA\d{3} [a-z-]+: /.test(t))).toBe(true);
    await settle(o);
  });

  it('prints without its controls, and follows a dark colour scheme', async () => {
    const o = await open(sample, { colorScheme: 'dark' });
    const { page } = o;
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.$eval('.filters', (e) => getComputedStyle(e).display)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-sample-dark.png'), clip: { x: 0, y: 0, width: 1200, height: 1100 }, fullPage: true });
    await settle(o);
  });

  it('saves a screenshot of the sample report', async () => {
    const o = await open(sample);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await o.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-sample.png'), clip: { x: 0, y: 0, width: 1200, height: 1100 }, fullPage: true });
    await settle(o);
  });

  for (const bypassCSP of [false, true]) {
    it(`the hostile mailbox stays inert text${bypassCSP ? ' even with the CSP switched off' : ''}: no script of a message runs, no dialog, no request`, async () => {
      const o = await open(hostile, { bypassCSP });
      const { page } = o;
      // Open every message and hover and focus every element, where an injected handler would fire.
      await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
      for (const el of await page.$$('summary, td, code, text')) await el.hover({ force: true, timeout: 2_000 }).catch(() => undefined);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
          Array.from(e.attributes)
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${e.tagName} ${a.name}`),
        ),
        links: Array.from(document.querySelectorAll('[href]')).map((e) => e.getAttribute('href')),
        scripts: document.scripts.length,
        text: document.body.innerText,
      }));
      expect(state.pwned).toBeUndefined();
      expect(state.handlers).toEqual([]);
      for (const l of state.links) expect(l).toMatch(/^#/);
      expect(state.scripts).toBe(2);
      // The payloads are there, shown as text.
      expect(state.text).toContain('<script>window.__pwned=1</script>');
      expect(state.text).toContain('</style><script>window.__pwned=4</script>');
      expect(state.text).toContain('\\u202egnp.exe');
      // The page's own script still works on a hostile page.
      await page.focus('[data-filters=messages-table] input');
      await page.keyboard.type('pwned=12');
      expect(await page.textContent('[data-filters=messages-table] [data-status]')).toBe('1 of 2 rows shown');
      await settle(o);
    });
  }

  it('a report of 100,000 messages opens, sorts and filters (times printed, not asserted)', async () => {
    const { summary: big, sample: bigSample } = largeMailbox(detector().vendors);
    const page100k = renderPage({ summary: big, sample: bigSample, inputs: ['box.mbox'], top: 10 });
    const started = Date.now();
    const o = await open(page100k);
    const opened = Date.now() - started;
    const { page } = o;
    expect(await page.$$eval('#messages-table tbody tr', (rows) => rows.length)).toBe(2_700);
    expect(await page.$$eval('#senders-table tbody tr', (rows) => rows.length)).toBe(1_000);
    // The MPP line falls inside the months when they span it: 2019 to 2023.
    const mpp = await page.$eval('#chart-months line.mpp', (l) => Number(l.getAttribute('x1')));
    const months = await page.$$eval('#chart-months g.row', (gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.querySelector('rect')?.getAttribute('x'))] as [string, number]));
    const sept = months.find(([m]) => m === '2021-09') as [string, number];
    const oct = months.find(([m]) => m === '2021-10') as [string, number];
    expect(mpp).toBeGreaterThan(sept[1]);
    expect(mpp).toBeLessThan(oct[1]);
    const filter = await page.evaluate(async () => {
      const input = document.querySelector('[data-filters=messages-table] input') as HTMLInputElement;
      const t0 = performance.now();
      input.value = 'newsletter 99';
      input.dispatchEvent(new Event('input'));
      const t1 = performance.now();
      (document.querySelector('#messages-table thead th:nth-child(6) button') as HTMLButtonElement).click();
      return { filter: t1 - t0, sort: performance.now() - t1, status: document.querySelector('[data-filters=messages-table] [data-status]')?.textContent };
    });
    expect(filter.status).toMatch(/^\d+ of 2700 rows shown$/);
    console.log(`100,000-message report (${(Buffer.byteLength(page100k) / 1e6).toFixed(2)} MB): opened in ${opened} ms, filtered in ${filter.filter.toFixed(0)} ms, sorted in ${filter.sort.toFixed(0)} ms`);
    await settle(o);
  });

  it('opened as a file, as a user opens it: the only request is the file itself', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-report-file-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, hostile);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(requests).toEqual([`file://${file}`]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

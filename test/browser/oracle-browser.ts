import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Route } from 'playwright-core';
import { respond } from './oracle-responses.js';
import { GuardProxy, OracleServer, PAGE_PATH } from './oracle-server.js';

/** Debian's chromium package; playwright-core cannot download a browser of its own here. */
export const CHROMIUM = '/usr/bin/chromium';
/** Why the browser suites are skipped, or undefined when they run. */
export const skipReason = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent (apt-get install chromium): the browser oracle cannot run`;

/** The origins of one load: two loopback servers, and their host:port for URLs written without a scheme. */
export interface Origins {
  O: string;
  O2: string;
  H: string;
  H2: string;
  P: string;
  P2: string;
}

/** Puts the origins of this load into a case's HTML or expectation (`{{O}}/a.png`). */
export function fill(template: string, origins: Origins): string {
  return template.replace(/\{\{(O2|O|H2|H|P2|P)\}\}/g, (_, k: keyof Origins) => origins[k]);
}

/** Host names answered in-process by the route (RFC 2606 reserves `.test`: it never resolves). */
const FAKE_TLD = '.test';
const QUIET_MS = 300;
const SETTLE_LIMIT_MS = 4_000;

export interface Loaded<T> {
  origins: Origins;
  /** The fixture page's own URL: relative URLs with no `<base>` resolve against it. */
  pageUrl: string;
  /** Every URL Chromium requested from the loopback servers or a `.test` host, the page itself excepted. */
  requested: string[];
  /** Requests to anywhere else: aborted by the route before any connection, listed here. */
  blocked: string[];
  /** URLs of schemes no server can answer (`foo://`) that Chromium still passed to the route: refused, not loads. */
  unfetchable: string[];
  /** What `inspect` returned, read from the page after the network settled. */
  inspected: T | undefined;
}

/**
 * Headless Debian Chromium that cannot reach the network: what the oracle runs on, and what the
 * HTML report's browser test (test/browser/html-report.test.ts) opens the report in.
 */
export function launchGuarded(guard: GuardProxy): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright adds --disable-background-networking, --disable-component-update,
    // --disable-default-apps, --no-first-run, --disable-sync and a --disable-features list that
    // stops its known startup requests (a second --disable-features would replace that list:
    // tried, and www.google.com and clients2.google.com came back). With those alone, the
    // Debian build still posted to accounts.google.com/ListAccounts and
    // android.clients.google.com/checkin within 4 s, and asked content-autofill.googleapis.com
    // about pages with form fields (seen by the guard, net-log for the URLs):
    // their endpoint switches point them at the guard on loopback. Then no name resolves, and
    // anything not on loopback (which Chromium never proxies) goes to the guard, which refuses
    // it and records it.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--no-first-run',
      '--disable-sync',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      `--proxy-server=${guard.origin}`,
      `--gaia-url=${guard.origin}`,
      `--google-apis-url=${guard.origin}`,
      `--lso-url=${guard.origin}`,
      `--gcm-checkin-url=${guard.origin}/checkin`,
      `--gcm-registration-url=${guard.origin}/register`,
      `--autofill-server-url=${guard.origin}/autofill/`,
    ],
  });
}

/**
 * Headless Chromium as the oracle of what a mail client loads. Scripts are off (mail clients run
 * none, and then `<noscript>` is markup), every request goes through a route that lets only the
 * loopback servers through, host names never resolve, and a guard proxy catches anything else.
 */
export class Oracle {
  private constructor(
    private readonly browser: Browser,
    /** Every request that reached the guard proxy during the whole run: must stay empty. */
    readonly guard: GuardProxy,
  ) {}

  static async launch(): Promise<Oracle> {
    const guard = await new GuardProxy().start();
    const browser = await launchGuarded(guard);
    return new Oracle(browser, guard);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.guard.stop();
  }

  /**
   * Opens `template` (with its origins filled in) and returns what was requested, once nothing
   * has been in flight and no request has started for QUIET_MS.
   *
   * Pages are reused (a new page costs a renderer process: 150-400 ms of the ~700 ms a fresh
   * context and page took per case on this loaded machine). Cases stay apart all the same: each
   * has its own two servers (new ports, so new URLs), every response is no-store, the page goes
   * to about:blank between cases (cancelling anything late), and the route and listeners are
   * the case's own. `route: false` uses a fresh context with no route at all: only the guard
   * test does, to prove the proxy catches what a route would miss.
   */
  async load<T = undefined>(template: string, options: { inspect?: (page: Page) => Promise<T>; route?: boolean } = {}): Promise<Loaded<T>> {
    let html = '';
    const one = await new OracleServer(() => html).start();
    const two = await new OracleServer(() => html).start();
    const origins: Origins = {
      O: one.origin,
      O2: two.origin,
      H: new URL(one.origin).host,
      H2: new URL(two.origin).host,
      P: new URL(one.origin).port,
      P2: new URL(two.origin).port,
    };
    html = fill(template, origins);
    const pageUrl = one.origin + PAGE_PATH;
    const routed: string[] = [];
    const blocked: string[] = [];
    const unfetchable: string[] = [];
    const route = (r: Route) => {
      const raw = r.request().url();
      // Chromium's URL parser accepts a few hosts the URL standard rejects (a space, as %20):
      // such a request is recorded and blocked like any other that is not for the oracle.
      const url = URL.canParse(raw) ? new URL(raw) : undefined;
      if (!url) {
        blocked.push(raw);
        return r.abort('blockedbyclient');
      }
      // Chromium hands a non-network scheme (`foo://`) to the route as well; no engine can
      // fetch it from a server, so it is no load: recorded apart and refused.
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        unfetchable.push(url.href);
        return r.abort('blockedbyclient');
      }
      if (url.origin === one.origin || url.origin === two.origin) {
        routed.push(url.href);
        return r.continue();
      }
      if (url.hostname.endsWith(FAKE_TLD)) {
        routed.push(url.href);
        const answer = respond(url.pathname);
        return r.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
      }
      blocked.push(url.href);
      return r.abort('blockedbyclient');
    };
    // In flight: started and not yet finished or failed, in any frame of the page.
    const inFlight = new Set<Request>();
    let started = 0;
    const onRequest = (r: Request) => {
      started++;
      inFlight.add(r);
    };
    const onEnd = (r: Request) => inFlight.delete(r);
    const unrouted = options.route === false ? await this.browser.newContext(CONTEXT) : undefined;
    const page = unrouted ? await unrouted.newPage() : (this.idle.pop() ?? (await (await this.shared()).newPage()));
    try {
      if (!unrouted) await page.route('**/*', route);
      page.on('request', onRequest);
      page.on('requestfinished', onEnd);
      page.on('requestfailed', onEnd);
      await page.goto(pageUrl, { waitUntil: 'load', timeout: 20_000 });
      // A font starts only after layout, a refresh or a frame's own images after the load event.
      const until = Date.now() + SETTLE_LIMIT_MS;
      let seenStarted = Number.NaN; // one quiet wait at least
      while (Date.now() < until && (inFlight.size > 0 || started !== seenStarted)) {
        seenStarted = started;
        await page.waitForTimeout(QUIET_MS);
      }
      const inspected = options.inspect ? await options.inspect(page) : undefined;
      const seen = new Set([...routed, ...one.log.map((r) => r.url), ...two.log.map((r) => r.url)].map(withoutFragment));
      seen.delete(pageUrl);
      // The browser's own guess at the page's icon (made only when the route is off: with Fetch
      // interception on, Chromium skipped it in every case), never a message's: icon cases use other paths.
      seen.delete(new URL('/favicon.ico', pageUrl).href);
      return { origins, pageUrl, requested: [...seen].sort(), blocked: [...new Set(blocked)].sort(), unfetchable, inspected };
    } finally {
      page.off('request', onRequest);
      page.off('requestfinished', onEnd);
      page.off('requestfailed', onEnd);
      if (unrouted) {
        await unrouted.close();
      } else {
        await page.goto('about:blank').catch(() => undefined);
        await page.unroute('**/*', route);
        this.idle.push(page);
      }
      await one.stop();
      await two.stop();
    }
  }

  private context: Promise<BrowserContext> | undefined;
  private readonly idle: Page[] = [];

  private shared(): Promise<BrowserContext> {
    return (this.context ??= this.browser.newContext(CONTEXT));
  }
}

/** Scripts off as in mail clients; no service worker could answer a request behind the route's back. */
const CONTEXT = { javaScriptEnabled: false, viewport: { width: 1000, height: 800 }, serviceWorkers: 'block' } as const;

export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

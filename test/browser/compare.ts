import { withoutFragment } from './oracle-browser.js';
import { PAGE_DIR } from './oracle-server.js';

/** How pixelaudit's list differs from what Chromium requested. */
export interface Comparison {
  /** Chromium requested it, pixelaudit does not list it: a load pixelaudit misses. */
  missing: string[];
  /** The standard allows a browser to load it and pixelaudit must list it, but does not. */
  missingOptional: string[];
  /** pixelaudit lists it, and Chromium did not request it and the case does not allow it. */
  extra: string[];
}

export function agrees(c: Comparison): boolean {
  return c.missing.length === 0 && c.missingOptional.length === 0 && c.extra.length === 0;
}

/** True for a request resolved against the fixture page (no `<base>`): pixelaudit cannot report those. */
export function isPageRelative(url: string, pageUrl: string): boolean {
  return url.startsWith(new URL(PAGE_DIR, pageUrl).href);
}

/**
 * pixelaudit's list against Chromium's requests: every request (except those relative to the
 * page) must be listed, and every listed URL must be a request or allowed by `mayLoad`, which
 * pixelaudit must list too. URLs compare as serialised strings without their fragment (a
 * fragment is never sent); a list in another form (`HTTP://`, unescaped spaces) is a difference.
 */
export function compareLoads(requested: readonly string[], listed: readonly string[], mayLoad: readonly string[], pageUrl: string): Comparison {
  const loaded = new Set(requested.map(withoutFragment).filter((u) => !isPageRelative(u, pageUrl)));
  const optional = new Set(mayLoad.map(withoutFragment));
  const list = new Set(listed.map(withoutFragment));
  return {
    missing: [...loaded].filter((u) => !list.has(u)).sort(),
    missingOptional: [...optional].filter((u) => !loaded.has(u) && !list.has(u)).sort(),
    extra: [...list].filter((u) => !loaded.has(u) && !optional.has(u)).sort(),
  };
}

/** What pixelaudit lists for a page: the resources, and what it names but says a mail client does not load (a refresh). */
export interface Listed {
  resources: readonly string[];
  notLoaded: readonly string[];
}

/** How pixelaudit's lists differ from Chromium's requests, once the navigations are set apart. */
export interface ListedComparison {
  loads: Comparison;
  /** Navigations Chromium made that pixelaudit does not name in notLoaded. */
  notLoadedMissing: string[];
  /** Named in notLoaded, and not a navigation of the case's. */
  notLoadedExtra: string[];
}

/**
 * A navigation (`<meta http-equiv=refresh>`) is a request of Chromium's that a mail client never
 * makes: it must be in pixelaudit's notLoaded, and the resources must be the other requests
 * (compareLoads), so a refresh listed as a resource is extra.
 */
export function compareListed(requested: readonly string[], listed: Listed, mayLoad: readonly string[], navigates: readonly string[], pageUrl: string): ListedComparison {
  const navigations = new Set(navigates.map(withoutFragment));
  const named = new Set(listed.notLoaded.map(withoutFragment));
  return {
    loads: compareLoads(
      requested.filter((u) => !navigations.has(withoutFragment(u))),
      listed.resources,
      mayLoad,
      pageUrl,
    ),
    notLoadedMissing: [...navigations].filter((u) => !named.has(u)).sort(),
    notLoadedExtra: [...named].filter((u) => !navigations.has(u)).sort(),
  };
}

/** How Chromium's requests differ from what the case says it loads: a case whose author misread the browser. */
export interface OracleMismatch {
  /** The case says Chromium loads it; it did not. */
  notRequested: string[];
  /** Chromium requested it; the case does not say so (in loads, mayLoad or pageRelative). */
  unexpected: string[];
}

export function checkOracle(requested: readonly string[], loads: readonly string[], mayLoad: readonly string[], pageRelative: readonly string[]): OracleMismatch {
  const got = new Set(requested);
  const must = [...loads, ...pageRelative];
  const allowed = new Set([...must, ...mayLoad]);
  return {
    notRequested: must.filter((u) => !got.has(u)).sort(),
    unexpected: [...got].filter((u) => !allowed.has(u)).sort(),
  };
}

/**
 * One project-written page for the browser oracle. Every URL in it points at the oracle:
 * `{{O}}` and `{{O2}}` are the origins of the two loopback servers (`http://127.0.0.1:port`),
 * `{{H}}` and `{{H2}}` their host:port (for `http:{{H}}/x`, `//{{H}}/x`), `{{P}}` and `{{P2}}` their ports, and any `*.test` host
 * (http or https) is answered in-process. Nothing else may be requested.
 */
export interface LoadCase {
  /** Kebab-case name; the test is named after it. */
  id: string;
  /** What the case proves and the rule behind it (the standard, or what Chromium does). */
  why: string;
  html: string;
  /** What Chromium requests (it must request all of them). pixelaudit must list exactly these, plus mayLoad. */
  loads: string[];
  /**
   * What pixelaudit must list though the standard lets a browser skip it (other srcset
   * candidates, icons, prefetch, CSS that matches no element, Outlook-only markup). Chromium
   * may request any of them.
   */
  mayLoad?: string[];
  /** Requests resolved against the fixture page (a relative URL and no `<base>`): Chromium makes them, pixelaudit cannot know that origin and must not list them. */
  pageRelative?: string[];
  /**
   * Navigations Chromium makes that a mail client never follows (`<meta http-equiv=refresh>`):
   * Chromium must request them, and pixelaudit must list exactly these in `notLoaded`, never
   * among the resources (a refresh is named, not loaded).
   */
  navigates?: string[];
  /**
   * A documented difference: loads Chromium makes that pixelaudit is known to miss (the reason is
   * in `why` and the README). Chromium must request them, and pixelaudit must miss exactly these,
   * so the case fails as soon as pixelaudit lists them (then move them to `loads`).
   */
  knownMissed?: string[];
  /** URLs pixelaudit must list as may-loads (`load: 'may'`), not must-loads: what a construct of the message may stop (a meta policy). */
  listedMay?: string[];
  /** URLs pixelaudit must list as must-loads. */
  listedMust?: string[];
  /** Requests the route must block: Chromium tried them (so they count as loads), the guard stopped them. Every other case blocks none. */
  blocked?: string[];
}

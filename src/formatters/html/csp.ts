import { createHash } from 'node:crypto';

/** The CSP source of an inline script or style: its SHA-256, as the browser computes it over the UTF-8 text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing may load: no image, font, frame, connection, form target or base URL; only the
 * page's own script and stylesheet run, each named by its hash (computed as the page is
 * written, so an edit to either can never leave a stale hash behind). `<meta>` cannot carry
 * frame-ancestors or a report URI (a report would be a request anyway).
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [`default-src 'none'`, `script-src ${hashSource(script)}`, `style-src ${hashSource(style)}`, `img-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

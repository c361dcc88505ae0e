import type { TemplateExpression } from './template-expressions.js';
import { placeholdersIn } from './placeholders.js';
import { parseUrl } from '../url/url-parts.js';

/** Where the template expressions of one parsed URL stand. */
export interface UrlExpressions {
  /** The host is (or holds) an expression: the server is decided at render time. */
  inHost: TemplateExpression[];
  inPath: TemplateExpression[];
  /** Query parameters whose name or value holds an expression. */
  inQuery: Array<{ param: string; expression: TemplateExpression }>;
}

/**
 * Reads a URL as the URL standard serialised it with placeholders in place of expressions
 * (placeholders.ts: the standard keeps their characters as they are, so they are found again
 * in the host, path or query). Braces never reach the parser, so `{{ host }}` cannot turn into a
 * percent-encoded path or a rejected URL, and a placeholder host is known for what it is.
 */
export function urlExpressions(url: string, expressions: TemplateExpression[]): UrlExpressions | undefined {
  if (!url.includes('__')) return undefined;
  const parts = parseUrl(url);
  const inHost = placeholdersIn(parts.host, expressions).map((s) => s.expression);
  const inPath = placeholdersIn(parts.path, expressions).map((s) => s.expression);
  const inQuery: UrlExpressions['inQuery'] = [];
  for (const p of parts.params) {
    for (const s of placeholdersIn(`${p.name}=${p.value}`, expressions)) inQuery.push({ param: p.name, expression: s.expression });
  }
  if (!inHost.length && !inPath.length && !inQuery.length) return undefined;
  return { inHost, inPath, inQuery };
}

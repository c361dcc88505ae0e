import type { TrackerPattern } from './schema.js';

export type ExpressionKey = 'host' | 'path' | 'query';

/** A pattern's compiled expressions; an absent one accepts any value. */
export type CompiledExpressions = Partial<Record<ExpressionKey, RegExp>>;

/** Whether a URL's host, path and query each pass the expression given for it. */
export function expressionsMatch(c: CompiledExpressions, parts: Record<ExpressionKey, string>): boolean {
  return (!c.host || c.host.test(parts.host)) && (!c.path || c.path.test(parts.path)) && (!c.query || c.query.test(parts.query));
}

/**
 * A pattern's host, path or query expression as the matcher runs it. Hosts are case-insensitive
 * (URL standard; parseUrl lower-cases them); paths and queries are compared as written, since
 * servers tell `/C/` from `/c/`, unless the pattern says `ignoreCase` for a vendor whose servers do not.
 */
export function compileExpression(pattern: TrackerPattern, key: ExpressionKey): RegExp | undefined {
  const source = pattern[key];
  if (source === undefined) return undefined;
  return new RegExp(source, key === 'host' || pattern.ignoreCase ? 'i' : '');
}

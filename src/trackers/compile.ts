import type { TrackerPattern } from './schema.js';

export type ExpressionKey = 'host' | 'path' | 'query';

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

import type { MessageResult } from '../types.js';

/** Adds what the input reader noticed about a message (a byte order mark, NUL bytes) to its result's warnings. */
export async function withInputWarnings(result: Promise<MessageResult>, warnings: string[] | undefined): Promise<MessageResult> {
  if (!warnings?.length) return result;
  const r = await result;
  return r.error === null ? { ...r, warnings: [...warnings, ...r.warnings] } : r;
}

import { KnownError, reasonOf } from '../errors.js';

/**
 * The step of one message's analysis that failed; it prefixes the failure reason
 * (`html: ...`), so a report says where a hostile message broke the parser, not just that it did.
 */
export type Stage = 'mime' | 'headers' | 'html' | 'css' | 'url' | 'rule' | 'redact' | 'analysis';

/** An exception from one stage of one message: the message fails, the run goes on. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly original: unknown,
  ) {
    super(`${stage}: ${reasonOf(original)}`);
    this.name = 'StageError';
  }
}

/** A message over its time budget. Not a stage's fault: the reason names the budget alone. */
export class MessageTimeout extends Error {
  constructor(readonly budgetMs: number) {
    super(`took too long (over ${formatSeconds(budgetMs)} s)`);
    this.name = 'MessageTimeout';
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : String(Number(s.toFixed(3)));
}

/**
 * `fn`, with what it throws attributed to `stage`. The innermost stage wins (an error already
 * attributed passes through unchanged), so a URL decoded while walking the HTML is a `url` failure.
 */
export function staged<A extends unknown[], R>(stage: Stage, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      // eslint-disable-next-line no-restricted-syntax -- forwards the arguments of this very call
      return fn(...args);
    } catch (error) {
      throw attributed(stage, error);
    }
  };
}

export function attributed(stage: string, error: unknown): Error {
  return error instanceof StageError || error instanceof MessageTimeout ? error : new StageError(stage, error);
}

/** One rule's check, with what it throws attributed to that rule (`rule PA002: ...`). */
export function checkRule<F, H>(rule: { meta: { id: string }; check(facts: F): H }, facts: F): H {
  try {
    return rule.check(facts);
  } catch (error) {
    throw attributed(`rule ${rule.meta.id}`, error);
  }
}

/**
 * The reason a failed message shows: `stage: message`, the timeout's own words, or a known input
 * error's own words (`truncated message ...`: already the reason the README documents).
 */
export function failureReason(error: unknown): string {
  if (error instanceof StageError || error instanceof MessageTimeout) return error.message;
  if (error instanceof KnownError) return reasonOf(error);
  return `analysis: ${reasonOf(error)}`;
}

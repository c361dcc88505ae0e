/**
 * Outlook's downlevel-hidden conditional comments, `<!--[if mso]>...<![endif]-->`: a comment to
 * every browser, markup to Outlook (Word's renderer) when the condition holds for it. The
 * downlevel-revealed forms (`<![if !mso]>...<![endif]>`, `<!--[if !mso]><!-->...<!--<![endif]-->`)
 * are ordinary markup for browsers and need nothing here: the parser reads them as such.
 */

/** Where the markup Outlook renders lies inside a comment's data, or undefined when it renders none. */
export function outlookContent(data: string): { start: number; end: number } | undefined {
  let start = 0;
  while (start < data.length && data.charCodeAt(start) <= 0x20) start++;
  if (data.slice(start, start + 4).toLowerCase() !== '[if ') return undefined;
  const close = data.indexOf(']>', start);
  if (close === -1) return undefined;
  let end = data.length;
  while (end > close && data.charCodeAt(end - 1) <= 0x20) end--;
  const endif = end - '<![endif]'.length;
  if (endif < close + 2 || data.slice(endif, end).toLowerCase() !== '<![endif]') return undefined;
  if (!outlookRenders(data.slice(start + 4, close))) return undefined;
  return { start: close + 2, end: endif };
}

// Outlook's Word renderer reports itself as mso 9 (2000) to 16 (2016 and later); the Outlooks of
// 2000-2003 also answered for IE. A condition true for any of them is rendered by some Outlook.
const VERSIONS = [9, 10, 11, 12, 14, 15, 16];

/**
 * Whether the condition (`mso`, `gte mso 9`, `!mso`, `(mso)|(IE)`, `mso & !ie` ...) holds for
 * some Outlook version. One it cannot read is taken to hold: reporting a resource Outlook may
 * not load is the safe side of the promise.
 */
export function outlookRenders(condition: string): boolean {
  const tokens = condition.toLowerCase().match(/[()!|&]|[a-z]+|[0-9.]+/g) ?? [];
  try {
    return VERSIONS.some((v) => new Condition(tokens, v).holds());
  } catch {
    return true;
  }
}

/** A recursive-descent reader of the condition grammar; its input is a few tokens of a comment's head, not the message. */
class Condition {
  private at = 0;

  constructor(
    private readonly tokens: string[],
    private readonly version: number,
  ) {}

  holds(): boolean {
    if (this.tokens.length > 64) throw new Error('too long');
    const value = this.or();
    if (this.at !== this.tokens.length) throw new Error('trailing tokens');
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.tokens[this.at] === '|') {
      this.at++;
      value = this.and() || value;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.tokens[this.at] === '&') {
      this.at++;
      value = this.not() && value;
    }
    return value;
  }

  private not(): boolean {
    if (this.tokens[this.at] === '!') {
      this.at++;
      return !this.not();
    }
    if (this.tokens[this.at] === '(') {
      this.at++;
      const value = this.or();
      if (this.tokens[this.at++] !== ')') throw new Error('unbalanced');
      return value;
    }
    return this.term();
  }

  private term(): boolean {
    let op = this.tokens[this.at];
    if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') this.at++;
    else op = 'eq';
    const feature = this.tokens[this.at++];
    if (feature === undefined || !/^[a-z]+$/.test(feature)) throw new Error('no feature');
    // Outlook's renderer answers for `mso` (its version), `vml` (version 1) and, up to 2003, `IE` (6).
    const ownVersion = feature === 'mso' ? this.version : feature === 'vml' ? 1 : feature === 'ie' && this.version <= 11 ? 6 : undefined;
    const next = this.tokens[this.at];
    if (next !== undefined && /^[0-9.]+$/.test(next)) {
      this.at++;
      if (ownVersion === undefined) return false;
      const n = Number.parseFloat(next);
      // `mso 12` means major version 12, as IE's `IE 6` does.
      if (op === 'gt') return ownVersion > n;
      if (op === 'gte') return ownVersion >= n;
      if (op === 'lt') return ownVersion < n;
      if (op === 'lte') return ownVersion <= n;
      return Math.trunc(ownVersion) === Math.trunc(n);
    }
    if (op !== 'eq') throw new Error('comparison without a version');
    // A feature Outlook does not answer for (`!IE` in Outlook 2007 and later) is false.
    return ownVersion !== undefined;
  }
}

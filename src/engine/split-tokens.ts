import type { Ticker } from '../url/form-matcher.js';
import { shapeOf } from '../url/identifiers.js';

// What one piece of a split token is made of: no `.` (a file name ends the run), no escape.
const PIECE = /^[A-Za-z0-9_-]+$/;
// And what it looks like: 3 characters or more, with a digit or both cases (`Xk9q`, `7hTz`, `ab12`),
// not a capitalised word (`Ripple`). A word (`img`, `e-mail`), a one-letter folder (`G`) or a
// two-digit one (`01`) ends the run: Amazon's `/images/G/01/e-mail/img/` joined to a token shape.
const CHUNK = /^(?=.*\d)|^(?=.*[a-z])(?=.*[A-Z])(?![A-Z][a-z]+$)/;
const DIGITS = /^\d+$/;
// A piece this long is judged on its own (redact.ts cuts identifiers of 8 characters and more).
const SHORT = 8;
// Fewer pieces than this are a path's words (`/en/us/`, `/p/12ab/`), not a token cut up.
const MIN_PIECES = 3;
// `w600`, `h400`, `q80`, `v1`: an image service's size, quality or version word, not a chunk of
// a token (a random 4-character chunk has this shape about once in 300).
const PARAMETER = /^[A-Za-z]\d{1,4}$/;
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i;

/**
 * A per-recipient token written across short path segments (`/ab12/cd34/ef56/gh78/`): no
 * segment is long enough to be cut as an identifier, but together they are one. A run of at
 * least MIN_PIECES consecutive short segments of token characters whose joined text has a random
 * shape (identifiers.ts: a token, hex or UUID; a date path `/2024/05/14/` joins to a number,
 * words to a slug) keeps its first segments up to `keep` characters and loses the rest:
 * `/ab12/…/o.gif`. Linear: each segment is read once, each run classified once.
 */
export function cutSplitTokens(url: string, keep: number, ticker?: Ticker): string {
  const authority = AUTHORITY.exec(url);
  const from = authority ? authority[0].length : 0;
  let end = url.length;
  for (const c of ['?', '#']) {
    const at = url.indexOf(c, from);
    if (at !== -1 && at < end) end = at;
  }
  // A run is MIN_PIECES segments, so MIN_PIECES - 1 slashes between them, and one more before
  // them when the path starts with `/` (its empty first segment is in no run): most paths
  // (`/ls/click`, `/o.gif`) have fewer, and are returned as they are, without a split and join.
  const needed = url.charCodeAt(from) === 47 ? MIN_PIECES : MIN_PIECES - 1;
  let slashes = 0;
  for (let at = url.indexOf('/', from); at !== -1 && at < end && slashes < needed; at = url.indexOf('/', at + 1)) slashes++;
  if (slashes < needed) return url;
  const segments = url.slice(from, end).split('/');
  const out: string[] = [];
  let run: string[] = [];
  let cutAny = false;
  const flush = (): void => {
    // Mostly numbers is a path of ids the same for every reader (`/194/EE9/154444/`, an account,
    // a campaign, an asset): a split token's chunks are letters and digits mixed.
    let numbers = 0;
    for (const piece of run) if (DIGITS.test(piece)) numbers++;
    if (run.length >= MIN_PIECES && numbers * 2 < run.length && isSplitToken(run.join(''), ticker)) {
      let kept = 0;
      let k = 0;
      while (k < run.length && kept < keep) kept += run[k++].length;
      for (const piece of run.slice(0, k)) out.push(piece);
      out.push('…');
      cutAny = true;
    } else for (const piece of run) out.push(piece);
    run = [];
  };
  for (const segment of segments) {
    ticker?.tick();
    if (segment.length >= 3 && segment.length < SHORT && PIECE.test(segment) && CHUNK.test(segment) && !PARAMETER.test(segment)) {
      run.push(segment);
      continue;
    }
    flush();
    out.push(segment);
  }
  flush();
  return cutAny ? url.slice(0, from) + out.join('/') + url.slice(end) : url;
}

function isSplitToken(joined: string, ticker?: Ticker): boolean {
  const shape = shapeOf(joined, ticker);
  return shape === 'token' || shape === 'hex' || shape === 'uuid';
}

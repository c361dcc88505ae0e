/**
 * The HTML standard's "parse a srcset attribute" (§4.8.4.3.10), step by step. Written here
 * because the maintained library (@prettier/parse-srcset) throws on the first invalid descriptor
 * and so loses every other candidate, where the standard drops that one candidate and goes on,
 * as Chromium does (`<img srcset="a 1q, b 2x">` loads b). Linear in the attribute.
 */
import type { Ticker } from '../url/form-matcher.js';

export interface SrcsetCandidate {
  /** The URL as written (not yet parsed). */
  url: string;
  /** Offset of the URL in the attribute value. */
  offset: number;
  width?: number;
  density?: number;
}

export interface SrcsetResult {
  candidates: SrcsetCandidate[];
  /** Candidates dropped for an invalid descriptor: the standard's parse errors that lose a URL. */
  dropped: SrcsetCandidate[];
}

const NO_TICKER: Ticker = { tick() {} };

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const COMMA = 0x2c;

// Each candidate ticks the message's deadline (400,000 candidates in one attribute is one step of the walk).
export function parseSrcset(input: string, ticker: Ticker = NO_TICKER): SrcsetResult {
  const candidates: SrcsetCandidate[] = [];
  const dropped: SrcsetCandidate[] = [];
  let position = 0;
  const end = input.length;
  for (;;) {
    // Splitting loop: skip whitespace and commas.
    while (position < end && (isSpace(input.charCodeAt(position)) || input.charCodeAt(position) === COMMA)) position++;
    if (position >= end) return { candidates, dropped };
    ticker.tick();
    const urlStart = position;
    while (position < end && !isSpace(input.charCodeAt(position))) position++;
    let url = input.slice(urlStart, position);
    const descriptors: string[] = [];
    if (url.charCodeAt(url.length - 1) === COMMA) {
      // A URL ending in commas has no descriptors: the commas go.
      let cut = url.length;
      while (cut > 0 && url.charCodeAt(cut - 1) === COMMA) cut--;
      url = url.slice(0, cut);
    } else {
      position = tokenizeDescriptors(input, position, descriptors);
    }
    const candidate = parseDescriptors(url, urlStart, descriptors);
    if (candidate) candidates.push(candidate);
    else dropped.push({ url, offset: urlStart });
  }
}

/** The descriptor tokenizer; returns the position after the candidate (past its comma). */
function tokenizeDescriptors(input: string, start: number, out: string[]): number {
  const end = input.length;
  let position = start;
  while (position < end && isSpace(input.charCodeAt(position))) position++;
  let current = '';
  let state: 'in descriptor' | 'in parens' | 'after descriptor' = 'in descriptor';
  for (;;) {
    const eof = position >= end;
    const c = eof ? -1 : input.charCodeAt(position);
    if (state === 'in descriptor') {
      if (isSpace(c)) {
        if (current) {
          out.push(current);
          current = '';
          state = 'after descriptor';
        }
      } else if (c === COMMA) {
        if (current) out.push(current);
        return position + 1;
      } else if (c === 0x28 /* ( */) {
        current += '(';
        state = 'in parens';
      } else if (eof) {
        if (current) out.push(current);
        return position;
      } else current += input[position];
    } else if (state === 'in parens') {
      if (c === 0x29 /* ) */) {
        current += ')';
        state = 'in descriptor';
      } else if (eof) {
        out.push(current);
        return position;
      } else current += input[position];
    } else if (eof) {
      return position;
    } else if (!isSpace(c)) {
      // After descriptor, anything else: reconsume it in descriptor.
      state = 'in descriptor';
      continue;
    }
    position++;
  }
}

const NON_NEGATIVE_INTEGER = /^[0-9]+$/;
// A valid floating-point number (§2.3.4.3): optional minus, digits and/or a fraction, optional exponent.
const FLOATING_POINT = /^-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/** The descriptor parser: the candidate, or undefined when the standard says error. */
function parseDescriptors(url: string, offset: number, descriptors: string[]): SrcsetCandidate | undefined {
  let width: number | undefined;
  let density: number | undefined;
  let futureCompatH: number | undefined;
  for (const descriptor of descriptors) {
    const last = descriptor[descriptor.length - 1];
    const value = descriptor.slice(0, -1);
    if (last === 'w' && NON_NEGATIVE_INTEGER.test(value)) {
      if (width !== undefined || density !== undefined) return undefined;
      const n = Number.parseInt(value, 10);
      if (n === 0) return undefined;
      width = n;
    } else if (last === 'x' && FLOATING_POINT.test(value)) {
      if (width !== undefined || density !== undefined || futureCompatH !== undefined) return undefined;
      const n = Number.parseFloat(value);
      if (n < 0) return undefined;
      density = n;
    } else if (last === 'h' && NON_NEGATIVE_INTEGER.test(value)) {
      if (futureCompatH !== undefined || density !== undefined) return undefined;
      const n = Number.parseInt(value, 10);
      if (n === 0) return undefined;
      futureCompatH = n;
    } else return undefined;
  }
  if (futureCompatH !== undefined && width === undefined) return undefined;
  return { url, offset, ...(width !== undefined ? { width } : {}), ...(density !== undefined ? { density } : {}) };
}

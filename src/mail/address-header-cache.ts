import { parseAddressHeader } from 'mailparser';
import { type Addresses, simpleAddress } from './simple-address.js';

// A mailbox repeats its address headers: `To` is the reader's own address on nearly every
// message, `From` a sender's, message after message. mailparser's address parser (tokenizer,
// encoded words, punycode) was 3.5% of a warm one-worker scan's profile; it depends on the value
// alone, so each distinct value is parsed once per worker. Bounded (emptied when full), so
// memory stays flat; long values are parsed every time and never kept.
const KNOWN = new Map<string, Addresses>();
const MAX_ENTRIES = 5_000;
const MAX_KEY_CHARS = 4_096;

/**
 * mailparser's `parseAddressHeader(value)` (its addresses and text), the same object for the
 * same value: callers only read it (never change it), since it is shared. The commonest forms
 * are read by simpleAddress, without mailparser.
 */
export function addressHeader(value: string): Readonly<Addresses> {
  let parsed = KNOWN.get(value);
  if (parsed === undefined) {
    parsed = simpleAddress(value) ?? parseAddressHeader(value);
    if (value.length <= MAX_KEY_CHARS) {
      if (KNOWN.size >= MAX_ENTRIES) KNOWN.clear();
      KNOWN.set(value, parsed);
    }
  }
  return parsed;
}

import type { EmailAddress } from 'mailparser';

/** What the scan reads of an address header: the addresses and their text form. */
export interface Addresses {
  value: EmailAddress[];
  text: string;
}

// The forms most address headers take: `local@domain`, `<local@domain>` and `Name <local@domain>` (the name
// plain words or a quoted string without escapes). Nothing in them is an operator, a comment, an
// encoded word or punycode, so addressparser's tokenizer and recovery rules have nothing to do.
const ADDRESS = '[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9][A-Za-z0-9.-]*';
const BARE = new RegExp(`^(?:${ADDRESS}|<${ADDRESS}>)$`);
const NAMED = new RegExp(`^(?:"([A-Za-z0-9][A-Za-z0-9 .,'&_-]*)"|([A-Za-z0-9][A-Za-z0-9.'&_-]*(?: [A-Za-z0-9.'&_-]+)*)) <(${ADDRESS})>$`);

/**
 * mailparser's parseAddressHeader(value) for those forms, without it; undefined for any
 * other value. Its tokenizer and address recovery (nodemailer's addressparser, 1,200 lines)
 * cost about 300 ms of CPU on the 4,461 messages of the bench mbox, whose From values are
 * mostly distinct; test/simple-address.test.ts compares the two on generated values and on
 * every address header of the shared corpora.
 */
export function simpleAddress(value: string): Addresses | undefined {
  if (value.includes('xn--')) return undefined;
  if (BARE.test(value)) {
    const address = value.startsWith('<') ? value.slice(1, -1) : value;
    return { value: [{ address, name: '' }], text: address };
  }
  const m = NAMED.exec(value);
  if (!m) return undefined;
  const name = (m[1] ?? m[2]).trim();
  const address = m[3];
  return { value: [{ address, name }], text: name ? `"${name}" <${address}>` : address };
}

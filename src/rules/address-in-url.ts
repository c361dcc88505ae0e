import type { Rule } from './rule.js';

/** PA003: the URL carries the recipient's address, plain, encoded or hashed. */
export const addressInUrl: Rule = {
  meta: {
    id: 'PA003',
    alias: 'address-in-url',
    category: 'address-leak',
    confidence: 'high',
    appliesTo: 'resource',
    description: "The resource URL carries the recipient's address, plain, URL-encoded, base64 or as a hex hash.",
    docs:
      'Recipient addresses come from Delivered-To, X-Original-To, Envelope-To, the other delivery headers (X-Delivered-To, X-Envelope-To, X-Apparently-To and the like), the for clause of Received, To, Cc, Bcc, Resent-To, Resent-Cc, Resent-Bcc, X-Forwarded-To, --me and an imap --user login that is an address. ' +
      'Each is looked for in the resource URL (after percent-decoding) plain, URL-encoded, base64 (standard and URL-safe), ' +
      'as the hex of its bytes, and as MD5, SHA-1, SHA-224, SHA-256, ' +
      'SHA-384 and SHA-512 of the trimmed address, lower-cased and as written. Loading such a resource tells its host who opened the ' +
      'message, so it is open tracking whatever its size.',
    messages: {
      leak: 'the URL carries the recipient address ({encoding})',
    },
  },
  check(facts) {
    const leak = facts.leaks[0];
    if (!leak) return undefined;
    return { messageKey: 'leak', tracking: true, data: { encoding: facts.leaks.map((l) => l.encoding).join(', ') } };
  },
};

import type { LinkFacts, Rule } from './rule.js';

/** PA007: a link URL carries the recipient's address, plain, encoded or hashed. */
export const addressInLink: Rule<LinkFacts> = {
  meta: {
    id: 'PA007',
    alias: 'address-in-link',
    category: 'address-leak',
    confidence: 'high',
    appliesTo: 'link',
    description: "A link URL carries the recipient's address, plain, URL-encoded, base64 or as a hex hash.",
    docs: 'The same search as PA003, over links: clicking such a link hands the address (or a hash that identifies it across ' + "companies) to the link's host and to every redirect on the way. It is an address leak, not open tracking.",
    messages: {
      leak: 'the link carries the recipient address ({encoding})',
    },
  },
  check(facts) {
    if (!facts.leaks.length) return undefined;
    return { messageKey: 'leak', tracking: false, data: { encoding: facts.leaks.map((l) => l.encoding).join(', ') } };
  },
};

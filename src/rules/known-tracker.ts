import type { Rule } from './rule.js';

/** PA001: the URL is a known open-tracking endpoint or identified beacon of a named vendor. */
export const knownTracker: Rule = {
  meta: {
    id: 'PA001',
    alias: 'known-tracker',
    category: 'open-tracking',
    confidence: 'high',
    appliesTo: 'resource',
    description: 'The resource is a documented or unmistakable open-tracking endpoint of a named vendor.',
    docs:
      'Matches the resource URL (after unwrapping image proxies) against the vendor patterns in rules/trackers/. ' +
      'A match of kind "open" is an open-tracking endpoint whatever size the image declares; a match of kind "beacon" ' +
      "is a personalised image or ad impression served with a per-recipient identifier. Patterns on a sender's own " +
      'domain (CNAMEd to the vendor) are matched by their path shape.',
    messages: {
      open: '{vendorName} open-tracking endpoint ({pattern})',
      beacon: '{vendorName} identified beacon: a personalised image served with a per-recipient id ({pattern})',
    },
  },
  check(facts) {
    const match = facts.match;
    if (!match || (match.pattern.kind !== 'open' && match.pattern.kind !== 'beacon')) return undefined;
    return {
      messageKey: match.pattern.kind,
      tracking: true,
      data: { vendorName: match.vendor.name, pattern: match.pattern.id },
    };
  },
};

import { identifierLabel } from '../url/identifiers.js';
import type { Rule, RuleHit } from './rule.js';

/** PA004: a visible image served by an open-style endpoint with an identifier. */
export const identifiedBeacon: Rule = {
  meta: {
    id: 'PA004',
    alias: 'identified-beacon',
    category: 'open-tracking',
    confidence: 'medium',
    appliesTo: 'resource',
    description: 'An image of any size served from an open-style path (/open, /track, /pixel, /imp ...), or a spacer file, with an identifier.',
    docs:
      'Some trackers do not hide their beacon: a background image, a banner or a "live content" image is served from an ' +
      'open-tracking path with a per-message or per-recipient token, so loading it reports the open. A spacer file ' +
      '(spacer.gif, blank.gif) under a per-recipient path is the same thing. Both the open-style path (or spacer name) ' +
      'and an identifier are required; a plain content image with a hashed file name is not enough.',
    messages: {
      beacon: 'image served from an open-style path ({openWord}) with an identifier ({identifier})',
      'spacer-with-id': 'spacer image ({spacerName}) served under an identifier ({identifier})',
    },
  },
  check(facts): RuleHit | undefined {
    if (facts.resource.hiddenBy || facts.match?.pattern.kind === 'asset') return undefined;
    const id = facts.identifiers[0];
    if (!id || !(facts.strongOpenWord || facts.spacerName)) return undefined;
    const identifier = identifierLabel(id);
    if (facts.strongOpenWord) return { messageKey: 'beacon', tracking: true, data: { openWord: facts.strongOpenWord, identifier } };
    return { messageKey: 'spacer-with-id', tracking: true, data: { spacerName: facts.spacerName ?? '', identifier } };
  },
};

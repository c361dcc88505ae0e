import type { Rule } from './rule.js';

/** PA005: an invisible image with nothing personal in its URL: most likely a layout spacer. */
export const spacer: Rule = {
  meta: {
    id: 'PA005',
    alias: 'possible-spacer',
    category: 'spacer',
    confidence: 'low',
    appliesTo: 'resource',
    description: 'An invisible image with no identifier and a static path: reported, but it does not make a message tracked.',
    docs:
      'spacer.gif, blank.gif, 1 px dividers and hidden responsive copies of content images are served the same to every ' +
      'reader, so the sender learns no more than "someone opened some copy". They are listed so a user can see them, ' +
      'and never count towards the tracked verdict.',
    messages: {
      spacer: 'invisible image ({hiddenBy}) with a static URL: probably a spacer',
    },
  },
  check(facts) {
    const { resource } = facts;
    if (!resource.hiddenBy || facts.identifiers.length > 0 || facts.strongOpenWord || facts.leaks.length > 0) return undefined;
    if (facts.match && facts.match.pattern.kind !== 'asset' && facts.match.pattern.kind !== 'click') return undefined;
    return { messageKey: 'spacer', tracking: false, data: { hiddenBy: resource.hiddenDetail ?? resource.hiddenBy } };
  },
};

import type { RuleMeta } from '../../rules/rule.js';

/** PA013: a link whose query carries a template expression: a per-recipient id on the click. */
export const templateIdInLink: { meta: RuleMeta } = {
  meta: {
    id: 'PA013',
    alias: 'template-id-in-link',
    category: 'link-tracking',
    confidence: 'medium',
    appliesTo: 'link',
    description: 'A link with a literal host whose query carries a template expression (not an unsubscribe, opt-in, preferences or web-view link).',
    docs:
      'A per-recipient value in a link query (`?uid={{ user.id }}`, `utm_content={{ message.uuid }}`) tells the site who clicked. ' +
      'An expression in the path is taken as content (a post slug), and links whose purpose needs the recipient (unsubscribe, ' +
      'opt-in, preferences, view in the browser) are left out.',
    messages: {
      'expression-in-query': 'link query parameter {param} carries the template expression {expression}',
      'address-in-query': "link query parameter {param} sends the recipient's address ({expression})",
    },
  },
};

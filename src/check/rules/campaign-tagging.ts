import type { RuleMeta } from '../../rules/rule.js';

/** PA014: a link whose only parameters are utm_* campaign tags: reported as tagging, not tracking. */
export const campaignTagging: { meta: RuleMeta } = {
  meta: {
    id: 'PA014',
    alias: 'campaign-tagging',
    category: 'campaign-tagging',
    confidence: 'high',
    appliesTo: 'link',
    description: 'A link whose query holds only utm_* parameters with literal values: the same for every recipient.',
    docs:
      'utm_source, utm_medium, utm_campaign and their kin name the campaign, not the reader: every copy of the newsletter carries the ' +
      'same values. They are reported at the lowest severity so a team can see them; a utm_* value that is a template expression is ' +
      'a per-recipient id and is reported by PA013 instead.',
    messages: {
      'utm-only': 'link carries only campaign parameters ({params})',
    },
  },
};

import type { RuleMeta } from '../../rules/rule.js';

/** PA011: a template tag of a newsletter system that inserts a tracking pixel or wraps links (rules/templates). */
export const templateTrackingTag: { meta: RuleMeta } = {
  meta: {
    id: 'PA011',
    alias: 'template-tracking-tag',
    category: 'open-tracking',
    confidence: 'high',
    appliesTo: 'resource',
    description: 'A template tag, helper or placeholder that a newsletter system renders as a tracking pixel or a click-tracking redirect.',
    docs:
      'Newsletter systems insert their open pixel and wrap links where the template asks for it: listmonk {{ TrackView }} and ' +
      '{{ TrackLink }} (or url@TrackLink), Mautic {tracking_pixel}, phpList [USERTRACK], Open edX {% google_analytics_tracking_pixel %} ' +
      "and {% with_link_tracking %}, Frappe <!--email open check-->, Groundhogg load_part('open-tracking'). The tags are data in " +
      'rules/templates/, each with its source and examples. The finding points at the tag in the source template.',
    messages: {
      'open-pixel': '{system} tag {tag} inserts an open-tracking pixel',
      'link-wrap': '{system} tag {tag} sends links through a click-tracking redirect',
    },
  },
};

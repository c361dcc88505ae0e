import { isRandomId, identifierLabel } from '../url/identifiers.js';
import { IMAGE_KINDS } from './image-kinds.js';
import type { Rule, RuleHit } from './rule.js';

/** PA009: an image that carries the same per-recipient identifier as the message's tracked links. */
export const idSharedWithLink: Rule = {
  meta: {
    id: 'PA009',
    alias: 'id-shared-with-link',
    category: 'open-tracking',
    confidence: 'medium',
    appliesTo: 'resource',
    description: "A remote image whose URL carries an identifier that the message's click-tracked links also carry.",
    docs:
      'A per-recipient id (a long random token, a UUID or a hash) that stands both in an image URL and in the links a ' +
      'link-tracking rule reported ties the image to this recipient: loading it tells the sender who opened the message, ' +
      'whatever size the image has. Only random-looking values of 10 characters or more count (campaign numbers and ' +
      'short named ids are the same in every copy), only identifiers of the image itself (the hashed folders of content ' +
      'images are not identifiers, nor is the first path segment, which names the endpoint or bucket every link shares), ' +
      "and never on a vendor's static asset host.",
    messages: {
      shared: "image carries the identifier of the message's tracked links ({identifier})",
    },
  },
  check(facts): RuleHit | undefined {
    if (facts.linkIds.size === 0 || !IMAGE_KINDS.has(facts.resource.kind) || facts.match?.pattern.kind === 'asset') return undefined;
    // The first path segment names an endpoint or a folder (a spam kit's script, a storage bucket)
    // that every copy and every link share; a per-recipient id stands after it or in the query.
    const first = facts.parts.segments[0];
    const id = facts.identifiers.find((i) => isRandomId(i) && facts.linkIds.has(i.value) && !(i.where === 'path' && i.value === first));
    if (!id) return undefined;
    return { messageKey: 'shared', tracking: true, data: { identifier: identifierLabel(id) } };
  },
};

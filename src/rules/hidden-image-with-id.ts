import { identifierLabel } from '../url/identifiers.js';
import type { Rule } from './rule.js';

/** PA002: an invisible image whose URL can tell this message or recipient apart. */
export const hiddenImageWithId: Rule = {
  meta: {
    id: 'PA002',
    alias: 'hidden-image-with-id',
    category: 'open-tracking',
    confidence: 'high',
    appliesTo: 'resource',
    description: 'An invisible image (0 to 3 px, or hidden) whose URL carries an identifier or has an open-style path.',
    docs:
      'Invisible means declared 0 to 3 px on a side by attribute or CSS (width, height, max-width, max-height), or hidden ' +
      'by display:none, visibility:hidden, opacity:0, a zero-height or mso-hide:all wrapper, off-screen placement, ' +
      "content-visibility:hidden, a transform or clip-path to nothing, or what the browser's own style sheet hides " +
      '(a closed dialog or details, a popover, video, audio and object fallback content), on ' +
      'the element or an ancestor; or judged after the style sheets proved too costly to apply in full (a sender ' +
      'gains nothing by exhausting the match budget). An identifier is a long token, id, UUID or hash in the query or path; an open-style ' +
      "path is /open, /o/, /track, /pixel, /beacon and the like. Static images of a vendor's asset hosts are exempt.",
    messages: {
      'with-id': 'invisible image ({hiddenBy}) whose URL carries an identifier ({identifier})',
      'open-path': 'invisible image ({hiddenBy}) with an open-style path ({openWord})',
    },
  },
  check(facts) {
    const { resource } = facts;
    if (!resource.hiddenBy || facts.match?.pattern.kind === 'asset') return undefined;
    const id = facts.identifiers[0];
    const hiddenBy = resource.hiddenDetail ?? resource.hiddenBy;
    if (id) {
      const identifier = identifierLabel(id);
      return { messageKey: 'with-id', tracking: true, data: { hiddenBy, identifier, ...(facts.openWord ? { openWord: facts.openWord } : {}) } };
    }
    if (facts.strongOpenWord) return { messageKey: 'open-path', tracking: true, data: { hiddenBy, openWord: facts.strongOpenWord } };
    return undefined;
  },
};

import type { RuleMeta } from '../../rules/rule.js';

/** PA012: a remote resource whose URL carries a template expression, rendered per recipient. */
export const templateIdInResource: { meta: RuleMeta } = {
  meta: {
    id: 'PA012',
    alias: 'template-id-in-resource',
    category: 'open-tracking',
    confidence: 'medium',
    appliesTo: 'resource',
    description: 'An image or other remote resource whose URL (after a literal scheme and host, or with the host itself an expression) holds a template expression.',
    docs:
      'A template expression inside a resource URL (`https://t.example/o.gif?u={{ user.id }}`, `*|UNIQID|*`, `%%...%%`, ' +
      '`{contactfield=id}`) is filled in per recipient when the mail is sent, so loading the resource tells its server who opened ' +
      'the message. A URL that is an expression as a whole (`{{ logo_url }}`) names no host: in a visible image it is not judged (what it ' +
      'loads is decided outside the template), in a hidden one it is open tracking of a host the template does not tell, unless the ' +
      "expression is a literal asset or names content (`{{ 'spacer.png' | asset_url }}`).",
    messages: {
      'expression-in-url': 'remote {kind} URL carries the template expression {expression} in its {where}',
      'address-in-url': "remote {kind} URL sends the recipient's address ({expression}) in its {where}",
    },
  },
};

import { identifierLabel } from '../url/identifiers.js';
import { registrable } from '../engine/party.js';
import type { Rule, RuleHit } from './rule.js';
import { IMAGE_KINDS } from './image-kinds.js';

// First host labels that name the job of a tracking endpoint (open.example.com, trk.example.com).
const JOB_LABELS = new Set(['open', 'trk', 'track', 'pixel', 'beacon', 't']);

/** PA010: an image from a host whose first label names tracking, with an identifier in its URL. */
export const trackingHostLabel: Rule = {
  meta: {
    id: 'PA010',
    alias: 'tracking-host-label',
    category: 'open-tracking',
    confidence: 'medium',
    appliesTo: 'resource',
    description: 'An image of any size from a host named for tracking (open., trk., track., pixel., beacon., t.) whose URL carries an identifier.',
    docs:
      'Senders and their platforms name the host that counts opens after its job: open.example.com, trk.example.com, ' +
      't.example.com. An image from such a host is beacon evidence when its URL also carries an identifier that can tell ' +
      'one copy from another (a long token, an id, a hash; the hashed folders of content images do not count). The label ' +
      "must be a subdomain (t.co is a domain, not a tracking host), and a vendor's static asset host is exempt.",
    messages: {
      label: 'image from a host named for tracking ({label}.) with an identifier ({identifier})',
    },
  },
  check(facts): RuleHit | undefined {
    if (!IMAGE_KINDS.has(facts.resource.kind) || facts.match?.pattern.kind === 'asset') return undefined;
    const host = facts.parts.host;
    const dot = host.indexOf('.');
    const label = dot > 0 ? host.slice(0, dot) : '';
    if (!JOB_LABELS.has(label) || registrable(host) === host) return undefined;
    const id = facts.identifiers[0];
    if (!id) return undefined;
    return { messageKey: 'label', tracking: true, data: { label, identifier: identifierLabel(id) } };
  },
};

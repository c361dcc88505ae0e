import { identifierLabel } from '../url/identifiers.js';
import type { LinkFacts, Rule, RuleHit } from './rule.js';

// Parameters that vendors document as per-recipient (campaign-wide utm_ parameters are not):
// any value with a digit counts. Short generic names (e, t, sid ...) count only with a token value.
const RECIPIENT_PARAM = /^(mc_eid|_hsenc|_hsmi|mkt_tok|uid|user_?id|subscriber(_?id)?|recipient(_?id)?|email_?id|upn|_t|elqTrackId|elq|vero_id|ml_subscriber(_hash)?|ck_subscriber_id)$/i;
const CLICK_PATH = /(^|\/)(click|clicks|clk|redirect|redir|track|trk|tracking|out|go|link)(\.[a-z]+)?(\/|$)/i;
const GENERIC_ID_PARAM = /^(e|t|rid|eid|sid|s_id|token|ct|cid|trk|trkid|kx|jobid)$/i;

/** PA006: a link that reports the click before going where it says. */
export const clickTracking: Rule<LinkFacts> = {
  meta: {
    id: 'PA006',
    alias: 'click-tracking',
    category: 'link-tracking',
    confidence: 'medium',
    appliesTo: 'link',
    description: 'A link goes through a click-tracking redirect or carries a per-recipient token.',
    docs:
      'A link is click-tracked when it matches a vendor click pattern in rules/trackers, when it redirects to another host ' +
      'through a redirect-shaped host or a URL parameter, or when it carries a per-recipient identifier (mc_eid, _hsenc, ' +
      'mkt_tok, subscriber ids, long tokens on click./links./trk. hosts). The destination is shown when the URL reveals it. ' +
      'Link tracking is counted on its own and never makes a message "tracked".',
    messages: {
      vendor: '{vendorName} click-tracking redirect ({pattern})',
      redirect: 'redirect through {host} before the destination',
      token: 'link carries a per-recipient identifier ({identifier})',
    },
  },
  check(facts): RuleHit | undefined {
    const host = facts.parts.host;
    if (facts.match?.pattern.kind === 'click') {
      return { messageKey: 'vendor', tracking: false, data: { vendorName: facts.match.vendor.name, pattern: facts.match.pattern.id } };
    }
    const strong = facts.identifiers.find((i) => i.shape !== 'named-id' || RECIPIENT_PARAM.test(i.name ?? ''));
    const generic = facts.identifiers.find((i) => i.where === 'query' && (i.shape === 'token' || i.shape === 'hex' || i.shape === 'uuid') && GENERIC_ID_PARAM.test(i.name ?? ''));
    if (facts.destination && (facts.redirectHost || strong)) return { messageKey: 'redirect', tracking: false, data: { host } };
    // A click-counting script that sends on to a URL it carries, even on the sender's own host (clicks.asp?...&url=).
    if (CLICK_PATH.test(facts.parts.path) && facts.parts.params.some((p) => /^https?:\/\//i.test(p.value))) {
      return { messageKey: 'redirect', tracking: false, data: { host } };
    }
    // Named per-recipient parameters count whatever their value looks like (mc_eid=7f3c2a1b9d).
    const personal = facts.parts.params.find((p) => RECIPIENT_PARAM.test(p.name) && p.value.length >= 4 && /\d/.test(p.value));
    if (personal) return { messageKey: 'token', tracking: false, data: { identifier: `${personal.name}=…` } };
    if (generic) return { messageKey: 'token', tracking: false, data: { identifier: `${generic.name}=${generic.shape}` } };
    // A long random token in a link is a per-recipient or per-send id on any host (spam kits put it in the path).
    const token = facts.identifiers.find((i) => (i.shape === 'token' || i.shape === 'uuid' || i.shape === 'hex') && i.value.length >= (facts.redirectHost ? 12 : 16));
    if (token) return { messageKey: 'token', tracking: false, data: { identifier: identifierLabel(token) } };
    return undefined;
  },
};
